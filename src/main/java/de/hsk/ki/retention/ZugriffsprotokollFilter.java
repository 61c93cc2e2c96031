package de.hsk.ki.retention;

import de.hsk.ki.identity.AngemeldeteBenutzer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the access log for reads of case data: a task's form or variables, a process instance's
 * variables (REST API and webapps' API). Only successful reads are recorded.
 */
public class ZugriffsprotokollFilter extends OncePerRequestFilter {

  private static final String API = "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)";
  private static final Pattern AUFGABE = Pattern.compile(API + "/task/([^/]+)/(form-variables|variables|localVariables|rendered-form|form)(?:/.*)?$");
  private static final Pattern INSTANZ = Pattern.compile(API + "/process-instance/([^/]+)/variables(?:/.*)?$");

  private final ProcessEngine engine;
  private final AngemeldeteBenutzer angemeldet;
  private final Zugriffsprotokoll protokoll;

  public ZugriffsprotokollFilter(ProcessEngine engine, AngemeldeteBenutzer angemeldet, Zugriffsprotokoll protokoll) {
    this.engine = engine;
    this.angemeldet = angemeldet;
    this.protokoll = protokoll;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String pfad = de.hsk.ki.security.Pfade.von(request);
    Matcher aufgabe = AUFGABE.matcher(pfad);
    Matcher instanz = INSTANZ.matcher(pfad);
    boolean fallDaten = aufgabe.matches() || instanz.matches();
    String benutzer = fallDaten ? benutzer(request) : null;
    chain.doFilter(request, response);
    if (!fallDaten || benutzer == null || response.getStatus() >= 300) {
      return;
    }
    // looked up as the reader: the task variable "aktenzeichen" needs only the task's read permission
    String aktenzeichen = aufgabe.matches()
        ? (String) engine.getTaskService().getVariableLocal(aufgabe.group(1), "aktenzeichen")
        : aktenzeichen(instanz.group(1));
    protokoll.lesend(benutzer, aktenzeichen, pfad);
  }

  private String benutzer(HttpServletRequest request) {
    Authentication rest = engine.getIdentityService().getCurrentAuthentication();
    if (rest != null) {
      return rest.getUserId();
    }
    return angemeldet.aus(request).map(AngemeldeteBenutzer.Benutzer::id).orElse(null);
  }

  private String aktenzeichen(String prozessInstanz) {
    if (prozessInstanz == null) {
      return null;
    }
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(prozessInstanz).singleResult();
    return pi == null ? null : pi.getBusinessKey();
  }
}
