package de.hsk.ki.prozesse.abstimmung;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.plattform.fall.Listen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The need as staff entered it, in the words of the start form: the labels are read from
 * forms/abstimmung/bedarf.form, so that later forms and the annual report say what staff chose.
 */
@Component
public class Bedarfsangaben {

  private final Map<String, String> bezeichnungen = new HashMap<>(Map.of(
      "OFFEN", "noch offen", "ABGEGEBEN", "abgegeben", "ABGELEHNT", "abgelehnt", "OHNE_EINIGUNG", "ohne Einigung beendet",
      "UMGESETZT", "umgesetzt", "ZEITABLAUF", "wegen Zeitablauf geschlossen"));

  public Bedarfsangaben() {
    try (var form = new ClassPathResource("forms/abstimmung/bedarf.form").getInputStream()) {
      for (var feld : new ObjectMapper().readTree(form).path("components")) {
        feld.path("values").forEach(w -> bezeichnungen.putIfAbsent(w.path("value").asText(), w.path("label").asText()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bezeichnung(String wert) {
    return wert == null ? "–" : bezeichnungen.getOrDefault(wert, wert);
  }

  private String liste(Object werte) {
    List<String> liste = Listen.alsStrings(werte);
    return liste.isEmpty() ? "–" : liste.stream().map(this::bezeichnung).collect(Collectors.joining(", "));
  }

  /** The facts of the need for the forms that follow (pre-check, participants, consolidation, meeting). */
  String uebersicht(VariableScope fall) {
    Long anzahl = Abstimmung.ANZAHL_BETROFFENE.von(fall);
    var bis = Abstimmung.KLAERUNG_BIS.von(fall);
    return "Art: " + bezeichnung(Abstimmung.ART.von(fall)) + " · Thema: " + bezeichnung(Abstimmung.THEMA.von(fall))
        + " · Dringlichkeit: " + bezeichnung(Abstimmung.DRINGLICHKEIT.von(fall))
        + "\n\nRechtskreise: " + liste(fall.getVariable(Abstimmung.RECHTSKREISE.name()))
        + "\n\nKommunen: " + liste(fall.getVariable(Abstimmung.KOMMUNEN.name()))
        + "\n\nZielgruppe: " + Abstimmung.ZIELGRUPPE.von(fall) + (anzahl == null ? "" : " (etwa " + anzahl + " Betroffene)")
        + " · Quelle: " + bezeichnung(Abstimmung.QUELLE.von(fall))
        + (bis == null ? "" : " · Klärung gewünscht bis " + bis.format(Beteiligungen.DATUM));
  }
}
