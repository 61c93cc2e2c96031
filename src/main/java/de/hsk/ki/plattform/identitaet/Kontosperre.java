package de.hsk.ki.plattform.identitaet;

import de.hsk.ki.plattform.zeit.Zeit;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Camunda locks an account for good after its tenth failed login, so anyone who knows a user name
 * can lock out staff (and the only operator, whom nobody could then unlock). Here a lock ends by
 * itself after {@code ki.anmeldung.sperrdauer} (30 minutes) after the last failed attempt; the
 * engine's growing delay between attempts (up to 60 s) keeps guessing slow meanwhile.
 */
@Component
public class Kontosperre {

  private static final Logger LOG = LoggerFactory.getLogger("ki.anmeldung");

  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final int hoechstversuche;
  private final Duration sperrdauer;

  public Kontosperre(JdbcTemplate jdbc, ProcessEngine engine, @Value("${ki.anmeldung.sperrdauer:PT30M}") Duration sperrdauer) {
    this.jdbc = jdbc;
    this.identity = engine.getIdentityService();
    this.hoechstversuche = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getLoginMaxAttempts();
    this.sperrdauer = sperrdauer;
  }

  /** Every minute; returns the accounts unlocked (for tests). */
  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  public List<String> abgelaufeneSperrenAufheben() {
    // LOCK_EXP_TIME_ is set at each failed attempt to that moment plus the engine's delay (at most 60 s)
    Timestamp grenze = Timestamp.from(Zeit.UHR.instant().minus(sperrdauer));
    List<String> gesperrt = jdbc.queryForList(
        "SELECT id_ FROM act_id_user WHERE attempts_ >= ? AND lock_exp_time_ IS NOT NULL AND lock_exp_time_ < ?",
        String.class, hoechstversuche, grenze);
    for (String benutzer : gesperrt) {
      identity.unlockUser(benutzer);
      LOG.info("Sperre des Kontos {} nach {} ohne Fehlversuch aufgehoben", benutzer, sperrdauer);
    }
    return gesperrt;
  }
}
