package de.hsk.ki.web;

import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the access log for reads of case data: a task's form, variables or comments, a process instance's
 * variables (REST API and webapps' API). Only successful reads are recorded.
 */
public class ZugriffsprotokollFilter extends OncePerRequestFilter {

  private static final String API = de.hsk.ki.web.Pfade.ENGINE_API;
  private static final Pattern AUFGABE = Pattern.compile(API + "/task/([^/]+)/(form-variables|variables|localVariables|rendered-form|form|comment)(?:/.*)?$");
  private static final Pattern INSTANZ = Pattern.compile(API + "/process-instance/([^/]+)/variables(?:/.*)?$");
  /** Queries across cases: logged with the resource, without a single case number. */
  private static final Pattern QUER = Pattern.compile(API
      + "/(?:variable-instance|history/variable-instance|history/detail|execution/[^/]+/localVariables)(?:/.*)?$");

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private final ProcessEngine engine;
  private final AngemeldeteBenutzer angemeldet;
  private final Zugriffsprotokoll protokoll;

  public ZugriffsprotokollFilter(ProcessEngine engine, AngemeldeteBenutzer angemeldet, Zugriffsprotokoll protokoll) {
    this.engine = engine;
    this.angemeldet = angemeldet;
    this.protokoll = protokoll;
  }


  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String pfad = de.hsk.ki.web.Pfade.von(request);
    Matcher aufgabe = AUFGABE.matcher(pfad);
    Matcher instanz = INSTANZ.matcher(pfad);
    boolean lesend = "GET".equals(request.getMethod());
    boolean quer = QUER.matcher(pfad).matches() && (lesend || "POST".equals(request.getMethod()));
    boolean fallDaten = lesend && (aufgabe.matches() || instanz.matches());
    if (quer) {
      String leser = benutzer(request);
      var antwort = new org.springframework.web.util.ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(request, antwort);
        if (leser != null && antwort.getStatus() < 300) {
          // one entry per case the answer holds: every read stays attributable to a case number
          java.util.Set<String> faelle = faelle(antwort.getContentAsByteArray());
          if (faelle.isEmpty()) {
            protokoll.lesend(leser, null, pfad);
          }
          for (String aktenzeichen : faelle) {
            protokoll.lesend(leser, aktenzeichen, pfad);
          }
        }
      } finally {
        antwort.copyBodyToResponse();
      }
      return;
    }
    String benutzer = fallDaten ? benutzer(request) : null;
    chain.doFilter(request, response);
    if (!fallDaten || benutzer == null || response.getStatus() >= 300) {
      return;
    }
    // looked up as the reader: the task variable "aktenzeichen" needs only the task's read permission
    String aktenzeichen;
    try {
      aktenzeichen = aufgabe.matches()
          ? (String) engine.getTaskService().getVariableLocal(aufgabe.group(1), "aktenzeichen")
          : aktenzeichen(instanz.group(1));
    } catch (RuntimeException e) {
      aktenzeichen = null; // still record that the case data was read
    }
    protokoll.lesend(benutzer, aktenzeichen, pfad);
  }

  /** The case numbers of the process instances an answer names (a list of variables or details). */
  private java.util.Set<String> faelle(byte[] inhalt) {
    java.util.Set<String> instanzen = new java.util.HashSet<>();
    try {
      com.fasterxml.jackson.databind.JsonNode liste = JSON.readTree(inhalt);
      for (com.fasterxml.jackson.databind.JsonNode eintrag : liste.isArray() ? liste : java.util.List.of(liste)) {
        if (eintrag.hasNonNull("processInstanceId")) {
          instanzen.add(eintrag.get("processInstanceId").asText());
        }
      }
    } catch (IOException | RuntimeException e) {
      return java.util.Set.of(); // not JSON (a binary value): logged without a case
    }
    java.util.Set<String> faelle = new java.util.TreeSet<>();
    java.util.List<String> ids = new java.util.ArrayList<>(instanzen);
    for (int i = 0; i < ids.size(); i += 500) {
      String[] teil = ids.subList(i, Math.min(ids.size(), i + 500)).toArray(String[]::new);
      de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung.ausfuehren(() -> engine.getHistoryService()
          .createHistoricProcessInstanceQuery().processInstanceIds(java.util.Set.of(teil)).list())
          .forEach(fall -> faelle.add(fall.getBusinessKey() == null ? fall.getId() : fall.getBusinessKey()));
    }
    return faelle;
  }

  private String benutzer(HttpServletRequest request) {
    return angemeldet.aufrufer(request, engine.getIdentityService()).map(AngemeldeteBenutzer.Benutzer::id).orElse(null);
  }

  private String aktenzeichen(String prozessInstanz) {
    if (prozessInstanz == null) {
      return null;
    }
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(prozessInstanz).singleResult();
    return pi == null ? null : pi.getBusinessKey();
  }
}
