package de.hsk.ki.plattform.partnermail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The database goes away between "sent" and noting it: the note waits in memory, nothing is sent
 * twice. The node dies in that instant: the retry sends again (at least once) and counts the attempt.
 */
class MailausgangTest {

  @Test
  void vermerkWartetBisDieDatenbankZurueckIstUndDieWiederholungSendetNichts() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:mailausgang;DB_CLOSE_DELAY=-1");
    AtomicBoolean weg = new AtomicBoolean();
    JdbcTemplate jdbc = new JdbcTemplate(ds) {
      @Override
      public int update(String sql, Object... args) {
        if (weg.get()) {
          throw new DataAccessResourceFailureException("Verbindung verloren");
        }
        return super.update(sql, args);
      }
    };
    jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V5__mailausgang.sql")));
    Mailausgang ausgang = new Mailausgang(jdbc, new DataSourceTransactionManager(ds));

    assertThat(ausgang.vorbereiten("SE-2026-0001/Task/VORLAGE/SCHULE/1", "SE-2026-0001", "VORLAGE", "SCHULE")).isTrue();
    weg.set(true);
    ausgang.gesendet("SE-2026-0001/Task/VORLAGE/SCHULE/1");
    assertThat(ausgang.ausstehend()).isEqualTo(1);
    // the job is retried (its transaction failed with the database): nothing is sent again
    assertThat(ausgang.vorbereiten("SE-2026-0001/Task/VORLAGE/SCHULE/1", "SE-2026-0001", "VORLAGE", "SCHULE")).isFalse();
    ausgang.ausstehendeVermerken();
    assertThat(ausgang.ausstehend()).isEqualTo(1);

    weg.set(false);
    ausgang.ausstehendeVermerken();
    assertThat(ausgang.ausstehend()).isZero();
    assertThat(jdbc.queryForObject("SELECT status FROM ki_mailausgang WHERE schluessel = ?", String.class,
        "SE-2026-0001/Task/VORLAGE/SCHULE/1")).isEqualTo("GESENDET");
    assertThat(ausgang.vorbereiten("SE-2026-0001/Task/VORLAGE/SCHULE/1", "SE-2026-0001", "VORLAGE", "SCHULE")).isFalse();
  }

  @Test
  void stirbtDerKnotenVorDemVermerkSendetDieWiederholungNochEinmalUndZaehltDenVersuch() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:mailausgang-knoten;DB_CLOSE_DELAY=-1");
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V5__mailausgang.sql")));
    String schluessel = "SE-2026-0002/Task/VORLAGE/SCHULE/1";
    Mailausgang knotenB = new Mailausgang(jdbc, new DataSourceTransactionManager(ds));
    assertThat(knotenB.vorbereiten(schluessel, "SE-2026-0002", "VORLAGE", "SCHULE")).isTrue();
    // node b handed the e-mail to the mail server and died before gesendet(): in doubt, so the
    // other node sends it again (at least once) and the register shows the second attempt
    Mailausgang knotenA = new Mailausgang(jdbc, new DataSourceTransactionManager(ds));
    assertThat(knotenA.vorbereiten(schluessel, "SE-2026-0002", "VORLAGE", "SCHULE")).isTrue();
    assertThat(jdbc.queryForObject("SELECT versuche FROM ki_mailausgang WHERE schluessel = ?", Integer.class, schluessel)).isEqualTo(2);
    knotenA.gesendet(schluessel);
    assertThat(knotenA.vorbereiten(schluessel, "SE-2026-0002", "VORLAGE", "SCHULE")).isFalse();
  }
}
