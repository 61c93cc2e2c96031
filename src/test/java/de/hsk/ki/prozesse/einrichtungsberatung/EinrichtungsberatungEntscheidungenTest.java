package de.hsk.ki.prozesse.einrichtungsberatung;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every row of Decision_EB_Triage, as deployed: the first matching row decides. */
@KiSpringTest
class EinrichtungsberatungEntscheidungenTest {

  @Autowired DecisionService entscheidungen;

  Map<String, Object> triage(String typ, String thema, String format) {
    return entscheidungen.evaluateDecisionTableByKey(Einrichtungsberatung.ENTSCHEIDUNG_TRIAGE)
        .variables(Variables.createVariables().putValue("einrichtungstyp", typ).putValue("thema", thema).putValue("format", format))
        .evaluate().getSingleResult().getEntryMap();
  }

  @ParameterizedTest(name = "{0} / {1} / {2} → {3} {4}")
  @CsvSource(delimiter = ';', nullValues = "-", value = {
      // material first, whatever the topic
      "SCHULE_GRUND;SEITENEINSTIEG_DAZ;MATERIALAUSLEIHE;kiVerwaltung;MATERIAL;-;P5D",
      "KITA;FOERDERPROGRAMME;MATERIALAUSLEIHE;kiVerwaltung;MATERIAL;-;P5D",
      "VEREIN;FOERDERPROGRAMME;BERATUNG;kiFoerderung;FOERDERUNG;-;P10D",
      "SCHULE_GRUND;FOERDERPROGRAMME;WORKSHOP;kiFoerderung;FOERDERUNG;-;P10D",
      "JUGENDAMT;SPRACHMITTLUNG;BERATUNG;kiVerwaltung;STANDARD;-;P5D",
      "SCHULE_WEITERFUEHREND;LEHRERFORTBILDUNG;WORKSHOP;kiLehrkraefte;VERWEIS;Kompetenzteam für Lehrerfortbildung beim Schulamt für den Hochsauerlandkreis;P5D",
      "SCHULE_GRUND;SEITENEINSTIEG_DAZ;REIHE;kiLehrkraefte;INDIVIDUELL;-;P10D",
      "BERUFSKOLLEG;INTEGRATIONSSTELLEN;BERATUNG;kiLehrkraefte;INDIVIDUELL;-;P10D",
      "SCHULE_WEITERFUEHREND;SCHULENTWICKLUNG;PROZESSBEGLEITUNG;kiLehrkraefte;INDIVIDUELL;-;P10D",
      "BERUFSKOLLEG;ELTERNARBEIT;WORKSHOP;kiLehrkraefte;INDIVIDUELL;-;P10D",
      "KITA;SPRACHBILDUNG;WORKSHOP;kiSozialarbeit;STANDARD;-;P10D",
      "FAMILIENZENTRUM;RUCKSACK_GRIFFBEREIT;REIHE;kiSozialarbeit;STANDARD;-;P10D",
      "KITA;DISKRIMINIERUNG;WORKSHOP;kiSozialarbeit;INDIVIDUELL;-;P10D",
      "JUGENDHILFE;INTERKULTURELLE_OEFFNUNG;PROZESSBEGLEITUNG;kiSozialarbeit;INDIVIDUELL;-;P10D",
      "JUGENDAMT;ELTERNARBEIT;BERATUNG;kiSozialarbeit;INDIVIDUELL;-;P10D",
      "KOMMUNALVERWALTUNG;INTERKULTURELLE_OEFFNUNG;REIHE;kiLeitung;INDIVIDUELL;-;P10D",
      // the default row: anything else goes to coordination
      "VEREIN;ELTERNARBEIT;WORKSHOP;kiLeitung;INDIVIDUELL;-;P10D",
      "SONSTIGE;SONSTIGES;SPRECHSTUNDE;kiLeitung;INDIVIDUELL;-;P10D"})
  void zuordnungNachDerErstenPassendenZeile(String typ, String thema, String format, String team, String angebotstyp, String verweis,
      String frist) {
    Map<String, Object> ergebnis = triage(typ, thema, format);
    assertThat(ergebnis.get("team")).isEqualTo(team);
    assertThat(ergebnis.get("angebotstyp")).isEqualTo(angebotstyp);
    assertThat(ergebnis.get("verweisStelle")).isEqualTo(verweis);
    assertThat(ergebnis.get("fristErstkontakt")).isEqualTo(frist);
  }
}
