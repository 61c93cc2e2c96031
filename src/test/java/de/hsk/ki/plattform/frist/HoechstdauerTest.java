package de.hsk.ki.plattform.frist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.AlsPerson;
import de.hsk.ki.testkit.Fristablauf;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Review S5: no case closes silently at its maximum duration – the management decides beforehand,
 * in both counselling processes, and its decision moves the closing timer.
 */
@KiSpringTest
class HoechstdauerTest {

  @Autowired ProcessEngine engine;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  private Job timer(ProcessInstance fall, String aktivitaet) {
    return engine.getManagementService().createJobQuery().processInstanceId(fall.getId()).activityId(aktivitaet).timers().singleResult();
  }

  private static LocalDate tag(java.util.Date d) {
    return LocalDate.ofInstant(d.toInstant(), de.hsk.ki.plattform.zeit.Zeit.ZONE);
  }

  private Task entscheidung(ProcessInstance fall, String aufgabe) {
    return engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey(aufgabe).singleResult();
  }

  @Test
  void dieLeitungHaeltEinenSeiteneinstiegsfallLaengerOffen() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    LocalDate schluss = tag(timer(fall, "Event_HoechstdauerSeiteneinstiegErreicht").getDuedate());
    assertThat(schluss).isEqualTo(LocalDate.now().plus(Period.ofYears(1)));
    // the warning comes 14 days before (setting hoechstdauerVorwarnung)
    assertThat(tag(timer(fall, "Event_HoechstdauerNahtSeiteneinstieg").getDuedate())).isEqualTo(schluss.minusDays(14));

    Fristablauf.fuehreAus(engine, fall.getId(), "Event_HoechstdauerNahtSeiteneinstieg");
    Task aufgabe = entscheidung(fall, "Task_HoechstdauerEntscheidenSeiteneinstieg");
    BpmnAwareTests.assertThat(aufgabe).hasCandidateGroup("kiLeitung");
    assertThat(engine.getTaskService().getVariableLocal(aufgabe.getId(), "hoechstdauerSchliesstAm"))
        .isEqualTo(schluss.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    // the case goes on meanwhile
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_EinladungVersenden", "Task_HoechstdauerEntscheidenSeiteneinstieg");

    Map<String, Object> werte = new HashMap<>(Map.of("hoechstdauerEntscheidung", "VERLAENGERN",
        "hoechstdauerBis", LocalDate.now().plusMonths(3).toString()));
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "mhoffmann", "kiLeitung", aufgabe.getId(), werte))
        .hasMessageContaining("Begründung: Pflichtfeld");
    werte.put("hoechstdauerBegruendung", "Schulplatz erst zum Halbjahr");
    werte.put("hoechstdauerBis", LocalDate.now().toString());
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "mhoffmann", "kiLeitung", aufgabe.getId(), werte))
        .hasMessageContaining("Datum nach heute");
    werte.put("hoechstdauerBis", LocalDate.now().plusYears(3).toString());
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "mhoffmann", "kiLeitung", aufgabe.getId(), werte))
        .hasMessageContaining("höchstens ein Jahr");
    LocalDate bis = LocalDate.now().plusMonths(15);
    werte.put("hoechstdauerBis", bis.toString());
    AlsPerson.erledige(engine, "mhoffmann", "kiLeitung", aufgabe.getId(), werte);

    assertThat(timer(fall, "Event_HoechstdauerSeiteneinstiegErreicht").getDuedate()).isEqualTo(de.hsk.ki.plattform.zeit.Zeit.morgens(bis));
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_EinladungVersenden").isNotEnded();
  }

  @Test
  void jetztSchliessenSchliesstDenFallWieDerZeitablauf() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", Seiteneinstiegsfall.meldung("SUNDERN", 9));
    Fristablauf.fuehreAus(engine, fall.getId(), "Event_HoechstdauerNahtSeiteneinstieg");
    AlsPerson.erledige(engine, "mhoffmann", "kiLeitung", entscheidung(fall, "Task_HoechstdauerEntscheidenSeiteneinstieg").getId(),
        Map.of("hoechstdauerEntscheidung", "JETZT_SCHLIESSEN", "hoechstdauerBegruendung", "Familie nach Dortmund verzogen"));
    Job zeitgeber = timer(fall, "Event_HoechstdauerSeiteneinstiegErreicht");
    assertThat(zeitgeber.getDuedate()).isBeforeOrEqualTo(new java.util.Date());
    engine.getManagementService().executeJob(zeitgeber.getId());
    BpmnAwareTests.assertThat(fall).isEnded().hasPassed("Event_SeiteneinstiegWegenZeitablaufGeschlossen");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(fall.getId())
        .variableName("hoechstdauerBegruendung").singleResult().getValue()).isEqualTo("Familie nach Dortmund verzogen");
  }

  @Test
  void imUebergangBleibtDerTagWennDieLeitungEsSoEntscheidet() {
    Map<String, Object> v = de.hsk.ki.prozesse.uebergang.Uebergangsfall.meldung("Hoechstdauertest", 20, 12, "MESCHEDE", "KEINE", "EU", "B1");
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", v);
    java.util.Date vorher = timer(fall, "Event_HoechstdauerUebergangErreicht").getDuedate();
    assertThat(tag(vorher)).isEqualTo(LocalDate.now().plusYears(3));
    Fristablauf.fuehreAus(engine, fall.getId(), "Event_HoechstdauerNahtUebergang");
    AlsPerson.erledige(engine, "mhoffmann", "kiLeitung", entscheidung(fall, "Task_HoechstdauerEntscheidenUebergang").getId(),
        Map.of("hoechstdauerEntscheidung", "ABLAUFEN_LASSEN"));
    assertThat(timer(fall, "Event_HoechstdauerUebergangErreicht").getDuedate()).isEqualTo(vorher);
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_VermittlungPlanen");
  }
}
