package de.hsk.ki.plattform.formular;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A person working a task reads the variables its form shows or evaluates, not the whole case:
 * the Schulamt's assignment form gets no counselling or health notes, a later step no earlier
 * group's free text it does not display. Applies to every logged-in caller (REST
 * {@code /task/{id}/form-variables}, Tasklist, Java API); the application's own code reads without
 * a user and is not limited.
 */
final class BegrenzteFormulardaten extends FormServiceImpl {

  private final Formularregeln regeln;

  BegrenzteFormulardaten(Formularregeln regeln) {
    this.regeln = regeln;
  }

  @Override
  public VariableMap getTaskFormVariables(String taskId, Collection<String> namen, boolean deserialisieren) {
    return commandExecutor.execute(new Begrenzt(taskId, namen, deserialisieren));
  }

  private final class Begrenzt extends GetTaskFormVariablesCmd {

    Begrenzt(String taskId, Collection<String> namen, boolean deserialisieren) {
      super(taskId, namen, deserialisieren);
    }

    @Override
    public VariableMap execute(CommandContext kontext) {
      if (kontext.getAuthenticatedUserId() != null) {
        TaskEntity task = kontext.getTaskManager().findTaskById(resourceId);
        if (task != null) {
          Set<String> erlaubt = new HashSet<>(regeln.verweise(task));
          if (formVariableNames != null) {
            erlaubt.retainAll(formVariableNames);
          }
          formVariableNames = erlaubt;
        }
      }
      return super.execute(kontext);
    }
  }
}
