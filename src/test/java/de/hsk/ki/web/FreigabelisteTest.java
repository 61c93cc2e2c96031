package de.hsk.ki.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.io.ClassPathResource;

/** What is not on the allow-list is refused for staff, including endpoints of the same family as listed ones. */
@KiSpringTest
class FreigabelisteTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired FilterRegistrationBean<Freigabeliste> freigabeliste;

  HttpResponse<String> rest(String methode, String pfad, String benutzer, String passwort) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pfad))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((benutzer + ":" + passwort).getBytes(StandardCharsets.UTF_8)))
        .method(methode, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "POST /process-instance/{fall}/modification-async",
      "POST /process-instance/{fall}/modification",
      "POST /process-instance/message-async",
      "POST /execution/{fall}/messageSubscriptions/Nachricht/trigger",
      "POST /condition",
      "POST /process-definition/{definition}/restart",
      "POST /external-task/{fall}/complete",
      "POST /message",
      "POST /signal",
      "PUT /task/{aufgabe}/variables/beratung",
      "POST /task/{aufgabe}/localVariables",
      "POST /task/{aufgabe}/identity-links",
      "POST /deployment/create",
      "GET /process-instance",
      "GET /history/variable-instance",
      "GET /eine-schnittstelle-aus-einer-spaeteren-version"})
  void mitarbeitendeBekommenFuerNichtGelisteteAufrufe403(String aufruf) throws Exception {
    // given a running case
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("ARNSBERG", 8));
    String aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult().getId();
    String pfad = aufruf.split(" ")[1].replace("{fall}", fall.getId()).replace("{aufgabe}", aufgabe)
        .replace("{definition}", fall.getProcessDefinitionId());
    String methode = aufruf.split(" ")[0];
    int vorher = freigabeliste.getFilter().abgelehnt().size();
    // when / then: refused on REST and on the engine-scoped path alike, before the engine is asked
    for (String praefix : new String[] {"/engine-rest", "/engine-rest/engine/default"}) {
      HttpResponse<String> antwort = rest(methode, praefix + pfad, "pschneider", "Sauerland-2026");
      assertThat(antwort.statusCode()).as(praefix + pfad).isEqualTo(403);
      assertThat(antwort.body()).contains("für Ihre Rolle nicht freigegeben");
    }
    assertThat(freigabeliste.getFilter().abgelehnt()).hasSizeGreaterThanOrEqualTo(Math.min(vorher + 2, 200));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(fall.getId()).count()).isEqualTo(1);
  }

  @Test
  void derBetriebErreichtDieEngineAuchAusserhalbDerListe() throws Exception {
    assertThat(rest("GET", "/engine-rest/eine-schnittstelle-aus-einer-spaeteren-version", "admin", "Pruefstand-7-Test").statusCode())
        .isEqualTo(404);
    assertThat(rest("GET", "/engine-rest/process-instance/count", "admin", "Pruefstand-7-Test").statusCode()).isEqualTo(200);
  }

  @Test
  void gelisteteAufrufeFuehrenZurEngineIhreRechtePruftSieWeiter() throws Exception {
    assertThat(rest("GET", "/engine-rest/task/count", "pschneider", "Sauerland-2026").statusCode()).isEqualTo(200);
    // listed, but the engine still decides: a task of no group of hers does not exist for her
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("ARNSBERG", 8));
    String aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult().getId();
    assertThat(rest("GET", "/engine-rest/task/" + aufgabe, "fyilmaz", "Sauerland-2026").statusCode()).isIn(403, 404);
  }

  @Test
  void dieTabelleKenntNurVorlagenUndBekannteRollen() throws Exception {
    var freigaben = Freigabeliste.lese(new ClassPathResource(Freigabeliste.TABELLE).getInputStream());
    assertThat(freigaben).isNotEmpty().allSatisfy(f -> assertThat(f.vorlage()).doesNotContain("*"));
    assertThat(freigaben).extracting(Freigabe -> Freigabe.methode()).allMatch(m -> m.matches("GET|POST|PUT|DELETE|OPTIONS"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Freigabeliste.lese(
            new ByteArrayInputStream("hacker GET /task".getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("unbekannte Rolle hacker");
  }
}
