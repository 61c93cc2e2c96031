package de.hsk.ki.plattform.identitaet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Whether a member of staff works an open task of a case, checked as that person (candidate group,
 * assignment or supervision grant): pages beside Tasklist (letters, certificates) open only then.
 */
@Component
public class Aufgabenzugang {

  private final ProcessEngine engine;

  public Aufgabenzugang(ProcessEngine engine) {
    this.engine = engine;
  }

  /** @param aufgabe the task definition key the page belongs to, or null for any task of the case */
  public boolean siehtOffeneAufgabe(AngemeldeteBenutzer.Benutzer benutzer, String aktenzeichen, String aufgabe) {
    IdentityService identity = engine.getIdentityService();
    try {
      identity.setAuthentication(benutzer.id(), benutzer.gruppen());
      TaskQuery abfrage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(aktenzeichen);
      return (aufgabe == null ? abfrage : abfrage.taskDefinitionKey(aufgabe)).count() > 0;
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Whether the person may act on this very task now: it is assigned to them, or it is unassigned
   * and one of their groups is a candidate (supervision grants do not count: reading is not working).
   */
  public static boolean darfBearbeiten(ProcessEngine engine, org.camunda.bpm.engine.task.Task aufgabe,
      AngemeldeteBenutzer.Benutzer benutzer) {
    if (aufgabe.getAssignee() != null) {
      return aufgabe.getAssignee().equals(benutzer.id());
    }
    return engine.getTaskService().getIdentityLinksForTask(aufgabe.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
        .anyMatch(g -> g != null && benutzer.gruppen().contains(g));
  }
}
