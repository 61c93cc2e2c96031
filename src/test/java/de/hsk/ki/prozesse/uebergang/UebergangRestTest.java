package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.einwilligung.Einwilligungen;
import static org.assertj.core.api.Assertions.assertThat;

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

/** A referral from a school's system through REST, and the server's input rules on the transition tasks. */
@KiSpringTest
class UebergangRestTest {

  static final ObjectMapper JSON = new ObjectMapper();
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Einwilligungen einwilligungen;

  HttpResponse<String> post(String pfad, String benutzer, ObjectNode body) throws Exception {
    String token = Base64.getEncoder().encodeToString((benutzer + ":Sauerland-2026").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + pfad))
        .header("Content-Type", "application/json").header("Authorization", "Basic " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  static ObjectNode variablen(Map<String, Object> werte) {
    return de.hsk.ki.testkit.Rest.formular(werte);
  }

  @Test
  void zuweisungPerRestUndEinwilligungNurMitGueltigenAngaben() throws Exception {
    ObjectNode meldung = variablen(Map.of("meldendeStelle", "SCHULE", "vorname", "Ali", "nachname", "Resttest",
        "geburtsdatum", LocalDate.now().minusYears(19).toString(), "kommune", "BRILON", "schulbesuchsjahre", 11,
        "aktuelleKlasse", "KEINE", "abschluss", "HSA10", "aufenthaltsstatus", "DULDUNG", "deutschniveau", "A2"));
    HttpResponse<String> start = post("/process-definition/key/Process_UebergangSchuleBeruf/submit-form", "ademir", meldung);
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    String fall = JSON.readTree(start.body()).get("id").asText();
    String aktenzeichen = JSON.readTree(start.body()).get("businessKey").asText();
    assertThat(aktenzeichen).startsWith("UB-");

    Task plan = engine.getTaskService().createTaskQuery().processInstanceId(fall).singleResult();
    ObjectNode manipuliert = variablen(Map.of("partnerAuswahl", "[\"JOBCENTER\",\"BUNDESAMT\"]", "vermittlungsziel", "Arbeit"));
    ((ObjectNode) manipuliert.get("variables")).putObject("vermittlungsPartner").put("value", "[\"JOBCENTER\"]");
    HttpResponse<String> abgelehnt = post("/task/" + plan.getId() + "/submit-form", "ademir", manipuliert);
    assertThat(abgelehnt.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(abgelehnt.body()).get("message").asText())
        .contains("„vermittlungsPartner“ gehört nicht zu diesem Formular")
        .contains("Vermitteln an: ungültige Auswahl „BUNDESAMT“");

    ObjectNode gueltig = variablen(Map.of("vermittlungsziel", "Arbeit"));
    ((ObjectNode) gueltig.get("variables")).putObject("partnerAuswahl").put("value", "[\"JOBCENTER\"]").put("type", "Json");
    assertThat(post("/task/" + plan.getId() + "/submit-form", "ademir", gueltig).statusCode()).isEqualTo(204);

    // the consent building block runs under the case number of the case; its rows come as Tasklist
    // sends a dynamic list: the variable's own type and value info, the value a JSON text
    Task einwilligung = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(aktenzeichen).singleResult();
    ObjectNode zeilen = zeilenWieTasklist(einwilligung, "[{\"partner\":\"JOBCENTER\",\"einwilligung\":\"VIELLEICHT\",\"adresse\":\"x\"}]");
    ObjectNode ohneAngaben = variablen(Map.of("einwilligungsdatum", LocalDate.now().plusDays(3).toString()));
    ((ObjectNode) ohneAngaben.get("variables")).set("einwilligungsZeilen", zeilen);
    HttpResponse<String> unvollstaendig = post("/task/" + einwilligung.getId() + "/submit-form", "ademir", ohneAngaben);
    assertThat(unvollstaendig.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unvollstaendig.body()).get("message").asText())
        .contains("Einwilligung je Stelle: Zeile 1: das Feld „adresse“ gehört nicht zu dieser Liste.")
        .contains("Zeile 1, Einwilligung: ungültige Auswahl „VIELLEICHT“")
        .contains("Zeile 1, Form der Erklärung: Pflichtfeld")
        .contains("Wer hat entschieden?: Pflichtfeld")
        .contains("Datum der Erklärung: darf nicht in der Zukunft liegen");
    assertThat(einwilligungen.vonFall(aktenzeichen)).isEmpty();

    // a partner the task did not ask for cannot be slipped in
    ObjectNode fremd = variablen(Map.of("einwilligendePerson", "JUGENDLICHE", "einwilligendeName", "Ali Resttest",
        "zweck", "Arbeit", "einwilligungsdatum", LocalDate.now().toString(), "informiert", true));
    ((ObjectNode) fremd.get("variables")).set("einwilligungsZeilen", zeilenWieTasklist(einwilligung,
        "[{\"partner\":\"IHK\",\"einwilligung\":\"ERTEILT\",\"erklaerungsform\":\"SCHRIFTLICH\"}]"));
    HttpResponse<String> untergeschoben = post("/task/" + einwilligung.getId() + "/submit-form", "ademir", fremd);
    assertThat(untergeschoben.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(untergeschoben.body()).get("message").asText()).contains("ungültige Auswahl „IHK“");

    ObjectNode gueltigeEinwilligung = variablen(Map.of("einwilligendePerson", "JUGENDLICHE", "einwilligendeName", "Ali Resttest",
        "zweck", "Arbeit", "einwilligungsdatum", LocalDate.now().toString(), "informiert", true));
    ((ObjectNode) gueltigeEinwilligung.get("variables")).set("einwilligungsZeilen", zeilenWieTasklist(einwilligung,
        "[{\"partner\":\"JOBCENTER\",\"einwilligung\":\"ERTEILT\",\"erklaerungsform\":\"MUENDLICH\"}]"));
    HttpResponse<String> erfasst = post("/task/" + einwilligung.getId() + "/submit-form", "ademir", gueltigeEinwilligung);
    assertThat(erfasst.statusCode()).as(erfasst.body()).isEqualTo(204);
    assertThat(einwilligungen.vonFall(aktenzeichen)).singleElement()
        .satisfies(e -> assertThat(e.partner()).isEqualTo("JOBCENTER"))
        .satisfies(e -> assertThat(e.erklaerungsform()).isEqualTo("MUENDLICH"));
  }

