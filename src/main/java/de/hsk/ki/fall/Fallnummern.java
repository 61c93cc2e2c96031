package de.hsk.ki.fall;

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
 * <p>Counts in a transaction of its own: a failed insert on PostgreSQL would otherwise abort the
 * engine's transaction, and a number lost to a rolled-back start is harmless (case numbers need not
 * be gapless).
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
    Integer nummer = null;
    for (int versuch = 0; nummer == null && versuch < 3; versuch++) {
      try {
        nummer = eigeneTransaktion.execute(s -> zaehle(praefix, jahr));
      } catch (DuplicateKeyException e) {
        // another node created the year's counter at the same moment: count again
      }
    }
    if (nummer == null) {
      throw new IllegalStateException("Could not allocate a case number for " + praefix + "-" + jahr);
    }
    return String.format("%s-%d-%04d", praefix, jahr, nummer);
  }

  private Integer zaehle(String praefix, int jahr) {
    int geaendert =
        jdbc.update(
            "UPDATE ki_fallnummer SET letzte_nummer = letzte_nummer + 1 WHERE praefix = ? AND jahr = ?",
            praefix, jahr);
    if (geaendert == 0) {
      jdbc.update("INSERT INTO ki_fallnummer (praefix, jahr, letzte_nummer) VALUES (?, ?, 1)", praefix, jahr);
      return 1;
    }
    return jdbc.queryForObject(
        "SELECT letzte_nummer FROM ki_fallnummer WHERE praefix = ? AND jahr = ?", Integer.class, praefix, jahr);
  }
}
