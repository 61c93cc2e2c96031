package de.hsk.ki.plattform.formular;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;

/**
 * A person working a task reads the variables its form shows or evaluates, not the whole case:
 * the Schulamt's assignment form gets no counselling or health notes, a later step no earlier
 * group's free text it does not display. Applies to every logged-in caller (REST
 * {@code /task/{id}/form-variables}, Tasklist, Java API); the application's own code reads without
 * a user and is not limited.
 */
final class BegrenzteFormulardaten extends FormServiceImpl {

  /**
   * What makes Markdown or HTML of text, or a link of an address. Not the hyphen: dates are cut
   * into day, month and year inside the templates, and a hyphen inside a line formats nothing.
   */
  private static final String PUNKTUATION = "\\`*_[]()<>!&#|~:./@";

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
      Formular formular = null;
      if (kontext.getAuthenticatedUserId() != null) {
        TaskEntity task = kontext.getTaskManager().findTaskById(resourceId);
        if (task != null) {
          formular = regeln.formular(task);
          Set<String> erlaubt = new HashSet<>(formular.verweise());
          if (formVariableNames != null) {
            erlaubt.retainAll(formVariableNames);
          }
          formVariableNames = erlaubt;
        }
      }
      VariableMap werte = super.execute(kontext);
      if (formular != null) {
        for (String name : formular.nurImText()) {
          if (werte.getValueTyped(name) instanceof StringValue text && text.getValue() != null) {
            werte.putValueTyped(name, Variables.stringValue(alsText(text.getValue())));
          }
        }
      }
      return werte;
    }
  }

  /**
   * form-js renders text components as Markdown and HTML: a value shown there would become a link,
   * an image or formatting. Each such character is escaped with a backslash (Markdown then shows it
   * as it is), which also keeps a bare address from becoming a link.
   */
  static String alsText(String wert) {
    StringBuilder b = new StringBuilder(wert.length() + 16);
    for (char c : wert.toCharArray()) {
      if (c < 128 && PUNKTUATION.indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}
