package de.hsk.ki.plattform.datenschutz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.Rest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18, points 2 and 3: who reads what of a child's case, for every role at every stage – while
 * a step is open only the step's form data, for nobody outside the step's group, and nothing once
 * the step is done.
 */
@KiSpringTest
class ZugriffUeberZeitTest {

  @org.junit.jupiter.api.extension.RegisterExtension
  static com.icegreen.greenmail.junit5.GreenMailExtension greenMail =
      new com.icegreen.greenmail.junit5.GreenMailExtension(de.hsk.ki.testkit.Testpostfach.SMTP);

  static final List<String> ROLLEN = List.of("pschneider", "tbecker", "ademir", "mhoffmann", "fyilmaz", "jklein",
      // partners who answer in Tasklist (ADR 0006): a school, the Bezirksregierung, the health office, a Schulträger
      "gsommer", "rkoch", "lwagner", "bschmitt");
  /** Counselling, health and contact data: never outside the KI's counselling staff. */
  static final Set<String> BERATUNGSDATEN = Set.of("beratungsnotiz", "bemerkung", "telefon", "email",
      "staatsangehoerigkeit", "anschrift", "erziehungsberechtigte", "vorname", "nachname", "geburtsdatum");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private Task aufgabe(ProcessInstance fall, String schluessel) {
    return engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey(schluessel).singleResult();
  }

  /** Status per role for the task's form data; for those who may read it, the variable names they got. */
  private Map<String, Object> lesbarkeit(Task aufgabe) throws Exception {
    Map<String, Object> ergebnis = new HashMap<>();
    for (String rolle : ROLLEN) {
      HttpResponse<String> antwort = Rest.als(port, rolle).get("/task/" + aufgabe.getId() + "/form-variables");
      if (antwort.statusCode() == 200) {
        Set<String> namen = new TreeSet<>();
        Rest.JSON.readTree(antwort.body()).fieldNames().forEachRemaining(namen::add);
        ergebnis.put(rolle, namen);
      } else {
        ergebnis.put(rolle, antwort.statusCode());
      }
    }
    return ergebnis;
  }

  private List<String> verlauf(String rolle, String parameter) throws Exception {
    HttpResponse<String> antwort = Rest.als(port, rolle).get("/history/user-operation?" + parameter);
    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(200);
    List<String> eintraege = new ArrayList<>();
    for (JsonNode e : Rest.JSON.readTree(antwort.body())) {
      eintraege.add(e.path("operationType").asText());
    }
    return eintraege;
  }

  @Test
  void jedeRolleSiehtNurDenSchrittDenSieGeradeBearbeitet() throws Exception {
    Map<String, Object> meldung = new HashMap<>(Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    meldung.put("telefon", "0291 123456");
    meldung.put("email", "familie@example.org");
    meldung.put("bemerkung", "Asthma, Medikament in der Schultasche");
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung);

    // stage 1: the invitation, administrative staff (and the management's supervision)
    Task einladung = aufgabe(fall, "Task_EinladungVersenden");
    Map<String, Object> stufe1 = lesbarkeit(einladung);
    assertThat(stufe1.get("pschneider")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
        .contains("aktenzeichen", "telefon", "email")
        .doesNotContain("bemerkung", "beratungsnotiz");
    assertThat(stufe1.get("mhoffmann")).isInstanceOf(Set.class);
    for (String fremd : List.of("tbecker", "ademir", "fyilmaz", "jklein", "gsommer", "rkoch", "lwagner", "bschmitt")) {
      assertThat(stufe1.get(fremd)).as(fremd).isIn(403, 404);
    }
    Rest verwaltung = Rest.als(port, "pschneider");
    assertThat(verwaltung.post("/task/" + einladung.getId() + "/claim", Map.of("userId", "pschneider")).statusCode()).isEqualTo(204);
    assertThat(verlauf("pschneider", "taskId=" + einladung.getId())).contains("Claim");
    HttpResponse<String> erledigt = verwaltung.post("/task/" + einladung.getId() + "/submit-form",
        Rest.formular(Seiteneinstiegsfall.einladung()));
    assertThat(erledigt.statusCode()).as(erledigt.body()).isEqualTo(204);

    // done: the task's data, its history and its log are closed to the group that did it
    assertThat(lesbarkeit(einladung).get("pschneider")).as("task gone").isIn(400, 403, 404);
    assertThat(verlauf("pschneider", "taskId=" + einladung.getId())).isEmpty();
    assertThat(verlauf("pschneider", "processInstanceId=" + fall.getId())).isEmpty();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK)
        .resourceId(einladung.getId()).count()).isZero();
    for (String pfad : List.of("/history/variable-instance?processInstanceId=", "/history/task?processInstanceId=",
        "/history/process-instance?processInstanceId=")) {
      assertThat(verwaltung.get(pfad + fall.getId()).statusCode()).as(pfad).isEqualTo(403);
    }

