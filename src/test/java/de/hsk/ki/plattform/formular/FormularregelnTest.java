package de.hsk.ki.plattform.formular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The form rules hold inside the engine: the Java API refuses what the REST API refuses, with the
 * same German message, and the case stays as it was.
 */
@KiSpringTest
class FormularregelnTest {

  static final String PROZESS = "Process_Seiteneinstieg";
  @Autowired ProcessEngine engine;

  @AfterEach
  void abmelden() {
    engine.getIdentityService().clearAuthentication();
  }

  void alsVerwaltung() {
    engine.getIdentityService().setAuthentication("pschneider", List.of(KiGruppen.VERWALTUNG));
  }

  String startformular() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROZESS).latestVersion()
        .singleResult().getId();
  }

  @Test
  void startformularPerJavaApiLehntUnbekannteVariablenAbUndLegtKeinenFallAn() {
    // given
    Map<String, Object> meldung = new HashMap<>(Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    meldung.put("beratung", "manipuliert");
    long vorher = engine.getRuntimeService().createProcessInstanceQuery().count();
    // when / then — the form rule holds even without a user: a form submission is always input
    assertThatThrownBy(() -> engine.getFormService().submitStartForm(startformular(), meldung))
        .isInstanceOf(EingabeAbgelehnt.class)
        .hasMessageStartingWith("Die Eingaben wurden nicht gespeichert.")
        .hasMessageContaining("„beratung“ gehört nicht zu diesem Formular");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(vorher);
  }

  @Test
  void aufgabenformularPerJavaApiNenntJedesFeldDeutsch() {
    // given
    ProcessInstance fall = engine.getFormService().submitStartForm(startformular(), Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    Map<String, Object> falsch = new HashMap<>(Seiteneinstiegsfall.einladung());
    falsch.put("terminOrt", "RATHAUS");
    falsch.put("dolmetscherSprache", Variables.objectValue(new HashMap<>(Map.of("a", 1))).create());
    // when / then
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(einladung.getId(), falsch))
        .isInstanceOf(EingabeAbgelehnt.class)
        .hasMessageContaining("Ort: ungültige Auswahl „RATHAUS“.")
        .hasMessageContaining("Sprache der Dolmetschung: unzulässiger Variablentyp");
    assertThat(engine.getTaskService().createTaskQuery().taskId(einladung.getId()).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "terminOrt")).isNull();
  }

  @Test
  void abschliessenMitVariablenIstFuerPersonenDasFormularFuerDieAnwendungNicht() {
    // given
    ProcessInstance fall = engine.getFormService().submitStartForm(startformular(), Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().setAssignee(einladung.getId(), "pschneider");
    // when a person completes with a routing variable beside the form
    alsVerwaltung();
    Map<String, Object> mitSchmuggel = new HashMap<>(Seiteneinstiegsfall.einladung());
    mitSchmuggel.put("schulaufsicht", "SCHULAMT");
    assertThatThrownBy(() -> engine.getTaskService().complete(einladung.getId(), mitSchmuggel))
        .isInstanceOf(EingabeAbgelehnt.class)
        .hasMessageContaining("„schulaufsicht“ gehört nicht zu diesem Formular");
    assertThatThrownBy(() -> engine.getTaskService().complete(einladung.getId()))
        .isInstanceOf(EingabeAbgelehnt.class)
        .hasMessageContaining("Pflichtfeld");
    assertThat(engine.getTaskService().createTaskQuery().taskId(einladung.getId()).count()).isEqualTo(1);
    // then the same input without the smuggled variable passes
    engine.getTaskService().complete(einladung.getId(), Seiteneinstiegsfall.einladung());
    engine.getIdentityService().clearAuthentication();
    assertThat(engine.getTaskService().createTaskQuery().taskId(einladung.getId()).count()).isZero();
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "schulaufsicht")).isNull();
  }

  @Test
  void startPerJavaApiAlsPersonPrueftDasStartformularUndVerbietetStartanweisungen() {
    // given
    alsVerwaltung();
    Map<String, Object> ohneName = new HashMap<>(Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    ohneName.remove("nachname");
    long vorher = engine.getRuntimeService().createProcessInstanceQuery().count();
    // when / then
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROZESS, ohneName))
        .isInstanceOf(EingabeAbgelehnt.class)
        .hasMessageContaining("Pflichtfeld");
    assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceByKey(PROZESS)
            .setVariables(Seiteneinstiegsfall.meldung("ARNSBERG", 9)).startBeforeActivity("Task_ZuweisungSchulamt").execute())
        .isInstanceOf(EingabeAbgelehnt.class)
        .hasMessageContaining("startInstructions");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(vorher);
  }
}
