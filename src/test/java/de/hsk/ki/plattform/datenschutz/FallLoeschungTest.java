package de.hsk.ki.plattform.datenschutz;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.Testpostfach;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Erasure on request: afterwards no table of the database holds the child's name. */
@KiSpringTest
class FallLoeschungTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  HttpResponse<String> loesche(String aktenzeichen, String benutzer, String passwort) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ki/betrieb/faelle/" + aktenzeichen)).DELETE();
    if (benutzer != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((benutzer + ":" + passwort).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  List<String> fundstellen(String marker) {
    return de.hsk.ki.testkit.Datenbanksuche.fundstellen(jdbc, marker);
  }

  @Test
  void nachDerLoeschungStehtDerNameInKeinerTabelle() throws Exception {
    String marker = "Loeschprobe" + System.nanoTime();
    Map<String, Object> meldung = new java.util.HashMap<>(Seiteneinstiegsfall.meldung("ARNSBERG", 8));
    meldung.put("nachname", marker);
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung);
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().createComment(einladung.getId(), fall.getId(), "Telefonat mit Familie " + marker);
    // an operator renames the task and attaches a file, both naming the child (issue 18, point 4)
    engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
    try {
      Task umbenannt = engine.getTaskService().createTaskQuery().taskId(einladung.getId()).singleResult();
      umbenannt.setName("Einladung Familie " + marker);
      engine.getTaskService().saveTask(umbenannt);
      engine.getTaskService().createAttachment("text/plain", einladung.getId(), fall.getId(), "Zeugnis " + marker + ".txt",
          "Zeugnis von " + marker, new java.io.ByteArrayInputStream(("Inhalt " + marker).getBytes(StandardCharsets.UTF_8)));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    engine.getTaskService().setAssignee(einladung.getId(), "pschneider");
    engine.getTaskService().complete(einladung.getId(), Seiteneinstiegsfall.einladung());
    Task beratung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(beratung.getId(), Seiteneinstiegsfall.erstberatung("GRUNDSCHULE", true));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(fall.getId()).activityId("Task_GesundheitsamtBenachrichtigen").singleResult().getId());
    jdbc.update("INSERT INTO ki_einwilligung (aktenzeichen, partner, erteilt, person_rolle, person_name, zweck, datum, erfasst_am)"
        + " VALUES (?, 'JOBCENTER', TRUE, 'SORGEBERECHTIGTE', ?, 'Test', ?, CURRENT_TIMESTAMP)", fall.getBusinessKey(), "Mutter " + marker,
        java.sql.Date.valueOf(LocalDate.now()));
    assertThat(fundstellen(marker)).as("the scan finds the name before the erasure").isNotEmpty();
    assertThat(fundstellen(marker)).as("the operation log holds the renamed task")
        .anySatisfy(f -> assertThat(f).containsIgnoringCase("op_log"));
    List<String> ressourcen = new ArrayList<>();
    ressourcen.add(fall.getId());
    engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(fall.getId()).list()
        .forEach(t -> ressourcen.add(t.getId()));
    String platzhalter = String.join(",", java.util.Collections.nCopies(ressourcen.size(), "?"));
    String rechte = "SELECT count(*) FROM act_ru_authorization WHERE resource_id_ IN (" + platzhalter + ")";
    assertThat(jdbc.queryForObject(rechte, Integer.class, ressourcen.toArray())).as("grants on the case's tasks").isPositive();

    assertThat(loesche(fall.getBusinessKey(), null, null).statusCode()).isEqualTo(401);
    assertThat(loesche(fall.getBusinessKey(), "mhoffmann", "Sauerland-2026").statusCode()).isEqualTo(403);
    HttpResponse<String> antwort = loesche(fall.getBusinessKey(), "admin", "Pruefstand-7-Test");
    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(200);
    assertThat(antwort.body()).contains("vollständig gelöscht");

    assertThat(fundstellen(marker)).isEmpty();
    assertThat(jdbc.queryForObject(rechte, Integer.class, ressourcen.toArray())).as("grants on the erased tasks").isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_hi_op_log WHERE proc_inst_id_ = ? OR task_id_ IN (" + platzhalter + ")",
        Integer.class, java.util.stream.Stream.concat(java.util.stream.Stream.of(fall.getId()), ressourcen.stream()).toArray()))
        .as("operation log of the case").isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ki_mailausgang WHERE aktenzeichen = ?", Integer.class, fall.getBusinessKey())).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(fall.getBusinessKey()).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ki_loeschprotokoll WHERE aktenzeichen = ? AND geloescht_von = 'admin'",
        Integer.class, fall.getBusinessKey())).isEqualTo(1);
    assertThat(loesche(fall.getBusinessKey(), "admin", "Pruefstand-7-Test").statusCode()).isEqualTo(404);
  }
}
