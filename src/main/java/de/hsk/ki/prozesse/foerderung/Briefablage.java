package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.datenschutz.Falldaten;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The letters of a funding case as they were sent (table ki_fa_brief): the case file keeps the PDF
 * the applicant received. Erased with the case, and when the history cleanup has removed the case.
 */
@Component
public class Briefablage implements Falldaten {

  private static final Logger LOG = LoggerFactory.getLogger(Briefablage.class);

  public record Eintrag(String schluessel, Briefart art, LocalDateTime versandtAm) {}

  private final JdbcTemplate jdbc;

  public Briefablage(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Keeps the letter once per send key: a retried dispatch does not file it twice. */
  void ablegen(String schluessel, String aktenzeichen, Briefart art, byte[] pdf) {
    jdbc.update("INSERT INTO ki_fa_brief (schluessel, aktenzeichen, art, versandt_am, pdf) SELECT ?, ?, ?, ?, ? "
        + "WHERE NOT EXISTS (SELECT 1 FROM ki_fa_brief WHERE schluessel = ?)", schluessel, aktenzeichen, art.name(), Zeit.jetzt(), pdf, schluessel);
  }

  /** In the order they were filed. */
  public List<Eintrag> briefe(String aktenzeichen) {
    return jdbc.query("SELECT schluessel, art, versandt_am FROM ki_fa_brief WHERE aktenzeichen = ? ORDER BY nr",
        (rs, i) -> new Eintrag(rs.getString(1), Briefart.valueOf(rs.getString(2)), rs.getTimestamp(3).toLocalDateTime()), aktenzeichen);
  }

  public Optional<byte[]> pdf(String aktenzeichen, String schluessel) {
    return jdbc.query("SELECT pdf FROM ki_fa_brief WHERE aktenzeichen = ? AND schluessel = ?", (rs, i) -> rs.getBytes(1), aktenzeichen, schluessel)
        .stream().findFirst();
  }

  @Override
  public int loescheFall(String aktenzeichen) {
    return jdbc.update("DELETE FROM ki_fa_brief WHERE aktenzeichen = ?", aktenzeichen);
  }

  /** Daily, after the history cleanup window: letters of cases no longer in the history go too. */
  @Scheduled(cron = "0 50 5 * * *")
  public int bereinigen() {
    int geloescht = jdbc.update("DELETE FROM ki_fa_brief WHERE NOT EXISTS"
        + " (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = ki_fa_brief.aktenzeichen)");
    if (geloescht > 0) {
      LOG.info("{} funding letter(s) of cases no longer in the history deleted", geloescht);
    }
    return geloescht;
  }
}
