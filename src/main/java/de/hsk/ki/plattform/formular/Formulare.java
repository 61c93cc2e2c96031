package de.hsk.ki.plattform.formular;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the input fields of a Camunda Form (form-js JSON), so that the server checks submissions
 * against the very fields, lengths and options the deployed form shows: the form is the single
 * source of each task's input rules.
 */
final class Formulare {

  private static final Set<String> EINGABE_TYPEN =
      Set.of("textfield", "textarea", "number", "datetime", "select", "radio", "checkbox", "checklist", "taglist");

  private Formulare() {}

  /** A name in a FEEL expression or template; strings are removed before. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern ZEICHENKETTE = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern VORLAGE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

  static Formular lese(JsonNode form) {
    Map<String, FormularFeld> felder = new LinkedHashMap<>();
    sammle(form.path("components"), felder);
    Set<String> verweise = new java.util.TreeSet<>();
    Set<String> schluessel = new java.util.TreeSet<>();
    Set<String> imText = new java.util.TreeSet<>();
    verweise(form.path("components"), verweise, schluessel, imText);
    imText.removeAll(schluessel);
    Set<String> nurLesen = new java.util.TreeSet<>();
    nurLesen(form.path("components"), nurLesen);
    return new Formular(form.path("id").asText(), felder, java.util.Collections.unmodifiableSet(verweise),
        java.util.Collections.unmodifiableSet(imText), java.util.Collections.unmodifiableSet(nurLesen));
  }

  /** Keys of read-only fields, in groups too; columns of a dynamic list are checked by their own rule. */
  private static void nurLesen(JsonNode knoten, Set<String> nurLesen) {
    for (JsonNode k : knoten) {
      if ("dynamiclist".equals(k.path("type").asText())) {
        continue;
      }
      if (k.path("readonly").asBoolean(false) && k.hasNonNull("key")) {
        nurLesen.add(k.get("key").asText());
      }
      if (k.has("components")) {
        nurLesen(k.path("components"), nurLesen);
      }
    }
  }

  /**
   * Every variable the form shows or evaluates: keys (display-only fields too), option lists,
   * group paths, and the names in FEEL expressions ("=…") and text templates ("{{…}}"). Function
   * names and keywords come along; no variable carries such a name, so they open nothing.
   */
  private static void verweise(JsonNode knoten, Set<String> verweise, Set<String> schluessel, Set<String> imText) {
    if (knoten.isArray()) {
      knoten.forEach(k -> verweise(k, verweise, schluessel, imText));
      return;
    }
    if (!knoten.isObject()) {
      return;
    }
    boolean textKomponente = Set.of("text", "html").contains(knoten.path("type").asText());
    knoten.fields().forEachRemaining(e -> {
      JsonNode wert = e.getValue();
      if (wert.isTextual()) {
        String text = wert.asText();
        Set<String> gefunden = new java.util.TreeSet<>();
        if (Set.of("key", "valuesKey", "path").contains(e.getKey())) {
          schluessel.add(text.split("\\.", 2)[0]);
          gefunden.add(text.split("\\.", 2)[0]);
        } else if (text.startsWith("=")) {
          namen(text.substring(1), gefunden);
        } else {
          Matcher vorlage = VORLAGE.matcher(text);
          while (vorlage.find()) {
            namen(vorlage.group(1), gefunden);
          }
        }
        verweise.addAll(gefunden);
        if (textKomponente && Set.of("text", "content").contains(e.getKey())) {
          imText.addAll(gefunden);
        }
      } else {
        verweise(wert, verweise, schluessel, imText);
      }
    });
  }

  private static void namen(String ausdruck, Set<String> verweise) {
    Matcher name = NAME.matcher(ZEICHENKETTE.matcher(ausdruck).replaceAll(" "));
    while (name.find()) {
      verweise.add(name.group());
    }
  }

  private static void sammle(JsonNode komponenten, Map<String, FormularFeld> felder) {
    for (JsonNode k : komponenten) {
      String typ = k.path("type").asText();
      if ("dynamiclist".equals(typ) && k.hasNonNull("path")) {
        // a list of rows submitted as one variable: its fields are columns, not variables of their own
        Map<String, FormularFeld> spalten = new LinkedHashMap<>();
        sammle(k.path("components"), spalten);
        String pfad = k.get("path").asText();
        felder.put(pfad, new FormularFeld(pfad, typ, k.path("label").asText(pfad), false, null, null,
            null, null, null, false, Set.of(), null, false, false, null, null, java.util.List.copyOf(spalten.values())));
        continue;
      }
      if (k.has("components")) {
        sammle(k.path("components"), felder); // groups
      }
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
              // form-js 1.x flags a required field in every row of a dynamic list as soon as the list
              // is drawn, before anyone typed: such fields carry the form property "pflicht" instead
              // and are required here, where the refusal names the row
              v.path("required").asBoolean(false) || "true".equals(eigenschaften.path("pflicht").asText()),
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
              eigenschaften.hasNonNull("pflichtWenn") ? eigenschaften.get("pflichtWenn").asText() : null,
              eigenschaften.hasNonNull("musterMeldung") ? eigenschaften.get("musterMeldung").asText() : null));
    }
  }
}
