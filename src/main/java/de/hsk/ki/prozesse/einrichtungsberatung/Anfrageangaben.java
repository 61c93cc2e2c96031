package de.hsk.ki.prozesse.einrichtungsberatung;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The request as staff entered it, in the words of the start form: the labels are read from
 * forms/einrichtungsberatung/anfrage.form, so that certificates and the annual figures say what
 * staff chose, and a label changed in Modeler changes them too.
 */
@Component
public class Anfrageangaben {

  /** How a case ended (ki_eb_fall.abschluss), in the order the annual figures list them. */
  static final Map<String, String> ABSCHLUESSE = abschluesse();

  static final String NOCH_OFFEN = "noch offen";

  private final Map<String, String> bezeichnungen = new HashMap<>(ABSCHLUESSE);
  private final Map<String, List<String>> werteJeFeld = new LinkedHashMap<>();

  public Anfrageangaben() {
    try (var form = new ClassPathResource("forms/einrichtungsberatung/anfrage.form").getInputStream()) {
      lies(new ObjectMapper().readTree(form).path("components"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> abschluesse() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("DURCHGEFUEHRT", "durchgeführt");
    m.put("VERWIESEN", "verwiesen");
    m.put("FOERDERUNG", "an die Förderberatung");
    m.put("MATERIAL", "Materialausleihe");
    m.put("KEIN_BEDARF", "kein Bedarf");
    m.put("ABGELEHNT", "abgelehnt");
    m.put("ABGESAGT", "von der Einrichtung abgesagt");
    m.put("ZEITABLAUF", "wegen Zeitablauf geschlossen");
    return java.util.Collections.unmodifiableMap(m);
  }

  // groups and columns nest components; select, checklist and radio carry "values"
  private void lies(JsonNode komponenten) {
    for (JsonNode feld : komponenten) {
      if (feld.has("values") && feld.hasNonNull("key")) {
        List<String> werte = werteJeFeld.computeIfAbsent(feld.path("key").asText(), k -> new ArrayList<>());
        for (JsonNode w : feld.path("values")) {
          werte.add(w.path("value").asText());
          bezeichnungen.putIfAbsent(w.path("value").asText(), w.path("label").asText());
        }
      }
      lies(feld.path("components"));
    }
  }

  /** The form's label of a value; an unknown value stays as it is, none is "–". */
  public String bezeichnung(String wert) {
    return wert == null ? "–" : bezeichnungen.getOrDefault(wert, wert);
  }

  /** How a case ended; an open case (no outcome yet) is "noch offen". */
  public String abschluss(String code) {
    return code == null ? NOCH_OFFEN : bezeichnung(code);
  }

  /** The values of a select, checklist or radio field in the form's order; empty for another field. */
  public List<String> werte(String feld) {
    return List.copyOf(werteJeFeld.getOrDefault(feld, List.of()));
  }
}
