package de.hsk.ki.prozesse.foerderung;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/**
 * Interest under § 49a Abs. 3 VwVfG with figures worked by hand: rate = base rate + 5 points,
 * interest = amount × days × rate / (365 × 100), first day counted, last day not, rounded once.
 */
class ZinsenTest {

  /** The seeded table as application.yaml has it (the test does not depend on the shared context). */
  private static Zinsen zinsen(String bagatellgrenze) {
    Map<String, String> tabelle = new LinkedHashMap<>();
    tabelle.put("2023-01-01", "1.62");
    tabelle.put("2023-07-01", "3.12");
    tabelle.put("2024-01-01", "3.62");
    tabelle.put("2024-07-01", "3.37");
    tabelle.put("2025-01-01", "2.27");
    tabelle.put("2025-07-01", "1.27");
    tabelle.put("2026-01-01", "1,27");
    return new Zinsen(new Foerderbriefeinstellungen(tabelle, bagatellgrenze, null, null, null));
  }

  @Test
  void ueberEinenHalbjahreswechselMitEinerRundungAmEnde() {
    // 17.871,97 € from 1 May 2025 (counted) to 1 September 2025 (not counted):
    //   1 May – 30 June:  61 days at 2,27 + 5 = 7,27 %: 17871,97 × 61 × 7,27 = 7.925.682,5359
    //   1 July – 31 Aug:  62 days at 1,27 + 5 = 6,27 %: 17871,97 × 62 × 6,27 = 6.947.549,6178
    //   sum 14.873.232,1537 / 36.500 = 407,4858… → 407,49 €
    // (rounding each part first would give 217,14 + 190,34 = 407,48: rounded once, at the end)
    Zinsen.Berechnung b = zinsen("25,00").berechnung(new BigDecimal("17871.97"), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 9, 1));

    assertThat(b.zinsen()).isEqualByComparingTo("407.49");
    assertThat(b.zinsen().scale()).isEqualTo(2);
    assertThat(b.abschnitte()).hasSize(2);
    assertThat(b.abschnitte().get(0).tage()).isEqualTo(61);
    assertThat(b.abschnitte().get(0).zinssatz()).isEqualByComparingTo("7.27");
    assertThat(b.abschnitte().get(0).zeitraum()).isEqualTo("01.05.2025 – 30.06.2025");
    assertThat(b.abschnitte().get(1).tage()).isEqualTo(62);
    assertThat(b.abschnitte().get(1).satz()).isEqualTo("6,27 % (Basiszinssatz 1,27 % + 5 Prozentpunkte)");
  }

  @Test
  void imSchaltjahrZaehltDer29FebruarAlsEinTagVon365() {
    // 36.500,00 € for February 2024 (29 days) at 3,62 + 5 = 8,62 %:
    //   36500 × 29 × 8,62 / 36500 = 29 × 8,62 = 249,98 €
    assertThat(zinsen("25,00").zinsen(new BigDecimal("36500.00"), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1)))
        .isEqualByComparingTo("249.98");
  }

  @Test
  void unterDerBagatellgrenzeWerdenKeineZinsenErhoben() {
    // 1.000,00 € for January 2026 (31 days) at 1,27 + 5 = 6,27 %: 1000 × 31 × 6,27 / 36500 = 5,3252… → 5,33 € < 25,00 €
    Zinsen.Berechnung b = zinsen("25,00").berechnung(new BigDecimal("1000.00"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
    assertThat(b.berechnet()).isEqualByComparingTo("5.33");
    assertThat(b.unterBagatellgrenze()).isTrue();
    assertThat(b.zinsen()).isEqualByComparingTo("0.00");

    // with a threshold of 5,00 € the same 5,33 € are charged
    assertThat(zinsen("5,00").zinsen(new BigDecimal("1000.00"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)))
        .isEqualByComparingTo("5.33");
  }

  @Test
  void vorDerTabelleUndNachIhremLetztenHalbjahrWirdNichtGerechnet() {
    Zinsen z = zinsen("25,00");
    assertThatThrownBy(() -> z.zinsen(new BigDecimal("100.00"), LocalDate.of(2022, 12, 31), LocalDate.of(2023, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Für Zeiten vor dem 01.01.2023 ist kein Basiszinssatz hinterlegt (Einstellung ki.prozesse.foerderung.basiszinssaetze).");
    // the last entry (1 January 2026) holds until 30 June 2026; the rate from 1 July is not yet known
    assertThat(zinsen("0,00").zinsen(new BigDecimal("36500.00"), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1)))
        .as("one day at 6,27 %: 36500 × 1 × 6,27 / 36500").isEqualByComparingTo("6.27");
    assertThatThrownBy(() -> z.zinsen(new BigDecimal("100.00"), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 2)))
        .hasMessageStartingWith("Der Basiszinssatz ab 01.07.2026 ist noch nicht hinterlegt");
    assertThatThrownBy(() -> z.zinsen(new BigDecimal("100.00"), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 1)))
        .hasMessageContaining("liegt vor ihrem Beginn");
    assertThat(z.zinsen(new BigDecimal("100.00"), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1))).isEqualByComparingTo("0.00");
  }

  @Test
  void ausDenVariablenDesFallsAlsGeldtext() {
    // 36.500,00 € from 1 July 2025 to 1 August 2025: 31 days at 6,27 % = 31 × 6,27 = 194,37 €
    VariableScope fall = mock(VariableScope.class);
    when(fall.getVariable(Foerderung.RUECKFORDERUNGSBETRAG.name())).thenReturn("36.500,00");
    when(fall.getVariable(Foerderung.UNWIRKSAM_AB.name())).thenReturn("2025-07-01");
    when(fall.getVariable(Foerderung.ZAHLUNG_BIS.name())).thenReturn("2025-08-01");

    assertThat(zinsen("25,00").fuerFall(fall)).isEqualTo("194,37");
  }

  @Test
  void einGleitkommawertKommtNichtHinein() {
    // a double may already have lost a cent: refused where the amount is read
    VariableScope fall = mock(VariableScope.class);
    when(fall.getVariable(Foerderung.RUECKFORDERUNGSBETRAG.name())).thenReturn(36500.0d);
    when(fall.getVariable(Foerderung.UNWIRKSAM_AB.name())).thenReturn("2025-07-01");
    when(fall.getVariable(Foerderung.ZAHLUNG_BIS.name())).thenReturn("2025-08-01");
    assertThatThrownBy(() -> zinsen("25,00").fuerFall(fall)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Gleitkomma");

    // and no method of the calculation takes or gives a floating-point number
    for (Method m : Zinsen.class.getDeclaredMethods()) {
      assertThat(Arrays.asList(m.getParameterTypes())).as(m.getName()).doesNotContain(double.class, Double.class, float.class, Float.class);
      assertThat(m.getReturnType()).as(m.getName()).isNotIn(double.class, Double.class, float.class, Float.class);
    }
  }

  @Test
  void eineUnlesbareTabelleHaeltDenStartAn() {
    assertThatThrownBy(() -> new Zinsen(new Foerderbriefeinstellungen(Map.of("1.1.2024", "3.62"), null, null, null, null)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ki.prozesse.foerderung.basiszinssaetze");
  }
}
