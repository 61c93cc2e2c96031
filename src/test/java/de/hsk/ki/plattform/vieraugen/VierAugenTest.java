package de.hsk.ki.plattform.vieraugen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.formular.EingabeAbgelehnt;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The four-eyes building block, called from a test model as the funding process will call it. */
@KiSpringTest
class VierAugenTest {

  @Autowired ProcessEngine engine;
  final String aktenzeichen = "VA-TEST-" + System.nanoTime();

  @BeforeEach
  void bereitstellen() {
    engine.getRepositoryService().createDeployment().name("test-vieraugen")
        .addClasspathResource("testmodelle/vieraugen-test.bpmn").enableDuplicateFiltering(true).deploy();
  }

  /** The second person of the funding group (the rule on who may hold a task wants a member). */
  @BeforeEach
  void zweitePersonDerFoerderung() {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("kwagner").count() == 0) {
      var u = identity.newUser("kwagner");
      u.setFirstName("Klaus");
      u.setLastName("Wagner");
      u.setPassword(de.hsk.ki.testkit.Rest.DEMO_PASSWORT);
      identity.saveUser(u);
      identity.createMembership("kwagner", KiGruppen.FOERDERUNG);
    }
  }

  @AfterEach
  void abmelden() {
    engine.getIdentityService().clearAuthentication();
  }

  void als(String benutzer) {
    engine.getIdentityService().setAuthentication(benutzer, List.of(KiGruppen.FOERDERUNG));
  }

  Task aufgabe(String schluessel) {
    engine.getIdentityService().clearAuthentication();
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(aktenzeichen).taskDefinitionKey(schluessel)
        .singleResult();
  }

  ProcessInstance vorgeschlagenVon(String benutzer) {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_TestVierAugen", aktenzeichen);
    Task vorschlag = aufgabe("Task_Vorschlagen");
    engine.getTaskService().claim(vorschlag.getId(), benutzer);
    als(benutzer);
    engine.getTaskService().complete(vorschlag.getId());
    engine.getIdentityService().clearAuthentication();
    return fall;
  }

  @Test
  void werVorgeschlagenHatKannDieFreigabeWederUebernehmenNochAbschliessen() {
    // given
    vorgeschlagenVon("fyilmaz");
    Task freigabe = aufgabe("Task_FreigabeEntscheiden");
    assertThat(engine.getTaskService().getIdentityLinksForTask(freigabe.getId()))
        .extracting(l -> l.getGroupId()).containsExactly(KiGruppen.FOERDERUNG);
    // when / then: not at claim
    assertThatThrownBy(() -> engine.getTaskService().claim(freigabe.getId(), "fyilmaz"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Vier-Augen-Prinzip");
    // nor at the form
    als("fyilmaz");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(freigabe.getId(), Map.of("freigabe", "FREIGEGEBEN")))
        .isInstanceOf(EingabeAbgelehnt.class)
        .hasMessageContaining("wer vorgeschlagen hat, entscheidet nicht selbst");
    assertThat(aufgabe("Task_FreigabeEntscheiden")).isNotNull();
  }

  @Test
  void eineAnderePersonGibtFreiUndDerFallVerzweigtDanach() {
    // given
    ProcessInstance fall = vorgeschlagenVon("fyilmaz");
    Task freigabe = aufgabe("Task_FreigabeEntscheiden");
    // when
    engine.getTaskService().claim(freigabe.getId(), "kwagner");
    als("kwagner");
    engine.getFormService().submitTaskForm(freigabe.getId(), Map.of("freigabe", "FREIGEGEBEN"));
    engine.getIdentityService().clearAuthentication();
    // then
    var historie = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(fall.getId()).singleResult();
    assertThat(historie.getEndActivityId()).isEqualTo("Event_Freigegeben");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(fall.getId())
        .variableName("entschiedenVon").singleResult().getValue()).isEqualTo("kwagner");
  }

  @Test
  void eineAblehnungBrauchtEineBegruendung() {
    // given
    ProcessInstance fall = vorgeschlagenVon("fyilmaz");
    Task freigabe = aufgabe("Task_FreigabeEntscheiden");
    engine.getTaskService().claim(freigabe.getId(), "kwagner");
    als("kwagner");
    // when / then
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(freigabe.getId(), Map.of("freigabe", "ABGELEHNT")))
        .isInstanceOf(EingabeAbgelehnt.class).hasMessageContaining("Begründung (bei Ablehnung Pflicht): Pflichtfeld");
    engine.getFormService().submitTaskForm(freigabe.getId(),
        Map.of("freigabe", "ABGELEHNT", "begruendung", "Mittel reichen nicht für alle Anträge."));
    engine.getIdentityService().clearAuthentication();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(fall.getId()).singleResult()
        .getEndActivityId()).isEqualTo("Event_Abgelehnt");
  }
}
