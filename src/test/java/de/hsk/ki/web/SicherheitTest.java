package de.hsk.ki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.WebappSitzung;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.Testpostfach;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Hardening that holds in every profile, each point with a check that fails without it. */
@KiSpringTest
@ExtendWith(OutputCaptureExtension.class)
class SicherheitTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final String PASSWORT = "Sauerland-2026";
  static final String AUSDRUCKS_ABFRAGE =
      "{\"orQueries\":[{\"candidateGroupsExpression\":\"${execution.getProcessEngineServices().getIdentityService()}\"}]}";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired de.hsk.ki.plattform.identitaet.IdentitaetEinrichtung einrichtung;

  HttpResponse<String> rest(String methode, String pfad, String benutzer, String body, Map<String, String> kopf) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pfad))
        .header("Content-Type", kopf.getOrDefault("Content-Type", "application/json"))
        .method(methode, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (benutzer != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((benutzer + ":" + PASSWORT).getBytes(StandardCharsets.UTF_8)));
    }
    kopf.forEach((name, wert) -> {
      if (!name.equals("Content-Type")) {
        b.header(name, wert);
      }
    });
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String aufgabeFuerVerwaltung() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("ARNSBERG", 8));
    return engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult().getId();
  }

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /** Issue 18, point 5: beside the form, staff can add only a checked comment, and no body exceeds the limit. */
  @Test
  void nebenDemFormularNurGepruefteKommentareUndEineGrenzeFuerJedenKoerper() throws Exception {
    String aufgabe = aufgabeFuerVerwaltung();
    String pfad = "/engine-rest/task/" + aufgabe;
    // rename, description, attachments: not for staff
    assertThat(rest("PUT", pfad, "pschneider", "{\"name\":\"Amina Zyxwa, Asthma\"}", Map.of()).statusCode()).isEqualTo(403);
    assertThat(rest("POST", pfad + "/attachment/create", "pschneider", "x",
        Map.of("Content-Type", "multipart/form-data; boundary=x")).statusCode()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(aufgabe).singleResult().getName()).doesNotContain("Zyxwa");

    HttpResponse<String> lang = rest("POST", pfad + "/comment/create", "pschneider",
        "{\"message\":\"" + "a".repeat(2001) + "\"}", Map.of());
    assertThat(lang.statusCode()).isEqualTo(400);
    assertThat(lang.body()).contains("Der Kommentar wurde nicht gespeichert. Kommentar: höchstens 2000 Zeichen erlaubt");
    for (String boese : java.util.List.of("<img src=x onerror=alert(1)>", "Bitte [hier](https://evil.example) klicken",
        "Glocke \\u0007", "Umkehr \\u202e", "[Klick [hier]](https://evil.example/x.png)", "> [x]: https://evil.example",
        "unsichtbar \\u200e", "BOM \\ufeff")) {
      HttpResponse<String> abgelehnt = rest("POST", pfad + "/comment/create", "pschneider", "{\"message\":\"" + boese + "\"}", Map.of());
      assertThat(abgelehnt.statusCode()).as(boese).isEqualTo(400);
      assertThat(abgelehnt.body()).as(boese).contains("Der Kommentar wurde nicht gespeichert");
    }
    assertThat(engine.getTaskService().getTaskComments(aufgabe)).isEmpty();

    // another case named beside the task is ignored: the comment belongs to the task's case
    String fremderFall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("SUNDERN", 9)).getId();
    HttpResponse<String> gut = rest("POST", pfad + "/comment/create", "pschneider",
        "{\"message\":\"Familie ruft zurück.\",\"processInstanceId\":\"" + fremderFall + "\"}", Map.of());
    assertThat(gut.statusCode()).as(gut.body()).isEqualTo(200);
    assertThat(engine.getTaskService().getProcessInstanceComments(fremderFall)).isEmpty();
    String aktenzeichen = (String) engine.getTaskService().getVariable(aufgabe, "aktenzeichen");
    int vorher = jdbc.queryForObject("SELECT COUNT(*) FROM ki_zugriffsprotokoll WHERE aktenzeichen = ? AND ressource LIKE '%/comment'",
        Integer.class, aktenzeichen);
    assertThat(rest("GET", pfad + "/comment", "pschneider", null, Map.of()).body()).contains("Familie ruft zurück.");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_zugriffsprotokoll WHERE aktenzeichen = ? AND ressource LIKE '%/comment'",
        Integer.class, aktenzeichen)).as("a comment read is logged with its case").isEqualTo(vorher + 1);

    // one limit for every body on both APIs, also where nothing of ours reads it
    String gross = "{\"x\":\"" + "a".repeat(300 * 1024) + "\"}";
    for (String ziel : java.util.List.of(pfad + "/comment/create", "/camunda/api/admin/auth/user/default/login/tasklist",
        "/camunda/api/tasklist/plugin/x", "/engine-rest/deployment/create")) {
      HttpResponse<String> zuGross = rest("POST", ziel, "pschneider", gross, Map.of("X-XSRF-TOKEN", "x"));
      assertThat(zuGross.statusCode()).as(ziel).isEqualTo(413);
      assertThat(zuGross.body()).as(ziel).contains("zu groß");
    }
    // also without a declared length (chunked), where the limit strikes while the body is read
    byte[] stueckweise = gross.getBytes(StandardCharsets.UTF_8);
    for (String ziel : java.util.List.of("/engine-rest/task", pfad + "/comment/create")) {
      HttpResponse<String> zuGross = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + ziel))
          .header("Content-Type", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("pschneider:" + PASSWORT).getBytes(StandardCharsets.UTF_8)))
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(stueckweise))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(zuGross.statusCode()).as("chunked " + ziel).isEqualTo(413);
      assertThat(zuGross.body()).as("chunked " + ziel).contains("zu groß");
    }
  }

  /** Issue 18, point 14: line breaks only where a field has lines; text stored NFC-normalised. */
  @Test
  void einzeiligeFelderOhneUmbruchUndTextNormalisiert() throws Exception {
    de.hsk.ki.testkit.Rest verwaltung = de.hsk.ki.testkit.Rest.als(port, "pschneider");
    Map<String, Object> meldung = new java.util.HashMap<>(Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    meldung.put("vorname", "Amina\nGefälschte Zeile");
    HttpResponse<String> umbruch = verwaltung.post("/process-definition/key/Process_Seiteneinstieg/submit-form",
        de.hsk.ki.testkit.Rest.formular(meldung));
    assertThat(umbruch.statusCode()).isEqualTo(400);
    assertThat(umbruch.body()).contains("Zeilenumbrüche und Tabulatoren sind in diesem einzeiligen Feld nicht erlaubt.");

    meldung.put("vorname", "Jose\u0301"); // e + combining acute accent, as some keyboards and PDFs deliver it
    HttpResponse<String> gestartet = verwaltung.post("/process-definition/key/Process_Seiteneinstieg/submit-form",
        de.hsk.ki.testkit.Rest.formular(meldung));
    assertThat(gestartet.statusCode()).as(gestartet.body()).isEqualTo(200);
    String fall = verwaltung.json(gestartet).get("id").asText();
    assertThat(engine.getRuntimeService().getVariable(fall, "vorname")).isEqualTo("Jos\u00e9");
  }

  /** Issue 18, point 9: a large failing query of a staff member does not multiply into the log. */
  @Test
  void grosseAbfrageVervielfachtSichNichtImProtokoll(CapturedOutput ausgabe) throws Exception {
    String wert = "Zyxwa".repeat(50_000);
    int vorher = ausgabe.getOut().length() + ausgabe.getErr().length();
    HttpResponse<String> antwort = rest("POST", "/engine-rest/task", "pschneider",
        "{\"processVariables\":[{\"name\":\"nachname\",\"operator\":\"eq\",\"value\":\"" + wert + "\"}]}", Map.of());
    int zuwachs = ausgabe.getOut().length() + ausgabe.getErr().length() - vorher;
    assertThat(antwort.statusCode()).isEqualTo(400);
    assertThat(antwort.body()).contains("höchstens 4000 Zeichen lang");
    assertThat(zuwachs).as("bytes added to the log by one 250 KB query").isLessThan(5_000);
    HttpResponse<String> imPfad = rest("GET", "/engine-rest/task?nameLike=" + "a".repeat(5000), "pschneider", null, Map.of());
    assertThat(imPfad.statusCode()).isEqualTo(400);
    assertThat(imPfad.body()).contains("höchstens 4000 Zeichen lang");
  }

  /** Error pages a browser shows are German, not Spring's English "Whitelabel Error Page". */
  @Test
  void fehlerseitenSindDeutsch() throws Exception {
    HttpResponse<String> fehlt = rest("GET", "/ki/gibt-es-nicht", "pschneider", null, Map.of("Accept", "text/html"));
    assertThat(fehlt.statusCode()).isEqualTo(404);
    assertThat(fehlt.body()).contains("<html lang=\"de\"", "Seite nicht gefunden", "Zur Aufgabenliste").doesNotContain("Whitelabel");
  }

  /** Issue 18, point 14: the login page does not tell a stranger the Camunda version, and is German. */
  @Test
  void anmeldeseiteOhneVersion() throws Exception {
    String version = org.camunda.bpm.engine.impl.util.ProductPropertiesUtil.getProductVersion();
    for (String app : java.util.List.of("tasklist", "cockpit", "admin", "welcome")) {
      HttpResponse<String> seite = rest("GET", "/camunda/app/" + app + "/default/", null, null, Map.of());
      assertThat(seite.statusCode()).as(app).isEqualTo(200);
      assertThat(seite.body()).as(app).contains("<html lang=\"de\">", "camunda-" + app + "-bootstrap.js?bust=")
          .doesNotContain(version);
    }
  }

  /** Issue 19, point 12: no "migrate to Camunda 8" banner, Camunda's German texts kept under ours. */
  @Test
  void keinMigrationsbannerUndCamundasTexteBleiben() throws Exception {
    for (String app : java.util.List.of("tasklist", "cockpit", "admin", "welcome")) {
      HttpResponse<String> texte = rest("GET", "/camunda/app/" + app + "/locales/de.json", null, null, Map.of());
      assertThat(texte.statusCode()).as(app).isEqualTo(200);
      com.fasterxml.jackson.databind.JsonNode labels = new com.fasterxml.jackson.databind.ObjectMapper().readTree(texte.body()).get("labels");
      assertThat(labels.get("BANNER_CE_EOL_TEXT").asText()).as(app).isEmpty();
      assertThat(labels.size()).as(app + ": Camunda's other German texts are still there").isGreaterThan(100);
      assertThat(rest("GET", "/camunda/app/" + app + "/styles/user-styles.css", null, null, Map.of()).body())
          .as(app).contains(".ce-eol-banner { display: none !important; }");
    }
    assertThat(rest("GET", "/camunda/app/tasklist/locales/de.json", null, null, Map.of()).body())
        .contains("\"SET_FOLLOW_UP_DATE\"", "\"dateLocales\"");
  }

  /** Issue 18, points 9 and 14: bounded lists for staff, Cockpit's plugin API only for operators. */
  @Test
  void listenSindBegrenztUndCockpitGehoertDemBetrieb() throws Exception {
    HttpResponse<String> riesig = rest("GET", "/engine-rest/task?maxResults=100000", "pschneider", null, Map.of());
    assertThat(riesig.statusCode()).isEqualTo(400);
    assertThat(riesig.body()).contains("höchstens 1000 Einträge");
    assertThat(rest("GET", "/engine-rest/task?maxResults=15", "pschneider", null, Map.of()).statusCode()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      aufgabeFuerVerwaltung();
    }
    // without a page size: one page of 1000 (set small here to see the cut)
    HttpResponse<String> ohne = rest("POST", "/engine-rest/task", "pschneider", "{\"candidateGroup\":\"kiVerwaltung\"}", Map.of());
    assertThat(ohne.statusCode()).isEqualTo(200);
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(ohne.body()).size()).isBetween(3, 1000);
    assertThat(de.hsk.ki.testkit.Rest.alsBetrieb(port).get("/task?maxResults=100000").statusCode()).isEqualTo(200);

    WebappSitzung sitzung = new WebappSitzung(port);
    assertThat(sitzung.anmelden("pschneider", PASSWORT).statusCode()).isEqualTo(200);
    HttpResponse<String> cockpit = sitzung.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics");
    assertThat(cockpit.statusCode()).isEqualTo(403);
    assertThat(cockpit.body()).contains("Cockpit ist dem Betrieb vorbehalten.");
  }

  @Test
  void ausdrueckeInOrQueriesNurFuerDenBetrieb() throws Exception {
    HttpResponse<String> mitarbeiterin = rest("POST", "/engine-rest/task", "pschneider", AUSDRUCKS_ABFRAGE, Map.of());
    assertThat(mitarbeiterin.statusCode()).isEqualTo(403);
    assertThat(mitarbeiterin.body()).contains("Ausdrücke in Abfragen sind nur für den Betrieb erlaubt.");
    assertThat(rest("POST", "/engine-rest/task/count", "pschneider", AUSDRUCKS_ABFRAGE, Map.of()).statusCode()).isEqualTo(403);

    String filter = engine.getFilterService().createFilterQuery().filterName("Aufgaben meiner Gruppe").singleResult().getId();
    assertThat(rest("POST", "/engine-rest/filter/" + filter + "/list", "pschneider", AUSDRUCKS_ABFRAGE, Map.of()).statusCode()).isEqualTo(403);
    assertThat(rest("POST", "/engine-rest/filter/" + filter + "/list", "pschneider", "{}", Map.of()).statusCode()).isEqualTo(200);

    WebappSitzung sitzung = new WebappSitzung(port);
    sitzung.anmelden("pschneider", PASSWORT);
    HttpResponse<String> webapp = sitzung.post("/camunda/api/engine/engine/default/task", "application/json", AUSDRUCKS_ABFRAGE,
        Map.of("X-XSRF-TOKEN", sitzung.cookie("XSRF-TOKEN")));
    assertThat(webapp.statusCode()).isEqualTo(403);
    assertThat(webapp.body()).contains("Ausdrücke in Abfragen sind nur für den Betrieb erlaubt.");
    assertThat(sitzung.post("/camunda/api/engine/engine/default/task", "application/json", "{}",
        Map.of("X-XSRF-TOKEN", sitzung.cookie("XSRF-TOKEN"))).statusCode()).isEqualTo(200);
  }

  @Test
  void autorisierungStrengKonfiguriertUndNurDerBetriebStelltBereit() throws Exception {
    var konfiguration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(konfiguration.isAuthorizationEnabled()).isTrue();
    assertThat(konfiguration.getAuthorizationCheckRevokes()).isEqualTo("never");
    assertThat(konfiguration.isEnableHistoricInstancePermissions()).isTrue();
    assertThat(konfiguration.isEnforceSpecificVariablePermission()).isTrue();
    assertThat(konfiguration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(konfiguration.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(konfiguration.getDefaultSerializationFormat()).isEqualTo("application/json");

    String grenze = "----ki" + System.nanoTime();
    String modell = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
        + "<process id=\"Process_Fremd\" isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>";
    String body = "--" + grenze + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nfremd\r\n"
        + "--" + grenze + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"fremd.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + modell + "\r\n--" + grenze + "--\r\n";
    HttpResponse<String> bereitstellung = rest("POST", "/engine-rest/deployment/create", "tbecker", body,
        Map.of("Content-Type", "multipart/form-data; boundary=" + grenze));
    assertThat(bereitstellung.statusCode()).isEqualTo(403);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("Process_Fremd").count()).isZero();
  }

  @Test
  void passwortrichtlinieGiltAuchFuerNeueBenutzer() {
    User schwach = engine.getIdentityService().newUser("schwach");
    schwach.setFirstName("S");
    schwach.setLastName("W");
    schwach.setPassword("demo");
    assertThatThrownBy(() -> engine.getIdentityService().saveUser(schwach)).hasMessageContaining("Password does not match policy");
    assertThat(engine.getIdentityService().createUserQuery().userId("schwach").count()).isZero();
  }

  @Test
  void routingvariablenLassenSichNichtAmFormularVorbeiSetzen() throws Exception {
    String aufgabe = aufgabeFuerVerwaltung();
    String fall = engine.getTaskService().createTaskQuery().taskId(aufgabe).singleResult().getProcessInstanceId();
    String wert = "{\"value\":\"schulamt\",\"type\":\"String\"}";
    for (String pfad : new String[] {
        "/engine-rest/task/" + aufgabe + "/variables/beratung",
        "/engine-rest/task/" + aufgabe + "/localVariables/beratung",
        "/engine-rest/task/" + aufgabe + ";x=y/variables/beratung",
        "/engine-rest//task/" + aufgabe + "/variables/beratung",
        "/engine-rest/process-instance/" + fall + "/variables/beratung"}) {
      assertThat(rest("PUT", pfad, "pschneider", wert, Map.of()).statusCode()).as(pfad).isIn(403, 404);
    }
    assertThat(rest("POST", "/engine-rest/task/" + aufgabe + "/variables", "pschneider",
        "{\"modifications\":{\"schulaufsicht\":{\"value\":\"SCHULAMT\"}}}", Map.of()).statusCode()).isEqualTo(403);
    assertThat(rest("POST", "/engine-rest/task/" + aufgabe + "/bpmnError", "pschneider", "{\"errorCode\":\"x\"}", Map.of()).statusCode()).isEqualTo(403);
    assertThat(rest("POST", "/engine-rest/message", "pschneider", "{\"messageName\":\"x\"}", Map.of()).statusCode()).isEqualTo(403);
    assertThat(engine.getRuntimeService().getVariable(fall, "beratung")).isInstanceOf(Map.class);
    assertThat(engine.getRuntimeService().getVariable(fall, "schulaufsicht")).isNull();

    for (String umweg : new String[] {";a=b/submit-form", "/complete;x=y", "/complete/"}) {
      HttpResponse<String> antwort = rest("POST", "/engine-rest/task/" + aufgabe + umweg, "pschneider",
          "{\"variables\":{\"beratung\":{\"value\":\"x\"}}}", Map.of());
      assertThat(antwort.statusCode()).as(umweg + ": " + antwort.body()).isEqualTo(400);
      assertThat(antwort.body()).contains("„beratung“ gehört nicht zu diesem Formular");
    }
    assertThat(rest("POST", "/engine-rest/task;x=y", "pschneider", AUSDRUCKS_ABFRAGE, Map.of()).statusCode()).isEqualTo(403);
    assertThat(rest("POST", "/engine-rest/task/" + aufgabe + "/identity-links", "pschneider",
        "{\"groupId\":\"kiFoerderung\",\"type\":\"candidate\"}", Map.of()).statusCode()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(aufgabe).count()).isEqualTo(1);
  }

  @Test
  void nurDerBetriebLegtFilterMitAusdrueckenAn() throws Exception {
    String filter = "{\"resourceType\":\"Task\",\"name\":\"Alles\",\"query\":{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}}";
    assertThat(rest("POST", "/engine-rest/filter/create", "pschneider", filter, Map.of()).statusCode()).isEqualTo(403);
    assertThat(engine.getFilterService().createFilterQuery().filterName("Alles").count()).isZero();
  }

  @Test
  void aufgabenOhneRechteBekommenSieBeimStartNachgezogen() throws Exception {
    String aufgabe = aufgabeFuerVerwaltung();
    engine.getAuthorizationService().createAuthorizationQuery().resourceType(org.camunda.bpm.engine.authorization.Resources.TASK)
        .resourceId(aufgabe).list().forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
    assertThat(rest("GET", "/engine-rest/task/count?taskId=" + aufgabe, "pschneider", null, Map.of()).body()).contains("\"count\":0");

    einrichtung.einrichten();

    assertThat(rest("GET", "/engine-rest/task/count?taskId=" + aufgabe, "pschneider", null, Map.of()).body()).contains("\"count\":1");
  }

  @Test
  void ersteinrichtungDesAdministratorsIstGeschlossen() throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    sitzung.get("/camunda/app/admin/default/");
    HttpResponse<String> antwort = sitzung.post("/camunda/api/admin/setup/default/user/create", "application/json",
        "{\"profile\":{\"id\":\"eindringling\",\"firstName\":\"E\",\"lastName\":\"I\",\"email\":\"e@example.org\"},\"credentials\":{\"password\":\"Xx-1234567890\"}}",
        Map.of("X-XSRF-TOKEN", String.valueOf(sitzung.cookie("XSRF-TOKEN"))));
    assertThat(antwort.statusCode()).isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().userId("eindringling").count()).isZero();
  }

  @Test
  void csrfSchutzDerWebappsUndSichereCookies() throws Exception {
    String aufgabe = aufgabeFuerVerwaltung();
    WebappSitzung sitzung = new WebappSitzung(port);
    HttpResponse<String> login = sitzung.anmelden("pschneider", PASSWORT);
    String sessionCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
    assertThat(sessionCookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    WebappSitzung neu = new WebappSitzung(port);
    String csrfCookie = neu.get("/camunda/app/tasklist/default/").headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("XSRF-TOKEN")).findFirst().orElseThrow();
    assertThat(csrfCookie).contains("Secure").containsIgnoringCase("SameSite=Strict");

    String pfad = "/camunda/api/engine/engine/default/task/" + aufgabe + "/claim";
    String body = "{\"userId\":\"pschneider\"}";
    assertThat(sitzung.post(pfad, "application/json", body, Map.of()).statusCode()).as("without token").isEqualTo(403);
    WebappSitzung zweite = new WebappSitzung(port);
    zweite.anmelden("pschneider", PASSWORT);
    assertThat(zweite.post(pfad, "application/json", body, Map.of("X-XSRF-TOKEN", "gefaelscht")).statusCode()).as("wrong token").isIn(401, 403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(aufgabe).singleResult().getAssignee()).isNull();
    WebappSitzung fremd = new WebappSitzung(port);
    fremd.anmelden("pschneider", PASSWORT);
    HttpResponse<String> fremdeHerkunft = fremd.post(pfad, "application/json", body,
        Map.of("X-XSRF-TOKEN", fremd.cookie("XSRF-TOKEN"), "Origin", "https://boese.example.org"));
    assertThat(fremdeHerkunft.statusCode()).as("foreign origin").isEqualTo(403);
    assertThat(fremdeHerkunft.body()).contains("fremder Herkunft");
    assertThat(engine.getTaskService().createTaskQuery().taskId(aufgabe).singleResult().getAssignee()).isNull();
    WebappSitzung dritte = new WebappSitzung(port);
    dritte.anmelden("pschneider", PASSWORT);
    assertThat(dritte.post(pfad, "application/json", body, Map.of("X-XSRF-TOKEN", dritte.cookie("XSRF-TOKEN"),
        "Origin", "http://localhost:" + port)).statusCode()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(aufgabe).singleResult().getAssignee()).isEqualTo("pschneider");
  }

  @Test
  void sicherheitsKopfzeilenUndHstsHinterHttps() throws Exception {
    HttpResponse<String> tasklist = rest("GET", "/camunda/app/tasklist/default/", null, null, Map.of("X-Forwarded-Proto", "https"));
    assertThat(tasklist.headers().firstValue("Strict-Transport-Security")).isPresent();
    assertThat(tasklist.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    HttpResponse<String> eigeneSeite = rest("GET", "/ki/seiteneinstieg/zuweisungsschreiben/SE-2000-0001", null, null,
        Map.of("X-Forwarded-Proto", "https"));
    assertThat(eigeneSeite.statusCode()).isEqualTo(401);
    assertThat(eigeneSeite.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
    assertThat(eigeneSeite.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(eigeneSeite.headers().firstValue("Strict-Transport-Security")).isPresent();

    // API answers with case data: not stored, not sniffed (issue 18, point 14)
    String aufgabe = aufgabeFuerVerwaltung();
    HttpResponse<String> api = rest("GET", "/engine-rest/task/" + aufgabe + "/form-variables", "pschneider", null, Map.of());
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void geloeschterBenutzerVerliertDenZugang() throws Exception {
    User user = engine.getIdentityService().newUser("kurzzeit");
    user.setFirstName("Kurz");
    user.setLastName("Zeit");
    user.setPassword(PASSWORT);
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership("kurzzeit", "kiVerwaltung");
    WebappSitzung sitzung = new WebappSitzung(port);
    assertThat(sitzung.anmelden("kurzzeit", PASSWORT).statusCode()).isEqualTo(200);
    assertThat(sitzung.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);

    engine.getIdentityService().deleteUser("kurzzeit");
    Thread.sleep(5); // beyond the test profile's 1 ms revalidation interval
    assertThat(sitzung.get("/camunda/api/engine/engine/default/task/count").statusCode()).isIn(401, 403);
    assertThat(rest("GET", "/engine-rest/task/count", "kurzzeit", null, Map.of()).statusCode()).isEqualTo(401);
  }

  @Test
  void feindlichesBpmnMitExternerEntitaetWirdNichtAufgeloest() throws Exception {
    String geheim = Files.exists(Path.of("/etc/hostname")) ? Files.readString(Path.of("/etc/hostname")).trim() : "";
    String modell = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
          <process id="Process_Xxe" name="&xxe;" isExecutable="true"><startEvent id="s"/></process>
        </definitions>
        """;
    assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().addString("xxe.bpmn", modell).deploy())
        .satisfies(e -> {
          if (!geheim.isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(geheim);
          }
        });
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("Process_Xxe").count()).isZero();
  }

  @Test
  void anmeldungenWerdenProtokolliert(CapturedOutput ausgabe) throws Exception {
    new WebappSitzung(port).anmelden("tbecker", PASSWORT);
    WebappSitzung falsch = new WebappSitzung(port);
    falsch.anmelden("unbekannt", "falsch-falsch");
    rest("GET", "/engine-rest/task/count", null, null, Map.of("Authorization",
        "Basic " + Base64.getEncoder().encodeToString("niemand:falsch".getBytes(StandardCharsets.UTF_8))));
    assertThat(ausgabe.getAll())
        .contains("Login successful: user=tbecker app=tasklist")
        .contains("Login failed: user=unbekannt app=tasklist")
        .contains("REST login failed: user=niemand")
        .doesNotContain("falsch-falsch");
  }

  /** Issue 18, point 10: only the configured proxy (loopback by default) sets the logged client. */
  @Test
  void nurVertrauteProxysSetzenDieClientAdresse(CapturedOutput ausgabe) throws Exception {
    fehlanmeldungVon("127.0.0.1", "proxyvertraut", "10.9.8.7");
    fehlanmeldungVon("127.0.0.2", "proxyfremd", "10.9.8.6");
    assertThat(ausgabe.getAll())
        .contains("REST login failed: user=proxyvertraut client=10.9.8.7")
        .contains("REST login failed: user=proxyfremd client=127.0.0.2")
        .doesNotContain("client=10.9.8.6");
  }

  /** Issue 18, point 8: completing or starting never returns the case's variables to staff. */
  @Test
  void keineVariablenInDerAntwortFuerMitarbeitende() throws Exception {
    String aufgabe = aufgabeFuerVerwaltung();
    String body = "{\"variables\": {}, \"withVariablesInReturn\": true}";
    HttpResponse<String> abschluss = rest("POST", "/engine-rest/task/" + aufgabe + "/submit-form", "pschneider", body, Map.of());
    assertThat(abschluss.statusCode()).isEqualTo(403);
    assertThat(abschluss.body()).contains("gibt es nicht in der Antwort").doesNotContain(Seiteneinstiegsfall.MARKER_NAME);
    assertThat(engine.getTaskService().createTaskQuery().taskId(aufgabe).count()).as("nothing completed").isEqualTo(1);
    HttpResponse<String> start = rest("POST", "/engine-rest/process-definition/key/Process_Seiteneinstieg/start", "pschneider",
        body, Map.of());
    assertThat(start.statusCode()).isEqualTo(403);
    assertThat(rest("POST", "/engine-rest/process-definition/key/Process_Seiteneinstieg/submit-form", "pschneider",
        body, Map.of()).statusCode()).isEqualTo(403);
  }

  /**
   * Issue 16 review: a task list with "withTaskVariablesInReturn" would hand a partner (or any staff
   * member) every variable of the case behind each visible task, past the form's limits and the log.
   */
  @Test
  void dieAufgabenlisteLiefertKeineFalldatenMit() throws Exception {
    aufgabeFuerVerwaltung();
    for (String schalter : java.util.List.of("withTaskVariablesInReturn", "withTaskLocalVariablesInReturn")) {
      HttpResponse<String> liste = rest("GET", "/engine-rest/task?" + schalter + "=true", "pschneider", null, Map.of());
      assertThat(liste.statusCode()).as(schalter).isEqualTo(403);
      assertThat(liste.body()).doesNotContain(Seiteneinstiegsfall.MARKER_NAME);
      HttpResponse<String> abfrage = rest("POST", "/engine-rest/task", "gsommer",
          "{\"orQueries\": [{\"" + schalter + "\": true}]}", Map.of());
      assertThat(abfrage.statusCode()).as(schalter).isEqualTo(403);
    }
    assertThat(rest("GET", "/engine-rest/task?withTaskVariablesInReturn=false", "pschneider", null, Map.of()).statusCode()).isEqualTo(200);
  }

  /** Issue 18, point 10: a decoded %0A in a path writes no line of its own into the log. */
  @Test
  void einZeilenumbruchImPfadFaelschtKeineProtokollzeile(CapturedOutput ausgabe) throws Exception {
    HttpResponse<String> antwort = rest("GET", "/engine-rest/gibt-es-nicht%0D%0A2026-01-01T00:00:00.000Z%20%20INFO%20gefaelscht-"
        + port, "pschneider", null, Map.of());
    assertThat(antwort.statusCode()).isIn(400, 403, 404);
    assertThat(ausgabe.getAll().lines()).noneMatch(z -> z.startsWith("2026-01-01T00:00:00.000Z  INFO gefaelscht-" + port));
    assertThat(ausgabe.getAll()).contains("gibt-es-nicht__2026-01-01T00:00:00.000Z  INFO gefaelscht-" + port);
  }

  /** A raw request from a chosen local address (127.0.0.2 is another host for the server). */
  private void fehlanmeldungVon(String lokal, String benutzer, String weitergeleitetFuer) throws Exception {
    try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
        java.net.InetAddress.getByName(lokal), 0)) {
      String anmeldung = Base64.getEncoder().encodeToString((benutzer + ":falsch").getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().write(("GET /engine-rest/task/count HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + anmeldung
          + "\r\nX-Forwarded-For: " + weitergeleitetFuer + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String antwort = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(antwort).startsWith("HTTP/1.1 401");
    }
  }

  @Test
  void keineSkriptSprachenImKlassenpfad() {
    ScriptEngineManager skripte = new ScriptEngineManager();
    // only Camunda's FEEL and JUEL engines, which decision tables and expressions need; no general-purpose language
    assertThat(skripte.getEngineFactories()).extracting(f -> f.getLanguageName().toLowerCase())
        .containsOnly("feel", "feel-unary-tests", "jsp 2.1 el");
    for (String sprache : new String[] {"javascript", "js", "groovy", "python", "ruby", "nashorn", "graal.js"}) {
      assertThat(skripte.getEngineByName(sprache)).as(sprache).isNull();
    }
  }

  @Test
  void personenbezogeneDatenWederInProtokollenNochInBetreffenOderSchluesseln(CapturedOutput ausgabe) throws Exception {
    Map<String, Object> meldung = Seiteneinstiegsfall.meldung("ARNSBERG", 7);
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung);
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(einladung.getId(), Seiteneinstiegsfall.einladung());
    Task beratung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(beratung.getId(), Seiteneinstiegsfall.erstberatung("GRUNDSCHULE", true));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(fall.getId()).activityId("Task_GesundheitsamtBenachrichtigen").singleResult().getId());

    String marker = Seiteneinstiegsfall.MARKER_NAME;
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(greenMail.getReceivedMessages()[0].getSubject()).doesNotContain(marker);
    assertThat(fall.getBusinessKey()).doesNotContain(marker);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(fall.getId()).singleResult()
        .getBusinessKey()).doesNotContain(marker);
    assertThat(ausgabe.getAll()).contains(fall.getBusinessKey()).doesNotContain(marker).doesNotContain("Amina");
  }
}
