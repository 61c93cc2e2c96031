package de.hsk.ki.plattform.formular;

import java.util.Map;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The task service with completion checked like a form submission whenever a person completes a
 * task (an authenticated user): the REST endpoint {@code /task/{id}/complete} and the Java API.
 * Code of the application itself (delegates, jobs) completes without a user and is not checked.
 */
final class GepruefteAufgaben extends TaskServiceImpl {

  private final Formularregeln regeln;

  GepruefteAufgaben(Formularregeln regeln) {
    this.regeln = regeln;
  }

  /** A comment is case data like a form field: same text rules, a size a note needs. */
  static final int MAX_KOMMENTAR = 2000;
  private static final Formular KOMMENTAR = new Formular("kommentar", Map.of("message", new FormularFeld(
      "message", "textarea", "Kommentar", true, null, MAX_KOMMENTAR, null, null, null, false,
      java.util.Set.of(), null, false, false, null, null)), java.util.Set.of(), java.util.Set.of());

  @Override
  public org.camunda.bpm.engine.task.Comment createComment(String taskId, String processInstanceId, String message) {
    return commandExecutor.execute(kontext -> {
      if (kontext.getAuthenticatedUserId() != null) {
        var fehler = EingabePruefung.pruefe(KOMMENTAR, Eingabewerte.von(Map.of("message", message == null ? "" : message)),
            k -> java.util.Set.of(), de.hsk.ki.plattform.zeit.Zeit.heute());
        if (!fehler.isEmpty()) {
          throw EingabeAbgelehnt.parameter("message", "Der Kommentar wurde nicht gespeichert. " + fehler.get(0).meldung());
        }
      }
      // a comment belongs to its task's case: another case named beside it is ignored (the engine checks no rights on it)
      String fall = processInstanceId;
      if (taskId != null) {
        var task = kontext.getTaskManager().findTaskById(taskId);
        fall = task == null ? null : task.getProcessInstanceId();
      }
      return new org.camunda.bpm.engine.impl.cmd.AddCommentCmd(taskId, fall,
          message == null ? null : java.text.Normalizer.normalize(message, java.text.Normalizer.Form.NFC)).execute(kontext);
    });
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    commandExecutor.execute(new GepruefterAbschluss(taskId, variables, false, false));
  }

  @Override
  public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
    return commandExecutor.execute(new GepruefterAbschluss(taskId, variables, true, deserializeValues));
  }

  private final class GepruefterAbschluss extends CompleteTaskCmd {

    GepruefterAbschluss(String taskId, Map<String, Object> variables, boolean zurueck, boolean deserialisieren) {
      super(taskId, variables, zurueck, deserialisieren);
    }

    @Override
    protected void checkCompleteTask(TaskEntity task, CommandContext kontext) {
      super.checkCompleteTask(task, kontext);
      if (kontext.getAuthenticatedUserId() != null) {
        regeln.pruefeAufgabe(task, variables);
      }
    }
  }
}
