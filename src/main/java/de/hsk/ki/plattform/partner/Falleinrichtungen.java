package de.hsk.ki.plattform.partner;

import de.hsk.ki.plattform.datenschutz.Falldaten;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Directory entries kept for one case (EINR-&lt;case number&gt;: an institution or an applicant not in
 * the county's list, with a contact's address): they go when their case is erased, and when the
 * engine's history cleanup has removed the case – whichever process the case belongs to.
 */
@Component
public class Falleinrichtungen implements Falldaten {

  private static final Logger LOG = LoggerFactory.getLogger(Falleinrichtungen.class);

  private final JdbcTemplate jdbc;
  private final PartnerVerzeichnis verzeichnis;

  public Falleinrichtungen(JdbcTemplate jdbc, PartnerVerzeichnis verzeichnis) {
    this.jdbc = jdbc;
    this.verzeichnis = verzeichnis;
  }

  @Override
  public int loescheFall(String aktenzeichen) {
    return verzeichnis.einrichtungDesFallsLoeschen(aktenzeichen);
  }

  /** Daily, after the history cleanup window. */
  @Scheduled(cron = "0 45 5 * * *")
  public int bereinigen() {
    int geloescht = jdbc.update("DELETE FROM ki_partner WHERE typ = 'EINRICHTUNG' AND schluessel LIKE '" + PartnerVerzeichnis.EINRICHTUNG_PRAEFIX
        + "%' AND NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST p WHERE '" + PartnerVerzeichnis.EINRICHTUNG_PRAEFIX
        + "' || p.BUSINESS_KEY_ = ki_partner.schluessel)");
    if (geloescht > 0) {
      LOG.info("{} directory entry/entries of cases no longer in the history deleted", geloescht);
    }
    return geloescht;
  }
}
