package de.hsk.ki.modell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.betrieb.Modellverweise;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the start-up deployment brings: every file under processes/ and forms/ under its path (none
 * lost to a namesake in another folder), the self-check of references, and a running task whose form
 * was missing that works once a deployment brings the form.
 */
@KiSpringTest
class BereitstellungTest {

  @Autowired ProcessEngine engine;
  @Autowired Modellverweise modellverweise;
  @LocalServerPort int port;

  @Test
  void jedeDateiUnterProcessesUndFormsIstUnterIhremPfadBereitgestellt() throws IOException {
    Set<String> erwartet = new HashSet<>();
    // the test-only sample process (src/test/resources/processes/beispiel) is deployed like any other
    for (Path wurzel : List.of(Path.of("."), Path.of("src/test/resources"))) {
      for (String ordner : List.of("processes", "forms")) {
        try (Stream<Path> dateien = Files.walk(wurzel.resolve(ordner))) {
          dateien.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)"))
              .forEach(p -> erwartet.add(wurzel.relativize(p).toString().replace('\\', '/')));
        }
      }
    }
    Deployment start = engine.getRepositoryService().createDeploymentQuery().deploymentName("SpringAutoDeployment")
        .orderByDeploymentTime().desc().list().get(0);
    List<String> namen = engine.getRepositoryService().getDeploymentResourceNames(start.getId());
    assertThat(erwartet).contains("forms/seiteneinstieg/aufnahme.form", "forms/uebergang/aufnahme.form");
    assertThat(namen).containsExactlyInAnyOrderElementsOf(erwartet);
  }

  @Test
  void dieSelbstpruefungFindetAlleVerweiseDerProzesseAufgeloest() {
    var gesundheit = modellverweise.health();
    assertThat(gesundheit.getStatus()).as(gesundheit.getDetails().toString()).isEqualTo(Status.UP);
    // 17 forms and 4 decision tables in the two processes, plus whatever test models other tests deployed
    assertThat((Integer) gesundheit.getDetails().get("geprueft")).isGreaterThanOrEqualTo(21);
  }

  @Test
  void eineAufgabeDerenFormularFehlteFunktioniertNachDerBereitstellungDesFormulars() throws Exception {
    BpmnModelInstance modell = Bpmn.createExecutableProcess("Process_TestFormularNachgereicht")
        .name("Test: Formular nachgereicht").camundaHistoryTimeToLive(1)
        .startEvent("Event_TestStart").name("Start")
        .userTask("Task_TestMitFormular").name("Aufgabe mit Formular").camundaCandidateGroups("kiVerwaltung")
        .camundaFormRef("form_test_nachgereicht").camundaFormRefBinding("latest")
        .endEvent("Event_TestEnde").name("Ende").done();
    Deployment ohneFormular = engine.getRepositoryService().createDeployment().name("test-ohne-formular")
        .addModelInstance("testmodelle/formular-nachgereicht.bpmn", modell).deploy();
    Deployment mitFormular = null;
    try {
      String fall = engine.getRuntimeService().startProcessInstanceByKey("Process_TestFormularNachgereicht", "TF-2026-0001").getId();
      Task aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall).singleResult();

      assertThat(modellverweise.fehlend()).extracting(Modellverweise.Fehlend::ziel).contains("form_test_nachgereicht");
      assertThat(modellverweise.health().getStatus()).isEqualTo(Status.DOWN);
      assertThat(modellverweise.health().getDetails().get("fehlend").toString())
          .contains("Process_TestFormularNachgereicht:1 / Task_TestMitFormular: Formular 'form_test_nachgereicht' (latest)");
      assertThatThrownBy(() -> engine.getFormService().getDeployedTaskForm(aufgabe.getId()));

      mitFormular = engine.getRepositoryService().createDeployment().name("test-formular")
          .addString("forms/test/nachgereicht.form", """
              {"schemaVersion": 16, "id": "form_test_nachgereicht", "type": "default",
               "components": [{"type": "textfield", "key": "bemerkung", "label": "Bemerkung",
                               "validate": {"required": true, "maxLength": 200}}]}
              """).deploy();

      assertThat(modellverweise.fehlend()).isEmpty();
      assertThat(modellverweise.health().getStatus()).isEqualTo(Status.UP);
      assertThat(engine.getFormService().getDeployedTaskForm(aufgabe.getId())).isNotNull();
      // the task of the case started before the form existed now takes its form's input, checked by the server
      assertThat(absenden(aufgabe.getId(), "{\"variables\":{\"unbekannt\":{\"value\":\"x\",\"type\":\"String\"}}}").statusCode())
          .isEqualTo(400);
      HttpResponse<String> antwort = absenden(aufgabe.getId(), "{\"variables\":{\"bemerkung\":{\"value\":\"erledigt\",\"type\":\"String\"}}}");
      assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(204);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(fall).count()).isZero();
    } finally {
      engine.getRepositoryService().deleteDeployment(ohneFormular.getId(), true);
      if (mitFormular != null) {
        engine.getRepositoryService().deleteDeployment(mitFormular.getId(), true);
      }
    }
  }

  @Test
  void fehlendeEntscheidungstabellenUndAufgerufeneProzesseWerdenGenannt() {
    BpmnModelInstance modell = Bpmn.createExecutableProcess("Process_TestVerweise")
        .name("Test: Verweise").camundaHistoryTimeToLive(1)
        .startEvent("Event_TestStart").name("Start")
        .businessRuleTask("Task_TestEntscheiden").name("Entscheiden").camundaDecisionRef("Decision_GibtEsNicht")
        .callActivity("Task_TestAufrufen").name("Aufrufen").calledElement("Process_GibtEsNicht")
        .callActivity("Task_TestAufrufenDynamisch").name("Aufrufen nach Variable").calledElement("${welcher}")
        .callActivity("Task_TestAufrufenVorhanden").name("Vorhandenen aufrufen").calledElement("Process_Seiteneinstieg")
        .endEvent("Event_TestEnde").name("Ende").done();
    Deployment d = engine.getRepositoryService().createDeployment().name("test-verweise")
        .addModelInstance("testmodelle/verweise.bpmn", modell).deploy();
    try {
      assertThat(modellverweise.fehlend()).extracting(Modellverweise.Fehlend::text).containsExactlyInAnyOrder(
          "Process_TestVerweise:1 / Task_TestEntscheiden: Entscheidungstabelle 'Decision_GibtEsNicht' (latest) ist nicht bereitgestellt",
          "Process_TestVerweise:1 / Task_TestAufrufen: Aufgerufener Prozess 'Process_GibtEsNicht' (latest) ist nicht bereitgestellt");
    } finally {
      engine.getRepositoryService().deleteDeployment(d.getId(), true);
    }
    assertThat(modellverweise.fehlend()).isEmpty();
  }

  private HttpResponse<String> absenden(String taskId, String body) throws Exception {
    String token = Base64.getEncoder().encodeToString("pschneider:Sauerland-2026".getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/submit-form"))
        .header("Content-Type", "application/json").header("Authorization", "Basic " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
