package de.hsk.ki.prozesse.abstimmung;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The rows of the two decision tables of the coordination process, as deployed. */
@KiSpringTest
class AbstimmungEntscheidungenTest {

  @Autowired DecisionService entscheidungen;

  List<Object> akteure(String rechtskreis, String kommune) {
    return entscheidungen.evaluateDecisionTableByKey(Abstimmung.ENTSCHEIDUNG_AKTEURE)
        .variables(Variables.createVariables().putValue("rechtskreis", rechtskreis).putValue("kommune", kommune))
        .evaluate().collectEntries("akteur");
  }

  @ParameterizedTest(name = "{0} in {1} → {2}")
  @CsvSource(delimiter = ';', value = {
      "SCHULE;BRILON;SCHULAMT,BEZIRKSREGIERUNG,SCHULTRAEGER_BRILON",
      "SGB_VIII;ARNSBERG;JUGENDAMT_ARNSBERG",
      "SGB_VIII;SUNDERN;JUGENDAMT_SUNDERN",
      "SGB_VIII;SCHMALLENBERG;JUGENDAMT_SCHMALLENBERG",
      "SGB_VIII;WINTERBERG;JUGENDAMT_HSK",
      "KIBIZ;MESCHEDE;JUGENDAMT_HSK",
      "KIBIZ;ARNSBERG;JUGENDAMT_ARNSBERG",
      "SGB_II;OLSBERG;JOBCENTER",
      "SGB_III;OLSBERG;AGENTUR_FUER_ARBEIT",
      "ASYLBLG;MARSBERG;SOZIALAMT_MARSBERG",
      "AUFENTHALT;HALLENBERG;AUSLAENDERBEHOERDE_HSK",
      "GESUNDHEIT;ESLOHE;GESUNDHEITSAMT"})
  void beteiligteStellenJeRechtskreisUndKommune(String rechtskreis, String kommune, String erwartet) {
    assertThat(akteure(rechtskreis, kommune)).containsExactlyInAnyOrder((Object[]) erwartet.split(","));
  }

  String stufe(Map<String, Object> abweichend) {
    var v = Variables.createVariables().putValue("dringlichkeit", "MITTEL").putValue("anzahlVertagungen", 0)
        .putValue("ohneRueckmeldung", 0).putValue("art", "STRUKTURELL").putValue("terminErgebnis", "KEINE_EINIGUNG")
        .putValue("landesrechtBetroffen", false);
    v.putAll(abweichend);
    return (String) entscheidungen.evaluateDecisionTableByKey(Abstimmung.ENTSCHEIDUNG_ESKALATION).variables(v)
        .evaluate().getSingleEntry();
  }

  @Test
  void eskalationsstufeNachDerErstenPassendenZeile() {
    assertThat(stufe(Map.of("dringlichkeit", "AKUT"))).isEqualTo("Dezernentin oder Dezernent");
    assertThat(stufe(Map.of("anzahlVertagungen", 3, "terminErgebnis", "VERTAGT"))).isEqualTo("Dezernentin oder Dezernent");
    assertThat(stufe(Map.of("ohneRueckmeldung", 2))).isEqualTo("Leitung schreibt die Behördenleitungen an");
    assertThat(stufe(Map.of("dringlichkeit", "HOCH"))).isEqualTo("Vorlage an den Integrationsausschuss bzw. Kreistag");
    assertThat(stufe(Map.of("dringlichkeit", "HOCH", "art", "FALLBEZOGEN"))).isEqualTo("Leitung des KI klärt mit den Beteiligten");
    assertThat(stufe(Map.of("landesrechtBetroffen", true))).isEqualTo("Bezirksregierung bzw. LaKI (Landesregelungen)");
    assertThat(stufe(Map.of())).isEqualTo("Leitung des KI klärt mit den Beteiligten");
  }
}
