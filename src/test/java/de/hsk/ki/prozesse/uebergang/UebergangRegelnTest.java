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

/** The team table of the transition process, row by row, and the intake dates (Schulpflicht: SchulpflichtTest). */
class UebergangRegelnTest {

  static DmnEngine dmn;
  static DmnDecision team;
  static DmnDecision einstieg;
  static DmnDecision optionen;

  @BeforeAll
  static void lade() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream b = UebergangRegelnTest.class.getResourceAsStream("/processes/uebergang/beratungsteam.dmn");
        InputStream c = UebergangRegelnTest.class.getResourceAsStream("/processes/uebergang/einstiegstermine.dmn");
        InputStream d = UebergangRegelnTest.class.getResourceAsStream("/processes/uebergang/vermittlungsoptionen.dmn")) {
      optionen = dmn.parseDecision("Decision_Vermittlungsoptionen", d);
      team = dmn.parseDecision("Decision_UebergangTeam", b);
      einstieg = dmn.parseDecision("Decision_Einstiegstermine", c);
    }
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

  /** Issue 17: the team of the earlier caseworker of the same person comes first (no earlier one: the rows above). */
  @ParameterizedTest(name = "{0} Jahre, {1}, schulpflichtig {2}, bisher {3} → {4}")
  @CsvSource({
    "16, BRILON, true, kiSozialarbeit, kiSozialarbeit",       // Rule_BisherigeSozialarbeit before Rule_Unter18
    "19, MESCHEDE, false, kiSozialarbeit, kiSozialarbeit",    // Rule_BisherigeSozialarbeit
    "18, BRILON, true, kiLehrkraefte, kiLehrkraefte",         // Rule_BisherigeLehrkraftSchulpflichtig before Rule_Volljaehrig
    "19, BRILON, false, kiLehrkraefte, kiSozialarbeit",       // no longer in compulsory schooling: Rule_Volljaehrig
    "16, BRILON, true, kiVerwaltung, kiLehrkraefte",          // an earlier clerk does not count: Rule_Unter18
  })
  void beratungsteamBevorzugtDieBisherigeFachkraft(int alter, String kommune, boolean pflichtig, String bisher, String gruppe) {
    DmnDecisionTableResult r = dmn.evaluateDecisionTable(team, Map.of("alter", alter, "kommune", kommune,
        "schulpflicht", Map.of("schulpflichtig", pflichtig), "bisherigeFachkraftGruppe", bisher));
    assertThat((Object) r.getFirstResult().getSingleEntry()).isEqualTo(gruppe);
  }

  /** The intake dates of a course, as the application reads them from Decision_Einstiegstermine. */
  private static java.util.List<java.time.MonthDay> termine(String bildungsgang) {
    return dmn.evaluateDecisionTable(einstieg, Map.of("bildungsgang", bildungsgang)).collectEntries("termin").stream()
        .map(t -> java.time.MonthDay.parse("--" + t)).toList();
  }

  @Test
  void naechsterEinstiegstermin() {
    assertThat(Einstiegstermine.naechster(termine("IFK"), LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2027, 8, 1));
    assertThat(Einstiegstermine.naechster(termine("IFK"), LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2026, 8, 1));
    assertThat(Einstiegstermine.naechster(termine("BERUFSKOLLEG"), LocalDate.of(2026, 8, 1))).isEqualTo(LocalDate.of(2026, 8, 1));
    // review U1: mid-year, "Fit für mehr" takes newcomers next quarter
    assertThat(Einstiegstermine.naechster(termine("FIT_FUER_MEHR"), LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2027, 2, 1));
    assertThat(Einstiegstermine.naechster(termine("FIT_FUER_MEHR"), LocalDate.of(2026, 2, 2))).isEqualTo(LocalDate.of(2026, 5, 1));
    assertThat(Einstiegstermine.naechster(termine("FIT_FUER_MEHR"), LocalDate.of(2026, 5, 1))).isEqualTo(LocalDate.of(2026, 5, 1));
    assertThat(Einstiegstermine.naechster(termine("FIT_FUER_MEHR"), LocalDate.of(2026, 8, 15))).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(termine("UNBEKANNT")).isEmpty();
  }

  private java.util.List<String> vorschlaege(int alter, boolean pflichtig, String status, String leistung, String deutsch, String abschluss) {
    Map<String, Object> v = new java.util.HashMap<>(Map.of("alter", alter, "schulpflicht", Map.of("schulpflichtig", pflichtig),
        "aufenthaltsstatus", status, "deutschniveau", deutsch, "abschluss", abschluss, "kommune", "MESCHEDE"));
    v.put("leistungsbezug", leistung);
    return dmn.evaluateDecisionTable(optionen, v).getResultList().stream()
        .map(z -> z.get("schluessel") != null ? (String) z.get("schluessel") : (String) z.get("text")).toList();
  }

  @Test
  void vermittlungsoptionenNachLeistungStatusAlterUndSprache() {
    // review U3: asylum-seeker benefits – the Sozialamt and the Agentur, never the Jobcenter; Duldung – the Ausländerbehörde
    assertThat(vorschlaege(19, false, "DULDUNG", "ASYLBLG", "A2", "KEINER"))
        .contains("AGENTUR_FUER_ARBEIT", "SOZIALAMT_MESCHEDE", "AUSLAENDERBEHOERDE_HSK", "JUGENDMIGRATIONSDIENST", "IHK", "HWK")
        .doesNotContain("JOBCENTER")
        .anyMatch(t -> t.startsWith("„Fit für mehr“")).anyMatch(t -> t.startsWith("Weiterbildungskolleg"));
    assertThat(vorschlaege(20, false, "AUFENTHALTSERLAUBNIS", "SGB2", "B1", "AUSLAND_OFFEN"))
        .contains("JOBCENTER", "AGENTUR_FUER_ARBEIT").doesNotContain("SOZIALAMT_MESCHEDE", "AUSLAENDERBEHOERDE_HSK")
        .noneMatch(t -> t.startsWith("„Fit für mehr“")).anyMatch(t -> t.startsWith("Anerkennung"));
    // unknown benefits (not recorded): both offered, the team clarifies
    assertThat(vorschlaege(19, false, "EU", null, "B2", "KEINER")).contains("JOBCENTER", "AGENTUR_FUER_ARBEIT");
    // 27 and older: no youth migration service, the adult migration counselling as a hint
    assertThat(vorschlaege(28, false, "EU", "KEINER", "B2", "KEINER")).doesNotContain("JUGENDMIGRATIONSDIENST")
        .anyMatch(t -> t.startsWith("Migrationsberatung"));
  }
}
