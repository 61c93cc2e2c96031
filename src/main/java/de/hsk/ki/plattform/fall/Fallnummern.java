package de.hsk.ki.plattform.fall;

import java.time.Clock;
import java.time.Year;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out case numbers of the form {@code SE-2026-0001}, one counter per prefix and year.
 *
 * <p>Counts in the caller's (the engine's) transaction: the row lock orders concurrent starts and a
 * rolled-back start gives its number back. Only the year's first case creates the counter row, in
 * a transaction of its own (a failed insert would abort the engine's transaction on PostgreSQL).
 */
@Service
public class Fallnummern {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate eigeneTransaktion;
  private final Clock clock;

  public Fallnummern(JdbcTemplate jdbc, PlatformTransactionManager tm, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.eigeneTransaktion = new TransactionTemplate(tm);
    this.eigeneTransaktion.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String naechste(String praefix) {
    int jahr = Year.now(clock).getValue();
    if (erhoehe(praefix, jahr) == 0) {
      try {
        eigeneTransaktion.executeWithoutResult(s ->
            jdbc.update("INSERT INTO ki_fallnummer (praefix, jahr, letzte_nummer) VALUES (?, ?, 0)", praefix, jahr));
      } catch (DuplicateKeyException e) {
        // another start created the year's counter at the same moment
      }
      if (erhoehe(praefix, jahr) == 0) {
        throw new IllegalStateException("Could not allocate a case number for " + praefix + "-" + jahr);
      }
    }
    Integer nummer = jdbc.queryForObject(
        "SELECT letzte_nummer FROM ki_fallnummer WHERE praefix = ? AND jahr = ?", Integer.class, praefix, jahr);
    return String.format("%s-%d-%04d", praefix, jahr, nummer);
  }

  private int erhoehe(String praefix, int jahr) {
    return jdbc.update(
        "UPDATE ki_fallnummer SET letzte_nummer = letzte_nummer + 1 WHERE praefix = ? AND jahr = ?", praefix, jahr);
  }
}
