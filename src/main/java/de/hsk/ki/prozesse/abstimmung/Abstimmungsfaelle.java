package de.hsk.ki.prozesse.abstimmung;

import de.hsk.ki.plattform.datenschutz.Falldaten;
import de.hsk.ki.plattform.zeit.Zeit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One row per coordination case for the coordination overview and the annual report (topic, legal
 * domains, municipalities, outcome; no personal data), and the erasure of everything the process
 * keeps outside the engine.
 */
@Component
public class Abstimmungsfaelle implements Falldaten {

  private static final Logger LOG = LoggerFactory.getLogger(Abstimmungsfaelle.class);

  private final JdbcTemplate jdbc;

  public Abstimmungsfaelle(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void anlegen(String aktenzeichen, String titel, String art, String thema, List<String> rechtskreise, List<String> kommunen) {
    jdbc.update("INSERT INTO ki_ab_fall (aktenzeichen, titel, art, thema, rechtskreise, kommunen, angelegt_am) VALUES (?, ?, ?, ?, ?, ?, ?)",
        aktenzeichen, titel, art, thema, String.join(",", rechtskreise), String.join(",", kommunen), Zeit.heute());
  }

  /** The day the need was raised, or null for a case this register does not know. */
  java.time.LocalDate angelegtAm(String aktenzeichen) {
    return jdbc.query("SELECT angelegt_am FROM ki_ab_fall WHERE aktenzeichen = ?",
        rs -> rs.next() ? rs.getDate(1).toLocalDate() : null, aktenzeichen);
  }

  /** The pre-check may correct the kind (structural or case-related). */
  void art(String aktenzeichen, String art) {
    jdbc.update("UPDATE ki_ab_fall SET art = ? WHERE aktenzeichen = ?", art, aktenzeichen);
  }

  void abschliessen(String aktenzeichen, String abschluss) {
    jdbc.update("UPDATE ki_ab_fall SET abschluss = ?, abgeschlossen_am = ? WHERE aktenzeichen = ?", abschluss, Zeit.heute(), aktenzeichen);
  }

  /**
   * The rows belong to their case: once the engine's history cleanup has removed a case (after its
   * time to live), they go too. Daily after the cleanup window, as the platform does for consents.
   */
  @Scheduled(cron = "0 40 5 * * *")
  public int bereinigen() {
    int geloescht = 0;
    for (String tabelle : List.of("ki_ab_massnahme", "ki_ab_beteiligung", "ki_ab_fall")) {
      geloescht += jdbc.update("DELETE FROM " + tabelle + " WHERE NOT EXISTS"
          + " (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = " + tabelle + ".aktenzeichen)");
    }
    if (geloescht > 0) {
      LOG.info("{} coordination row(s) of cases no longer in the history deleted", geloescht);
    }
    return geloescht;
  }

  @Override
  public int loescheFall(String aktenzeichen) {
    return jdbc.update("DELETE FROM ki_ab_massnahme WHERE aktenzeichen = ?", aktenzeichen)
        + jdbc.update("DELETE FROM ki_ab_beteiligung WHERE aktenzeichen = ?", aktenzeichen)
        + jdbc.update("DELETE FROM ki_ab_fall WHERE aktenzeichen = ?", aktenzeichen);
  }
}
