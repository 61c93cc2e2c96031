package de.hsk.ki.plattform.datenschutz;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Data ages out: maximum case duration, history cleanup, access log and user operation log. */
@KiSpringTest
class AufbewahrungTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired Zugriffsprotokoll zugriffsprotokoll;
  @Autowired Einwilligungsbereinigung einwilligungsbereinigung;

  @Test
  void offeneFaelleWerdenNachDerHoechstdauerGeschlossen() {
    ProcessInstance se = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", Seiteneinstiegsfall.meldung("ARNSBERG", 8));
    Job seTimer = engine.getManagementService().createJobQuery().processInstanceId(se.getId())
        .activityId("Event_HoechstdauerSeiteneinstiegErreicht").singleResult();
    assertThat(seTimer.getDuedate()).isAfter(Date.from(Instant.now().plus(364, ChronoUnit.DAYS)));
    engine.getManagementService().executeJob(seTimer.getId());
    BpmnAwareTests.assertThat(se).isEnded().hasPassed("Event_SeiteneinstiegWegenZeitablaufGeschlossen");

    Map<String, Object> meldung = new java.util.HashMap<>(Map.of("meldendeStelle", "SCHULE", "vorname", "A", "nachname", "B",
        "geburtsdatum", "2008-01-01", "kommune", "BRILON", "schulbesuchsjahre", 10, "aktuelleKlasse", "KEINE",
        "abschluss", "KEINER", "aufenthaltsstatus", "EU", "deutschniveau", "A2"));
    ProcessInstance ub = engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", meldung);
    Job ubTimer = engine.getManagementService().createJobQuery().processInstanceId(ub.getId())
        .activityId("Event_HoechstdauerUebergangErreicht").singleResult();
    assertThat(ubTimer.getDuedate()).isAfter(Date.from(Instant.now().plus(3 * 365 - 2, ChronoUnit.DAYS)));
    engine.getManagementService().executeJob(ubTimer.getId());
    BpmnAwareTests.assertThat(ub).isEnded().hasPassed("Event_UebergangWegenZeitablaufGeschlossen");
  }

  @Test
  void historienbereinigungLoeschtAbgelaufeneFaelle() {
    ProcessEngineConfigurationImpl konfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(konfiguration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(konfiguration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");

    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", Seiteneinstiegsfall.meldung("MESCHEDE", 3));
    Task klaerung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(klaerung.getId(), Map.of("klaerungsergebnis", "SONSTIGES", "klaerungsnotiz", "verzogen"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(fall.getId()).singleResult().getRemovalTime())
        .isAfter(Date.from(Instant.now().plus(1825, ChronoUnit.DAYS)));
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(1830, ChronoUnit.DAYS)));
      // one run removes a batch per kind of history row; the shared test database holds the expired
      // history of every other test's cases too, so run it until this case's rows are gone (or give up)
      for (int lauf = 0; lauf < 50 && engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(fall.getId()).count() + engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(fall.getId()).count() > 0; lauf++) {
        String job = engine.getHistoryService().cleanUpHistoryAsync(true).getId();
        engine.getManagementService().executeJob(job);
      }
    } finally {
      ClockUtil.reset();
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(fall.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(fall.getId()).count()).isZero();
  }

  @Test
  void einwilligungenVerschwindenMitDerHistorieIhresFalls() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", Seiteneinstiegsfall.meldung("ARNSBERG", 8));
    String einfuegen = "INSERT INTO ki_einwilligung (aktenzeichen, partner, erteilt, person_rolle, person_name, zweck, datum, erfasst_am)"
        + " VALUES (?, 'JOBCENTER', TRUE, 'JUGENDLICHE', 'X', 'Y', CURRENT_DATE, CURRENT_TIMESTAMP)";
    jdbc.update(einfuegen, fall.getBusinessKey());
    jdbc.update(einfuegen, "UB-1999-0001");

    assertThat(einwilligungsbereinigung.bereinigen()).isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ki_einwilligung WHERE aktenzeichen = 'UB-1999-0001'", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ki_einwilligung WHERE aktenzeichen = ?", Integer.class, fall.getBusinessKey())).isEqualTo(1);
  }

  @Test
  void lesezugriffeWerdenProtokolliertUndNachAblaufGeloescht() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", Seiteneinstiegsfall.meldung("SUNDERN", 9));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    String token = Base64.getEncoder().encodeToString("pschneider:Sauerland-2026".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> lesen = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/task/" + task.getId() + "/form-variables"))
        .header("Authorization", "Basic " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(lesen.statusCode()).isEqualTo(200);
    assertThat(lesen.body()).contains(Seiteneinstiegsfall.MARKER_NAME);
    List<Map<String, Object>> eintraege = jdbc.queryForList(
        "SELECT benutzer, ressource FROM ki_zugriffsprotokoll WHERE aktenzeichen = ?", fall.getBusinessKey());
    assertThat(eintraege).hasSize(1);
    assertThat(eintraege.get(0)).containsEntry("BENUTZER", "pschneider");

    HttpResponse<String> abschluss = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/task/" + task.getId() + "/complete"))
        .header("Authorization", "Basic " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(de.hsk.ki.web.RestSchnittstelleTest.variablen(Seiteneinstiegsfall.einladung()).toString()))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(abschluss.statusCode()).as(abschluss.body()).isEqualTo(204);
    assertThat(engine.getHistoryService().createUserOperationLogQuery().userId("pschneider").taskId(task.getId())
        .operationType("Complete").count()).as("user operation log").isEqualTo(1);

    jdbc.update("INSERT INTO ki_zugriffsprotokoll (benutzer, aktenzeichen, ressource, zeitpunkt) VALUES ('alt', 'SE-2020-0001', 'x', ?)",
        Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS)));
    assertThat(zugriffsprotokoll.bereinigen()).isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ki_zugriffsprotokoll WHERE benutzer = 'alt'", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ki_zugriffsprotokoll WHERE aktenzeichen = ?", Integer.class, fall.getBusinessKey())).isEqualTo(1);
  }
}
