package de.hsk.ki.abnahme;

import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Fristablauf;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testpostfach;
import de.hsk.ki.testkit.WebappSitzung;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15's acceptance: a 9-year-old, a 17-year-old arriving in November and an unaccompanied
 * 15-year-old, each from the report to the first school day, every step submitted over the REST API
 * as Tasklist submits it, by the person whose work it is (staff, Schulamt, Bezirksregierung, school,
 * health office, Schulträger), with the server's form rules. Jobs run when the test says.
 */
@KiSpringTest
class DreiFaelleTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private String starte(Map<String, Object> meldung) throws Exception {
    Rest verwaltung = Rest.als(port, "pschneider");
    HttpResponse<String> start = verwaltung.post("/process-definition/key/Process_Seiteneinstieg/submit-form", Rest.formular(meldung));
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    return verwaltung.json(start).get("id").asText();
  }

  /** The open task of this step, claimed and submitted by this person, as Tasklist does. */
  private void erledige(String fall, String schritt, String benutzer, Map<String, Object> werte) throws Exception {
    Task aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall).taskDefinitionKey(schritt).singleResult();
    assertThat(aufgabe).as("open step " + schritt).isNotNull();
    Rest person = Rest.als(port, benutzer);
    HttpResponse<String> nehmen = person.post("/task/" + aufgabe.getId() + "/claim", Rest.JSON.createObjectNode().put("userId", benutzer));
    assertThat(nehmen.statusCode()).as(schritt + " claim by " + benutzer + ": " + nehmen.body()).isEqualTo(204);
    HttpResponse<String> antwort = person.post("/task/" + aufgabe.getId() + "/submit-form", Rest.formular(werte));
    assertThat(antwort.statusCode()).as(schritt + " by " + benutzer + ": " + antwort.body()).isIn(200, 204);
  }

  private void job(String fall, String schritt) {
    Fristablauf.fuehreAus(engine, fall, schritt);
  }

  private boolean beendet(String fall) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(fall).count() == 0;
  }

  private Map<String, Object> mit(Map<String, Object> basis, Object... paare) {
    Map<String, Object> werte = new HashMap<>(basis);
    for (int i = 0; i < paare.length; i += 2) {
      werte.put((String) paare[i], paare[i + 1]);
    }
    return werte;
  }

  /** The letter as the clerk opens it from the open letter step, in the language chosen there. */
  private String brief(String fall, String sprache) throws Exception {
    HttpResponse<String> antwort = sitzung("pschneider").get("/ki/seiteneinstieg/zuweisungsschreiben/" + aktenzeichen(fall) + "?sprache=" + sprache);
    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(200);
    return antwort.body();
  }

  private WebappSitzung sitzung(String benutzer) throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    assertThat(sitzung.anmelden(benutzer, Rest.DEMO_PASSWORT).statusCode()).isEqualTo(200);
    return sitzung;
  }

  private String aktenzeichen(String fall) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(fall).singleResult().getBusinessKey();
  }

  @Test
  void neunjaehrigeInArnsbergVonDerMeldungBisZumErstenSchultag() throws Exception {
    String fall = starte(meldung("ARNSBERG", 9));
    erledige(fall, "Task_EinladungVersenden", "pschneider", einladung());
    erledige(fall, "Task_ErstberatungDurchfuehren", "tbecker", erstberatung("GRUNDSCHULE", false));
    job(fall, "Task_GesundheitsamtBenachrichtigen");
    erledige(fall, "Task_UntersuchungErfassen", "lwagner", Map.of("untersuchungsstand", "ERFOLGT", "untersuchungAm", LocalDate.now().toString()));
    erledige(fall, "Task_ZuweisungSchulamt", "jklein", mit(zuweisung("SCHULE-GR-ARNSBERG-1"), "jahrgangsstufe", 4,
        "erstfoerderungsform", "TEILINTEGRIERT"));
    job(fall, "Task_SchuleInformieren");
    erledige(fall, "Task_AufnahmeErfassen", "gsommer", aufnahme(true));
    assertThat(brief(fall, "ARABISCH")).contains("Grundschule Arnsberg 1 (Demo)").contains("Rechtsbehelfsbelehrung").contains("lang=\"ar\"");
    erledige(fall, "Task_ZuweisungsschreibenVersenden", "pschneider", mit(zuweisungsschreiben(), "briefSprache", "ARABISCH"));
    job(fall, "Task_SchultraegerZuweisungMitteilen");
    // the Schulträger's copy: the letter as PDF from its acknowledgement step
    assertThat(sitzung("bschmitt").getBytes("/ki/seiteneinstieg/zuweisungsschreiben/" + aktenzeichen(fall) + "/pdf").statusCode()).isEqualTo(200);
    erledige(fall, "Task_ZuweisungZurKenntnis", "bschmitt", Map.of("kenntnisGenommen", "JA"));
    erledige(fall, "Task_SchulbesuchBestaetigen", "gsommer", schulbesuch());
    assertThat(beendet(fall)).isTrue();
  }

  @Test
  void siebzehnjaehrigerImNovemberZugezogenKommtInFitFuerMehr() throws Exception {
    // arrived in November: schulpflichtig now, not from next August (review U1, S4)
    Map<String, Object> meldung = mit(meldung("MESCHEDE", 17), "vorname", "Yusuf", "zuzugsdatum", LocalDate.of(2026, 11, 12).toString(),
        "bevorzugteSprache", "Dari");
    String fall = starte(meldung);
    assertThat(engine.getRuntimeService().getVariable(fall, "beratung")).asString().contains("KI");
    erledige(fall, "Task_EinladungVersenden", "pschneider", einladung());
    erledige(fall, "Task_ErstberatungDurchfuehren", "tbecker", erstberatung("FIT_FUER_MEHR", false));
    job(fall, "Task_GesundheitsamtBenachrichtigen");
    erledige(fall, "Task_UntersuchungErfassen", "lwagner", Map.of("untersuchungsstand", "ERFOLGT", "untersuchungAm", LocalDate.now().toString()));
    // "Fit für mehr" is a Berufskolleg class: the Bezirksregierung assigns, for the next quarterly intake
    job(fall, "Task_ZuweisungAnfragen");
    LocalDate naechsterEinstieg = LocalDate.of(2027, 2, 1);
    erledige(fall, "Task_ZuweisungErfassen", "rkoch", Map.of("zuweisungsergebnis", "ZUGEWIESEN", "zugewieseneSchule", "SCHULE-BE-MESCHEDE-1",
        "schulbeginn", naechsterEinstieg.toString()));
    job(fall, "Task_SchuleInformieren");
    // the Berufskolleg has no account: the KI records its answer given by phone
    erledige(fall, "Task_AufnahmeErfassen", "pschneider", Map.of("aufnahme", "ANGENOMMEN", "aufnahmeAm", naechsterEinstieg.toString()));
    String brief = brief(fall, "FARSI_DARI");
    erledige(fall, "Task_ZuweisungsschreibenVersenden", "pschneider", mit(zuweisungsschreiben(), "briefSprache", "FARSI_DARI"));
    assertThat(brief).contains("Bildungsgang:</td><td>„Fit für mehr“").contains("01.02.2027").contains("Bezirksregierung Arnsberg")
        .contains("lang=\"fa\"");
    job(fall, "Task_SchultraegerZuweisungMitteilen");
    erledige(fall, "Task_SchulbesuchBestaetigen", "pschneider", mit(schulbesuch(), "schulbesuchSeit", LocalDate.now().toString()));
    assertThat(beendet(fall)).isTrue();
  }

  @Test
  void unbegleiteterFuenfzehnjaehrigerMitVormund() throws Exception {
    Map<String, Object> meldung = mit(meldung("ARNSBERG", 15), "vorname", "Samir", "sorgeform", "VORMUND",
        "erziehungsberechtigte", "Frau Petra Vormund", "jugendamt", "JUGENDAMT_ARNSBERG", "inobhutnahmeStatus", "VORMUNDSCHAFT",
        "vormundKontakt", "02931 000-1", "einrichtung", "Wohngruppe Sonnenhof, Hauptstraße 5, 59821 Arnsberg",
        "bezugsbetreuer", "Herr Jonas Betreuer", "bevorzugteSprache", "Tigrinya");
    String fall = starte(meldung);
    erledige(fall, "Task_EinladungVersenden", "pschneider", mit(einladung(), "einrichtung", "Wohngruppe Sonnenhof, Hauptstraße 5, 59821 Arnsberg",
        "jugendamt", "JUGENDAMT_ARNSBERG"));
    erledige(fall, "Task_ErstberatungDurchfuehren", "tbecker", mit(erstberatung("HAUPTSCHULE", false), "empfohleneKlasse", 8));
    job(fall, "Task_GesundheitsamtBenachrichtigen");
    erledige(fall, "Task_UntersuchungErfassen", "lwagner", Map.of("untersuchungsstand", "ERFOLGT", "untersuchungAm", LocalDate.now().toString()));
    erledige(fall, "Task_ZuweisungSchulamt", "jklein", mit(zuweisung("SCHULE-HA-ARNSBERG-1"), "jahrgangsstufe", 8));
    job(fall, "Task_SchuleInformieren");
    erledige(fall, "Task_AufnahmeErfassen", "pschneider", aufnahme(true));
    // the letter goes to the guardian, copies to the facility, the school and the Schulträger (review S13, S7)
    String brief = brief(fall, "KEINE");
    erledige(fall, "Task_ZuweisungsschreibenVersenden", "pschneider", zuweisungsschreiben());
    assertThat(brief).contains("Frau Petra Vormund").contains("Wohngruppe Sonnenhof")
        .contains("Hauptschule Arnsberg (Demo); Stadt/Gemeinde Arnsberg, Schulverwaltung (Demo)");
    job(fall, "Task_SchultraegerZuweisungMitteilen");
    erledige(fall, "Task_SchulbesuchBestaetigen", "pschneider", schulbesuch());
    assertThat(beendet(fall)).isTrue();
  }
}
