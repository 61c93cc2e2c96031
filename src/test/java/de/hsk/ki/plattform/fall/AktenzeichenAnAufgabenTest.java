package de.hsk.ki.plattform.fall;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The case number on every task: readable with the task while it is open, and no history of its own. */
@KiSpringTest
class AktenzeichenAnAufgabenTest {

  @Autowired ProcessEngine engine;

  @Test
  void dieKopieAnDerAufgabeHinterlaesstKeineHistorieDerRestDesFallsSchon() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("MESCHEDE", 9));
    Task aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    assertThat(engine.getTaskService().getVariableLocal(aufgabe.getId(), "aktenzeichen")).isEqualTo(fall.getBusinessKey());

    engine.getTaskService().complete(aufgabe.getId(), Map.of("klaerungsergebnis", "SONSTIGES", "klaerungsnotiz", "verzogen"));

    var historie = engine.getHistoryService();
    assertThat(historie.createHistoricVariableInstanceQuery().taskIdIn(aufgabe.getId()).variableName("aktenzeichen").count()).isZero();
    assertThat(historie.createHistoricDetailQuery().taskId(aufgabe.getId()).variableUpdates().list())
        .noneMatch(d -> "aktenzeichen".equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()));
    // everything else of the case keeps its history: the filter drops the copy only
    assertThat(historie.createHistoricVariableInstanceQuery().processInstanceId(fall.getId()).variableName("klaerungsnotiz")
        .singleResult().getValue()).isEqualTo("verzogen");
    assertThat(historie.createHistoricDetailQuery().processInstanceId(fall.getId()).variableUpdates().count()).isPositive();
    assertThat(historie.createHistoricTaskInstanceQuery().processInstanceId(fall.getId()).count()).isPositive();
  }
}
