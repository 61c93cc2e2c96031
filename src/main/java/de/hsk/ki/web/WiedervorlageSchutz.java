package de.hsk.ki.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SetTaskFollowUpDateCmd;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist's "Wiedervorlagedatum festlegen" sends {@code PUT /task/{id}} with the whole task. Staff
 * hold TASK_WORK, not UPDATE, on their tasks, and the engine cannot read the {@code camundaFormRef}
 * Tasklist sends back; so for staff this guard answers the call itself: it allows only a change of
 * the follow-up date, by the person holding the task or (unclaimed) a member of its group, and sets
 * it with the engine's own command (the history tab records who did it). Name, assignee, owner,
 * priority and due date stay as the process set them. Operators' calls go on to the engine, with the
 * form reference removed.
 */
public class WiedervorlageSchutz extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(WiedervorlageSchutz.class);
  private static final Pattern AUFGABE = Pattern.compile(Pfade.ENGINE_API + "/task/([^/]+)/?$");
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX][XX]");
  /** What the body may carry unchanged, with the German name for the refusal. */
  private static final Map<String, String> FESTE_FELDER = Map.of(
      "name", "die Bezeichnung", "description", "die Beschreibung", "priority", "die Priorität",
      "assignee", "die Zuweisung", "owner", "die verantwortliche Person", "due", "die Frist",
      "parentTaskId", "die übergeordnete Aufgabe", "delegationState", "die Delegation",
      "caseInstanceId", "die Fallinstanz", "tenantId", "der Mandant");

  private final ProcessEngine engine;
  private final AngemeldeteBenutzer angemeldet;
  private final ObjectMapper json;

  public WiedervorlageSchutz(ProcessEngine engine, AngemeldeteBenutzer angemeldet, ObjectMapper json) {
    this.engine = engine;
    this.angemeldet = angemeldet;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"PUT".equals(request.getMethod()) || !AUFGABE.matcher(Pfade.von(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = AUFGABE.matcher(Pfade.von(request));
    m.matches();
    String aufgabeId = m.group(1);
    JsonNode body;
    try {
      body = json.readTree(request.getInputStream().readAllBytes());
    } catch (IOException e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      ablehnen(response, 400, "Die Anfrage ist kein gültiges JSON.");
      return;
    }
    // Tasklist sends the form reference back; the engine's REST layer cannot read it
    ((ObjectNode) body).remove("camundaFormRef");
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = angemeldet.aufrufer(request, engine.getIdentityService());
    if (benutzer.isEmpty()) {
      ablehnen(response, 401, "Bitte melden Sie sich an.");
      return;
    }
    if (benutzer.get().gruppen().contains(KiGruppen.BETRIEB)) {
      chain.doFilter(new GelesenerRequest(request, json.writeValueAsBytes(body)), response);
      return;
    }
    // staff's webapp calls are answered here, before Camunda's own CSRF filter would run
    if (Pfade.von(request).startsWith("/camunda/") && !de.hsk.ki.plattform.identitaet.WebappCsrf.gueltig(request)) {
      ablehnen(response, 403, "Die Anfrage ist nicht gültig. Bitte laden Sie die Seite neu.");
      return;
    }
    Task aufgabe = engine.getTaskService().createTaskQuery().taskId(aufgabeId).singleResult();
    if (aufgabe == null || !darfBearbeiten(aufgabe, benutzer.get())) {
      LOG.info("Follow-up date refused: task not workable by the caller");
      ablehnen(response, 403, aufgabe != null && aufgabe.getAssignee() != null
          ? "Das Wiedervorlagedatum setzt, wer die Aufgabe bearbeitet."
          : "Diese Aufgabe gibt es nicht oder sie ist nicht für Ihre Gruppe bestimmt.");
      return;
    }
    for (Map.Entry<String, String> feld : FESTE_FELDER.entrySet()) {
      if (body.has(feld.getKey()) && !unveraendert(feld.getKey(), body.get(feld.getKey()), aufgabe)) {
        LOG.info("Task update refused: {} changed", feld.getKey());
        ablehnen(response, 403, "Hier lässt sich nur das Wiedervorlagedatum ändern; " + feld.getValue()
            + " bestimmt der Prozess.");
        return;
      }
    }
    Date wiedervorlage;
    try {
      wiedervorlage = datum(body.get("followUp"));
    } catch (DateTimeParseException e) {
      ablehnen(response, 400, "Das Wiedervorlagedatum ist kein gültiges Datum.");
      return;
    }
    setzen(aufgabeId, wiedervorlage, benutzer.get());
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  /** The person holding the task, or a member of its group while nobody holds it. */
  private boolean darfBearbeiten(Task aufgabe, AngemeldeteBenutzer.Benutzer benutzer) {
    return de.hsk.ki.plattform.identitaet.Aufgabenzugang.darfBearbeiten(engine, aufgabe, benutzer);
  }

  private static boolean unveraendert(String feld, JsonNode wert, Task aufgabe) {
    Object bisher = switch (feld) {
      case "name" -> aufgabe.getName();
      case "description" -> aufgabe.getDescription();
      case "priority" -> aufgabe.getPriority();
      case "assignee" -> aufgabe.getAssignee();
      case "owner" -> aufgabe.getOwner();
      case "due" -> aufgabe.getDueDate();
      case "parentTaskId" -> aufgabe.getParentTaskId();
      case "delegationState" -> aufgabe.getDelegationState() == null ? null : aufgabe.getDelegationState().name();
      case "caseInstanceId" -> aufgabe.getCaseInstanceId();
      case "tenantId" -> aufgabe.getTenantId();
      default -> throw new IllegalArgumentException(feld);
    };
    if (wert == null || wert.isNull() || wert.isTextual() && wert.asText().isEmpty()) {
      return bisher == null || bisher instanceof String s && s.isEmpty();
    }
    if (bisher instanceof Date d) {
      try {
        Date neu = datum(wert);
        return neu != null && d.toInstant().truncatedTo(ChronoUnit.SECONDS).equals(neu.toInstant().truncatedTo(ChronoUnit.SECONDS));
      } catch (DateTimeParseException e) {
        return false;
      }
    }
    if (bisher instanceof Integer zahl) {
      return wert.canConvertToInt() && wert.asInt() == zahl && (wert.isNumber() || wert.asText().equals(zahl.toString()));
    }
    return Objects.equals(bisher, wert.asText());
  }

  static Date datum(JsonNode wert) {
    if (wert == null || wert.isNull() || wert.asText().isEmpty()) {
      return null;
    }
    return Date.from(OffsetDateTime.parse(wert.asText(), FORMAT).toInstant());
  }

  /** The engine's command, checked here instead of by UPDATE; the caller stays the author in the history. */
  private void setzen(String aufgabeId, Date wiedervorlage, AngemeldeteBenutzer.Benutzer benutzer) {
    var identitaet = engine.getIdentityService();
    boolean gesetzt = identitaet.getCurrentAuthentication() == null;
    if (gesetzt) {
      identitaet.setAuthentication(benutzer.id(), benutzer.gruppen());
    }
    try {
      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(kontext -> {
        kontext.disableAuthorizationCheck();
        try {
          return new SetTaskFollowUpDateCmd(aufgabeId, wiedervorlage).execute(kontext);
        } finally {
          kontext.enableAuthorizationCheck();
        }
      });
    } finally {
      if (gesetzt) {
        identitaet.clearAuthentication();
      }
    }
  }

  private static void ablehnen(HttpServletResponse response, int status, String meldung) throws IOException {
    Fehlerantwort.schreiben(response, status, "Zugriffsfehler", meldung, Map.of());
  }

  /** After the allow-list (2) and the query guard (3). */
  @Configuration
  static class Registrierung {
    @Bean
    FilterRegistrationBean<WiedervorlageSchutz> wiedervorlageSchutz(ProcessEngine engine, AngemeldeteBenutzer angemeldet, ObjectMapper json) {
      FilterRegistrationBean<WiedervorlageSchutz> registrierung = new FilterRegistrationBean<>(new WiedervorlageSchutz(engine, angemeldet, json));
      registrierung.setName("ki-wiedervorlageschutz");
      registrierung.setOrder(4);
      registrierung.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
      return registrierung;
    }
  }
}
