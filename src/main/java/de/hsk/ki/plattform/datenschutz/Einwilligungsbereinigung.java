package de.hsk.ki.plattform.datenschutz;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Consents and e-mail records belong to their case: once the engine's history cleanup has removed
 * a case (after its time to live), they go too. Runs daily after the cleanup window.
 */
@Service
public class Einwilligungsbereinigung {

  private static final Logger LOG = LoggerFactory.getLogger(Einwilligungsbereinigung.class);

  private final JdbcTemplate jdbc;

  public Einwilligungsbereinigung(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(cron = "0 30 5 * * *")
  public int bereinigen() {
    int geloescht = jdbc.update(
        "DELETE FROM ki_einwilligung WHERE NOT EXISTS"
            + " (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = ki_einwilligung.aktenzeichen)");
    geloescht += jdbc.update(
        "DELETE FROM ki_mailausgang WHERE NOT EXISTS"
            + " (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = ki_mailausgang.aktenzeichen)");
    if (geloescht > 0) {
      LOG.info("{} consent or e-mail record(s) of cases no longer in the history deleted", geloescht);
    }
    return geloescht;
  }
}
