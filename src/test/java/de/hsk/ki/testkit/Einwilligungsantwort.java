package de.hsk.ki.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What a completed consent task (building block Einwilligung) sends: one row per partner, as
 * Tasklist sends the form's dynamic list (a JSON list), and the fields common to all rows.
 */
public final class Einwilligungsantwort {

  private Einwilligungsantwort() {}

  public static Map<String, Object> zeile(String partner, boolean erteilt, String form) {
    Map<String, Object> zeile = new LinkedHashMap<>();
    zeile.put("partner", partner);
    zeile.put("einwilligung", erteilt ? "ERTEILT" : "VERWEIGERT");
    zeile.put("erklaerungsform", form);
    return zeile;
  }

  /** The same decision, in writing, for every partner the task asks for. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> fuerAlle(TaskService tasks, Task aufgabe, boolean erteilt, String person) {
    List<Map<String, Object>> zeilen = new ArrayList<>();
    for (Object partner : (List<Object>) tasks.getVariable(aufgabe.getId(), "offenePartner")) {
      zeilen.add(zeile(String.valueOf(partner), erteilt, "SCHRIFTLICH"));
    }
    return antwort(person, zeilen);
  }

  @SafeVarargs
  public static Map<String, Object> antwort(String person, Map<String, Object>... zeilen) {
    return antwort(person, List.of(zeilen));
  }

  public static Map<String, Object> antwort(String person, List<Map<String, Object>> zeilen) {
    Map<String, Object> v = new HashMap<>();
    v.put("einwilligungsZeilen", Variables.objectValue(new ArrayList<>(zeilen))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    v.put("einwilligendePerson", person);
    v.put("einwilligendeName", "Person Testname");
    v.put("zweck", "Vermittlung in Ausbildung");
    v.put("einwilligungsdatum", LocalDate.now().toString());
    v.put("informiert", true);
    return v;
  }
}