  /** The prefilled rows variable as Tasklist reads it, with the rows replaced by {@code json}. */
  private ObjectNode zeilenWieTasklist(Task aufgabe, String json) throws Exception {
    return zeilenWieTasklist(aufgabe, json, "JOBCENTER", "ademir");
  }

  private ObjectNode zeilenWieTasklist(Task aufgabe, String json, String ersterPartner, String benutzer) throws Exception {
    HttpResponse<String> formular = de.hsk.ki.testkit.Rest.als(port, benutzer).get("/task/" + aufgabe.getId() + "/form-variables?deserializeValues=false");
    ObjectNode variable = (ObjectNode) JSON.readTree(formular.body()).get("einwilligungsZeilen");
    assertThat(variable).as(formular.body()).isNotNull();
    assertThat(JSON.readTree(variable.get("value").asText()).get(0).get("partner").asText()).isEqualTo(ersterPartner);
    variable.put("value", json);
    return variable;
  }

  @Test
  void volljaehrigeWilligenSelbstEinDieRegelStehtAlsDeutscheMeldungAmFormular() throws Exception {
    ObjectNode meldung = variablen(Map.of("meldendeStelle", "SCHULE", "vorname", "Ali", "nachname", "Regeltest",
        "geburtsdatum", LocalDate.now().minusYears(19).toString(), "kommune", "BRILON", "schulbesuchsjahre", 11,
        "aktuelleKlasse", "KEINE", "abschluss", "HSA10", "aufenthaltsstatus", "DULDUNG", "deutschniveau", "A2"));
    var gestartet = JSON.readTree(post("/process-definition/key/Process_UebergangSchuleBeruf/submit-form", "ademir", meldung).body());
    String fall = gestartet.get("id").asText();
    Task plan = engine.getTaskService().createTaskQuery().processInstanceId(fall).singleResult();
    ObjectNode auswahl = variablen(Map.of("vermittlungsziel", "Arbeit"));
    ((ObjectNode) auswahl.get("variables")).putObject("partnerAuswahl").put("value", "[\"JOBCENTER\"]").put("type", "Json");
    assertThat(post("/task/" + plan.getId() + "/submit-form", "ademir", auswahl).statusCode()).isEqualTo(204);

    Task einwilligung = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(gestartet.get("businessKey").asText())
        .singleResult();
    ObjectNode eingaben = variablen(Map.of("einwilligendePerson", "SORGEBERECHTIGTE", "einwilligendeName", "Frau Regeltest",
        "zweck", "Vermittlung", "einwilligungsdatum", LocalDate.now().toString(), "informiert", true));
    ((ObjectNode) eingaben.get("variables")).set("einwilligungsZeilen", zeilenWieTasklist(einwilligung,
        "[{\"partner\":\"JOBCENTER\",\"einwilligung\":\"ERTEILT\",\"erklaerungsform\":\"SCHRIFTLICH\"}]"));
    HttpResponse<String> antwort = post("/task/" + einwilligung.getId() + "/submit-form", "ademir", eingaben);

    // an adult is offered only "die Person selbst": guardians are refused as an option not offered
    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(400);
    assertThat(JSON.readTree(antwort.body()).get("message").asText())
        .isEqualTo("Die Eingaben wurden nicht gespeichert. Wer hat entschieden?: ungültige Auswahl „SORGEBERECHTIGTE“.");
    assertThat(JSON.readTree(antwort.body()).get("fehler").get(0).get("feld").asText()).isEqualTo("einwilligendePerson");
    assertThat(engine.getTaskService().createTaskQuery().taskId(einwilligung.getId()).count()).isEqualTo(1);
  }

