package de.hsk.ki.prozesse.seiteneinstieg;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The second page of the assignment letter in the family's language (review S7): fixed sentences
 * per language from {@code seiteneinstieg/brief-uebersetzungen.json}, the case's values put in
 * by the letter. German stays binding. As a task listener it preselects the language the report
 * names, so the clerk only confirms it.
 */
@Component("briefuebersetzungen")
public class Briefuebersetzungen implements TaskListener {

  static final String KEINE = "KEINE";
  private static final String DATEI = "/seiteneinstieg/brief-uebersetzungen.json";
  /** How a clerk may have written the family's language in the report, to the letter's language. */
  private static final Map<String, String> SCHREIBWEISEN = Map.ofEntries(Map.entry("englisch", "ENGLISCH"),
      Map.entry("english", "ENGLISCH"), Map.entry("französisch", "FRANZOESISCH"), Map.entry("franzoesisch", "FRANZOESISCH"),
      Map.entry("türkisch", "TUERKISCH"), Map.entry("tuerkisch", "TUERKISCH"), Map.entry("ukrainisch", "UKRAINISCH"),
      Map.entry("russisch", "RUSSISCH"), Map.entry("arabisch", "ARABISCH"), Map.entry("farsi", "FARSI_DARI"),
      Map.entry("dari", "FARSI_DARI"), Map.entry("persisch", "FARSI_DARI"));

  private final Map<String, Map<String, Object>> texte;

  public Briefuebersetzungen(ObjectMapper json) {
    try (InputStream ein = Briefuebersetzungen.class.getResourceAsStream(DATEI)) {
      if (ein == null) {
        throw new IllegalStateException(DATEI + " fehlt im Artefakt");
      }
      Map<String, Object> alle = json.readValue(ein, new TypeReference<Map<String, Object>>() {});
      Map<String, Map<String, Object>> sprachen = new LinkedHashMap<>();
      alle.forEach((code, text) -> {
        if (text instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, Object> eintrag = (Map<String, Object>) m;
          sprachen.put(code, eintrag);
        }
      });
      this.texte = Map.copyOf(sprachen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public java.util.Set<String> sprachen() {
    return texte.keySet();
  }

  /** The page's texts with the case's values put in; empty for German only or an unknown code. */
  public Optional<Map<String, Object>> fuer(String sprache, Map<String, String> werte) {
    Map<String, Object> text = sprache == null ? null : texte.get(sprache);
    if (text == null) {
      return Optional.empty();
    }
    Map<String, Object> ergebnis = new LinkedHashMap<>();
    // German names and dates inside an Arabic sentence keep their own direction (first-strong isolate)
    boolean rtl = Boolean.TRUE.equals(text.get("rtl"));
    text.forEach((schluessel, wert) -> {
      if (wert instanceof String s) {
        for (Map.Entry<String, String> w : werte.entrySet()) {
          String eingesetzt = w.getValue() == null ? "" : w.getValue();
          s = s.replace("{" + w.getKey() + "}", rtl ? "\u2068" + eingesetzt + "\u2069" : eingesetzt);
        }
        ergebnis.put(schluessel, s);
      } else {
        ergebnis.put(schluessel, wert);
      }
    });
    return Optional.of(ergebnis);
  }

  /** The report's free-text language as one of the letter's languages, or none. */
  static String ausMeldung(String bevorzugteSprache) {
    if (bevorzugteSprache == null) {
      return KEINE;
    }
    String klein = bevorzugteSprache.toLowerCase(Locale.GERMAN);
    // the language named first is the family's ("Ukrainisch, etwas Russisch")
    return SCHREIBWEISEN.entrySet().stream().filter(e -> klein.contains(e.getKey()))
        .min(java.util.Comparator.comparingInt(e -> klein.indexOf(e.getKey()))).map(Map.Entry::getValue).orElse(KEINE);
  }

  @Override
  public void notify(DelegateTask aufgabe) {
    if (Seiteneinstieg.BRIEF_SPRACHE.von(aufgabe) == null) {
      Seiteneinstieg.BRIEF_SPRACHE.setze(aufgabe, ausMeldung(Seiteneinstieg.BEVORZUGTE_SPRACHE.von(aufgabe)));
    }
  }
}
