package de.hsk.ki.prozesse.einrichtungsberatung;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The reservation form asks the catalogue before it is accepted: the chosen item must be free for the
 * period (not held by another case) and the period plausible. The form only knows the item is one of
 * its options; the reservation itself re-checks under a lock.
 */
@Component
public class Reservierungsregel implements Formularregel {

  static final String FORMULAR = "form_eb_reservierung";
  static final String MATERIAL = "material";
  static final String VON = "ausleiheVon";
  static final String BIS = "ausleiheBis";
  /** form-js 1.8's date picker reads month/day/year; a German date typed into it lands on another day. */
  private static final String DATUMSHINWEIS = " Bitte die Daten prüfen – die Datumsauswahl erwartet TT.MM.JJJJ.";

  private final Materialkatalog katalog;

  public Reservierungsregel(Materialkatalog katalog) {
    this.katalog = katalog;
  }

  @Override
  public boolean gilt(String formularId) {
    return FORMULAR.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    LocalDate von = datum(eingaben, VON);
    LocalDate bis = datum(eingaben, BIS);
    if (von == null || bis == null) {
      return List.of(); // the field check names a missing or malformed date
    }
    Optional<String> zeitraum = Materialkatalog.zeitraumFehler(von, bis);
    if (zeitraum.isPresent()) {
      return List.of(new EingabePruefung.Fehler(BIS, "Ausleihe bis: " + zeitraum.get() + DATUMSHINWEIS));
    }
    long material;
    try {
      material = Long.parseLong(eingaben.containsKey(MATERIAL) ? eingaben.get(MATERIAL).path("value").asText() : "");
    } catch (NumberFormatException e) {
      return List.of(); // the field check refuses a value that is not one of the options
    }
    String aktenzeichen = fall == null ? null : (String) fall.getVariable(Einrichtungsberatung.AKTENZEICHEN.name());
    return katalog.konflikt(material, von, bis, aktenzeichen)
        .map(meldung -> List.of(new EingabePruefung.Fehler(MATERIAL, "Material: " + meldung)))
        .orElse(List.of());
  }

  private static LocalDate datum(Map<String, JsonNode> eingaben, String feld) {
    JsonNode eintrag = eingaben.get(feld);
    if (eintrag == null || !eintrag.path("value").isTextual()) {
      return null;
    }
    try {
      return Zeit.datum(eintrag.path("value").asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
