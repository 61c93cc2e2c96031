package de.hsk.ki.prozesse.einrichtungsberatung;

import static de.hsk.ki.prozesse.einrichtungsberatung.Einrichtungsberatung.Element.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testkonto;
import de.hsk.ki.testkit.Testpostfach;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The advice process as staff use it over Tasklist's REST calls and as the county's portal submits
 * requests: the same input rules, German answers, and only the team of a step sees it.
 */
@KiSpringTest
class EinrichtungsberatungRestTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @BeforeEach
  void portalkonto() {
    Testkonto.anlegen(engine.getIdentityService(), "portalhsk", "Online-Dienst", "Hochsauerlandkreis", OnlineAnfragen.GRUPPE);
    // a wrong password delays the account's next login (the engine's login delay): tried on a second one
    Testkonto.anlegen(engine.getIdentityService(), "portaltest", "Online-Dienst", "Testzugang", OnlineAnfragen.GRUPPE);
  }

  static Map<String, Object> anfrage(String anliegen) {
    Map<String, Object> v = new HashMap<>(Beratungsfall.anfrage("Kita Sternschnuppe Arnsberg", "KITA", "SPRACHBILDUNG", "WORKSHOP"));
    v.put("zielgruppe", "[\"FACHKRAEFTE\"]"); // Tasklist submits a checklist as JSON text
    v.put("anliegen", anliegen);
    return v;
  }

  HttpResponse<String> starte(Rest wer, Map<String, Object> werte) throws Exception {
    return wer.post("/process-definition/key/" + Einrichtungsberatung.SCHLUESSEL + "/submit-form", Rest.formular(werte));
  }

  HttpResponse<String> portal(String benutzer, String passwort, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + OnlineAnfragen.PFAD))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (benutzer != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((benutzer + ":" + passwort).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String portalAnfrage(String anliegen) throws Exception {
    Map<String, Object> v = new HashMap<>(Beratungsfall.anfrage("Familienzentrum Neheim", "FAMILIENZENTRUM", "RUCKSACK_GRIFFBEREIT", "REIHE"));
    v.remove("eingangskanal");
    v.remove("eingangsdatum");
    v.put("kommune", "ARNSBERG");
    v.put("anliegen", anliegen);
    return Rest.JSON.writeValueAsString(v);
  }

  @Test
  void mitarbeitendeErfassenEineAnfrageUndDerServerWeistGeburtsdatenUndAuszeichnungenZurueck() throws Exception {
    Rest verwaltung = Rest.als(port, "pschneider");
    HttpResponse<String> geburtsdatum = starte(verwaltung, anfrage("Für Ali, geb. 03.04.2019, braucht die Kita Hilfe."));
    assertThat(geburtsdatum.statusCode()).isEqualTo(400);
    assertThat(verwaltung.json(geburtsdatum).path("message").asText()).contains("keine personenbezogenen Daten").contains("Geburtsdatum");
    HttpResponse<String> auszeichnung = starte(verwaltung, anfrage("Workshop <b>dringend</b>"));
    assertThat(auszeichnung.statusCode()).isEqualTo(400);
    assertThat(verwaltung.json(auszeichnung).path("message").asText()).contains("HTML");
    Map<String, Object> unbekannt = anfrage("Sprachbildung im Alltag");
    unbekannt.put("team", "kiLeitung");
    assertThat(starte(verwaltung, unbekannt).statusCode()).isEqualTo(400);

    HttpResponse<String> gut = starte(verwaltung, anfrage("Sprachbildung im Alltag, Termin nach dem 01.02.2027"));
    assertThat(gut.statusCode()).as(gut.body()).isEqualTo(200);
    assertThat(verwaltung.json(gut).get("businessKey").asText()).matches("EB-\\d{4}-\\d{4,}");
  }

  @Test
  void nurDasTeamDesSchrittsSiehtDieAnfrageFoerderungUndSchulamtNicht() throws Exception {
    Rest verwaltung = Rest.als(port, "pschneider");
    String id = verwaltung.json(starte(verwaltung, anfrage("Sprachbildung im Alltag"))).get("id").asText();
    Beratungsfall fall = Beratungsfall.von(engine, engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult());
    fall.jobsAusfuehren();
    Task klaeren = fall.aufgabe(Task_BedarfKlaeren);

    assertThat(Rest.als(port, "ademir").get("/task/" + klaeren.getId()).statusCode()).isEqualTo(200);
    assertThat(Rest.als(port, "mhoffmann").get("/task/" + klaeren.getId()).statusCode()).isEqualTo(200);
    for (String ohne : new String[] {"fyilmaz", "jklein", "tbecker"}) {
      assertThat(Rest.als(port, ohne).get("/task/" + klaeren.getId()).statusCode()).as(ohne).isIn(403, 404);
    }

    // the team clarifies over Tasklist's call; counts by function larger than the total are refused
    Rest sozialarbeit = Rest.als(port, "ademir");
    HttpResponse<String> klaerung = sozialarbeit.post("/task/" + klaeren.getId() + "/submit-form", Rest.formular(Map.of(
        "gespraechAm", LocalDate.now().toString(), "ziele", "Sprachbildung", "ergebnisKlaerung", "STANDARD")));
    assertThat(klaerung.statusCode()).as(klaerung.body()).isEqualTo(204);
    fall.jobsAusfuehren();
    Task vereinbaren = fall.aufgabe(Task_AngebotVereinbaren);
    // after its step the team reads neither the finished task nor the case's history; other groups not the next step
    assertThat(sozialarbeit.get("/task/" + klaeren.getId()).statusCode()).isIn(403, 404);
    HttpResponse<String> historie = sozialarbeit.get("/history/variable-instance?processInstanceId=" + id);
    assertThat(historie.statusCode() == 403 || "[]".equals(historie.body())).as(historie.body()).isTrue();
    for (String ohne : new String[] {"fyilmaz", "jklein", "tbecker", "pschneider"}) {
      assertThat(Rest.als(port, ohne).get("/task/" + vereinbaren.getId() + "/form-variables").statusCode()).as(ohne).isIn(403, 404);
    }
    HttpResponse<String> spaet = sozialarbeit.post("/task/" + vereinbaren.getId() + "/submit-form", Rest.formular(Map.of(
        "termin", LocalDate.now().plusYears(1).plusDays(5).toString(), "uhrzeit", "09:00", "ort", "KI", "referentArt", "INTERN",
        "referentIntern", "ademir", "kosten", "KOSTENFREI", "maxTeilnehmende", 20, "bescheinigungen", false)));
    assertThat(spaet.statusCode()).isEqualTo(400);
    assertThat(sozialarbeit.json(spaet).path("message").asText()).contains("mehr als ein Jahr").contains("TT.MM.JJJJ");
    HttpResponse<String> fremd = sozialarbeit.post("/task/" + vereinbaren.getId() + "/submit-form", Rest.formular(Map.of(
        "termin", LocalDate.now().plusDays(5).toString(), "uhrzeit", "09:00", "ort", "KI", "referentArt", "INTERN",
        "referentIntern", "admin", "kosten", "KOSTENFREI", "maxTeilnehmende", 20, "bescheinigungen", false)));
    assertThat(fremd.statusCode()).isEqualTo(400);
    assertThat(sozialarbeit.json(fremd).path("message").asText()).contains("ungültige Auswahl");
    HttpResponse<String> uhrzeit = sozialarbeit.post("/task/" + vereinbaren.getId() + "/submit-form", Rest.formular(Map.of(
        "termin", LocalDate.now().plusDays(5).toString(), "uhrzeit", "9 Uhr", "ort", "KI", "referentArt", "INTERN",
        "referentIntern", "ademir", "kosten", "KOSTENFREI", "maxTeilnehmende", 20, "bescheinigungen", false)));
    assertThat(uhrzeit.statusCode()).isEqualTo(400);
  }

  @Test
  void dasPortalReichtEineAnfrageEinUndErfaehrtDasAktenzeichen() throws Exception {
    HttpResponse<String> antwort = portal("portalhsk", Rest.DEMO_PASSWORT, portalAnfrage("Elternbegleiterinnen für Rucksack gesucht"));
    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(201);
    JsonNode json = Rest.JSON.readTree(antwort.body());
    String aktenzeichen = json.get("aktenzeichen").asText();
    assertThat(aktenzeichen).matches("EB-\\d{4}-\\d{4,}");
    assertThat(json.get("meldung").asText()).contains(aktenzeichen);
    var fall = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(aktenzeichen).singleResult();
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "eingangskanal")).isEqualTo("ONLINE");
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "eingangsdatum")).isEqualTo(LocalDate.now().toString());
    // a backdated request would start overdue: the portal's requests are received today
    Map<String, Object> rueckdatiert = Rest.JSON.readValue(portalAnfrage("Elternarbeit"), Map.class);
    rueckdatiert.put("eingangsdatum", LocalDate.now().minusMonths(2).toString());
    HttpResponse<String> alt = portal("portalhsk", Rest.DEMO_PASSWORT, Rest.JSON.writeValueAsString(rueckdatiert));
    var zweiter = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(Rest.JSON.readTree(alt.body()).get("aktenzeichen").asText()).singleResult();
    assertThat(engine.getRuntimeService().getVariable(zweiter.getId(), "eingangsdatum")).isEqualTo(LocalDate.now().toString());
  }

  @Test
  void nurDerServerDesPortalsDarfEinreichen() throws Exception {
    String anmeldung = Base64.getEncoder().encodeToString(("portalhsk:" + Rest.DEMO_PASSWORT).getBytes(StandardCharsets.UTF_8));
    // another host (127.0.0.2 is not on the list), and a client behind the trusted proxy that is not the portal
    assertThat(rohePost("127.0.0.2", anmeldung, null)).startsWith("HTTP/1.1 403").contains("Server des Portals");
    assertThat(rohePost("127.0.0.1", anmeldung, "10.9.8.7")).startsWith("HTTP/1.1 403");
    // the portal itself behind the proxy is accepted
    assertThat(rohePost("127.0.0.1", anmeldung, "127.0.0.1")).startsWith("HTTP/1.1 201");
  }

  /** A raw request from a chosen local address (127.0.0.2 is another host for the server), optionally through the proxy. */
  private String rohePost(String lokal, String anmeldung, String weitergeleitetFuer) throws Exception {
    byte[] body = portalAnfrage("Elternarbeit im Familienzentrum").getBytes(StandardCharsets.UTF_8);
    try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
        java.net.InetAddress.getByName(lokal), 0)) {
      String kopf = "POST " + OnlineAnfragen.PFAD + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + anmeldung
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
          + (weitergeleitetFuer == null ? "" : "\r\nX-Forwarded-For: " + weitergeleitetFuer) + "\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write(kopf.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().write(body);
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void dasPortalBekommtDeutscheFehlerJeFeldUndNiemandSonstDarfEinreichen() throws Exception {
    // without or with a wrong login: 401; a member of staff is not the portal: 403
    assertThat(portal(null, null, portalAnfrage("x")).statusCode()).isEqualTo(401);
    assertThat(portal("portaltest", "falsch", portalAnfrage("x")).statusCode()).isEqualTo(401);
    // a staff account's valid password is answered as a wrong one (no confirmation of passwords here)
    HttpResponse<String> mitarbeiterin = portal("pschneider", Rest.DEMO_PASSWORT, portalAnfrage("x"));
    assertThat(mitarbeiterin.statusCode()).isEqualTo(401);
    assertThat(mitarbeiterin.body()).contains("Online-Dienstes");

    // a birth date, a missing field and a field the form does not have: 400, each named
    Map<String, Object> schlecht = Rest.JSON.readValue(portalAnfrage("Es geht um Mia, geboren am 1.2.2018."), Map.class);
    schlecht.remove("email");
    HttpResponse<String> geburtsdatum = portal("portalhsk", Rest.DEMO_PASSWORT, Rest.JSON.writeValueAsString(schlecht));
    assertThat(geburtsdatum.statusCode()).isEqualTo(400);
    JsonNode fehler = Rest.JSON.readTree(geburtsdatum.body());
    assertThat(fehler.get("fehler").findValuesAsText("feld")).contains("email");
    assertThat(fehler.get("meldung").asText()).contains("E-Mail");
    Map<String, Object> fremd = Rest.JSON.readValue(portalAnfrage("Elternarbeit"), Map.class);
    fremd.put("team", "kiLeitung");
    HttpResponse<String> unbekannt = portal("portalhsk", Rest.DEMO_PASSWORT, Rest.JSON.writeValueAsString(fremd));
    assertThat(unbekannt.statusCode()).isEqualTo(400);
    assertThat(portal("portalhsk", Rest.DEMO_PASSWORT, "[1,2]").statusCode()).isEqualTo(400);
    Map<String, Object> riesig = Rest.JSON.readValue(portalAnfrage("Elternarbeit"), Map.class);
    riesig.put("teilnehmendeErwartet", new java.math.BigInteger("18446744073709551626"));
    HttpResponse<String> zahl = portal("portalhsk", Rest.DEMO_PASSWORT, Rest.JSON.writeValueAsString(riesig));
    assertThat(zahl.statusCode()).isEqualTo(400);
    assertThat(zahl.body()).contains("zu groß");
    assertThat(portal("portalhsk", Rest.DEMO_PASSWORT, "kein json").body()).contains("JSON");
    Map<String, Object> nurGeburtsdatum = Rest.JSON.readValue(portalAnfrage("Es geht um Mia, geboren am 1.2.2018."), Map.class);
    HttpResponse<String> person = portal("portalhsk", Rest.DEMO_PASSWORT, Rest.JSON.writeValueAsString(nurGeburtsdatum));
    assertThat(person.statusCode()).isEqualTo(400);
    assertThat(person.body()).contains("Geburtsdatum");

    // the portal account reads nothing of the engine
    for (String pfad : new String[] {"/task", "/process-instance", "/history/process-instance"}) {
      HttpResponse<String> lesen = Rest.als(port, "portalhsk").get(pfad);
      assertThat(lesen.statusCode() == 403 || "[]".equals(lesen.body())).as(pfad + ": " + lesen.body()).isTrue();
    }
  }
}
