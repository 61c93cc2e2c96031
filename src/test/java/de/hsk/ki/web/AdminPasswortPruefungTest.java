package de.hsk.ki.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Outside the demo profile the application refuses to start without an operator password. */
class AdminPasswortPruefungTest {

  private static StandardEnvironment umgebung(Map<String, Object> werte) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("test", werte));
    return env;
  }

  @Test
  void ohnePasswortStartetDieAnwendungNicht() {
    var env = umgebung(Map.of("camunda.bpm.admin-user.id", "admin", "camunda.bpm.admin-user.password", ""));
    assertThatThrownBy(() -> new AdminPasswortPruefung().postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("KI_ADMIN_PASSWORD");
  }

  @Test
  void mitPasswortStartetSie() {
    var env = umgebung(Map.of("camunda.bpm.admin-user.id", "admin", "camunda.bpm.admin-user.password", "Sehr-geheim-2026"));
    assertThatCode(() -> new AdminPasswortPruefung().postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void dasPostgresProfilHatKeinVorgabepasswort() throws Exception {
    String profil = new String(getClass().getResourceAsStream("/application-postgres.yaml").readAllBytes());
    String basis = new String(getClass().getResourceAsStream("/application.yaml").readAllBytes());
    org.assertj.core.api.Assertions.assertThat(profil).doesNotContain("KI_ADMIN_PASSWORD:");
    org.assertj.core.api.Assertions.assertThat(basis).contains("password: ${KI_ADMIN_PASSWORD:}");
  }
}
