package de.hsk.ki.plattform.fall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.Fristablauf;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Review S5: a case ends at any time with a reason – only by who works it, or the management. */
@KiSpringTest
class FallBeendenTest {

  @Autowired ProcessEngine engine;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  /** Starts "Fall vorzeitig beenden" as a person, as Tasklist does, and runs its job. */
  private void beende(String benutzer, String gruppe, Map<String, Object> werte) {
    engine.getIdentityService().setAuthentication(benutzer, List.of(gruppe));
    ProcessInstance vorgang;
    try {
      vorgang = engine.getRuntimeService().startProcessInstanceByKey(FallBeenden.SCHLUESSEL, werte);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Fristablauf.fuehreAus(engine, vorgang.getId(), "Task_FallBeenden");
    BpmnAwareTests.assertThat(vorgang).isEnded();
  }

  @Test
  void werDieAufgabeBearbeitetBeendetDenFallMitGrund() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    Map<String, Object> werte = new HashMap<>(Map.of("zuBeendenderFall", fall.getBusinessKey(), "beendigungsgrund", "AUSREISE",
        "beendigungsnotiz", "Laut Einwohnermeldeamt abgemeldet"));

    // the teachers have no task in this case yet: refused, nothing happens
    assertThatThrownBy(() -> beende("tbecker", "kiLehrkraefte", werte)).hasMessageContaining("den Sie beenden können");
    // the administration's invitation is open, but not claimed by her: not yet hers
    assertThatThrownBy(() -> beende("pschneider", "kiVerwaltung", werte)).hasMessageContaining("den Sie beenden können");
    // the same answer for a case number that does not exist: the form tells nobody which cases exist
    assertThatThrownBy(() -> beende("pschneider", "kiVerwaltung", Map.of("zuBeendenderFall", "SE-2026-9999", "beendigungsgrund", "WEGZUG")))
        .hasMessageContaining("kein offener Fall SE-2026-9999, den Sie beenden können");
    assertThatThrownBy(() -> beende("pschneider", "kiVerwaltung", Map.of("zuBeendenderFall", fall.getBusinessKey(),
        "beendigungsgrund", "SONSTIGES"))).hasMessageContaining("Notiz");
    assertThatThrownBy(() -> beende("pschneider", "kiVerwaltung", Map.of("zuBeendenderFall", "Meier", "beendigungsgrund", "WEGZUG")))
        .hasMessageContaining("SE-2026-0001");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_EinladungVersenden");

    // she claims the invitation: now she works the case and may end it
    engine.getTaskService().claim(engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult().getId(), "pschneider");
    beende("pschneider", "kiVerwaltung", werte);
    BpmnAwareTests.assertThat(fall).isEnded().hasPassed("Event_FallVorzeitigBeendetSeiteneinstieg");
    Map<String, Object> historie = new HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(fall.getId()).list()
        .forEach(v -> historie.put(v.getName(), v.getValue()));
    assertThat(historie).containsEntry("beendigungsgrund", "AUSREISE").containsEntry("beendetVon", "pschneider")
        .containsEntry("beendigungsnotiz", "Laut Einwohnermeldeamt abgemeldet");
    // all its timers are gone with it
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(fall.getId()).count()).isZero();
  }

  @Test
  void dieLeitungBeendetEinenUebergangsfall() {
    Map<String, Object> v = de.hsk.ki.prozesse.uebergang.Uebergangsfall.meldung("Beendetest", 19, 12, "OLSBERG", "KEINE", "EU", "B1");
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", v);
    beende("mhoffmann", "kiLeitung", Map.of("zuBeendenderFall", fall.getBusinessKey(), "beendigungsgrund", "WEGZUG",
        "beendigungsnotiz", "nach Kassel verzogen"));
    BpmnAwareTests.assertThat(fall).isEnded().hasPassed("Event_FallVorzeitigBeendetUebergang");
  }

  @Test
  void imEinwilligungsbausteinIstDerFallGemeint() {
    // the consent building block runs under the same case number: the check and the end concern the case
    Map<String, Object> v = de.hsk.ki.prozesse.uebergang.Uebergangsfall.meldung("Beendetest", 19, 12, "OLSBERG", "KEINE", "EU", "B1");
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", v);
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult().getId(),
        Map.of("partnerAuswahl", List.of("IHK"), "vermittlungsziel", "Ausbildung"));
    org.camunda.bpm.engine.task.Task einwilligung = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.getBusinessKey())
        .taskDefinitionKey("Task_EinwilligungEinholen").singleResult();
    engine.getTaskService().claim(einwilligung.getId(), "ademir");
    beende("ademir", "kiSozialarbeit", Map.of("zuBeendenderFall", fall.getBusinessKey(), "beendigungsgrund", "DOPPELT",
        "beendigungsnotiz", "läuft als UB-2026-0001"));
    BpmnAwareTests.assertThat(fall).isEnded().hasPassed("Event_FallVorzeitigBeendetUebergang");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(fall.getBusinessKey()).count()).isZero();
  }
}
