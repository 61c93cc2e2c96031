package de.hsk.ki.prozesse.uebergang;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every row of Decision_Nachfragetermin (review U10), with the boundaries of the half-year rule. */
@KiSpringTest
class NachfragterminTest {

  @Autowired Nachfragetermin nachfragetermin;

  @Test
  void ausbildungAmEndeDerProbezeit() {
    var termin = nachfragetermin.fuer("AUSBILDUNG", LocalDate.of(2026, 8, 31));
    assertThat(termin.tag()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(termin.anlass()).contains("Probezeit der Ausbildung");
  }

  @Test
  void schulplatzZumNaechstenHalbjahreswechselFruehestensEinenMonatSpaeter() {
    // one month later is 1 January: the next change is 1 February
    assertThat(nachfragetermin.fuer("SCHULPLATZ", LocalDate.of(2026, 12, 1)).tag()).isEqualTo(LocalDate.of(2027, 2, 1));
    // one month later is exactly 1 February: that day still counts
    assertThat(nachfragetermin.fuer("SCHULPLATZ", LocalDate.of(2027, 1, 1)).tag()).isEqualTo(LocalDate.of(2027, 2, 1));
    // one month later is 2 February: 1 August
    assertThat(nachfragetermin.fuer("SCHULPLATZ", LocalDate.of(2027, 1, 2)).tag()).isEqualTo(LocalDate.of(2027, 8, 1));
    // in July the summer change is too close: next February
    assertThat(nachfragetermin.fuer("SCHULPLATZ", LocalDate.of(2027, 7, 15)).tag()).isEqualTo(LocalDate.of(2028, 2, 1));
    assertThat(nachfragetermin.fuer("SCHULPLATZ", LocalDate.of(2027, 7, 1)).tag()).isEqualTo(LocalDate.of(2027, 8, 1));
  }

  @Test
  void arbeitNachDerUeblichenProbezeit() {
    assertThat(nachfragetermin.fuer("ARBEIT", LocalDate.of(2026, 12, 5)).tag()).isEqualTo(LocalDate.of(2027, 6, 5));
  }

  @Test
  void sonstNachDerEinstellung() {
    for (String ergebnis : new String[] {"STUDIUM", "SONSTIGES", null}) {
      var termin = nachfragetermin.fuer(ergebnis, LocalDate.of(2026, 12, 5));
      assertThat(termin.tag()).as(ergebnis).isEqualTo(LocalDate.of(2027, 6, 5));
      assertThat(termin.anlass()).as(ergebnis).isEqualTo("übliche Nachfrage nach dem Ergebnis");
    }
  }
}
