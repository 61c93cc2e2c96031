package de.hsk.ki.prozesse.uebergang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both decision tables of the transition process, row by row, and the date rules behind them. */
class UebergangRegelnTest {

  static DmnEngine dmn;
  static DmnDecision schulpflicht;
  static DmnDecision team;

  @BeforeAll
  static void lade() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream a = UebergangRegelnTest.class.getResourceAsStream("/processes/uebergang/schulpflicht.dmn");
        InputStream b = UebergangRegelnTest.class.getResourceAsStream("/processes/uebergang/beratungsteam.dmn")) {
      schulpflicht = dmn.parseDecision("Decision_Schulpflicht", a);
      team = dmn.parseDecision("Decision_UebergangTeam", b);
    }
  }

  @ParameterizedTest(name = "{0} Schuljahre, Schuljahr mit 18 beendet: {1} → {2}")
  @CsvSource({
    "0, false, true", "9, false, true",      // Rule_Vollzeitschulpflicht
    "10, false, true", "13, false, true",    // Rule_SchulpflichtBis18
    "5, true, false", "12, true, false",     // Rule_SchulpflichtBeendet
  })
  void schulpflicht(int jahre, boolean beendet, boolean pflichtig) {
    DmnDecisionTableResult r = dmn.evaluateDecisionTable(schulpflicht, Map.of("schulbesuchsjahre", jahre, "schuljahrMit18Beendet", beendet));
    assertThat(r.size()).isEqualTo(1);
    assertThat(r.getSingleResult().getEntryMap()).containsEntry("schulpflichtig", pflichtig).containsKey("grund");
  }

  @ParameterizedTest(name = "{0} Jahre, {1}, schulpflichtig {2} → {3}")
  @CsvSource({
    "16, BRILON, true, kiLehrkraefte",        // Rule_Unter18
    "17, MESCHEDE, false, kiLehrkraefte",     // Rule_Unter18
    "18, SUNDERN, true, kiLehrkraefte",       // Rule_ArnsbergSundernSchulpflichtig
    "18, ARNSBERG, true, kiLehrkraefte",      // Rule_ArnsbergSundernSchulpflichtig
    "18, BRILON, true, kiSozialarbeit",       // Rule_Volljaehrig
    "20, ARNSBERG, false, kiSozialarbeit",    // Rule_Volljaehrig
  })
  void beratungsteam(int alter, String kommune, boolean pflichtig, String gruppe) {
    DmnDecisionTableResult r = dmn.evaluateDecisionTable(team,
        Map.of("alter", alter, "kommune", kommune, "schulpflicht", Map.of("schulpflichtig", pflichtig)));
    assertThat((Object) r.getFirstResult().getSingleEntry()).isEqualTo(gruppe);
  }

  @Test
  void schulpflichtEndetMitDemSchuljahrInDemDas18LebensjahrVollendetWird() {
    // 18th birthday in March 2026: the school year ends on 31 July 2026
    assertThat(UebergangAufnehmen.endeDesSchuljahresMit18(LocalDate.of(2008, 3, 15))).isEqualTo(LocalDate.of(2026, 7, 31));
    // 18th birthday in September 2026: the school year 2026/27 ends on 31 July 2027
    assertThat(UebergangAufnehmen.endeDesSchuljahresMit18(LocalDate.of(2008, 9, 1))).isEqualTo(LocalDate.of(2027, 7, 31));
    assertThat(UebergangAufnehmen.endeDesSchuljahresMit18(LocalDate.of(2008, 7, 31))).isEqualTo(LocalDate.of(2026, 7, 31));
  }

  @Test
  void naechsterEinstiegstermin() {
    assertThat(Einstiegstermine.naechster("IFK", LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2027, 8, 1));
    assertThat(Einstiegstermine.naechster("IFK", LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2026, 8, 1));
    assertThat(Einstiegstermine.naechster("FIT_FUER_MEHR", LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2027, 2, 1));
    assertThat(Einstiegstermine.naechster("FIT_FUER_MEHR", LocalDate.of(2026, 2, 2))).isEqualTo(LocalDate.of(2026, 5, 1));
    assertThat(Einstiegstermine.naechster("FIT_FUER_MEHR", LocalDate.of(2026, 5, 1))).isEqualTo(LocalDate.of(2026, 5, 1));
    assertThat(Einstiegstermine.naechster("FIT_FUER_MEHR", LocalDate.of(2026, 8, 15))).isEqualTo(LocalDate.of(2026, 11, 1));
  }
}
