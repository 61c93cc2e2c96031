package de.hsk.ki.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.WebappSitzung;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server side of issue 19, points 5, 9 and 12: the next step of a case for the person who started
 * it, the surname search (whole names only, only for groups working with children's cases) and the
 * note for funding staff.
 */
@KiSpringTest
class OberflaecheRestTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private WebappSitzung sitzung(String benutzer) throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    assertThat(sitzung.anmelden(benutzer, Rest.DEMO_PASSWORT).statusCode()).isEqualTo(200);
    return sitzung;
  }

  @Test
  void naechsterSchrittNurFuerWerDenFallAngelegtHat() throws Exception {
    Rest verwaltung = Rest.als(port, "pschneider");
    HttpResponse<String> start = verwaltung.post("/process-definition/key/Process_Seiteneinstieg/submit-form",
        Rest.formular(Seiteneinstiegsfall.meldung("ARNSBERG", 9)));
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    JsonNode fall = verwaltung.json(start);
    String pfad = "/ki/fall/" + fall.get("id").asText() + "/naechster-schritt";
    String aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall.get("id").asText()).singleResult().getId();

    HttpResponse<String> antwort = sitzung("pschneider").get(pfad);
    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(200);
    JsonNode auskunft = Rest.JSON.readTree(antwort.body());
    assertThat(auskunft.get("aktenzeichen").asText()).isEqualTo(fall.get("businessKey").asText()).matches("SE-\\d{4}-\\d{4,}");
    assertThat(auskunft.get("aufgaben")).hasSize(1);
    assertThat(auskunft.get("aufgaben").get(0).get("name").asText()).isEqualTo("Familie zur Erstberatung einladen");
    assertThat(auskunft.get("aufgaben").get(0).get("gruppen").get(0).asText()).isEqualTo("KI – Verwaltung");
    assertThat(auskunft.get("aufgaben").get(0).get("aufgabeId").asText()).isEqualTo(aufgabe);
    assertThat(antwort.body()).doesNotContain(Seiteneinstiegsfall.MARKER_NAME);

    // somebody else, even of a group that could see the case later, learns nothing; nor does a stranger
    HttpResponse<String> andere = sitzung("tbecker").get(pfad);
    assertThat(andere.statusCode()).isEqualTo(404);
    assertThat(andere.body()).doesNotContain("SE-").contains("nur wer den Fall angelegt hat");
    assertThat(sitzung("tbecker").get("/ki/fall/gibt-es-nicht/naechster-schritt").statusCode()).isEqualTo(404);
    assertThat(new WebappSitzung(port).get(pfad).statusCode()).isEqualTo(401);
  }

  @Test
  void nachnamensucheNurGanzUndNurFuerGruppenMitKinderfaellen() throws Exception {
    String nachname = "Namensuche" + System.nanoTime() % 100000;
    Map<String, Object> meldung = new HashMap<>(Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    meldung.put("nachname", nachname);
    engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung);

    Rest verwaltung = Rest.als(port, "pschneider");
    HttpResponse<String> ganz = verwaltung.post("/task", Rest.JSON.readTree(
        "{\"processVariables\":[{\"name\":\"nachname\",\"operator\":\"eq\",\"value\":\"" + nachname.toUpperCase() + "\"}],"
            + "\"variableValuesIgnoreCase\":true}"));
    assertThat(ganz.statusCode()).as(ganz.body()).isEqualTo(200);
    assertThat(verwaltung.json(ganz)).hasSize(1);

    // fragments would spell a name out letter by letter: refused
    HttpResponse<String> teil = verwaltung.post("/task", Rest.JSON.readTree(
        "{\"processVariables\":[{\"name\":\"nachname\",\"operator\":\"like\",\"value\":\"Name%\"}]}"));
    assertThat(teil.statusCode()).isEqualTo(403);
    assertThat(teil.body()).contains("nur über das Aktenzeichen");
    HttpResponse<String> sortiert = verwaltung.post("/task", Rest.JSON.readTree(
        "{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\",\"parameters\":{\"variable\":\"nachname\",\"type\":\"String\"}}]}"));
    assertThat(sortiert.statusCode()).isEqualTo(403);
    assertThat(verwaltung.get("/task?processVariables=nachname_like_Name%25").statusCode()).isEqualTo(403);
    assertThat(verwaltung.get("/task?processVariables=nachname_eq_" + nachname).statusCode()).isEqualTo(200);
    // other case data stays unsearchable
    assertThat(verwaltung.post("/task", Rest.JSON.readTree(
        "{\"processVariables\":[{\"name\":\"vorname\",\"operator\":\"eq\",\"value\":\"Amina\"}]}")).statusCode()).isEqualTo(403);
    // the Schulamt and funding staff see no child's name, so they cannot search for one either
    for (String ohneNamen : java.util.List.of("jklein", "fyilmaz")) {
      assertThat(Rest.als(port, ohneNamen).post("/task", Rest.JSON.readTree(
          "{\"processVariables\":[{\"name\":\"nachname\",\"operator\":\"eq\",\"value\":\"" + nachname + "\"}]}")).statusCode())
          .as(ohneNamen).isEqualTo(403);
    }
  }

  @Test
  void hinweisFuerDieFoerderung() throws Exception {
    HttpResponse<String> foerderung = sitzung("fyilmaz").get("/ki/tasklist/hinweis");
    assertThat(foerderung.statusCode()).isEqualTo(200);
    assertThat(Rest.JSON.readTree(foerderung.body()).get("hinweis").asText())
        .contains("Förderprogramme", "Förderanträge", "Prozess starten", "/ki/foerderung/bericht", "Zur Förderung beraten")
        .doesNotContain("gibt es noch nicht");
    HttpResponse<String> verwaltung = sitzung("pschneider").get("/ki/tasklist/hinweis");
    assertThat(Rest.JSON.readTree(verwaltung.body()).get("hinweis").isNull()).isTrue();
    assertThat(Rest.JSON.readTree(verwaltung.body()).get("namensuche").asBoolean()).isTrue();
    assertThat(Rest.JSON.readTree(foerderung.body()).get("namensuche").asBoolean()).isFalse();
    assertThat(Rest.JSON.readTree(sitzung("jklein").get("/ki/tasklist/hinweis").body()).get("namensuche").asBoolean()).isFalse();
    assertThat(new WebappSitzung(port).get("/ki/tasklist/hinweis").statusCode()).isEqualTo(401);
  }
}
