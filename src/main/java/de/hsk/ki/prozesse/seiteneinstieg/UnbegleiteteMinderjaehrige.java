package de.hsk.ki.prozesse.seiteneinstieg;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Unaccompanied minors (review S13): when the guardianship lies with a guardian or a facility, the
 * report names the youth-welfare office and the state of the care; the facility's fields belong only
 * to such a report. Letters then go to the guardian, a copy to the facility.
 */
@Component
public class UnbegleiteteMinderjaehrige implements Formularregel {

  static final String FORMULAR = "form_se_meldung";
  static final Set<String> OHNE_ELTERN = Set.of("VORMUND", "EINRICHTUNG");
  static final List<de.hsk.ki.plattform.prozess.Variable<String>> ANGABEN = List.of(Seiteneinstieg.JUGENDAMT,
      Seiteneinstieg.INOBHUTNAHME_STATUS, Seiteneinstieg.VORMUND_KONTAKT, Seiteneinstieg.EINRICHTUNG, Seiteneinstieg.BEZUGSBETREUER);

  @Override
  public boolean gilt(String formularId) {
    return FORMULAR.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    List<EingabePruefung.Fehler> fehler = new ArrayList<>();
    boolean ohneEltern = OHNE_ELTERN.contains(Formularregel.text(eingaben, Seiteneinstieg.SORGEFORM.name()));
    if (ohneEltern) {
      if (Formularregel.text(eingaben, Seiteneinstieg.JUGENDAMT.name()) == null) {
        fehler.add(new EingabePruefung.Fehler(Seiteneinstieg.JUGENDAMT.name(), "Zuständiges Jugendamt: Pflichtfeld bei Vormund oder Einrichtung"));
      }
      if (Formularregel.text(eingaben, Seiteneinstieg.INOBHUTNAHME_STATUS.name()) == null) {
        fehler.add(new EingabePruefung.Fehler(Seiteneinstieg.INOBHUTNAHME_STATUS.name(), "Stand: Pflichtfeld bei Vormund oder Einrichtung"));
      }
    } else {
      for (var v : ANGABEN) {
        if (Formularregel.text(eingaben, v.name()) != null) {
          fehler.add(new EingabePruefung.Fehler(v.name(), "Angaben zu Jugendamt und Einrichtung gehören nur zu Kindern mit Vormund oder in einer Einrichtung."));
          break;
        }
      }
    }
    return fehler;
  }
}
