package de.hsk.ki.plattform.formular;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Values the application itself sets in a start form submission, whatever the client sent (the
 * online portal's receipt channel and date). A value the form has a field for replaces the sent one
 * and is checked with the submission like typed input; a value the form has no field for is not
 * input of the client and is set on the case with the form's values, before the start event's
 * listeners read them.
 */
public final class Startvorgaben {

  private static final ThreadLocal<Map<String, Object>> VORGABEN = new ThreadLocal<>();

  private Startvorgaben() {}

  /** Runs one start form submission of this thread with these values. */
  public static <T> T mit(Map<String, Object> vorgaben, Supplier<T> start) {
    VORGABEN.set(new LinkedHashMap<>(vorgaben));
    try {
      return start.get();
    } finally {
      VORGABEN.remove();
    }
  }

  /**
   * Puts the values into the submission: fields of the form replace what was sent; returns the values
   * the form has no field for. Used once: a further start in the same command gets none.
   */
  static Map<String, Object> einsetzen(Formular formular, VariableMap eingaben) {
    Map<String, Object> vorgaben = VORGABEN.get();
    VORGABEN.remove();
    Map<String, Object> ausserhalb = new LinkedHashMap<>();
    if (vorgaben == null) {
      return ausserhalb;
    }
    vorgaben.forEach((name, wert) -> {
      if (formular.felder().containsKey(name)) {
        eingaben.putValue(name, wert);
      } else {
        eingaben.remove(name);
        ausserhalb.put(name, wert);
      }
    });
    return ausserhalb;
  }
}
