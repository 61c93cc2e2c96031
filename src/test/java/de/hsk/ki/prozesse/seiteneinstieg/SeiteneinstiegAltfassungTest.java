package de.hsk.ki.prozesse.seiteneinstieg;

import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Fristablauf;
import de.hsk.ki.testkit.Testpostfach;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case started on the model version before the supervision's decisions (1.0.0, kept as a test
 * resource) finishes on that version, with the newest forms, decision table and code: its
 * assignment task offers only the assignment, which that version can continue with.
 */
@KiSpringTest
class SeiteneinstiegAltfassungTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired AeltereKlaerungen aeltereKlaerungen;

  private Deployment alt;
  private Deployment wieder;

  @BeforeEach
  void stelleAlteFassungBereit() throws Exception {
    BpmnAwareTests.init(engine);
    var repo = engine.getRepositoryService();
    try (InputStream modell = getClass().getResourceAsStream("/altmodelle/seiteneinstieg-1.0.0.bpmn")) {
      alt = repo.createDeployment().name("test-seiteneinstieg-1.0.0").addInputStream("seiteneinstieg.bpmn", modell).deploy();
    }
    // the current model stays the newest, as after an update
    try (InputStream modell = getClass().getResourceAsStream("/processes/seiteneinstieg/seiteneinstieg.bpmn")) {
      wieder = repo.createDeployment().name("test-seiteneinstieg-aktuell").addInputStream("seiteneinstieg.bpmn", modell).deploy();
    }
  }

  @AfterEach
  void entferne() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
    engine.getRepositoryService().deleteDeployment(wieder.getId(), true);
    engine.getRepositoryService().deleteDeployment(alt.getId(), true);
  }

  @Test
  void einAelterFallBietetWederDieAnfrageAnDenPoolNochNichtErschienen() {
    ProcessDefinition alteFassung = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(alt.getId()).singleResult();
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceById(alteFassung.getId(), meldung("ARNSBERG", 12));
    // the newest invitation form, but no pool request in this version: refused instead of silently not sent
    java.util.Map<String, Object> pool = new java.util.HashMap<>(einladung());
    pool.put("sprachmittlungUeber", "POOL");
    String einladen = task("Task_EinladungVersenden", fall).getId();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> de.hsk.ki.testkit.AlsPerson.erledige(engine, "pschneider", "kiVerwaltung",
        einladen, pool)).hasMessageContaining("in diesem älteren Fall fragt die Anwendung den Pool nicht an");
    de.hsk.ki.testkit.AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", einladen, einladung());
    java.util.Map<String, Object> nichtErschienen = java.util.Map.of("erstberatungErgebnis", "NICHT_ERSCHIENEN",
        "nichtErschienenNotiz", "nicht gekommen");
    String beraten = task("Task_ErstberatungDurchfuehren", fall).getId();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> de.hsk.ki.testkit.AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte",
        beraten, nichtErschienen)).hasMessageContaining("„nicht erschienen“ gibt es in diesem älteren Fall nicht");
  }

  @Test
  void einFallDerAltenFassungEndetAufIhrMitDerZuweisung() throws Exception {
    ProcessDefinition alteFassung = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(alt.getId()).singleResult();
    assertThat(alteFassung.getVersionTag()).isEqualTo("1.0.0");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(Seiteneinstieg.SCHLUESSEL)
        .latestVersion().singleResult().getVersionTag()).isEqualTo("1.4.0");

    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceById(alteFassung.getId(), meldung("ARNSBERG", 12));
    complete(task("Task_EinladungVersenden", fall), einladung());
    complete(task("Task_ErstberatungDurchfuehren", fall), erstberatung("HAUPTSCHULE", false));

    // the newest decision table routes the old case without the new variable
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungSchulamt");
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "schulaufsicht")).isEqualTo("SCHULAMT");
    Task zuweisung = task("Task_ZuweisungSchulamt", fall);
    @SuppressWarnings("unchecked")
    List<Map<String, String>> ergebnisse = (List<Map<String, String>>) engine.getTaskService()
        .getVariableLocal(zuweisung.getId(), "ergebnisOptionen");
    assertThat(ergebnisse).extracting(o -> o.get("value")).containsExactly("ZUGEWIESEN");

    engine.getIdentityService().setAuthentication("jklein", List.of("schulamt"));
    Map<String, Object> warteliste = new HashMap<>(Map.of("zuweisungsergebnis", "WARTELISTE",
        "wartelisteBis", java.time.LocalDate.now().plusDays(20).toString()));
    assertThatThrownBy(() -> engine.getTaskService().complete(zuweisung.getId(), warteliste)).hasMessageContaining("Entscheidung");
    engine.getTaskService().complete(zuweisung.getId(), zuweisung("SCHULE-HA-ARNSBERG-1"));
    engine.getIdentityService().clearAuthentication();

    Fristablauf.fuehreAus(engine, fall.getId(), "Task_SchuleInformieren");
    assertThat(greenMail.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
        .containsExactly("hauptschule.arnsberg@example.org");
    complete(task("Task_AufnahmeErfassen", fall), aufnahme(true));
    complete(task("Task_ZuweisungsschreibenVersenden", fall), zuweisungsschreiben());
    BpmnAwareTests.assertThat(fall).isEnded();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(fall.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(alteFassung.getId());
  }

  @Test
  void eineOffeneKlaerungDerAltenFassungWirdMigriertUndHandeltNachIhremErgebnis() throws Exception {
    ProcessDefinition alteFassung = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(alt.getId()).singleResult();
    ProcessDefinition neueste = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(wieder.getId()).singleResult();
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceById(alteFassung.getId(), meldung("SUNDERN", 4));
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZustaendigkeitKlaeren");
    Task vorher = task("Task_ZustaendigkeitKlaeren", fall);
    assertThat(engine.getTaskService().getVariableLocal(vorher.getId(), "klaerungMitFolgen")).isNull();
    java.util.Date faelligVorher = engine.getManagementService().createJobQuery().processInstanceId(fall.getId())
        .activityId("Event_HoechstdauerSeiteneinstiegErreicht").singleResult().getDuedate();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() + 30L * 86_400_000));

    assertThat(aeltereKlaerungen.migrieren()).isPositive();

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(fall.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(neueste.getId());
    Task nachher = task("Task_ZustaendigkeitKlaeren", fall);
    assertThat(nachher.getId()).isEqualTo(vorher.getId());
    assertThat(engine.getTaskService().getVariableLocal(nachher.getId(), "klaerungMitFolgen")).isEqualTo(true);
    // the maximum-duration timer came along with its due date, although the migration ran a month later
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(fall.getId())
        .activityId("Event_HoechstdauerSeiteneinstiegErreicht").singleResult().getDuedate()).isEqualTo(faelligVorher);

    engine.getIdentityService().setAuthentication("mhoffmann", List.of("kiLeitung"));
    engine.getTaskService().complete(nachher.getId(), Map.of("klaerungsergebnis", "KITA", "klaerungsnotiz", "Kita"));
    engine.getIdentityService().clearAuthentication();
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_JugendamtInformieren");
    assertThat(greenMail.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
        .containsExactly("jugendamt.sundern@example.org");
    BpmnAwareTests.assertThat(fall).isEnded();
  }

  @Test
  void eineKlaerungDerFassungOhneSchulpflichtTabelleWirdMigriertUndEinKorrigiertesDatumDurchlaeuftDieTabelle() throws Exception {
    var repo = engine.getRepositoryService();
    Deployment mittlere;
    try (InputStream modell = getClass().getResourceAsStream("/altmodelle/seiteneinstieg-1.1.0.bpmn")) {
      mittlere = repo.createDeployment().name("test-seiteneinstieg-1.1.0").addInputStream("seiteneinstieg.bpmn", modell).deploy();
    }
    Deployment neueste;
    try (InputStream modell = getClass().getResourceAsStream("/processes/seiteneinstieg/seiteneinstieg.bpmn")) {
      neueste = repo.createDeployment().name("test-seiteneinstieg-aktuell-2").addInputStream("seiteneinstieg.bpmn", modell).deploy();
    }
    try {
      ProcessDefinition fassung = repo.createProcessDefinitionQuery().deploymentId(mittlere.getId()).singleResult();
      assertThat(fassung.getVersionTag()).isEqualTo("1.1.0");
      // on 1.1.0 the routing table runs without the stage: it falls back to the age (4 → clarification)
      ProcessInstance fall = engine.getRuntimeService().startProcessInstanceById(fassung.getId(), meldung("ARNSBERG", 4));
      BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZustaendigkeitKlaeren");
      assertThat(engine.getRuntimeService().getVariable(fall.getId(), "schulpflicht")).isNull();

      assertThat(aeltereKlaerungen.migrieren()).isPositive();
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(fall.getId()).singleResult()
          .getProcessDefinitionId()).isEqualTo(repo.createProcessDefinitionQuery().deploymentId(neueste.getId()).singleResult().getId());

      engine.getIdentityService().setAuthentication("mhoffmann", List.of("kiLeitung"));
      engine.getTaskService().complete(task("Task_ZustaendigkeitKlaeren", fall).getId(), Map.of("klaerungsergebnis", "ALTER_KORRIGIERT",
          "klaerungsnotiz", "Jahr falsch", "geburtsdatumKorrigiert", java.time.LocalDate.now().minusYears(12).toString()));
      engine.getIdentityService().clearAuthentication();
      BpmnAwareTests.assertThat(fall).hasPassed("Task_SchulpflichtErmitteln").isWaitingAt("Task_EinladungVersenden");
      assertThat(((Map<?, ?>) engine.getRuntimeService().getVariable(fall.getId(), "schulpflicht")).get("stufe")).isEqualTo("SEK_I");
    } finally {
      repo.deleteDeployment(neueste.getId(), true);
      repo.deleteDeployment(mittlere.getId(), true);
    }
  }
}
