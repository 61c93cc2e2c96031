package de.hsk.ki.betrieb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health, metrics and the engine settings operations rely on. */
@KiSpringTest
@AutoConfigureObservability(tracing = false) // Spring Boot tests switch metric export off otherwise
class BetriebTest {

  @LocalManagementPort int managementPort;
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  HttpResponse<String> get(int p, String pfad) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + p + pfad)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void gesundheitUndKennzahlenNurAufDemBetriebsport() throws Exception {
    engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", Seiteneinstiegsfall.meldung("ARNSBERG", 7));
    HttpResponse<String> bereit = get(managementPort, "/actuator/health/readiness");
    assertThat(bereit.statusCode()).as(bereit.body()).isEqualTo(200);
    assertThat(bereit.body()).contains("\"db\"").contains("\"processEngine\"");
    HttpResponse<String> metriken = get(managementPort, "/actuator/prometheus");
    assertThat(metriken.body()).contains("ki_aufgaben_offen").contains("ki_jobs_fehlgeschlagen").contains("ki_vorfaelle_offen")
        .contains("ki_jobs_faellig").contains("ki_mailausgang_offen").contains("ki_mailausgang_vermerk_ausstehend");
    HttpResponse<String> gesamt = get(managementPort, "/actuator/health");
    // mail server and job executor are part of the overall health, not of readiness (a mail outage
    // must not take the staff's Tasklist out of the load balancer)
    assertThat(gesamt.body()).contains("\"mail\"").contains("\"jobs\"").contains("\"faelligeJobs\"");
    assertThat(bereit.body()).doesNotContain("\"mail\"");
    assertThat(metriken.body()).containsPattern("ki_aufgaben_offen(\\{[^}]*\\})? [1-9]");
    assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
  }

  @Test
  void unbehandelterBpmnFehlerBrichtAbStattDenPfadStillZuBeenden() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", Seiteneinstiegsfall.meldung("ARNSBERG", 7));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    assertThatThrownBy(() -> engine.getTaskService().handleBpmnError(task.getId(), "NICHT_MODELLIERT"))
        .hasMessageContaining("NICHT_MODELLIERT");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(fall.getId()).count()).isEqualTo(1);
  }

  @Test
  void anweisungenHabenEineZeitgrenze() {
    ProcessEngineConfigurationImpl konfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(konfiguration.getJdbcStatementTimeout()).isEqualTo(30);
    assertThat(konfiguration.isEnableExceptionsAfterUnhandledBpmnError()).isTrue();
  }
}
