package de.hsk.ki.prozesse.abstimmung;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testpostfach;
import de.hsk.ki.testkit.WebappSitzung;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The coordination process as staff and the Schulamt use it over Tasklist's REST calls: input rules, access, concurrency, overview. */
@KiSpringTest
class AbstimmungRestTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired AbstimmungFristen fristen;

  static Map<String, Object> bedarf(String beschreibung) {
    Map<String, Object> v = new HashMap<>(Abstimmungsfall.bedarf("Schulplätze Sek II", "STRUKTURELL", List.of(), List.of(), "HOCH"));
    v.put("beschreibung", beschreibung);
    // Tasklist submits checklists as JSON text
    v.put("rechtskreise", "[\"SCHULE\",\"SGB_II\"]");
    v.put("kommunen", "[\"ARNSBERG\"]");
    return v;
  }

  private HttpResponse<String> starte(Rest wer, Map<String, Object> werte) throws Exception {
    return wer.post("/process-definition/key/" + Abstimmung.SCHLUESSEL + "/submit-form", Rest.formular(werte));
  }

  private HttpResponse<String> absenden(Rest wer, Task aufgabe, Map<String, Object> werte) throws Exception {
    return wer.post("/task/" + aufgabe.getId() + "/submit-form", Rest.formular(werte));
  }

  /** A need with this description is refused with 400; its German message. */
  private String abgewiesen(Rest wer, String beschreibung) throws Exception {
    HttpResponse<String> antwort = starte(wer, bedarf(beschreibung));
    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(400);
    return meldung(wer, antwort);
  }

  private static String meldung(Rest wer, HttpResponse<String> antwort) throws Exception {
    return wer.json(antwort).path("message").asText();
  }

  /** A case started over REST and accepted by coordination, moderated by the social worker. */
  private Abstimmungsfall angenommen(Rest verwaltung) throws Exception {
    HttpResponse<String> start = starte(verwaltung, bedarf("Zu wenige Plätze in internationalen Förderklassen."));
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    String id = verwaltung.json(start).get("id").asText();
    Abstimmungsfall fall = new AbstimmungsfallLeser(engine).von(id);
    Rest leitung = Rest.als(port, "mhoffmann");
    HttpResponse<String> vorpruefung = absenden(leitung, fall.aufgabe(Abstimmung.Element.Task_Vorpruefen),
        Map.of("vorpruefung", "ANNEHMEN", "art", "STRUKTURELL", "moderation", "ademir"));
    assertThat(vorpruefung.statusCode()).as(vorpruefung.body()).isEqualTo(204);
    fall.jobsAusfuehren(); // the participants' proposal runs after the click
    return fall;
  }

  @Test
  void dieBedarfsmeldungWeistGeburtsdatenUndAuszeichnungenMitDeutscherMeldungZurueck() throws Exception {
    Rest verwaltung = Rest.als(port, "pschneider");

    assertThat(abgewiesen(verwaltung, "Ahmad K., geb. 03.04.2009, findet keinen Platz.")).contains("keine personenbezogenen Daten").contains("Geburtsdatum");
    assertThat(abgewiesen(verwaltung, "Plätze <script>alert(1)</script>")).contains("HTML");
    // a Markdown link would show as a link in coordination's pre-check form
    assertThat(abgewiesen(verwaltung, "Details [hier](https://example.com/anmelden) nachlesen")).contains("Links und Bilder");
    assertThat(abgewiesen(verwaltung, "Bitte vorab [das Formular ausfüllen][f].\n\n[f]: https://evil.example/login")).contains("Links und Bilder");
    assertThat(abgewiesen(verwaltung, "Plätze\u0007fehlen")).contains("Steuerzeichen");

    // a date that is not a birth date is fine, and so is "< 5"
    HttpResponse<String> gut = starte(verwaltung, bedarf("Seit dem Erlass vom 28.06.2016 fehlen Plätze; < 5 freie je Kommune [Stand: Mai] (siehe https://www.schulministerium.nrw)."));
    assertThat(gut.statusCode()).as(gut.body()).isEqualTo(200);
    assertThat(verwaltung.json(gut).get("businessKey").asText()).matches("AB-\\d{4}-\\d{4,}");
  }

  @Test
  void vorpruefungVerlangtDieModerationUndNurAngeboteneMitarbeitende() throws Exception {
    Rest verwaltung = Rest.als(port, "pschneider");
    HttpResponse<String> start = starte(verwaltung, bedarf("Kein Platz im Berufskolleg."));
    Abstimmungsfall fall = new AbstimmungsfallLeser(engine).von(verwaltung.json(start).get("id").asText());
    Rest leitung = Rest.als(port, "mhoffmann");
    Task vorpruefen = fall.aufgabe(Abstimmung.Element.Task_Vorpruefen);

    // staff outside coordination do not even see the pre-check
    assertThat(Rest.als(port, "ademir").get("/task/" + vorpruefen.getId()).statusCode()).isIn(403, 404);

    HttpResponse<String> ohne = absenden(leitung, vorpruefen, Map.of("vorpruefung", "ANNEHMEN", "art", "STRUKTURELL"));
    assertThat(ohne.statusCode()).isEqualTo(400);
    assertThat(meldung(leitung, ohne)).contains("Moderation: Pflichtfeld");

    // funding staff are not offered as moderators
    HttpResponse<String> foerderung = absenden(leitung, vorpruefen, Map.of("vorpruefung", "ANNEHMEN", "art", "STRUKTURELL", "moderation", "fyilmaz"));
    assertThat(foerderung.statusCode()).isEqualTo(400);
    assertThat(meldung(leitung, foerderung)).contains("ungültige Auswahl");

    HttpResponse<String> abgabe = absenden(leitung, vorpruefen, Map.of("vorpruefung", "ABGEBEN", "art", "STRUKTURELL"));
    assertThat(meldung(leitung, abgabe)).contains("Abgeben an: Pflichtfeld");
  }

  @Test
  void beteiligteAusDemVorschlagUndEineFristMitRaumFuerDieErinnerung() throws Exception {
    Abstimmungsfall fall = angenommen(Rest.als(port, "pschneider"));
    Rest moderation = Rest.als(port, "ademir");
    Task festlegen = fall.aufgabe(Abstimmung.Element.Task_BeteiligteFestlegen);

    // the checklist offers the proposal (and every other office), nothing else
    HttpResponse<String> fremd = absenden(moderation, festlegen, Map.of("beteiligte", "[\"GYMNASIUM_X\"]", "fragen", "Wie viele Plätze?",
        "stellungnahmeBis", LocalDate.now().plusDays(20).toString()));
    assertThat(fremd.statusCode()).isEqualTo(400);
    assertThat(meldung(moderation, fremd)).contains("ungültige Auswahl");

    HttpResponse<String> zuKurz = absenden(moderation, festlegen, Map.of("beteiligte", "[\"SCHULAMT\",\"JOBCENTER\"]",
        "fragen", "Wie viele Plätze?", "stellungnahmeBis", LocalDate.now().plusDays(2).toString()));
    assertThat(zuKurz.statusCode()).isEqualTo(400);
    String vorlauf = de.hsk.ki.plattform.frist.Fristensatz.inWorten(java.time.Period.parse(fristen.getErinnerungVorFrist()).plusDays(1).toString());
    assertThat(meldung(moderation, zuKurz)).contains("mindestens " + vorlauf);

    HttpResponse<String> gut = absenden(moderation, festlegen, Map.of("beteiligte", "[\"SCHULAMT\",\"JOBCENTER\"]",
        "fragen", "Wie viele Plätze?", "stellungnahmeBis", LocalDate.now().plusDays(14).toString()));
    assertThat(gut.statusCode()).as(gut.body()).isEqualTo(204);
    fall.jobsAusfuehren();
    assertThat(fall.aufgaben(Abstimmung.Element.Task_StellungnahmeErfassen.name())).hasSize(2);

    // a receipt date before the case began is a date typed the German way into the month/day picker
    Map<String, Object> frueh = new HashMap<>(stellungnahme("JA", "Einverstanden."));
    frueh.put("eingangAm", LocalDate.now().minusDays(3).toString());
    HttpResponse<String> vorher = absenden(Rest.als(port, "pschneider"), fall.stellungnahmeVon("JOBCENTER"), frueh);
    assertThat(vorher.statusCode()).isEqualTo(400);
    assertThat(meldung(moderation, vorher)).contains("liegt vor dem Beginn der Abstimmung");
  }

  @Test
  void zweiStellungnahmenImSelbenAugenblickZaehlenBeide() throws Exception {
    // given two statement tasks: the Schulamt's own and the job centre's, recorded by administrative staff
    Abstimmungsfall fall = angenommen(Rest.als(port, "pschneider"));
    fall.beteiligteFestlegen(List.of("SCHULAMT", "JOBCENTER"), LocalDate.now().plusDays(14));
    Task schulamt = fall.stellungnahmeVon("SCHULAMT");
    Task jobcenter = fall.stellungnahmeVon("JOBCENTER");
    Rest jklein = Rest.als(port, "jklein");
    Rest pschneider = Rest.als(port, "pschneider");

    // the Schulamt sees its own statement task, not another authority's
    assertThat(jklein.get("/task/" + schulamt.getId()).statusCode()).isEqualTo(200);
    assertThat(jklein.get("/task/" + jobcenter.getId()).statusCode()).isIn(403, 404);

    // when both submit at the same moment
    CyclicBarrier gleichzeitig = new CyclicBarrier(2);
    ExecutorService zwei = Executors.newFixedThreadPool(2);
    List<HttpResponse<String>> antworten = new ArrayList<>();
    try {
      Future<HttpResponse<String>> a = zwei.submit(() -> {
        gleichzeitig.await();
        return absenden(jklein, schulamt, stellungnahme("JA", "Das Schulamt stellt zwei Lehrkräfte."));
      });
      Future<HttpResponse<String>> b = zwei.submit(() -> {
        gleichzeitig.await();
        return absenden(pschneider, jobcenter, stellungnahme("NEIN", "Das Jobcenter ist nicht zuständig."));
      });
      antworten.add(a.get());
      antworten.add(b.get());
    } finally {
      zwei.shutdownNow();
    }

    // then neither person sees a conflict
    for (HttpResponse<String> antwort : antworten) {
      assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(204);
    }
    // and the two joins, run at the same moment by two job threads, both count: the loser retries by itself
    List<Job> zusammenfuehren = engine.getManagementService().createJobQuery().processInstanceId(fall.fall.getId()).messages().list();
    assertThat(zusammenfuehren).hasSize(2);
    CyclicBarrier jobs = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> laeufe = new ArrayList<>();
      for (Job job : zusammenfuehren) {
        laeufe.add(threads.submit(() -> {
          jobs.await();
          try {
            engine.getManagementService().executeJob(job.getId());
          } catch (org.camunda.bpm.engine.OptimisticLockingException verloren) {
            // what the job executor meets too: the job stays and runs again
          }
          return null;
        }));
      }
      for (Future<?> lauf : laeufe) {
        lauf.get();
      }
    } finally {
      threads.shutdownNow();
    }
    fall.jobsAusfuehren();
    assertThat(fall.aufgaben(Abstimmung.Element.Task_Konsolidieren.name())).hasSize(1);
    assertThat(jdbc.queryForList("SELECT status FROM ki_ab_beteiligung WHERE aktenzeichen = ?", String.class, fall.aktenzeichen()))
        .containsExactly("EINGEGANGEN", "EINGEGANGEN");
    assertThat((String) fall.aufgabenvariable(Abstimmung.Element.Task_Konsolidieren, "stellungnahmenUebersicht"))
        .contains("zwei Lehrkräfte").contains("nicht zuständig");
    assertThat(jdbc.queryForObject("SELECT erfasst_von FROM ki_ab_beteiligung WHERE aktenzeichen = ? AND stelle = 'SCHULAMT'",
        String.class, fall.aktenzeichen())).isEqualTo("jklein");
  }

  @Test
  void dieUebersichtZeigtDerLeitungFehlendeStellungnahmenUndUeberfaelligeMassnahmen() throws Exception {
    // given a case whose statements are past their deadline and one whose measure is overdue
    String titel = "Übersichtstest " + System.nanoTime();
    Abstimmungsfall fehlend = Abstimmungsfall.melde(engine, Abstimmungsfall.bedarf(titel, "STRUKTURELL", List.of("SGB_II"), List.of("BRILON"), "MITTEL"));
    fehlend.annehmen("ademir");
    fehlend.beteiligteFestlegen(List.of("JOBCENTER"), LocalDate.now().plusDays(14));
    jdbc.update("UPDATE ki_ab_beteiligung SET frist = ? WHERE aktenzeichen = ?", LocalDate.now().minusDays(1), fehlend.aktenzeichen());
    Abstimmungsfall massnahme = Abstimmungsfall.melde(engine, Abstimmungsfall.bedarf(titel + " M", "STRUKTURELL", List.of("SGB_II"), List.of("BRILON"), "MITTEL"));
    massnahme.annehmen("ademir");
    massnahme.beteiligteFestlegen(List.of("JOBCENTER"), LocalDate.now().plusDays(14));
    massnahme.stellungnahmeErfassen("JOBCENTER", "JA", "Einverstanden.");
    massnahme.bisZumErgebnis("EINIGUNG");
    massnahme.massnahme("Sprechstunde im Jobcenter einrichten", "partner:JOBCENTER", LocalDate.now().plusDays(5), false);
    jdbc.update("UPDATE ki_ab_massnahme SET bis = ? WHERE aktenzeichen = ?", LocalDate.now().minusDays(3), massnahme.aktenzeichen());

    // when coordination opens the overview
    WebappSitzung leitung = new WebappSitzung(port);
    leitung.anmelden("mhoffmann", Rest.DEMO_PASSWORT);
    HttpResponse<String> seite = leitung.get(AbstimmungUebersicht.PFAD);

    // then both cases are listed with authority and owner, and the annual counts use German labels
    assertThat(seite.statusCode()).isEqualTo(200);
    assertThat(seite.body()).contains(fehlend.aktenzeichen()).contains(massnahme.aktenzeichen())
        .contains("Jobcenter").contains("Sprechstunde im Jobcenter einrichten")
        .contains("Grundsicherung").contains("Brilon");
    assertThat(seite.headers().firstValue("Cache-Control")).hasValue("no-store");
    // every listed case is in the access log
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_zugriffsprotokoll WHERE benutzer = 'mhoffmann' AND aktenzeichen IN (?, ?)",
        Long.class, fehlend.aktenzeichen(), massnahme.aktenzeichen())).isEqualTo(2L);

    // other staff are refused in German; without a session the page asks to log in
    WebappSitzung verwaltung = new WebappSitzung(port);
    verwaltung.anmelden("pschneider", Rest.DEMO_PASSWORT);
    HttpResponse<String> fremd = verwaltung.get(AbstimmungUebersicht.PFAD);
    assertThat(fremd.statusCode()).isEqualTo(403);
    assertThat(fremd.body()).contains("Leitung und Koordination").doesNotContain(fehlend.aktenzeichen());
    HttpResponse<String> anonym = new WebappSitzung(port).get(AbstimmungUebersicht.PFAD);
    assertThat(anonym.statusCode()).isEqualTo(401);
    assertThat(anonym.body()).doesNotContain(fehlend.aktenzeichen());
  }

  private static Map<String, Object> stellungnahme(String zustimmung, String position) {
    return Abstimmungsfall.stellungnahme(zustimmung, position);
  }

  /** Wraps a case started over REST, so that the same step helpers drive it. */
  record AbstimmungsfallLeser(ProcessEngine engine) {
    Abstimmungsfall von(String prozessInstanz) {
      return Abstimmungsfall.von(engine, engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(prozessInstanz).singleResult());
    }
  }
}
