package de.hsk.ki.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hsk.ki.KiSpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The REST API as a municipality's system or a script would use it: authentication, the
 * server-side input rules of every form, and what each role may see.
 */
@KiSpringTest
public class RestSchnittstelleTest {

  static final String PASSWORT = "Sauerland-2026";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> anfrage(String methode, String pfad, String benutzer, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + pfad))
        .header("Content-Type", "application/json")
        .method(methode, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (benutzer != null) {
      String token = Base64.getEncoder().encodeToString((benutzer + ":" + PASSWORT).getBytes(StandardCharsets.UTF_8));
      b.header("Authorization", "Basic " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static ObjectNode variablen(Map<String, Object> werte) {
    return de.hsk.ki.testkit.Rest.formular(werte);
  }

  static Map<String, Object> meldung() {
    return Map.ofEntries(
        Map.entry("meldendeStelle", "SCHULVERWALTUNG"),
        Map.entry("vorname", "Lina"),
        Map.entry("nachname", "Restmann"),
        Map.entry("geburtsdatum", LocalDate.now().minusYears(9).toString()),
        Map.entry("staatsangehoerigkeit", "Ukraine"),
        Map.entry("zuzugsdatum", LocalDate.now().minusDays(20).toString()),
        Map.entry("anschrift", "Ringstraße 5, 59846 Sundern"),
        Map.entry("kommune", "SUNDERN"),
        Map.entry("sorgeform", "ELTERN"),
        Map.entry("erziehungsberechtigte", "Olena Restmann"),
        Map.entry("bevorzugteSprache", "Ukrainisch"),
        Map.entry("dolmetscherBenoetigt", false));
  }

  String starteFall() throws Exception {
    HttpResponse<String> antwort =
        anfrage("POST", "/process-definition/key/Process_Seiteneinstieg/submit-form", "pschneider", variablen(meldung()).toString());
    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(200);
    return JSON.readTree(antwort.body()).get("id").asText();
  }

  @Test
  void ohneAnmeldungOderMitFalschemPasswortGibtEs401() throws Exception {
    // an unknown user: a failed login of a real user delays its next login (throttling) in other tests
    assertThat(anfrage("GET", "/task", null, null).statusCode()).isEqualTo(401);
    HttpRequest falsch = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("niemand:falsch".getBytes())).build();
    assertThat(http.send(falsch, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }

  @Test
  void wadlIstAbgeschaltet() throws Exception {
    // staff do not get past the allow-list; an operator reaches Jersey, which has WADL switched off
    assertThat(anfrage("GET", "/application.wadl", "pschneider", null).statusCode()).isEqualTo(403);
    String admin = Base64.getEncoder().encodeToString("admin:Pruefstand-7-Test".getBytes(StandardCharsets.UTF_8));
    assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/application.wadl"))
        .header("Authorization", "Basic " + admin).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }

  @Test
  void meldungPerRestBekommtEinAktenzeichenStattEinesMitgeschicktenGeschaeftsschluessels() throws Exception {
    ObjectNode body = variablen(meldung());
    body.put("businessKey", "Lina Restmann 2017");
    HttpResponse<String> antwort = anfrage("POST", "/process-definition/key/Process_Seiteneinstieg/submit-form", "pschneider", body.toString());
    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(200);
    assertThat(JSON.readTree(antwort.body()).get("businessKey").asText()).matches("SE-\\d{4}-\\d{4,}");
  }

  @Test
  void unbekannteVariableBeimStartWirdAbgelehntUndKeinFallAngelegt() throws Exception {
    long vorher = engine.getRuntimeService().createProcessInstanceQuery().count();
    ObjectNode body = variablen(meldung());
    ((ObjectNode) body.get("variables")).putObject("beratung").put("value", "manipuliert");
    HttpResponse<String> antwort = anfrage("POST", "/process-definition/key/Process_Seiteneinstieg/submit-form", "pschneider", body.toString());

    assertThat(antwort.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(antwort.body()).get("message").asText()).contains("„beratung“ gehört nicht zu diesem Formular");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(vorher);
  }

  @Test
  void startanweisungenAmFormularVorbeiWerdenAbgelehnt() throws Exception {
    ObjectNode body = variablen(meldung());
    body.putArray("startInstructions").addObject().put("type", "startBeforeActivity").put("activityId", "Task_ZuweisungsschreibenVersenden");
    HttpResponse<String> antwort = anfrage("POST", "/process-definition/key/Process_Seiteneinstieg/start", "pschneider", body.toString());
    assertThat(antwort.statusCode()).isEqualTo(400);
    assertThat(antwort.body()).contains("startInstructions");
  }

  @Test
  void ungueltigeEingabenBeimAbschliessenLassenDieAufgabeUnveraendert() throws Exception {
    String fall = starteFall();
    Task aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall).singleResult();
    assertThat(aufgabe.getTaskDefinitionKey()).isEqualTo("Task_EinladungVersenden");

    ObjectNode body = variablen(Map.of(
        "terminDatum", "2020-02-30",
        "terminUhrzeit", "24:61",
        "terminOrt", "RATHAUS",
        "einladungsweg", "BRIEF",
        "dolmetscherGebucht", true));
    ObjectNode schmuggel = ((ObjectNode) body.get("variables")).putObject("dolmetscherSprache");
    schmuggel.put("value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==").put("type", "Object")
        .putObject("valueInfo").put("objectTypeName", "java.util.HashMap")
        .put("serializationDataFormat", "application/x-java-serialized-object");
    HttpResponse<String> antwort = anfrage("POST", "/task/" + aufgabe.getId() + "/submit-form", "pschneider", body.toString());

    assertThat(antwort.statusCode()).isEqualTo(400);
    JsonNode fehler = JSON.readTree(antwort.body());
    assertThat(fehler.get("message").asText())
        .startsWith("Die Eingaben wurden nicht gespeichert.")
        .contains("Termin der Erstberatung: kein gültiges Datum.")
        .contains("Uhrzeit (HH:MM): Bitte als Uhrzeit im Format HH:MM eingeben (z. B. 09:30).")
        .contains("Ort: ungültige Auswahl „RATHAUS“.")
        .contains("Sprache der Dolmetschung: unzulässiger Variablentyp");
    assertThat(engine.getTaskService().createTaskQuery().taskId(aufgabe.getId()).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(fall, "terminOrt")).isNull();
  }

  @Test
  void ueberlangerTextUndFehlendesBedingtesPflichtfeldWerdenBenannt() throws Exception {
    String fall = starteFall();
    Task aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall).singleResult();
    HttpResponse<String> antwort = anfrage("POST", "/task/" + aufgabe.getId() + "/complete", "pschneider", variablen(Map.of(
        "terminDatum", LocalDate.now().plusDays(2).toString(),
        "terminUhrzeit", "09:00",
        "terminOrt", "DIGITAL",
        "einladungsweg", "EMAIL",
        "dolmetscherGebucht", true)).toString());
    assertThat(antwort.statusCode()).isEqualTo(400);
    assertThat(antwort.body()).contains("Sprache der Dolmetschung: Pflichtfeld");

    antwort = anfrage("POST", "/task/" + aufgabe.getId() + "/complete", "pschneider", variablen(Map.of(
        "terminDatum", LocalDate.now().plusDays(2).toString(),
        "terminUhrzeit", "09:00",
        "terminOrt", "DIGITAL",
        "einladungsweg", "EMAIL",
        "dolmetscherGebucht", true,
        "dolmetscherSprache", "x".repeat(5000))).toString());
    assertThat(antwort.statusCode()).isEqualTo(400);
    assertThat(antwort.body()).contains("höchstens 100 Zeichen erlaubt (eingegeben: 5000)");
  }

  @Test
  void gueltigeEingabenSchliessenDieAufgabeAbUndDieNaechsteGehtAnDieLehrkraefte() throws Exception {
    String fall = starteFall();
    Task aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall).singleResult();
    HttpResponse<String> antwort = anfrage("POST", "/task/" + aufgabe.getId() + "/submit-form", "pschneider", variablen(Map.of(
        "terminDatum", LocalDate.now().plusDays(2).toString(),
        "terminUhrzeit", "09:00",
        "terminOrt", "KREISHAUS_ARNSBERG",
        "einladungsweg", "TELEFON",
        "einladungsergebnis", "TERMIN_VEREINBART",
        "dolmetscherGebucht", false)).toString());
    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(204);

    JsonNode lehrkraft = JSON.readTree(anfrage("GET", "/task?processInstanceId=" + fall, "tbecker", null).body());
    assertThat(lehrkraft).hasSize(1);
    assertThat(lehrkraft.get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_ErstberatungDurchfuehren");
    JsonNode verwaltung = JSON.readTree(anfrage("GET", "/task?processInstanceId=" + fall, "pschneider", null).body());
    assertThat(verwaltung).isEmpty();
  }

  @Test
  void gleichzeitigesAbschliessenEinerWinntDieAndereBekommtEineDeutscheMeldung() throws Exception {
    String fall = starteFall();
    Task aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall).singleResult();
    String body = variablen(Map.of(
        "terminDatum", LocalDate.now().plusDays(2).toString(),
        "terminUhrzeit", "09:00",
        "terminOrt", "KREISHAUS_ARNSBERG",
        "einladungsweg", "TELEFON",
        "einladungsergebnis", "TERMIN_VEREINBART",
        "dolmetscherGebucht", false)).toString();
    java.util.concurrent.ExecutorService zwei = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = zwei.submit(() -> anfrage("POST", "/task/" + aufgabe.getId() + "/submit-form", "pschneider", body));
      var b = zwei.submit(() -> anfrage("POST", "/task/" + aufgabe.getId() + "/submit-form", "pschneider", body));
      java.util.List<HttpResponse<String>> antworten = java.util.List.of(a.get(), b.get());
      assertThat(antworten).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
      HttpResponse<String> verloren = antworten.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
      assertThat(JSON.readTree(verloren.body()).get("message").asText()).startsWith("Diese Aufgabe wurde gerade von jemand anderem");
    } finally {
      zwei.shutdownNow();
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(fall).taskDefinitionKey("Task_ErstberatungDurchfuehren").count())
        .isEqualTo(1);
  }

  @Test
  void foerderungUndSchulamtSehenDieAufgabenDesKiNicht() throws Exception {
    String fall = starteFall();
    assertThat(JSON.readTree(anfrage("GET", "/task?processInstanceId=" + fall, "fyilmaz", null).body())).isEmpty();
    assertThat(JSON.readTree(anfrage("GET", "/task?processInstanceId=" + fall, "jklein", null).body())).isEmpty();
    // process instances are not on the staff allow-list at all; operators see them
    assertThat(anfrage("GET", "/process-instance?processInstanceIds=" + fall, "fyilmaz", null).statusCode()).isEqualTo(403);
    HttpResponse<String> start =
        anfrage("POST", "/process-definition/key/Process_Seiteneinstieg/submit-form", "fyilmaz", variablen(meldung()).toString());
    assertThat(start.statusCode()).isIn(403, 404);
  }

  @Test
  void formulareWerdenMitDenModellenBereitgestellt() {
    var definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("Process_Seiteneinstieg").latestVersion().singleResult();
    assertThat(engine.getRepositoryService().getDeploymentResourceNames(definition.getDeploymentId()))
        .anyMatch(n -> n.endsWith("seiteneinstieg/meldung.form"))
        .anyMatch(n -> n.endsWith("seiteneinstieg/erstberatung.form"))
        .anyMatch(n -> n.endsWith("beratungszustaendigkeit.dmn"))
        .noneMatch(n -> n.startsWith("processes/processes"));
  }
}
