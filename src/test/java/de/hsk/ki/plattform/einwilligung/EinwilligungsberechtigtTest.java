package de.hsk.ki.plattform.einwilligung;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision_Einwilligungsberechtigt row by row at its age boundaries, and the age on the day of the declaration. */
class EinwilligungsberechtigtTest {

  static DmnEngine dmn;
  static DmnDecision entscheidung;

  @BeforeAll
  static void lade() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = EinwilligungsberechtigtTest.class.getResourceAsStream("/processes/_bausteine/einwilligungsberechtigt.dmn")) {
      entscheidung = dmn.parseDecision("Decision_Einwilligungsberechtigt", in);
    }
  }

  @ParameterizedTest(name = "{0} Jahre, einsichtsfähig {1}, Sorgeberechtigte zusätzlich {2} → {3}")
  @CsvSource(nullValues = "null", value = {
    "18, null, false, JUGENDLICHE",          // Rule_Volljaehrig
    "18, false, true, JUGENDLICHE",          // Rule_Volljaehrig: capacity is no question for adults
    "40, true, true, JUGENDLICHE",           // Rule_Volljaehrig
    "13, true, false, SORGEBERECHTIGTE",     // Rule_Unter14, also when capable
    "0, null, true, SORGEBERECHTIGTE",       // Rule_Unter14
    "14, true, false, JUGENDLICHE",          // Rule_EinsichtsfaehigSelbst, lower bound
    "17, true, false, JUGENDLICHE",          // Rule_EinsichtsfaehigSelbst, upper bound
    "14, true, true, GEMEINSAM",             // Rule_EinsichtsfaehigGemeinsam
    "17, true, true, GEMEINSAM",             // Rule_EinsichtsfaehigGemeinsam
    "14, false, false, SORGEBERECHTIGTE",    // Rule_NichtEinsichtsfaehig
    "17, null, false, SORGEBERECHTIGTE",     // Rule_NichtEinsichtsfaehig: not assessed
    "16, null, true, SORGEBERECHTIGTE",      // Rule_NichtEinsichtsfaehig
  })
  void werWilligtEin(int alter, Boolean einsichtsfaehig, boolean zusaetzlich, String berechtigt) {
    Map<String, Object> v = new HashMap<>();
    v.put("alter", alter);
    v.put("einsichtsfaehig", einsichtsfaehig);
    v.put("sorgeberechtigteZusaetzlich", zusaetzlich);
    DmnDecisionResultEntries r = dmn.evaluateDecision(entscheidung, v).getFirstResult();
    assertThat((String) r.getEntry("berechtigt")).isEqualTo(berechtigt);
    assertThat((String) r.getEntry("regel")).isNotBlank().doesNotContain("15");
  }

  @ParameterizedTest(name = "{0} Jahre, einsichtsfähig {1}, der Zweck verlangt die Sorgeberechtigten → {2}")
  @CsvSource(nullValues = "null", value = {
    "14, true, SORGEBERECHTIGTE",   // Rule_SorgeberechtigteVerlangt (KAoA-kompakt), lower bound, also when capable
    "17, true, SORGEBERECHTIGTE",   // Rule_SorgeberechtigteVerlangt, upper bound
    "16, null, SORGEBERECHTIGTE",   // Rule_SorgeberechtigteVerlangt
    "13, null, SORGEBERECHTIGTE",   // Rule_Unter14 comes first
    "18, null, JUGENDLICHE",        // Rule_Volljaehrig: an adult consents for themself, whatever the purpose
  })
  void verlangtDerZweckDieSorgeberechtigtenWilligenSieFuerMinderjaehrigeEin(int alter, Boolean einsichtsfaehig, String berechtigt) {
    Map<String, Object> v = new HashMap<>();
    v.put("alter", alter);
    v.put("einsichtsfaehig", einsichtsfaehig);
    v.put("sorgeberechtigteZusaetzlich", false);
    v.put("sorgeberechtigteVerlangt", true);
    DmnDecisionResultEntries r = dmn.evaluateDecision(entscheidung, v).getFirstResult();
    assertThat((String) r.getEntry("berechtigt")).isEqualTo(berechtigt);
  }

  @Test
  void dieFrageNachDerEinsichtsfaehigkeitGiltVom14BisZum18Geburtstag() {
    LocalDate geboren = LocalDate.of(2010, 3, 15);
    assertThat(WerWilligtEin.einsichtsfrage(geboren, LocalDate.of(2024, 3, 14))).isFalse();
    assertThat(WerWilligtEin.einsichtsfrage(geboren, LocalDate.of(2024, 3, 15))).isTrue();
    assertThat(WerWilligtEin.einsichtsfrage(geboren, LocalDate.of(2028, 3, 14))).isTrue();
    assertThat(WerWilligtEin.einsichtsfrage(geboren, LocalDate.of(2028, 3, 15))).isFalse();
    // born on 29 February: 14 on 1 March of a common year
    LocalDate schaltjahr = LocalDate.of(2012, 2, 29);
    assertThat(WerWilligtEin.einsichtsfrage(schaltjahr, LocalDate.of(2026, 2, 28))).isFalse();
    assertThat(WerWilligtEin.einsichtsfrage(schaltjahr, LocalDate.of(2026, 3, 1))).isTrue();
    assertThat(WerWilligtEin.einsichtsfrage(null, LocalDate.of(2026, 3, 1))).isFalse();
  }
}
