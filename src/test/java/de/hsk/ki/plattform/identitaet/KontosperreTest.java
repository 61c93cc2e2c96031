package de.hsk.ki.plattform.identitaet;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.testkit.Rest;
import java.sql.Timestamp;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 18, point 7: ten failed logins lock an account for a while, not for good. */
@KiSpringTest
class KontosperreTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired Kontosperre sperre;

  @Test
  void eineSperreEndetNachDerSperrdauer() throws Exception {
    String id = de.hsk.ki.testkit.Testkonto.anlegen(engine.getIdentityService(), "sperrprobe" + (System.nanoTime() % 100000),
        "Sperr", "Probe", KiGruppen.VERWALTUNG);

    // ten failed attempts, as a stranger who knows the user name would make them
    for (int i = 0; i < 10; i++) {
      jdbc.update("UPDATE act_id_user SET lock_exp_time_ = NULL WHERE id_ = ?", id);
      assertThat(engine.getIdentityService().checkPassword(id, "falsch-" + i)).isFalse();
    }
    jdbc.update("UPDATE act_id_user SET lock_exp_time_ = NULL WHERE id_ = ?", id);
    assertThat(engine.getIdentityService().checkPassword(id, Rest.DEMO_PASSWORT)).as("locked").isFalse();
    assertThat(Rest.als(port, id).get("/task/count").statusCode()).isEqualTo(401);

    // the last attempt a minute ago: still locked
    zuletztVersuchtVor(id, Duration.ofMinutes(1));
    assertThat(sperre.abgelaufeneSperrenAufheben()).doesNotContain(id);
    assertThat(engine.getIdentityService().checkPassword(id, Rest.DEMO_PASSWORT)).isFalse();

    // 31 minutes without an attempt: unlocked, the right password works again
    zuletztVersuchtVor(id, Duration.ofMinutes(31));
    assertThat(sperre.abgelaufeneSperrenAufheben()).contains(id);
    assertThat(engine.getIdentityService().checkPassword(id, Rest.DEMO_PASSWORT)).isTrue();
    assertThat(Rest.als(port, id).get("/task/count").statusCode()).isEqualTo(200);
  }

  private void zuletztVersuchtVor(String id, Duration vor) {
    jdbc.update("UPDATE act_id_user SET lock_exp_time_ = ? WHERE id_ = ?", Timestamp.from(Zeit.UHR.instant().minus(vor)), id);
  }
}
