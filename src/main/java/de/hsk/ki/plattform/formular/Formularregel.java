package de.hsk.ki.plattform.formular;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A named rule across fields of one form that the form itself cannot express (e.g. who may give a
 * consent). Beans of this type are applied by {@link Formularregeln} after the field checks passed.
 */
public interface Formularregel {

  /** Whether the rule applies to the form with this id. */
  boolean gilt(String formularId);

  /**
   * @param eingaben the submitted values ({value, type, valueInfo} per variable)
   * @param fall the task's variable scope, or null for a start form
   * @return the German objections, empty when the submission is fine
   */
  List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall);

  /** As {@link #pruefe(Map, VariableScope)}, for a rule that serves several forms and needs to know which. */
  default List<EingabePruefung.Fehler> pruefe(String formularId, Map<String, JsonNode> eingaben, VariableScope fall) {
    return pruefe(eingaben, fall);
  }

  /** A submitted value as text; null when it was not sent, is null or blank. */
  static String text(Map<String, JsonNode> eingaben, String name) {
    JsonNode wert = eingaben.containsKey(name) ? eingaben.get(name).path("value") : null;
    return wert == null || wert.isNull() || wert.isMissingNode() || wert.asText().isBlank() ? null : wert.asText();
  }
}
