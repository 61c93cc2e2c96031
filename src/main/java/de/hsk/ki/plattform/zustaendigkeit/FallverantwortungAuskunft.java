package de.hsk.ki.plattform.zustaendigkeit;

import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.identitaet.Personenname;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The responsible caseworker of an open task's case, for the line "Fallverantwortlich: …" that the
 * county's Tasklist script shows above the form. Only KI staff who may see the task (they hold it,
 * their group may work it, or they oversee as Leitung) get an answer; every answer is in the access log.
 */
@RestController
public class FallverantwortungAuskunft {

  static final String PFAD = "/ki/zustaendigkeit/aufgabe/{aufgabe}";

  private final ProcessEngine engine;
  private final AngemeldeteBenutzer angemeldet;
  private final Fallverantwortung verantwortung;
  private final Zustaendigkeitsregeln regeln;
  private final Zugriffsprotokoll protokoll;

  public FallverantwortungAuskunft(ProcessEngine engine, AngemeldeteBenutzer angemeldet, Fallverantwortung verantwortung,
      Zustaendigkeitsregeln regeln, Zugriffsprotokoll protokoll) {
    this.engine = engine;
    this.angemeldet = angemeldet;
    this.verantwortung = verantwortung;
    this.regeln = regeln;
    this.protokoll = protokoll;
  }

  @GetMapping(value = PFAD, produces = "application/json")
  public Map<String, Object> auskunft(@PathVariable("aufgabe") String aufgabeId, HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      return Map.of("message", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
    }
    var person = benutzer.get();
    Task aufgabe = aufgabeId.length() > 64 ? null : engine.getTaskService().createTaskQuery().taskId(aufgabeId).singleResult();
    String aktenzeichen = aufgabe == null || aufgabe.getProcessInstanceId() == null ? null
        : engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(aufgabe.getProcessInstanceId()).singleResult()
            .getBusinessKey();
    boolean personal = person.gruppen().stream().anyMatch(regeln.personalgruppen()::contains);
    if (aufgabe == null || aktenzeichen == null || !personal || !sieht(aufgabe, person)) {
      response.setStatus(404);
      return Map.of("message", "Zu dieser Aufgabe gibt es hier keine Auskunft.");
    }
    protokoll.lesend(person.id(), aktenzeichen, "/ki/zustaendigkeit/aufgabe (Fallverantwortung)");
    Map<String, Object> antwort = new LinkedHashMap<>();
    antwort.put("aktenzeichen", aktenzeichen);
    var zustaendig = verantwortung.zustaendig(aktenzeichen);
    antwort.put("fallverantwortlich", zustaendig.map(b -> Personenname.von(engine.getIdentityService(), b)).orElse(null));
    antwort.put("vertretung", zustaendig.flatMap(verantwortung::vertretungFuer)
        .map(b -> Personenname.von(engine.getIdentityService(), b)).orElse(null));
    return antwort;
  }

  private boolean sieht(Task aufgabe, AngemeldeteBenutzer.Benutzer person) {
    if (person.id().equals(aufgabe.getAssignee()) || person.gruppen().contains(KiGruppen.LEITUNG)) {
      return true;
    }
    for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(aufgabe.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (person.id().equals(link.getUserId()) || (link.getGroupId() != null && person.gruppen().contains(link.getGroupId())))) {
        return true;
      }
    }
    return false;
  }
}
