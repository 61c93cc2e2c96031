package de.hsk.ki.plattform.frist;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.prozesse.seiteneinstieg.Fristen;
import de.hsk.ki.prozesse.uebergang.UebergangFristen;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Deadline settings are checked when the application starts, not when a timer is created. */
class FristTest {

  @Configuration
  @EnableConfigurationProperties({Fristen.class, UebergangFristen.class})
  @org.springframework.context.annotation.Import(AlteFristeneinstellungen.class)
  static class Einstellungen {}

  final ApplicationContextRunner start = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Einstellungen.class);

  @Test
  void dieMitgeliefertenFristenSindGueltig() {
    start.run(kontext -> assertThat(kontext).hasNotFailed());
  }

  @Test
  void eineFristInWortenVerhindertDenStartUndNenntDieEinstellung() {
    start.withPropertyValues("ki.prozesse.seiteneinstieg.fristen.zuweisung-erinnerung=14 Tage").run(kontext -> {
      assertThat(kontext).hasFailed();
      assertThat(kontext.getStartupFailure()).rootCause().hasMessageContaining("zuweisungErinnerung")
          .hasMessageContaining("ist keine Frist im ISO-8601-Format");
    });
    start.withPropertyValues("ki.prozesse.uebergang.fristen.nachfrage=P0D").run(kontext -> assertThat(kontext).hasFailed());
  }

  @Test
  void stundenNurDortWoKeinKalendertagGerechnetWird() {
    start.withPropertyValues("ki.prozesse.seiteneinstieg.fristen.klaerung=PT12H").run(kontext -> assertThat(kontext).hasNotFailed());
    start.withPropertyValues("ki.prozesse.seiteneinstieg.fristen.erstberatung-nach-termin=PT12H").run(kontext -> assertThat(kontext).hasFailed());
  }

  @Test
  void eineFristUnterIhremAltenNamenVerhindertDenStartUndNenntDenNeuen() {
    start.withPropertyValues("ki.fristen.zuweisung-erinnerung=P10D").run(kontext -> {
      assertThat(kontext).hasFailed();
      assertThat(kontext.getStartupFailure()).rootCause()
          .hasMessageContaining("ki.prozesse.seiteneinstieg.fristen")
          .hasMessageContaining("zuweisung-erinnerung");
    });
    start.withPropertyValues("ki.uebergang.fristen.nachfrage=P3M").run(kontext ->
        assertThat(kontext.getStartupFailure()).rootCause().hasMessageContaining("ki.prozesse.uebergang.fristen"));
  }

  @Test
  void texteLesenDieEingestellteFrist() {
    assertThat(Fristensatz.inWorten("P14D")).isEqualTo("2 Wochen");
    assertThat(Fristensatz.inWorten("P3D")).isEqualTo("3 Tage");
    assertThat(Fristensatz.inWorten("P1D")).isEqualTo("1 Tag");
    assertThat(Fristensatz.inWorten("P1Y6M")).isEqualTo("1 Jahr und 6 Monate");
    assertThat(Fristensatz.inWorten("PT12H")).isEqualTo("12 Stunden");
    start.withPropertyValues("ki.prozesse.seiteneinstieg.fristen.zuweisung-eskalation=P21D").run(kontext -> {
      Fristen fristen = kontext.getBean(Fristen.class);
      assertThat(fristen.text("zuweisungEskalation")).isEqualTo("3 Wochen");
      assertThat(fristen.alle()).containsEntry("zuweisungEskalation", "P21D").containsKey("hoechstdauer");
    });
  }
}
