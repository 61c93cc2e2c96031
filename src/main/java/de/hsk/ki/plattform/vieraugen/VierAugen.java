package de.hsk.ki.plattform.vieraugen;

import de.hsk.ki.plattform.prozess.Ablehnung;
import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.zeit.Zeit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * The four-eyes building block (processes/_bausteine/vieraugen.bpmn): whoever proposed may neither
 * take over nor complete the decision. Checked at the form (German message beside the field), at
 * claim and at completion, so no path around the form gets past it.
 */
@Component("vierAugen")
public class VierAugen implements TaskListener, Formularregel {

  public static final String FORMULAR = "form_baustein_vieraugen";
  public static final String VORSCHLAG_VON = "vorschlagVon";

  /**
   * Whether the person may be given the task without breaking the four-eyes rule: not the one who
   * proposed (the task's vorschlagVon). For code that assigns on its own (pre-assignment, handover).
   */
  public static boolean darfErhalten(Object vorschlagVon, String person) {
    return person == null || !person.equals(vorschlagVon);
  }

  /**
   * Assignee of the latest task with this id in the calling case: who made the proposal. Called as
   * the building block starts, in the transaction that completes that task (its end is not yet written).
   */
  public String bearbeiterVon(DelegateExecution execution, String aufgabe) {
    List<HistoricTaskInstance> erledigt = execution.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(aufgabe)
        .orderByHistoricActivityInstanceStartTime().desc().listPage(0, 1);
    if (erledigt.isEmpty() || erledigt.get(0).getAssignee() == null) {
      throw Ablehnung.wegen("Vier-Augen-Prinzip: für „" + aufgabe + "“ ist nicht festzustellen, wer vorgeschlagen hat.");
    }
    return erledigt.get(0).getAssignee();
  }

  @Override
  public void notify(DelegateTask task) {
    Object vorschlag = task.getVariable(VORSCHLAG_VON);
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      if (task.getAssignee() != null && task.getAssignee().equals(vorschlag)) {
        throw Ablehnung.wegen(einwand());
      }
      return;
    }
    String entscheider = angemeldet();
    if (entscheider == null) {
      entscheider = task.getAssignee();
    }
    if (entscheider == null) {
      throw Ablehnung.wegen("Vier-Augen-Prinzip: eine Freigabe entscheidet eine angemeldete Person.");
    }
    if (entscheider.equals(vorschlag)) {
      throw Ablehnung.wegen(einwand());
    }
    task.setVariable("entschiedenVon", entscheider);
    task.setVariable("entschiedenAm", Zeit.jetzt().toInstant().toString());
  }

  @Override
  public boolean gilt(String formularId) {
    return FORMULAR.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    String person = angemeldet();
    if (fall != null && person != null && Objects.equals(person, fall.getVariable(VORSCHLAG_VON))) {
      return List.of(new EingabePruefung.Fehler("freigabe", einwand()));
    }
    return List.of();
  }

  private static String angemeldet() {
    var kontext = Context.getCommandContext();
    return kontext == null ? null : kontext.getAuthenticatedUserId();
  }

  private static String einwand() {
    return "Vier-Augen-Prinzip: wer vorgeschlagen hat, entscheidet nicht selbst. Bitte eine andere Person der Gruppe entscheiden lassen.";
  }
}
