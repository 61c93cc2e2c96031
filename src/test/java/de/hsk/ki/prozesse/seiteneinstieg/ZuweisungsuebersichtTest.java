package de.hsk.ki.prozesse.seiteneinstieg;

import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Fristablauf;
import de.hsk.ki.testkit.Testpostfach;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One daily overview per school supervision instead of a reminder per case (review finding S9):
 * what it lists, whom it reaches, and that a second run on the same day sends nothing.
 */
@KiSpringTest
class ZuweisungsuebersichtTest {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    // each test sends "today's" overviews afresh: the register would otherwise skip them as sent
    jdbc.update("DELETE FROM ki_mailausgang WHERE aktenzeichen LIKE 'SE-UEBERSICHT-%'");
  }

  @AfterEach
  void uhr() {
    ClockUtil.reset();
  }

  private ProcessInstance bisZurZuweisung(String schulform) {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 12));
    complete(task("Task_EinladungVersenden", fall), einladung());
    complete(task("Task_ErstberatungDurchfuehren", fall), erstberatung(schulform, false));
    return fall;
  }

  private void uebersichtSenden() {
    Job job = engine.getManagementService().createJobQuery().processDefinitionKey("Process_SeiteneinstiegUebersicht").timers()
        .singleResult();
    engine.getManagementService().executeJob(job.getId());
    for (Job senden : engine.getManagementService().createJobQuery().processDefinitionKey("Process_SeiteneinstiegUebersicht")
        .activityId("Task_UebersichtVersenden").list()) {
      engine.getManagementService().executeJob(senden.getId());
    }
  }

  private List<MimeMessage> an(String adresse) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(adresse);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Test
  void jedeSchulaufsichtBekommtEineUebersichtIhrerUeberfaelligenFaelle() throws Exception {
    LocalDate vorDreiWochen = LocalDate.now().minusDays(21);
    ClockUtil.setCurrentTime(Date.from(vorDreiWochen.atTime(10, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant()));
    ProcessInstance schulamtAlt = bisZurZuweisung("HAUPTSCHULE");
    ProcessInstance bezregAlt = bisZurZuweisung("GYMNASIUM");
    Fristablauf.fuehreAus(engine, bezregAlt.getId(), "Task_ZuweisungAnfragen");
    ClockUtil.reset();
    ProcessInstance schulamtNeu = bisZurZuweisung("HAUPTSCHULE");
    int vorher = greenMail.getReceivedMessages().length;

    uebersichtSenden();

    List<MimeMessage> schulamt = an("schulamt@example.org");
    assertThat(schulamt).hasSize(1);
    String text = schulamt.get(0).getContent().toString();
    assertThat(schulamt.get(0).getSubject()).isEqualTo("[SE-UEBERSICHT-" + LocalDate.now() + "] Übersicht: Schulplätze noch nicht zugewiesen");
    assertThat(text).contains("- " + schulamtAlt.getBusinessKey() + ": Hauptschule, Wohnort Arnsberg, angefragt am "
            + vorDreiWochen.format(DATUM) + " (21 Tage)")
        .doesNotContain(schulamtNeu.getBusinessKey()).doesNotContain(bezregAlt.getBusinessKey())
        .contains("/camunda/app/tasklist/default/")
        .doesNotContain(MARKER_NAME).doesNotContain("Amina");
    List<MimeMessage> bezreg = an("bezirksregierung@example.org").stream().filter(m -> {
      try {
        return m.getSubject().contains("Übersicht");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(bezreg).hasSize(1);
    assertThat(bezreg.get(0).getContent().toString()).contains("- " + bezregAlt.getBusinessKey() + ": Gymnasium")
        .contains("Antwort auf diese E-Mail").doesNotContain("tasklist").doesNotContain(schulamtAlt.getBusinessKey());

    // the same day again: nothing new
    int nachher = greenMail.getReceivedMessages().length;
    assertThat(nachher - vorher).isEqualTo(2);
    uebersichtSenden();
    assertThat(greenMail.getReceivedMessages()).hasSize(nachher);
  }

  @Test
  void eineFehlendeStelleHaeltDieUebersichtDerAnderenNichtAuf() throws Exception {
    ClockUtil.setCurrentTime(Date.from(LocalDate.now().minusDays(20).atTime(10, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant()));
    ProcessInstance ohneStelle = bisZurZuweisung("HAUPTSCHULE");
    ProcessInstance schulamtFall = bisZurZuweisung("HAUPTSCHULE");
    ClockUtil.reset();
    // a supervision key the directory does not know (sorted before SCHULAMT)
    engine.getRuntimeService().setVariable(ohneStelle.getId(), "schulaufsicht", "AAA_GIBT_ES_NICHT");

    Job job = engine.getManagementService().createJobQuery().processDefinitionKey("Process_SeiteneinstiegUebersicht").timers()
        .singleResult();
    engine.getManagementService().executeJob(job.getId());
    Job senden = engine.getManagementService().createJobQuery().processDefinitionKey("Process_SeiteneinstiegUebersicht")
        .activityId("Task_UebersichtVersenden").singleResult();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getManagementService().executeJob(senden.getId()))
        .hasMessageContaining("AAA_GIBT_ES_NICHT");
    assertThat(an("schulamt@example.org")).hasSize(1);
    assertThat(an("schulamt@example.org").get(0).getContent().toString()).contains(schulamtFall.getBusinessKey())
        .doesNotContain(ohneStelle.getBusinessKey());
    // the case stays with its process; the failed job is left to the operators (retries, then an incident)
    engine.getRuntimeService().deleteProcessInstance(ohneStelle.getId(), "Test");
    engine.getRuntimeService().deleteProcessInstance(senden.getProcessInstanceId(), "Test");
  }
}
