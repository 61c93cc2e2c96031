package de.hsk.ki.prozesse.einrichtungsberatung;

import de.hsk.ki.plattform.datenschutz.Falldaten;
import de.hsk.ki.plattform.zeit.Zeit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One row per request and one per delivered session for the annual figures (institution, type,
 * municipality, topic, counts; no persons), and their erasure with the case.
 */
@Component
public class Beratungsfaelle implements Falldaten {

  private static final Logger LOG = LoggerFactory.getLogger(Beratungsfaelle.class);

  private final JdbcTemplate jdbc;
  public Beratungsfaelle(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void anlegen(String aktenzeichen, String einrichtung, String typ, String kommune, String thema, String format) {
    jdbc.update("INSERT INTO ki_eb_fall (aktenzeichen, einrichtung, einrichtungstyp, kommune, thema, format, angelegt_am)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", aktenzeichen, einrichtung, typ, kommune, thema, format, Zeit.heute());
  }

  void zugeordnet(String aktenzeichen, String team, String angebotstyp) {
    jdbc.update("UPDATE ki_eb_fall SET team = ?, angebotstyp = ? WHERE aktenzeichen = ?", team, angebotstyp, aktenzeichen);
  }

  /** The first contact counts once: a request back from the waiting list keeps its first one. */
  void erstkontakt(String aktenzeichen, LocalDate am) {
    jdbc.update("UPDATE ki_eb_fall SET erstkontakt_am = ? WHERE aktenzeichen = ? AND erstkontakt_am IS NULL", am, aktenzeichen);
  }

  void termin(String aktenzeichen, LocalDate datum, long minuten, long teilnehmende) {
    jdbc.update("INSERT INTO ki_eb_termin (aktenzeichen, datum, stunden, teilnehmende) VALUES (?, ?, ?, ?)", aktenzeichen, datum,
        BigDecimal.valueOf(minuten).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP), teilnehmende);
  }

  void evaluation(String aktenzeichen, Integer zufriedenheit, Integer nutzen) {
    jdbc.update("UPDATE ki_eb_fall SET zufriedenheit = ?, nutzen = ? WHERE aktenzeichen = ?", zufriedenheit, nutzen, aktenzeichen);
  }

  void abschliessen(String aktenzeichen, String abschluss) {
    jdbc.update("UPDATE ki_eb_fall SET abschluss = ?, abgeschlossen_am = ? WHERE aktenzeichen = ?", abschluss, Zeit.heute(), aktenzeichen);
  }

  /** Rows of cases the engine's history cleanup has removed go too (daily, after the cleanup window). */
  @Scheduled(cron = "0 45 5 * * *")
  public int bereinigen() {
    int geloescht = 0;
    for (String tabelle : List.of("ki_eb_termin", "ki_eb_fall")) {
      geloescht += jdbc.update("DELETE FROM " + tabelle + " WHERE NOT EXISTS"
          + " (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = " + tabelle + ".aktenzeichen)");
    }
    if (geloescht > 0) {
      LOG.info("{} advice row(s) of cases no longer in the history deleted", geloescht);
    }
    return geloescht;
  }

  @Override
  public int loescheFall(String aktenzeichen) {
    return jdbc.update("DELETE FROM ki_eb_termin WHERE aktenzeichen = ?", aktenzeichen)
        + jdbc.update("DELETE FROM ki_eb_fall WHERE aktenzeichen = ?", aktenzeichen);
  }
}