  @Test
  void fuerKaoaKompaktWilligenBeiJugendlichenDieSorgeberechtigtenEin() throws Exception {
    ObjectNode meldung = variablen(Map.of("meldendeStelle", "SCHULE", "vorname", "Lina", "nachname", "Einsichttest",
        "geburtsdatum", LocalDate.now().minusYears(16).minusDays(3).toString(), "kommune", "BRILON", "schulbesuchsjahre", 9,
        "aktuelleKlasse", "KLASSE_10", "abschluss", "KEINER", "aufenthaltsstatus", "DULDUNG", "deutschniveau", "A2"));
    var gestartet = JSON.readTree(post("/process-definition/key/Process_UebergangSchuleBeruf/submit-form", "tbecker", meldung).body());
    Task anschluss = engine.getTaskService().createTaskQuery().processInstanceId(gestartet.get("id").asText()).singleResult();
    // the field of the provider booking is gone (review U5): the server refuses it
    HttpResponse<String> alt = post("/task/" + anschluss.getId() + "/submit-form", "tbecker", variablen(Map.of("bildungsgang", "IFK",
        "kaoaKompakt", true, "elternInformiertAm", LocalDate.now().toString())));
    assertThat(alt.statusCode()).isEqualTo(400);
    assertThat(post("/task/" + anschluss.getId() + "/submit-form", "tbecker", variablen(Map.of("bildungsgang", "IFK",
        "kaoaKompakt", true, "kaoaSchule", "SCHULE-RE-BRILON-1"))).statusCode()).isEqualTo(204);
    Task anmeldung = engine.getTaskService().createTaskQuery().processInstanceId(gestartet.get("id").asText()).singleResult();
    assertThat(anmeldung.getTaskDefinitionKey()).isEqualTo("Task_AnmeldungBerufskolleg");
    // registered without naming the Berufskolleg: refused, as the form requires it for this result
    HttpResponse<String> ohneSchule = post("/task/" + anmeldung.getId() + "/submit-form", "tbecker",
        variablen(Map.of("anmeldungsergebnis", "ANGEMELDET", "schulbeginn", LocalDate.now().plusDays(20).toString())));
    assertThat(ohneSchule.statusCode()).isEqualTo(400);
    assertThat(ohneSchule.body()).contains("Berufskolleg");
    assertThat(post("/task/" + anmeldung.getId() + "/submit-form", "tbecker", variablen(Map.of("anmeldungsergebnis", "ANGEMELDET",
        "berufskolleg", "Berufskolleg Brilon", "schulbeginn", LocalDate.now().plusDays(20).toString()))).statusCode()).isEqualTo(204);
    Task einwilligung = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(gestartet.get("businessKey").asText())
        .singleResult();

    // 16: for the school and the KoKo the young person herself is not offered, the guardians are
    String zeilen = "[{\"partner\":\"SCHULE-RE-BRILON-1\",\"einwilligung\":\"ERTEILT\",\"erklaerungsform\":\"SCHRIFTLICH\"},"
        + "{\"partner\":\"KOKO_KAOA\",\"einwilligung\":\"ERTEILT\",\"erklaerungsform\":\"SCHRIFTLICH\"}]";
    ObjectNode selbst = variablen(Map.of("einwilligendePerson", "JUGENDLICHE", "einwilligendeName", "Lina Einsichttest",
        "zweck", "KAoA-kompakt", "einwilligungsdatum", LocalDate.now().toString(), "informiert", true, "einsichtsfaehig", "JA"));
    ((ObjectNode) selbst.get("variables")).set("einwilligungsZeilen", zeilenWieTasklist(einwilligung, zeilen, "SCHULE-RE-BRILON-1", "tbecker"));
    HttpResponse<String> abgelehnt = post("/task/" + einwilligung.getId() + "/submit-form", "tbecker", selbst);
    assertThat(abgelehnt.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(abgelehnt.body()).get("fehler").get(0).get("feld").asText()).isEqualTo("einwilligendePerson");
    assertThat(einwilligungen.vonFall(gestartet.get("businessKey").asText())).isEmpty();

    ((ObjectNode) selbst.get("variables")).remove("einsichtsfaehig");
    ((ObjectNode) selbst.get("variables")).putObject("einwilligendePerson").put("value", "SORGEBERECHTIGTE");
    ((ObjectNode) selbst.get("variables")).putObject("einwilligendeName").put("value", "Frau Einsichttest");
    HttpResponse<String> erfasst = post("/task/" + einwilligung.getId() + "/submit-form", "tbecker", selbst);
    assertThat(erfasst.statusCode()).as(erfasst.body()).isEqualTo(204);
    assertThat(einwilligungen.vonFall(gestartet.get("businessKey").asText())).hasSize(2)
        .allSatisfy(e -> assertThat(e.personRolle()).isEqualTo("SORGEBERECHTIGTE"));
  }
}
