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
    start.withPropertyValues("ki.fristen.zuweisung-erinnerung=14 Tage").run(kontext -> {
      assertThat(kontext).hasFailed();
      assertThat(kontext.getStartupFailure()).rootCause().hasMessageContaining("zuweisungErinnerung")
          .hasMessageContaining("ist keine Frist im ISO-8601-Format");
    });
    start.withPropertyValues("ki.uebergang.fristen.nachfrage=P0D").run(kontext -> assertThat(kontext).hasFailed());
  }

  @Test
  void stundenNurDortWoKeinKalendertagGerechnetWird() {
    start.withPropertyValues("ki.fristen.klaerung=PT12H").run(kontext -> assertThat(kontext).hasNotFailed());
    start.withPropertyValues("ki.fristen.erstberatung-nach-termin=PT12H").run(kontext -> assertThat(kontext).hasFailed());
  }
}