    // stage 2: the first counselling, teachers; they get the counselling note field, not the invitation's contact data
    Task erstberatung = aufgabe(fall, "Task_ErstberatungDurchfuehren");
    Map<String, Object> stufe2 = lesbarkeit(erstberatung);
    assertThat(stufe2.get("tbecker")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
        .contains("aktenzeichen", "vorname", "nachname").doesNotContain("telefon", "email", "bemerkung", "einladungsweg");
    for (String fremd : List.of("pschneider", "fyilmaz", "jklein", "gsommer", "rkoch", "lwagner", "bschmitt")) {
      assertThat(stufe2.get(fremd)).as(fremd).isIn(403, 404);
    }
    Map<String, Object> beratung = new HashMap<>(Seiteneinstiegsfall.erstberatung("GRUNDSCHULE", false));
    beratung.put("beratungsnotiz", "Kind wirkt belastet, Fluchterfahrung");
    engine.getTaskService().complete(erstberatung.getId(), beratung);

    // stage 3: the Schulamt assigns a school – with what assignment needs, no counselling, health or contact data
    Task zuweisung = aufgabe(fall, "Task_ZuweisungSchulamt");
    Map<String, Object> stufe3 = lesbarkeit(zuweisung);
    assertThat(stufe3.get("jklein")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
        .contains("aktenzeichen", "empfohleneSchulform", "empfohleneKlasse", "kommune")
        .doesNotContainAnyElementsOf(BERATUNGSDATEN);
    HttpResponse<String> schulamt = Rest.als(port, "jklein").get("/task/" + zuweisung.getId() + "/form-variables");
    assertThat(schulamt.body()).doesNotContain("belastet", "Asthma", Seiteneinstiegsfall.MARKER_NAME, "0291");
    // even when it asks for them by name
    HttpResponse<String> gezielt = Rest.als(port, "jklein").get("/task/" + zuweisung.getId()
        + "/form-variables?variableNames=beratungsnotiz,bemerkung,telefon,aktenzeichen");
    assertThat(Rest.JSON.readTree(gezielt.body()).fieldNames()).toIterable().containsExactly("aktenzeichen");
    for (String fremd : List.of("pschneider", "tbecker", "ademir", "fyilmaz", "gsommer", "rkoch", "lwagner", "bschmitt")) {
      assertThat(stufe3.get(fremd)).as(fremd).isIn(403, 404);
    }
    // nor by counting its tasks under conditions on what it does not see (a search is an oracle)
    Rest schulamtRest = Rest.als(port, "jklein");
    String notiz = "{\"name\":\"beratungsnotiz\",\"operator\":\"like\",\"value\":\"%belastet%\"}";
    for (String abfrage : List.of("{\"processVariables\":[" + notiz + "]}",
        "{\"orQueries\":[{\"processVariables\":[" + notiz + "]}]}",
        "{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\",\"parameters\":{\"variable\":\"nachname\",\"type\":\"String\"}}]}")) {
      HttpResponse<String> orakel = schulamtRest.post("/task/count", Rest.JSON.readTree(abfrage));
      assertThat(orakel.statusCode()).as(abfrage).isEqualTo(403);
      assertThat(orakel.body()).contains("nur über das Aktenzeichen");
    }
    assertThat(schulamtRest.get("/task?processVariables=beratungsnotiz_like_%25belastet%25").statusCode()).isEqualTo(403);
    HttpResponse<String> perAktenzeichen = schulamtRest.post("/task", Rest.JSON.readTree("{\"processVariables\":[{\"name\":\"aktenzeichen\","
        + "\"operator\":\"eq\",\"value\":\"" + fall.getBusinessKey() + "\"}]}"));
    assertThat(perAktenzeichen.statusCode()).isEqualTo(200);
    assertThat(perAktenzeichen.body()).contains(zuweisung.getId());
    assertThat(lesbarkeit(erstberatung).get("tbecker")).as("task gone").isIn(400, 403, 404);
    assertThat(verlauf("tbecker", "processInstanceId=" + fall.getId())).isEmpty();

    // stage 3b, beside it: the administration records the newcomer examination – attendance only, no health or counselling data
    de.hsk.ki.testkit.Fristablauf.fuehreAus(engine, fall.getId(), "Task_GesundheitsamtBenachrichtigen");
    Task untersuchung = aufgabe(fall, "Task_UntersuchungErfassen");
    Map<String, Object> stufe3b = lesbarkeit(untersuchung);
    assertThat(stufe3b.get("pschneider")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
        .contains("aktenzeichen", "vorname", "nachname", "geburtsdatum")
        // what the health office needs to invite (issue 16); the clerks see it in the invitation step anyway
        .contains("anschrift", "telefon", "erziehungsberechtigte")
        .doesNotContain("beratungsnotiz", "bemerkung", "email", "empfohleneSchulform", "sprachen");
    assertThat(stufe3b.get("lwagner")).isEqualTo(stufe3b.get("pschneider"));
    for (String fremd : List.of("tbecker", "ademir", "fyilmaz", "jklein", "gsommer", "rkoch", "bschmitt")) {
      assertThat(stufe3b.get(fremd)).as(fremd).isIn(403, 404);
    }
    Rest.als(port, "pschneider").post("/task/" + untersuchung.getId() + "/claim", Map.of("userId", "pschneider"));
    HttpResponse<String> erfasst = Rest.als(port, "pschneider").post("/task/" + untersuchung.getId() + "/submit-form",
        Rest.formular(Map.of("untersuchungsstand", "ERFOLGT", "untersuchungAm", java.time.LocalDate.now().toString())));
    assertThat(erfasst.statusCode()).as(erfasst.body()).isEqualTo(204);
    assertThat(lesbarkeit(untersuchung).get("pschneider")).as("task gone").isIn(400, 403, 404);

    // the application's own code reads the whole case (letters, e-mails): it has no user
    assertThat(engine.getFormService().getTaskFormVariables(zuweisung.getId())).containsKey("beratungsnotiz");
  }

  /** Review U1/S5: the transition team's hand-over task and the management's decision before the close, for every role. */
  @Test
  void uebergabeUndHoechstdauerNurFuerIhreGruppe() throws Exception {
    Map<String, Object> v = de.hsk.ki.prozesse.uebergang.Uebergangsfall.meldung(Seiteneinstiegsfall.MARKER_NAME, 17, 8, "BRILON", "NEU_ZUGEWANDERT", "GESTATTUNG", "A1");
    v.put("vorname", "Omar");
    v.put("leistungsbezug", "ASYLBLG");
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", v);

    Task uebergabe = aufgabe(fall, "Task_SeiteneinstiegVorbereiten");
    Map<String, Object> lesen = lesbarkeit(uebergabe);
    assertThat(lesen.get("tbecker")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
        .contains("aktenzeichen", "vorname", "nachname", "alter").doesNotContain("leistungsbezug", "aufenthaltsstatus");
    assertThat(lesen.get("mhoffmann")).isInstanceOf(Set.class);
    for (String fremd : List.of("pschneider", "ademir", "fyilmaz", "jklein", "gsommer", "rkoch", "lwagner", "bschmitt")) {
      assertThat(lesen.get(fremd)).as(fremd).isIn(403, 404);
    }

    de.hsk.ki.testkit.Fristablauf.fuehreAus(engine, fall.getId(), "Event_HoechstdauerNahtUebergang");
    Task entscheidung = aufgabe(fall, "Task_HoechstdauerEntscheidenUebergang");
    Map<String, Object> leitung = lesbarkeit(entscheidung);
    assertThat(leitung.get("mhoffmann")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
        .contains("aktenzeichen", "hoechstdauerSchliesstAm").doesNotContain("vorname", "nachname", "geburtsdatum");
    for (String fremd : List.of("pschneider", "tbecker", "ademir", "fyilmaz", "jklein", "gsommer", "rkoch", "lwagner", "bschmitt")) {
      assertThat(leitung.get(fremd)).as(fremd).isIn(403, 404);
    }
    Rest.als(port, "mhoffmann").post("/task/" + entscheidung.getId() + "/claim", Map.of("userId", "mhoffmann"));
    HttpResponse<String> entschieden = Rest.als(port, "mhoffmann").post("/task/" + entscheidung.getId() + "/submit-form",
        Rest.formular(Map.of("hoechstdauerEntscheidung", "ABLAUFEN_LASSEN")));
    assertThat(entschieden.statusCode()).as(entschieden.body()).isEqualTo(204);
    assertThat(lesbarkeit(entscheidung).get("mhoffmann")).as("task gone").isIn(400, 403, 404);
    // the team's task is still theirs alone
    assertThat(lesbarkeit(uebergabe).get("ademir")).isIn(403, 404);
  }

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /** Point 8: an operator's query across cases is logged once for each case its answer holds. */
  @Test
  void abfragenUeberFaelleHinwegWerdenJeFallProtokolliert() throws Exception {
    ProcessInstance eins = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    ProcessInstance zwei = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("SUNDERN", 10));
    String sql = "SELECT COUNT(*) FROM ki_zugriffsprotokoll WHERE benutzer = 'admin' AND aktenzeichen = ?";
    int vorher1 = jdbc.queryForObject(sql, Integer.class, eins.getBusinessKey());
    int vorher2 = jdbc.queryForObject(sql, Integer.class, zwei.getBusinessKey());

    HttpResponse<String> antwort = Rest.alsBetrieb(port).get("/history/variable-instance?variableName=nachname&processInstanceIdIn="
        + eins.getId() + "," + zwei.getId());
    assertThat(antwort.statusCode()).isEqualTo(200);
    assertThat(antwort.body()).contains(Seiteneinstiegsfall.MARKER_NAME);

    assertThat(jdbc.queryForObject(sql, Integer.class, eins.getBusinessKey())).isEqualTo(vorher1 + 1);
    assertThat(jdbc.queryForObject(sql, Integer.class, zwei.getBusinessKey())).isEqualTo(vorher2 + 1);
  }
}
