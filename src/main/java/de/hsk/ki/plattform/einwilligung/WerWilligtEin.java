package de.hsk.ki.plattform.einwilligung;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Who may declare consent: from 15 the young person, below 15 the guardians, an adult only
 * themselves (age on the day of the declaration: a case can run for years). Checked at the form, so
 * staff read the reason beside the field; the listener that records the consent applies the same rule.
 */
@Component
public class WerWilligtEin implements Formularregel {

  static final String FORMULAR = "form_baustein_einwilligung";

  @Override
  public boolean gilt(String formularId) {
    return FORMULAR.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    String rolle = eingaben.containsKey("einwilligendePerson") ? eingaben.get("einwilligendePerson").path("value").asText() : null;
    String datum = eingaben.containsKey("einwilligungsdatum") ? eingaben.get("einwilligungsdatum").path("value").asText() : null;
    if (rolle == null || datum == null || fall == null) {
      return List.of();
    }
    try {
      String einwand = einwand(rolle, Zeit.datum(fall.getVariable("geburtsdatum")), LocalDate.parse(datum));
      return einwand == null ? List.of() : List.of(new EingabePruefung.Fehler("einwilligendePerson", einwand));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return List.of(); // the field check names a malformed date
    }
  }

  /** The objection to this declarant, or null. */
  public static String einwand(String rolle, LocalDate geburtsdatum, LocalDate erklaerung) {
    int alter = Period.between(geburtsdatum, erklaerung).getYears();
    if ("JUGENDLICHE".equals(rolle) && alter < 15) {
      return "Unter 15 Jahren willigen die Sorgeberechtigten ein, nicht die oder der Jugendliche selbst.";
    }
    if ("SORGEBERECHTIGTE".equals(rolle) && alter >= 18) {
      return "Volljährige willigen selbst ein.";
    }
    return null;
  }
}
