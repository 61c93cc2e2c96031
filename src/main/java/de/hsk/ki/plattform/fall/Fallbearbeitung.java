package de.hsk.ki.plattform.fall;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who may act on a whole case from Tasklist's "Prozess starten" (end it early, record a withdrawal):
 * the management, or the assignee of an open task of the case (its called building blocks included).
 */
public final class Fallbearbeitung {

  private Fallbearbeitung() {}

  public static boolean darf(TaskService aufgaben, Authentication wer, String aktenzeichen) {
    List<String> gruppen = wer.getGroupIds() == null ? List.of() : wer.getGroupIds();
    return gruppen.contains(KiGruppen.LEITUNG)
        || aufgaben.createTaskQuery().processInstanceBusinessKey(aktenzeichen).taskAssignee(wer.getUserId()).count() > 0;
  }
}
