package de.hsk.ki.plattform.fall;

import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What comes next in a case just started: Tasklist's start dialog answers only "Der Prozess wurde
 * gestartet.", so the county's Tasklist script asks here for the case number and the open tasks with
 * who works them. Only the person who started the case may ask (the answer names tasks and groups, no
 * case data); a task id is given only for a task that person may work on, for the link.
 */
@RestController
public class NaechsterSchritt {

  static final String PFAD = "/ki/fall/{instanz}/naechster-schritt";
  /**
   * Set by a process that only passes something to another case (a change notice, a withdrawal): the
   * target's case number, so the answer points there instead of saying "nothing open".
   */
  public static final String WEITER_AN = "weiterAn";

  private final ProcessEngine engine;
  private final AngemeldeteBenutzer angemeldet;

  public NaechsterSchritt(ProcessEngine engine, AngemeldeteBenutzer angemeldet) {
    this.engine = engine;
    this.angemeldet = angemeldet;
  }

  @GetMapping(value = PFAD, produces = "application/json")
  public Map<String, Object> naechsterSchritt(@PathVariable("instanz") String instanz, HttpServletRequest request,
      HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      return Map.of("message", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
    }
    HistoricProcessInstance fall = instanz.length() > 64 ? null
        : engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanz).singleResult();
    // the same answer for a case that does not exist and one somebody else started: nothing to learn by guessing ids
    if (fall == null || !benutzer.get().id().equals(fall.getStartUserId())) {
      response.setStatus(404);
      return Map.of("message", "Zu diesem Fall gibt es hier keine Auskunft: nur wer den Fall angelegt hat, sieht seinen nächsten Schritt.");
    }
    List<Map<String, Object>> aufgaben = new ArrayList<>();
    for (Task aufgabe : engine.getTaskService().createTaskQuery().processInstanceId(instanz).orderByTaskCreateTime().asc().list()) {
      List<String> gruppen = new ArrayList<>();
      boolean eigene = benutzer.get().id().equals(aufgabe.getAssignee());
      for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(aufgabe.getId())) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getGroupId() != null) {
          gruppen.add(KiGruppen.name(link.getGroupId()));
          eigene |= aufgabe.getAssignee() == null && benutzer.get().gruppen().contains(link.getGroupId());
        } else if (link.getUserId() != null) {
          gruppen.add(name(link.getUserId()));
          eigene |= aufgabe.getAssignee() == null && benutzer.get().id().equals(link.getUserId());
        }
      }
      Map<String, Object> eintrag = new LinkedHashMap<>();
      eintrag.put("name", aufgabe.getName());
      eintrag.put("bearbeitung", aufgabe.getAssignee() != null ? name(aufgabe.getAssignee()) : null);
      eintrag.put("gruppen", gruppen);
      eintrag.put("aufgabeId", eigene ? aufgabe.getId() : null);
      aufgaben.add(eintrag);
    }
    Map<String, Object> antwort = new LinkedHashMap<>();
    var weiter = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanz).variableName(WEITER_AN)
        .singleResult();
    if (weiter != null && weiter.getValue() != null) {
      antwort.put(WEITER_AN, weiter.getValue().toString());
    }
    antwort.put("aktenzeichen", fall.getBusinessKey());
    antwort.put("beendet", fall.getEndTime() != null);
    antwort.put("aufgaben", aufgaben);
    return antwort;
  }

  private String name(String benutzerId) {
    // the answer is for the person who started the case, who may not list users: looked up on the case's behalf
    return de.hsk.ki.plattform.identitaet.Personenname.von(engine.getIdentityService(), benutzerId);
  }
}
