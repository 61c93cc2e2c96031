package de.hsk.ki.plattform.datenschutz;

import de.hsk.ki.plattform.zeit.Zeit;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** Records who read which case, and deletes the records after the retention period. */
@Service
public class Zugriffsprotokoll {

  private static final Logger LOG = LoggerFactory.getLogger(Zugriffsprotokoll.class);

  private final JdbcTemplate jdbc;
  private final Period aufbewahrung;

  public Zugriffsprotokoll(JdbcTemplate jdbc, @Value("${ki.zugriffsprotokoll.aufbewahrung:P1Y}") String aufbewahrung) {
    this.jdbc = jdbc;
    this.aufbewahrung = Period.parse(aufbewahrung);
  }

  public void lesend(String benutzer, String aktenzeichen, String ressource) {
    jdbc.update("INSERT INTO ki_zugriffsprotokoll (benutzer, aktenzeichen, ressource, zeitpunkt) VALUES (?, ?, ?, ?)",
        benutzer, aktenzeichen, ressource.length() > 200 ? ressource.substring(0, 200) : ressource,
        Zeit.jetzt());
  }

  /** Daily at 03:15; also callable by tests. */
  @Scheduled(cron = "0 15 3 * * *")
  public int bereinigen() {
    Instant grenze = java.time.ZonedDateTime.now(Zeit.UHR).minus(aufbewahrung).toInstant();
    int geloescht = jdbc.update("DELETE FROM ki_zugriffsprotokoll WHERE zeitpunkt < ?", Timestamp.from(grenze));
    if (geloescht > 0) {
      LOG.info("Access log: {} entries older than {} deleted", geloescht, aufbewahrung);
    }
    return geloescht;
  }
}
