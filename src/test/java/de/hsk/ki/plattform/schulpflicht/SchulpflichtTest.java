package de.hsk.ki.plattform.schulpflicht;

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

/**
 * The shared compulsory-schooling table (review S4/U4) row by row, fed with the facts as the
 * application computes them from a birth date, so a mistake in either shows.
 */
class SchulpflichtTest {

  static DmnEngine dmn;
  static DmnDecision tabelle;

  @BeforeAll
  static void lade() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = SchulpflichtTest.class.getResourceAsStream("/processes/_bausteine/schulpflicht.dmn")) {
      tabelle = dmn.parseDecision("Decision_Schulpflicht", in);
    }
  }

  @ParameterizedTest(name = "geboren {0}, am {1}, {2} Schuljahre, Ausbildung {3}, geschätzt {4} → {5}")
  @CsvSource(nullValues = "-", value = {
    // Rule_VorDerSchulpflicht / Rule_Primarstufe: the 30 September cut-off, not the age today
    "2020-10-01, 2026-12-05, -, -, false, VORSCHULE, false",   // 6 today, but not by 30 Sep 2026
    "2020-09-30, 2026-12-05, -, -, false, PRIMAR, true",      // 6 on 30 Sep 2026
    "2020-09-15, 2026-03-01, -, -, false, VORSCHULE, false",  // March: school year 2025/26, 5 on 30 Sep 2025
    "2020-09-15, 2026-06-30, -, -, false, PRIMAR, true",      // from 1 May the coming school year counts: 6 on 30 Sep 2026
    "2010-01-10, 2026-06-15, 9, -, false, SEK_II, true",      // 16 for the school year 2026/27: Berufskolleg
    "2017-09-30, 2026-12-05, 3, -, false, PRIMAR, true",      // 9 on 30 Sep 2026
    "2016-09-30, 2026-12-05, 4, -, false, SEK_I, true",       // 10 on 30 Sep 2026
    // Rule_SekundarstufeI
    "2014-05-01, 2026-12-05, 6, -, false, SEK_I, true",
    "2011-01-01, 2026-12-05, -, -, false, SEK_I, true",       // 15, school years unknown
    // Rule_ZehnJahreErfuellt: 15 with ten school years belongs at the Berufskolleg
    "2011-01-01, 2026-12-05, 10, -, false, SEK_II, true",
    // Rule_AbSechzehn
    "2010-06-01, 2026-12-05, 7, -, false, SEK_II, true",
    // Rule_SchulpflichtBeendet / not yet ended: the end of the school year of the 18th birthday
    "2008-09-01, 2026-12-05, 12, -, false, SEK_II, true",     // 18 on 1 Sep 2026: until 31 Jul 2027
    "2008-03-15, 2026-12-05, 12, -, false, NICHT_SCHULPFLICHTIG, false", // ended 31 Jul 2026
    "2008-03-15, 2026-04-30, 12, -, false, SEK_II, true",     // April: still in that school year
    "2008-03-15, 2026-07-31, 12, -, false, NICHT_SCHULPFLICHTIG, false", // placed for 1 August, when it has ended
    // Rule_Berufsschulpflicht: apprenticeship begun before 21
    "2006-02-01, 2026-12-05, 12, 2026-08-01, false, SEK_II, true",
    "2005-02-01, 2026-12-05, 12, 2026-08-01, false, NICHT_SCHULPFLICHTIG, false", // begun at 21
    // Rule_GeschaetztGrenzbereich
    "2008-01-01, 2026-12-05, 9, -, true, SEK_II, true",
    "2008-01-01, 2026-12-05, 9, -, false, NICHT_SCHULPFLICHTIG, false",
    "2005-01-01, 2026-12-05, 9, -, true, NICHT_SCHULPFLICHTIG, false",
  })
  void stufe(String geboren, String heute, Long jahre, String ausbildung, boolean geschaetzt, String stufe, boolean pflichtig) {
    LocalDate geburtsdatum = LocalDate.parse(geboren);
    LocalDate tag = LocalDate.parse(heute);
    Map<String, Object> fakten = new HashMap<>();
    LocalDate bezug = Schulpflicht.bezugstag(tag);
    fakten.put("alterAmStichtag", (long) Schulpflicht.alterAmStichtag(geburtsdatum, bezug));
    fakten.put("schuljahrMit18Beendet", bezug.isAfter(Schulpflicht.endeDesSchuljahresMit18(geburtsdatum)));
    fakten.put("schulpflichtAb", Schulpflicht.schulpflichtAb(geburtsdatum).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    fakten.put("ausbildungVor21Begonnen", Schulpflicht.ausbildungVor21Begonnen(geburtsdatum, ausbildung == null ? null : LocalDate.parse(ausbildung)));
    fakten.put("schulbesuchsjahre", jahre);
    fakten.put("geburtsdatumGeschaetzt", geschaetzt);
    DmnDecisionResultEntries ergebnis = dmn.evaluateDecision(tabelle, fakten).getFirstResult();
    assertThat(ergebnis.getEntryMap()).containsEntry("stufe", stufe).containsEntry("schulpflichtig", pflichtig);
    assertThat((String) ergebnis.getEntry("grund")).isNotBlank();
    if ("VORSCHULE".equals(stufe)) {
      assertThat((String) ergebnis.getEntry("grund")).contains("schulpflichtig ab 01.08.");
    }
  }

  @Test
  void fehlendeAngabenGeltenAlsUnbekannt() {
    // a process that has no apprenticeship field and no estimate flag (Seiteneinstieg) still gets a row
    Map<String, Object> fakten = new HashMap<>();
    fakten.put("alterAmStichtag", 12L);
    fakten.put("schuljahrMit18Beendet", false);
    assertThat(dmn.evaluateDecision(tabelle, fakten).getFirstResult().getEntryMap()).containsEntry("stufe", "SEK_I");
  }

  @Test
  void bezugstagUndBeginnDerSchulpflicht() {
    assertThat(Schulpflicht.bezugstag(LocalDate.of(2026, 4, 30))).isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(Schulpflicht.bezugstag(LocalDate.of(2026, 5, 2))).isEqualTo(LocalDate.of(2026, 8, 1));
    assertThat(Schulpflicht.bezugstag(LocalDate.of(2026, 8, 1))).isEqualTo(LocalDate.of(2026, 8, 1));
    assertThat(Schulpflicht.bezugstag(LocalDate.of(2026, 12, 5))).isEqualTo(LocalDate.of(2026, 12, 5));
    assertThat(Schulpflicht.schulpflichtAb(LocalDate.of(2020, 9, 30))).isEqualTo(LocalDate.of(2026, 8, 1));
    assertThat(Schulpflicht.schulpflichtAb(LocalDate.of(2020, 10, 1))).isEqualTo(LocalDate.of(2027, 8, 1));
    assertThat(Schulpflicht.schulpflichtAb(LocalDate.of(2021, 1, 15))).isEqualTo(LocalDate.of(2027, 8, 1));
  }

  @Test
  void stichtagUndSchuljahr() {
    assertThat(Schulpflicht.schuljahresbeginn(LocalDate.of(2026, 7, 31))).isEqualTo(LocalDate.of(2025, 8, 1));
    assertThat(Schulpflicht.schuljahresbeginn(LocalDate.of(2026, 8, 1))).isEqualTo(LocalDate.of(2026, 8, 1));
    assertThat(Schulpflicht.alterAmStichtag(LocalDate.of(2020, 9, 30), LocalDate.of(2026, 8, 1))).isEqualTo(6);
    assertThat(Schulpflicht.alterAmStichtag(LocalDate.of(2020, 10, 1), LocalDate.of(2026, 8, 1))).isEqualTo(5);
    // 18th birthday in March 2026: the school year ends on 31 July 2026; in September: 31 July 2027
    assertThat(Schulpflicht.endeDesSchuljahresMit18(LocalDate.of(2008, 3, 15))).isEqualTo(LocalDate.of(2026, 7, 31));
    assertThat(Schulpflicht.endeDesSchuljahresMit18(LocalDate.of(2008, 9, 1))).isEqualTo(LocalDate.of(2027, 7, 31));
    assertThat(Schulpflicht.endeDesSchuljahresMit18(LocalDate.of(2008, 7, 31))).isEqualTo(LocalDate.of(2026, 7, 31));
    assertThat(Schulpflicht.endeDesSchuljahresMit18(LocalDate.of(2008, 8, 1))).isEqualTo(LocalDate.of(2027, 7, 31));
  }
}
