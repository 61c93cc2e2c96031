package de.hsk.ki.plattform.zeit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZeitTest {

  @AfterEach
  void uhrZurueck() {
    ClockUtil.reset();
  }

  @Test
  void datumAusFormularTextIsoZeitpunktUndTypisiertemDatum() {
    assertThat(Zeit.datum("2026-03-01")).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(Zeit.datum("2026-03-01T00:00:00.000+0100")).isEqualTo(LocalDate.of(2026, 3, 1));
    // a typed date at 23:30 UTC is the next day in Germany
    Date spaet = Date.from(ZonedDateTime.parse("2026-03-01T23:30:00Z").toInstant());
    assertThat(Zeit.datum(spaet)).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(Zeit.datum(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(Zeit.datum(null)).isNull();
  }

  @Test
  void heuteFolgtDerUhrDerEngine() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2030-07-15T22:30:00Z").toInstant()));
    assertThat(Zeit.heute()).isEqualTo(LocalDate.of(2030, 7, 16));
    assertThat(Zeit.jetzt().toInstant()).isEqualTo(ZonedDateTime.parse("2030-07-15T22:30:00Z").toInstant());
  }

  @org.junit.jupiter.api.Test
  void seitenZeigenTageUndZeitpunkteDeutschInBerlinerZeit() {
    org.assertj.core.api.Assertions.assertThat(Zeit.anzeige(java.time.Instant.parse("2026-12-05T14:49:00Z"))).isEqualTo("05.12.2026 15:49");
    org.assertj.core.api.Assertions.assertThat(Zeit.anzeige(java.time.Instant.parse("2026-07-01T22:30:00Z"))).isEqualTo("02.07.2026 00:30");
    org.assertj.core.api.Assertions.assertThat(Zeit.anzeige(java.time.LocalDate.of(2026, 3, 1))).isEqualTo("01.03.2026");
    org.assertj.core.api.Assertions.assertThat(Zeit.anzeige((java.time.LocalDate) null)).isEqualTo("–");
  }
}
