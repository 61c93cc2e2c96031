package de.hsk.ki.modell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * House rules for every model under processes/ and every form under forms/, so that what
 * coordinators open in Modeler and what staff see in Tasklist stays complete.
 */
class ModellpruefungTest {

  static final Map<String, JsonNode> FORMULARE = new HashMap<>();
  static final List<Path> MODELLE = new ArrayList<>();

  @BeforeAll
  static void lade() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> dateien = Files.walk(Path.of("forms"))) {
      for (Path p : dateien.filter(p -> p.toString().endsWith(".form")).toList()) {
        JsonNode form = json.readTree(p.toFile());
        assertThat(FORMULARE.put(form.path("id").asText(), form)).as("form id used twice: " + p).isNull();
      }
    }
    try (Stream<Path> dateien = Files.walk(Path.of("processes"))) {
      MODELLE.addAll(dateien.filter(p -> p.toString().endsWith(".bpmn")).toList());
    }
    assertThat(MODELLE).isNotEmpty();
    assertThat(FORMULARE).isNotEmpty();
  }

  @Test
  void jederProzessIstAusfuehrbarVersioniertUndHatEineAufbewahrungsfrist() {
    for (Path datei : MODELLE) {
      for (Process p : Bpmn.readModelFromFile(datei.toFile()).getModelElementsByType(Process.class)) {
        assertThat(p.isExecutable()).as(datei + " executable").isTrue();
        assertThat(p.getCamundaHistoryTimeToLiveString()).as(datei + " historyTimeToLive").isNotBlank();
        assertThat(p.getCamundaVersionTag()).as(datei + " versionTag").isNotBlank();
        assertThat(p.getName()).as(datei + " name").isNotBlank();
      }
    }
  }

  @Test
  void jedesElementHatEinenDeutschenNamenUndDiagramminformation() {
    for (Path datei : MODELLE) {
      BpmnModelInstance modell = Bpmn.readModelFromFile(datei.toFile());
      for (FlowNode knoten : modell.getModelElementsByType(FlowNode.class)) {
        assertThat(knoten.getName()).as(datei + ": " + knoten.getId() + " has no name").isNotBlank();
        assertThat(knoten.getDiagramElement()).as(datei + ": " + knoten.getId() + " has no shape").isNotNull();
      }
      for (SequenceFlow fluss : modell.getModelElementsByType(SequenceFlow.class)) {
        assertThat(fluss.getDiagramElement()).as(datei + ": " + fluss.getId() + " has no edge").isNotNull();
      }
    }
  }

  @Test
  void jedeBenutzeraufgabeHatZustaendigeFristUndEinVorhandenesFormular() {
    for (Path datei : MODELLE) {
      BpmnModelInstance modell = Bpmn.readModelFromFile(datei.toFile());
      for (UserTask aufgabe : modell.getModelElementsByType(UserTask.class)) {
        String id = datei + ": " + aufgabe.getId();
        assertThat(aufgabe.getCamundaCandidateGroups() != null || aufgabe.getCamundaAssignee() != null)
            .as(id + " has no candidate groups or assignee").isTrue();
        assertThat(aufgabe.getCamundaDueDate()).as(id + " has no due date").isNotBlank();
        assertThat(aufgabe.getCamundaFormRefBinding()).as(id + " formRefBinding").isNotBlank();
        assertThat(FORMULARE).as(id + " formRef " + aufgabe.getCamundaFormRef()).containsKey(aufgabe.getCamundaFormRef());
      }
      for (StartEvent start : modell.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          assertThat(FORMULARE).as(datei + ": start form").containsKey(start.getCamundaFormRef());
        }
      }
    }
  }

  @Test
  void serviceAufgabenRufenBeansAsynchronUndKeineSkripte() throws IOException {
    for (Path datei : MODELLE) {
      BpmnModelInstance modell = Bpmn.readModelFromFile(datei.toFile());
      assertThat(modell.getModelElementsByType(ScriptTask.class)).as(datei + " script tasks").isEmpty();
      for (ServiceTask t : modell.getModelElementsByType(ServiceTask.class)) {
        assertThat(t.getCamundaDelegateExpression()).as(t.getId() + " delegateExpression").isNotBlank();
        assertThat(t.isCamundaAsyncBefore()).as(t.getId() + " asyncBefore").isTrue();
      }
      String text = Files.readString(datei);
      assertThat(text).as(datei + " camunda:class").doesNotContain("camunda:class=");
      assertThat(text).as(datei + " scripts").doesNotContain("camunda:script");
    }
  }

  @Test
  void formulareSindFuerTasklist724UndPruefenPflichtfelder() {
    FORMULARE.forEach((id, form) -> {
      assertThat(form.path("schemaVersion").asInt()).as(id + " schemaVersion").isEqualTo(16);
      boolean hatEingabe = false;
      for (JsonNode k : form.path("components")) {
        if (k.hasNonNull("key") && !k.path("disabled").asBoolean()) {
          hatEingabe = true;
          boolean beschriftet = k.hasNonNull("label") || k.hasNonNull("dateLabel");
          assertThat(beschriftet).as(id + ": " + k.get("key") + " has no label").isTrue();
        }
      }
      assertThat(hatEingabe).as(id + " has no input").isTrue();
      assertThat(form.toString()).as(id + " has no required field").contains("\"required\":true");
    });
  }

  /**
   * The engine resolves forms, decisions and called processes by id across all folders (formRef,
   * decisionRef and calledElement with binding "latest"), so an id may exist only once in the tree;
   * form ids are checked when the forms are loaded. File names may repeat (two "aufnahme.form"):
   * resources are deployed under their path ({@code Bereitstellungsnamen}).
   */
  @Test
  void prozessUndEntscheidungsIdsSindUeberAlleOrdnerEindeutigUndVerweiseAufloesbar() throws IOException {
    Map<String, Path> prozesse = new HashMap<>();
    for (Path datei : MODELLE) {
      for (Process p : Bpmn.readModelFromFile(datei.toFile()).getModelElementsByType(Process.class)) {
        assertThat(prozesse.put(p.getId(), datei)).as("process id " + p.getId() + " used twice: " + datei).isNull();
      }
    }
    Map<String, Path> entscheidungen = new HashMap<>();
    try (Stream<Path> dateien = Files.walk(Path.of("processes"))) {
      for (Path datei : dateien.filter(p -> p.toString().endsWith(".dmn")).toList()) {
        for (org.camunda.bpm.model.dmn.instance.Decision d : org.camunda.bpm.model.dmn.Dmn.readModelFromFile(datei.toFile())
            .getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)) {
          assertThat(entscheidungen.put(d.getId(), datei)).as("decision id " + d.getId() + " used twice: " + datei).isNull();
        }
      }
    }
    for (Path datei : MODELLE) {
      BpmnModelInstance modell = Bpmn.readModelFromFile(datei.toFile());
      for (BusinessRuleTask t : modell.getModelElementsByType(BusinessRuleTask.class)) {
        assertThat(entscheidungen).as(datei + ": " + t.getId() + " decisionRef").containsKey(t.getCamundaDecisionRef());
      }
      for (CallActivity c : modell.getModelElementsByType(CallActivity.class)) {
        assertThat(prozesse).as(datei + ": " + c.getId() + " calledElement").containsKey(c.getCalledElement());
      }
    }
  }

  @Test
  void jedeGenannteEMailVorlageLiegtBeiEinemProzess() throws IOException {
    java.util.Set<String> vorlagen = new java.util.TreeSet<>();
    try (java.util.stream.Stream<Path> dateien = java.nio.file.Files.walk(Path.of("processes"))) {
      dateien.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("mail") && p.toString().endsWith(".txt"))
          .forEach(p -> vorlagen.add(p.getFileName().toString().replace(".txt", "").toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
    }
    for (Path datei : MODELLE) {
      java.util.regex.Matcher vorlage = java.util.regex.Pattern.compile("<camunda:inputParameter name=\"vorlage\">([A-Z_]+)</camunda:inputParameter>")
          .matcher(java.nio.file.Files.readString(datei));
      while (vorlage.find()) {
        assertThat(vorlagen).as(datei + ": Vorlage " + vorlage.group(1)).contains(vorlage.group(1));
      }
    }
    assertThat(vorlagen).contains("ZUWEISUNG_ANFRAGE", "VERMITTLUNG");
  }

  @Test
  void bausteineHeissenProcessBausteinUndWerdenNichtInTasklistGestartet() {
    for (Path datei : MODELLE) {
      if (datei.toString().replace('\\', '/').contains("processes/_bausteine/")) {
        for (org.camunda.bpm.model.bpmn.instance.Process p : Bpmn.readModelFromFile(datei.toFile())
            .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)) {
          assertThat(p.getId()).as(datei + ": id").startsWith("Process_Baustein_");
          assertThat(p.isCamundaStartableInTasklist()).as(datei + ": startable in Tasklist").isFalse();
        }
      }
    }
  }

  @Test
  void technischeIdsFolgenDerNamenskonvention() {
    for (Path datei : MODELLE) {
      BpmnModelInstance modell = Bpmn.readModelFromFile(datei.toFile());
      for (FlowNode knoten : modell.getModelElementsByType(FlowNode.class)) {
        assertThat(knoten.getId()).as(datei + ": id").matches("(Task|Event|Gateway|SubProcess|Call)_[A-Z][A-Za-z0-9]+");
      }
      for (SequenceFlow fluss : modell.getModelElementsByType(SequenceFlow.class)) {
        assertThat(fluss.getId()).as(datei + ": id").matches("Flow_[A-Z][A-Za-z0-9]+");
      }
    }
  }
}
