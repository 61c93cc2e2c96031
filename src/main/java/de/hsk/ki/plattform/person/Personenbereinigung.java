package de.hsk.ki.plattform.person;

import de.hsk.ki.plattform.zeit.Zeit;
import java.sql.Timestamp;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person lives only as long as a case refers to them: once the engine's history cleanup has
 * removed a case (after its time to live), its link goes, then persons without a case and families
 * without a person. A day's grace keeps a family that an import has just created for its cases.
 */
@Service
public class Personenbereinigung {

  private static final Logger LOG = LoggerFactory.getLogger(Personenbereinigung.class);
  static final Duration SCHONFRIST = Duration.ofDays(1);

  private final JdbcTemplate jdbc;

  public Personenbereinigung(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(cron = "0 40 5 * * *")
  @Transactional
  public int bereinigen() {
    Timestamp grenze = Timestamp.from(Zeit.jetzt().toInstant().minus(SCHONFRIST));
    int faelle = jdbc.update("DELETE FROM ki_fall_person WHERE angelegt_am < ? AND NOT EXISTS"
        + " (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = ki_fall_person.aktenzeichen)", grenze);
    String ohneFall = "NOT EXISTS (SELECT 1 FROM ki_fall_person f WHERE f.person_nr = ki_person.nr) AND angelegt_am < ?";
    jdbc.update("DELETE FROM ki_dublettenverdacht WHERE person_nr IN (SELECT nr FROM ki_person WHERE " + ohneFall + ")"
        + " OR kandidat_nr IN (SELECT nr FROM ki_person WHERE " + ohneFall + ")", grenze, grenze);
    jdbc.update("DELETE FROM ki_person_schluessel WHERE person_nr IN (SELECT nr FROM ki_person WHERE " + ohneFall + ")", grenze);
    int personen = jdbc.update("DELETE FROM ki_person WHERE " + ohneFall, grenze);
    int familien = jdbc.update("DELETE FROM ki_familie WHERE angelegt_am < ? AND NOT EXISTS"
        + " (SELECT 1 FROM ki_person p WHERE p.familie_nr = ki_familie.nr)", grenze);
    if (faelle + personen + familien > 0) {
      LOG.info("Person register: {} case link(s), {} person(s), {} family(ies) without a case deleted", faelle, personen, familien);
    }
    return faelle + personen + familien;
  }
}
