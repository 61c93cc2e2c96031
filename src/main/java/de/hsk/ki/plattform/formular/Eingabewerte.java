package de.hsk.ki.plattform.formular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Submitted engine variables in the shape the form check reads ({value, type, valueInfo}), without
 * deserializing anything: a serialized Java object is judged by its type, never opened.
 */
final class Eingabewerte {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Eingabewerte() {}

  static Map<String, JsonNode> von(Map<String, Object> variablen) {
    Map<String, JsonNode> eintraege = new LinkedHashMap<>();
    if (variablen == null) {
      return eintraege;
    }
    VariableMap typisiert = Variables.fromMap(variablen);
    for (String name : typisiert.keySet()) {
      eintraege.put(name, eintrag(typisiert.getValueTyped(name)));
    }
    return eintraege;
  }

  private static JsonNode eintrag(TypedValue wert) {
    ObjectNode eintrag = JSON.createObjectNode();
    eintrag.put("type", wert == null || wert.getType() == null ? "" : wert.getType().getName());
    if (wert instanceof SerializableValue serialisiert) {
      eintrag.putObject("valueInfo").put("serializationDataFormat", serialisiert.getSerializationDataFormat());
      String text = serialisiert.isDeserialized() ? String.valueOf(serialisiert.getValue()) : serialisiert.getValueSerialized();
      eintrag.put("value", text);
      return eintrag;
    }
    Object roh = wert == null ? null : wert.getValue();
    if (roh == null || roh instanceof String || roh instanceof Number || roh instanceof Boolean
        || roh instanceof Collection<?> || roh instanceof Map<?, ?>) {
      eintrag.set("value", JSON.valueToTree(roh));
    } else {
      eintrag.put("value", roh.toString());
    }
    return eintrag;
  }
}
