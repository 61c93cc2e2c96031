package de.hsk.ki.plattform.entwurf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.formular.EingabeAbgelehnt;
import de.hsk.ki.plattform.formular.Formularregeln;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's draft of a task form, for the Tasklist script (scripts/ki/entwuerfe.js): read, store and
 * discard. Only in a Tasklist login session, only for a task the user may work now (sees it with
 * their groups and it is assigned to nobody else), stored under the same rules as a submission
 * (Formularregeln), every read of a draft in the access log. Changing calls carry Camunda's CSRF
 * token of the session (header X-XSRF-TOKEN), as Tasklist's own calls do.
 */
@RestController
public class EntwurfController {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The session attribute of Camunda's CsrfPreventionFilter. */

  private final ProcessEngine engine;
  private final AngemeldeteBenutzer angemeldet;
  private final Entwuerfe entwuerfe;
  private final Formularregeln regeln;
  private final Zugriffsprotokoll protokoll;

  public EntwurfController(ProcessEngine engine, AngemeldeteBenutzer angemeldet, Entwuerfe entwuerfe, Formularregeln regeln,
      Zugriffsprotokoll protokoll) {
    this.engine = engine;
    this.angemeldet = angemeldet;
    this.entwuerfe = entwuerfe;
    this.regeln = regeln;
    this.protokoll = protokoll;
  }

  @GetMapping(value = "/ki/entwuerfe/aufgabe/{aufgabe}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> lesen(@PathVariable String aufgabe, HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      return antwort(401, "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
    }
    Optional<Task> task = bearbeitbar(benutzer.get(), aufgabe);
    if (task.isEmpty()) {
      return antwort(404, "Diese Aufgabe können Sie nicht bearbeiten.");
    }
    var entwurf = entwuerfe.lesen(benutzer.get().id(), aufgabe);
    if (entwurf.isEmpty()) {
      return ResponseEntity.noContent().build();
    }
    protokoll.lesend(benutzer.get().id(), aktenzeichen(task.get()), "Entwurf " + task.get().getTaskDefinitionKey());
    Map<String, Object> inhalt = new LinkedHashMap<>();
    inhalt.put("werte", entwurf.get().werte());
    inhalt.put("gespeichert", entwurf.get().gespeichert().toInstant().toString());
    return ResponseEntity.ok(inhalt);
  }

  @PutMapping(value = "/ki/entwuerfe/aufgabe/{aufgabe}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> speichern(@PathVariable String aufgabe, @RequestBody(required = false) String body,
      HttpServletRequest request) {
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      return antwort(401, "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
    }
    if (!csrfGueltig(request)) {
      return antwort(403, "Die Anfrage ist nicht gültig. Bitte laden Sie die Seite neu.");
    }
    Optional<Task> task = bearbeitbar(benutzer.get(), aufgabe);
    if (task.isEmpty()) {
      return antwort(404, "Diese Aufgabe können Sie nicht bearbeiten.");
    }
    Map<String, Object> werte = new LinkedHashMap<>();
    try {
      JsonNode knoten = JSON.readTree(body == null ? "" : body);
      if (knoten == null || !knoten.isObject()) {
        return antwort(400, "Der Entwurf wurde nicht gespeichert: Formularwerte erwartet.");
      }
      knoten.fields().forEachRemaining(e -> werte.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
    } catch (java.io.IOException e) {
      return antwort(400, "Der Entwurf wurde nicht gespeichert: Formularwerte erwartet.");
    }
    try {
      regeln.pruefeEntwurf(aufgabe, werte);
    } catch (EingabeAbgelehnt abgelehnt) {
      EingabeAbgelehnt.vergessen();
      return antwort(400, abgelehnt.getMessage());
    }
    entwuerfe.speichern(benutzer.get().id(), aufgabe, aktenzeichen(task.get()), werte);
    Map<String, Object> inhalt = new LinkedHashMap<>();
    inhalt.put("meldung", "Entwurf gespeichert.");
    inhalt.put("gespeichert", de.hsk.ki.plattform.zeit.Zeit.jetzt().toInstant().toString());
    return ResponseEntity.ok(inhalt);
  }

  @DeleteMapping(value = "/ki/entwuerfe/aufgabe/{aufgabe}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> verwerfen(@PathVariable String aufgabe, HttpServletRequest request) {
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      return antwort(401, "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
    }
    if (!csrfGueltig(request)) {
      return antwort(403, "Die Anfrage ist nicht gültig. Bitte laden Sie die Seite neu.");
    }
    // one's own draft may always go, also of a task that has ended or moved on
    entwuerfe.loeschen(benutzer.get().id(), aufgabe);
    return ResponseEntity.noContent().build();
  }

  /** The task, if the user sees it with their own rights and nobody else holds it. */
  private Optional<Task> bearbeitbar(AngemeldeteBenutzer.Benutzer benutzer, String aufgabe) {
    IdentityService identity = engine.getIdentityService();
    Task task;
    try {
      identity.setAuthentication(benutzer.id(), benutzer.gruppen());
      task = engine.getTaskService().createTaskQuery().taskId(aufgabe).singleResult();
    } finally {
      identity.clearAuthentication();
    }
    // seeing it (supervision grants) is not working it: drafts only for whom the task is
    if (task == null || !de.hsk.ki.plattform.identitaet.Aufgabenzugang.darfBearbeiten(engine, task, benutzer)) {
      return Optional.empty();
    }
    return Optional.of(task);
  }

  private String aktenzeichen(Task task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    var fall = de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung.ausfuehren(() -> engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult());
    return fall == null ? null : fall.getBusinessKey();
  }

  private static boolean csrfGueltig(HttpServletRequest request) {
    return de.hsk.ki.plattform.identitaet.WebappCsrf.gueltig(request);
  }

  private static ResponseEntity<Map<String, Object>> antwort(int status, String meldung) {
    return ResponseEntity.status(status).body(Map.of("meldung", meldung));
  }
}
