package de.hsk.ki.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.KiSpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two staff complete the two branches of a parallel join at the same moment (test model; the
 * production models have no parallel join yet). The loser gets the German 409 and nothing of the
 * case changes; retrying completes the task, and exactly one token passes the join.
 */
@KiSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParalleleZweigeTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void modellBereitstellen() {
    engine.getRepositoryService().createDeployment().name("test-zusammenfuehrung")
        .addClasspathResource("testmodelle/zusammenfuehrung.bpmn").enableDuplicateFiltering(true).deploy();
  }

  HttpResponse<String> abschliessen(String taskId, String benutzer) throws Exception {
    String token = Base64.getEncoder().encodeToString((benutzer + ":Sauerland-2026").getBytes(StandardCharsets.UTF_8));
    HttpRequest anfrage = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/complete"))
        .header("Content-Type", "application/json").header("Authorization", "Basic " + token)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    return http.send(anfrage, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void beideZweigeGleichzeitigEinerWinntDerAndereBekommtEineDeutscheMeldungUndKannWiederholen() throws Exception {
    int konflikte = 0;
    // A race: repeat until the two completions collided at least once (almost always the first round).
    for (int runde = 0; runde < 5 && konflikte == 0; runde++) {
      String fall = engine.getRuntimeService().startProcessInstanceByKey("Process_TestZusammenfuehrung").getId();
      Task a = engine.getTaskService().createTaskQuery().processInstanceId(fall).taskDefinitionKey("Task_A").singleResult();
      Task b = engine.getTaskService().createTaskQuery().processInstanceId(fall).taskDefinitionKey("Task_B").singleResult();
      CyclicBarrier gleichzeitig = new CyclicBarrier(2);
      ExecutorService zwei = Executors.newFixedThreadPool(2);
      List<HttpResponse<String>> antworten = new ArrayList<>();
      try {
        Future<HttpResponse<String>> fa = zwei.submit(() -> { gleichzeitig.await(); return abschliessen(a.getId(), "pschneider"); });
        Future<HttpResponse<String>> fb = zwei.submit(() -> { gleichzeitig.await(); return abschliessen(b.getId(), "tbecker"); });
        antworten.add(fa.get());
        antworten.add(fb.get());
      } finally {
        zwei.shutdownNow();
      }
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> antwort = antworten.get(i);
        assertThat(antwort.statusCode()).as(antwort.body()).isIn(204, 409);
        if (antwort.statusCode() == 409) {
          konflikte++;
          assertThat(JSON.readTree(antwort.body()).get("message").asText())
              .startsWith("Diese Aufgabe wurde gerade von jemand anderem bearbeitet")
              .doesNotContain("Exception");
          // nothing of the losing completion was kept: its task is still open and can be completed again
          Task verlierer = i == 0 ? a : b;
          assertThat(engine.getTaskService().createTaskQuery().taskId(verlierer.getId()).count()).isEqualTo(1);
          HttpResponse<String> nochmal = abschliessen(verlierer.getId(), i == 0 ? "pschneider" : "tbecker");
          assertThat(nochmal.statusCode()).as(nochmal.body()).isEqualTo(204);
        }
      }
      // exactly one token passed the join
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(fall).taskDefinitionKey("Task_Danach").count()).isEqualTo(1);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(fall).count()).isEqualTo(1);
      Task danach = engine.getTaskService().createTaskQuery().processInstanceId(fall).singleResult();
      engine.getTaskService().complete(danach.getId());
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(fall).finished().count()).isEqualTo(1);
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(fall).finished().count()).isEqualTo(3);
    }
    assertThat(konflikte).as("the two completions should have collided at least once").isPositive();
  }
}
