package de.hsk.ki.prozesse.beispiel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.datenschutz.FallLoeschung;
import de.hsk.ki.plattform.identitaet.IdentitaetEinrichtung;
import de.hsk.ki.testkit.Datenbanksuche;
import de.hsk.ki.testkit.Fristablauf;
import de.hsk.ki.testkit.Rest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scaffold check of docs/neuer-prozess.md: a process that exists only under src/test (its folders,
 * its descriptor, its deadlines) is started, routed, reminded, listed and erased by the platform.
 */
@KiSpringTest
class BeispielProzessTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired BeispielFristen fristen;
  @Autowired FallLoeschung loeschung;

  @Test
  void einNeuerProzessLaeuftAufDerPlattformOhneDassEineGemeinsameDateiIhnKennt() throws Exception {
    // given a request with a marker we can search for later
    String marker = "Beispielanliegen" + System.nanoTime();
    Rest verwaltung = Rest.als(port, "pschneider");

    // when staff start it through its start form
    var start = verwaltung.post("/process-definition/key/" + Beispiel.SCHLUESSEL + "/submit-form", Rest.formular(Map.of("anliegen", marker)));

    // then it has a case number with the descriptor's prefix
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    String fall = verwaltung.json(start).get("id").asText();
    String aktenzeichen = verwaltung.json(start).get("businessKey").asText();
    assertThat(aktenzeichen).matches(Beispiel.PRAEFIX + "-\\d{4}-\\d{4,}");

    // routed: the task is in the shared filter of the group, not in another group's
    assertThat(imGruppenfilter(verwaltung, fall)).isTrue();
    assertThat(imGruppenfilter(Rest.als(port, "tbecker"), fall)).isFalse();

    // the form is the rule for the new process as well
    Task aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall).singleResult();
    var geschmuggelt = verwaltung.post("/task/" + aufgabe.getId() + "/submit-form", Rest.formular(Map.of("ergebnis", "x", "zustaendig", "kiFoerderung")));
    assertThat(geschmuggelt.statusCode()).isEqualTo(400);
    assertThat(verwaltung.json(geschmuggelt).get("message").asText()).contains("„zustaendig“ gehört nicht zu diesem Formular");

    // reminded: when the configured period has passed, coordination gets the overdue building block's task
    Fristablauf.lasseVerstreichen(engine, fall, Beispiel.Element.Event_BearbeitungUeberfaellig.name(), fristen.getErinnerung(),
        aufgabe.getCreateTime().toInstant());
    ProcessInstance klaerung = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(fall).singleResult();
    Task ueberfaellig = engine.getTaskService().createTaskQuery().processInstanceId(klaerung.getId()).singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(ueberfaellig.getId())).extracting(l -> l.getGroupId())
        .containsExactly("kiLeitung");
    assertThat(engine.getRuntimeService().getVariable(klaerung.getId(), "anlass"))
        .isEqualTo("Das Anliegen ist seit " + fristen.text("erinnerung") + " offen.");

    // erased: afterwards no table holds the request
    assertThat(Datenbanksuche.fundstellen(jdbc, marker)).isNotEmpty();
    loeschung.loesche(aktenzeichen, "admin", "Test der Löschung");
    assertThat(Datenbanksuche.fundstellen(jdbc, marker)).isEmpty();
  }

  @Test
  void keineGemeinsameDateiKenntDenBeispielprozess() throws IOException {
    List<String> kennen = new ArrayList<>();
    for (String ordner : List.of("src/main", "processes", "forms", ".camunda", "pom.xml", "docker-compose.yml")) {
      try (Stream<Path> dateien = Files.walk(Path.of(ordner))) {
        for (Path datei : dateien.filter(Files::isRegularFile).toList()) {
          String text = Files.readString(datei, java.nio.charset.StandardCharsets.ISO_8859_1);
          if (text.contains(Beispiel.SCHLUESSEL) || text.contains("beispielFristen") || text.contains("prozesse.beispiel")) {
            kennen.add(datei.toString());
          }
        }
      }
    }
    assertThat(kennen).isEmpty();
  }

  private boolean imGruppenfilter(Rest benutzer, String fall) throws Exception {
    JsonNode filter = benutzer.json(benutzer.get("/filter?name=" + IdentitaetEinrichtung.FILTER_GRUPPE.replace(" ", "%20")));
    JsonNode aufgaben = benutzer.json(benutzer.post("/filter/" + filter.get(0).get("id").asText() + "/list", "{}"));
    for (JsonNode a : aufgaben) {
      if (fall.equals(a.path("processInstanceId").asText())) {
        return true;
      }
    }
    return false;
  }
}
