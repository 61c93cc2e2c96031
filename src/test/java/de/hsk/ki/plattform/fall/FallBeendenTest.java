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
    assertThatThrownBy(() -> beende("tbecker", "kiLehrkraefte", werte)).hasMessageContaining("nur beenden, wer gerade eine Aufgabe");
    assertThatThrownBy(() -> beende("pschneider", "kiVerwaltung", Map.of("zuBeendenderFall", "SE-2026-9999", "beendigungsgrund", "WEGZUG")))
        .hasMessageContaining("kein offener Fall SE-2026-9999");
    assertThatThrownBy(() -> beende("pschneider", "kiVerwaltung", Map.of("zuBeendenderFall", fall.getBusinessKey(),
        "beendigungsgrund", "SONSTIGES"))).hasMessageContaining("Notiz");
    assertThatThrownBy(() -> beende("pschneider", "kiVerwaltung", Map.of("zuBeendenderFall", "Meier", "beendigungsgrund", "WEGZUG")))
        .hasMessageContaining("SE-2026-0001");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_EinladungVersenden");

    // the administration works its invitation: it may end the case
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
    Map<String, Object> v = new HashMap<>(Map.of("meldendeStelle", "SCHULE", "vorname", "Yusuf", "nachname", "Beendetest",
        "geburtsdatum", LocalDate.now().minusYears(19).toString(), "kommune", "OLSBERG", "schulbesuchsjahre", 12,
        "aktuelleKlasse", "KEINE", "abschluss", "KEINER", "aufenthaltsstatus", "EU", "deutschniveau", "B1"));
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", v);
    beende("mhoffmann", "kiLeitung", Map.of("zuBeendenderFall", fall.getBusinessKey(), "beendigungsgrund", "WEGZUG",
        "beendigungsnotiz", "nach Kassel verzogen"));
    BpmnAwareTests.assertThat(fall).isEnded().hasPassed("Event_FallVorzeitigBeendetUebergang");
  }
}
