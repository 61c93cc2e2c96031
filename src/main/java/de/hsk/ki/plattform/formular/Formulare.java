package de.hsk.ki.plattform.formular;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the input fields of a Camunda Form (form-js JSON), so that the server checks submissions
 * against the very fields, lengths and options the deployed form shows: the form is the single
 * source of each task's input rules.
 */
final class Formulare {

  private static final Set<String> EINGABE_TYPEN =
      Set.of("textfield", "textarea", "number", "datetime", "select", "radio", "checkbox", "checklist", "taglist");

  private Formulare() {}

  static Formular lese(JsonNode form) {
    Map<String, FormularFeld> felder = new LinkedHashMap<>();
    sammle(form.path("components"), felder);
    return new Formular(form.path("id").asText(), felder);
  }

  private static void sammle(JsonNode komponenten, Map<String, FormularFeld> felder) {
    for (JsonNode k : komponenten) {
      if (k.has("components")) {
        sammle(k.path("components"), felder); // groups
      }
      String typ = k.path("type").asText();
      // Disabled fields only display case data; Tasklist does not submit them, nor may a client.
      if (!EINGABE_TYPEN.contains(typ) || !k.hasNonNull("key") || k.path("disabled").asBoolean(false)) {
        continue;
      }
      JsonNode v = k.path("validate");
      JsonNode eigenschaften = k.path("properties");
      Set<String> werte = new LinkedHashSet<>();
      k.path("values").forEach(w -> werte.add(w.path("value").asText()));
      String bezeichnung = k.hasNonNull("label") ? k.get("label").asText() : k.path("dateLabel").asText(k.get("key").asText());
      felder.put(
          k.get("key").asText(),
          new FormularFeld(
              k.get("key").asText(),
              typ,
              bezeichnung,
              v.path("required").asBoolean(false),
              v.hasNonNull("minLength") ? v.get("minLength").asInt() : null,
              v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null,
              v.hasNonNull("min") ? v.get("min").asDouble() : null,
              v.hasNonNull("max") ? v.get("max").asDouble() : null,
              v.hasNonNull("pattern") ? v.get("pattern").asText() : null,
              "email".equals(v.path("validationType").asText()),
              werte,
              k.hasNonNull("valuesKey") ? k.get("valuesKey").asText() : null,
              "true".equals(eigenschaften.path("nichtInZukunft").asText()),
              "true".equals(eigenschaften.path("nichtInVergangenheit").asText()),
              eigenschaften.hasNonNull("pflichtWenn") ? eigenschaften.get("pflichtWenn").asText() : null));
    }
  }
}
