package de.hsk.ki.prozesse.seiteneinstieg;

import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Einwilligungsantwort;
import de.hsk.ki.testkit.Fristablauf;
import de.hsk.ki.testkit.Testpostfach;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A possible special-needs support requirement is no school-form recommendation but a hint to the
 * Schulamt (review finding S6): with the guardians' consent (building block), without details.
 */
@KiSpringTest
class AosfHinweisTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @Autowired ProcessEngine engine;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  private ProcessInstance erstberatungMitHinweis(String kommune) {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung(kommune, 9));
    complete(task("Task_EinladungVersenden", fall), einladung());
    Task erstberatung = task("Task_ErstberatungDurchfuehren", fall);
    // the form shows the hint only on model versions that act on it
    assertThat(engine.getTaskService().getVariableLocal(erstberatung.getId(), "aosfMoeglich")).isEqualTo(true);
    Map<String, Object> werte = new HashMap<>(erstberatung("GRUNDSCHULE", false));
    werte.put("aosfHinweis", true);
    complete(erstberatung, werte);
    return fall;
  }

  private Task einwilligungsaufgabe(ProcessInstance fall) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.getBusinessKey())
        .taskDefinitionKey("Task_EinwilligungEinholen").singleResult();
  }

  @Test
  void mitEinwilligungDerElternGehtNurDerHinweisAnDasSchulamt() throws Exception {
    ProcessInstance fall = erstberatungMitHinweis("ARNSBERG");
    Task einwilligung = einwilligungsaufgabe(fall);
    assertThat(einwilligung).isNotNull();
    // the placement does not wait for the family's answer
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungSchulamt", "Call_AosfEinwilligung");
    assertThat(engine.getTaskService().getVariable(einwilligung.getId(), "offenePartner")).asList().containsExactly("SCHULAMT");
    assertThat(engine.getTaskService().getIdentityLinksForTask(einwilligung.getId())).extracting(l -> l.getGroupId())
        .contains("kiLehrkraefte");
    complete(einwilligung, Einwilligungsantwort.fuerAlle(engine.getTaskService(), einwilligung, true, "SORGEBERECHTIGTE"));

    Fristablauf.fuehreAus(engine, fall.getId(), "Task_AosfAnregen");
    MimeMessage[] mails = greenMail.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("schulamt@example.org");
    assertThat(mails[0].getSubject()).contains("AO-SF").contains(fall.getBusinessKey());
    assertThat(mails[0].getSubject() + mails[0].getContent()).contains(fall.getBusinessKey()).contains("schriftlich")
        .doesNotContain(MARKER_NAME).doesNotContain("Amina");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungSchulamt").hasPassed("Event_AosfHinweisGegeben");
  }

  @Test
  void bleibtDieEinwilligungAusEntfaelltDerHinweis() {
    ProcessInstance fall = erstberatungMitHinweis("ARNSBERG");
    Fristablauf.fuehreAus(engine, fall.getId(), "Event_AosfEinwilligungAusgeblieben");
    assertThat(einwilligungsaufgabe(fall)).isNull();
    BpmnAwareTests.assertThat(fall).hasPassed("Event_AosfOhneAntwort").hasNotPassed("Task_AosfAnregen")
        .isWaitingAt("Task_ZuweisungSchulamt");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void ohneEinwilligungGehtNichtsAnDasSchulamtUndDerFallGehtWeiter() {
    ProcessInstance fall = erstberatungMitHinweis("ARNSBERG");
    Task einwilligung = einwilligungsaufgabe(fall);
    complete(einwilligung, Einwilligungsantwort.fuerAlle(engine.getTaskService(), einwilligung, false, "SORGEBERECHTIGTE"));

    BpmnAwareTests.assertThat(fall).hasPassed("Event_AosfVerweigert").hasNotPassed("Task_AosfAnregen")
        .isWaitingAt("Task_ZuweisungSchulamt");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void hatDasSchulamtSelbstBeratenBrauchtEsKeinenHinweis() {
    // 9 years in Brilon: the Schulamt counsels
    ProcessInstance fall = erstberatungMitHinweis("BRILON");
    assertThat(einwilligungsaufgabe(fall)).isNull();
    BpmnAwareTests.assertThat(fall).hasNotPassed("Call_AosfEinwilligung").isWaitingAt("Task_ZuweisungSchulamt");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void eineFoerderschuleEmpfiehltDieErstberatungNichtDieSchulaufsichtWeistSieZu() throws Exception {
    assertThat(werte("erstberatung", "empfohleneSchulform")).doesNotContain("FOERDERSCHULE").contains("GRUNDSCHULE");
    // once the Schulamt has decided in the AO-SF procedure, it can place the child there
    assertThat(werte("zuweisung", "neueSchulform")).contains("FOERDERSCHULE", "GRUNDSCHULE");
  }

  private static java.util.List<String> werte(String formular, String key) throws Exception {
    var form = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(AosfHinweisTest.class.getResourceAsStream("/forms/seiteneinstieg/" + formular + ".form"));
    java.util.List<String> werte = new java.util.ArrayList<>();
    form.path("components").forEach(c -> {
      if (key.equals(c.path("key").asText())) {
        c.path("values").forEach(v -> werte.add(v.path("value").asText()));
      }
    });
    return werte;
  }
}
