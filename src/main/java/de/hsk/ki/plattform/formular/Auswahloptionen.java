package de.hsk.ki.plattform.formular;

import de.hsk.ki.plattform.prozess.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The options of a form's select (its valuesKey), kept on the task only: later tasks, also those
 * of an external office, do not see whom or what one form offered.
 */
public final class Auswahloptionen {

  private Auswahloptionen() {}

  /** @param werte value → label, in the order the select shows them */
  public static void anAufgabe(DelegateTask task, Variable<Object> variable, Map<String, String> werte) {
    task.setVariableLocal(variable.name(), wert(werte));
  }

  /** The options as the variable value a form's valuesKey reads, e.g. for {@code TaskService.setVariableLocal}. */
  public static org.camunda.bpm.engine.variable.value.ObjectValue wert(Map<String, String> werte) {
    List<Map<String, String>> optionen = new ArrayList<>();
    werte.forEach((value, label) -> {
      // LinkedHashMap: the engine deserialises only allow-listed types when the form reads the options
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", label);
      option.put("value", value);
      optionen.add(option);
    });
    return Variables.objectValue(optionen).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }

  /**
   * The empty selection of a checklist whose options come from a variable: Tasklist submits a
   * checklist with the value type of a variable of its key, else of its options (a list of maps, which
   * a list of keys does not fit). Set it on the case before the task, as an empty list of strings.
   */
  public static org.camunda.bpm.engine.variable.value.ObjectValue leereAuswahl() {
    return Variables.objectValue(new ArrayList<String>()).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }
}
