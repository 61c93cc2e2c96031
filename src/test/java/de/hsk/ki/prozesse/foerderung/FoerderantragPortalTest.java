package de.hsk.ki.prozesse.foerderung;

import static de.hsk.ki.prozesse.foerderung.Foerderung.Element.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.geld.Betrag;
import de.hsk.ki.plattform.portal.Onlineeingang;
import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.testkit.AlsPerson;
import de.hsk.ki.testkit.Jobs;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testkonto;
import de.hsk.ki.testkit.Testpostfach;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Funding applications from the county's online service portal: the same start form and server
 * rules as in Tasklist, received today through the channel PORTAL, and only the portal's account
 * from the portal's server may submit.
 */
@KiSpringTest
class FoerderantragPortalTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  /** Applications in December are for next year. */
  static final long JAHR = Zeit.heute().getYear() + 1L;
  static final String PORTAL = "portalfoerderung";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @BeforeEach
  void portalkonto() {
    Testkonto.anlegen(engine.getIdentityService(), PORTAL, "Online-Dienst", "Förderung", Onlineeingang.GRUPPE);
    // a wrong password delays the account's next login (the engine's login delay): tried on a second one
    Testkonto.anlegen(engine.getIdentityService(), "portalfoerderungtest", "Online-Dienst", "Testzugang", Onlineeingang.GRUPPE);
  }

  /** The application as the portal sends it: blocks as a JSON array of rows, declarations as an array of values; no receipt date. */
  static Map<String, Object> antrag(String traeger, List<Map<String, Object>> bausteine) {
    Map<String, Object> v = new LinkedHashMap<>(Foerderfall.antrag(traeger, bausteine));
    v.put("bausteine", bausteine);
    v.remove("eingangsdatum");
    return v;
  }

  static Map<String, Object> baustein(String code, long menge) {
    return Foerderfall.baustein(code, menge);
  }

  HttpResponse<String> portal(String benutzer, String passwort, Map<String, Object> antrag) throws Exception {
    HttpRequest anfrage = HttpRequest.newBuilder(URI.create("http://localhost:" + port + OnlineAntraege.PFAD))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((benutzer + ":" + passwort).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(Rest.JSON.writeValueAsString(antrag))).build();
    return HttpClient.newHttpClient().send(anfrage, HttpResponse.BodyHandlers.ofString());
  }

  ProcessInstance fall(HttpResponse<String> antwort) throws Exception {
    String aktenzeichen = Rest.JSON.readTree(antwort.body()).get("aktenzeichen").asText();
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(aktenzeichen).singleResult();
  }

  Object variable(ProcessInstance fall, String name) {
    return engine.getRuntimeService().getVariable(fall.getId(), name);
  }

  long antraege() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Foerderung.ANTRAG).count();
  }

  @Test
  void dasPortalReichtEinenAntragEinUndErfaehrtDasAktenzeichen() throws Exception {
    HttpResponse<String> antwort = portal(PORTAL, Rest.DEMO_PASSWORT, antrag("Portalverein Arnsberg e.V.", List.of(baustein("B1", 10))));

    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(201);
    JsonNode json = Rest.JSON.readTree(antwort.body());
    String aktenzeichen = json.get("aktenzeichen").asText();
    assertThat(aktenzeichen).matches("FA-\\d{4}-\\d{4,}");
    assertThat(json.get("meldung").asText()).contains(aktenzeichen);
    ProcessInstance fall = fall(antwort);
    assertThat(variable(fall, Foerderung.EINGANGSKANAL.name())).isEqualTo("PORTAL");
    assertThat(variable(fall, Foerderung.EINGANGSDATUM.name())).isEqualTo(Zeit.heute().toString());
  }

  @Test
  void einRueckdatierterEingangUndEinAndererKanalImAntragZaehlenNicht() throws Exception {
    Map<String, Object> rueckdatiert = antrag("Rückblick Meschede e.V.", List.of(baustein("B1", 5)));
    rueckdatiert.put("eingangsdatum", Zeit.heute().minusMonths(2).toString());
    rueckdatiert.put("eingangskanal", "FORMULAR");

    HttpResponse<String> antwort = portal(PORTAL, Rest.DEMO_PASSWORT, rueckdatiert);

    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(201);
    ProcessInstance fall = fall(antwort);
    assertThat(variable(fall, Foerderung.EINGANGSDATUM.name())).isEqualTo(Zeit.heute().toString());
    assertThat(variable(fall, Foerderung.EINGANGSKANAL.name())).isEqualTo("PORTAL");
  }

  @Test
  void dieBausteineKommenAlsZeilenAnUndDerBetragWirdBerechnet() throws Exception {
    // given 2 rooms × 1.000 € and 20 escorts × 35 €, sent as a JSON array of rows
    HttpResponse<String> antwort = portal(PORTAL, Rest.DEMO_PASSWORT,
        antrag("Willkommen im Portal e.V.", List.of(baustein("A1", 2), baustein("B1", 20))));
    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(201);
    ProcessInstance fall = fall(antwort);
    // the rows arrive as Tasklist submits a dynamic list: a JSON variable
    assertThat(engine.getRuntimeService().getVariableTyped(fall.getId(), Foerderung.BAUSTEINE.name(), false).getType().getName())
        .isEqualTo("json");
    Jobs.ausfuehren(engine, fall.getId());

    // when the application is complete
    var vollstaendigkeit = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId())
        .taskDefinitionKey(Task_VollstaendigkeitPruefen.name()).singleResult();
    List<String> unterlagen = de.hsk.ki.plattform.fall.Listen.alsStrings(
        engine.getRuntimeService().getVariable(fall.getId(), Foerderung.PFLICHTUNTERLAGEN.name()));
    AlsPerson.erledige(engine, "fyilmaz", "kiFoerderung", vollstaendigkeit.getId(),
        Map.of("vorhandeneUnterlagen", unterlagen, "vollstaendigkeit", "VOLLSTAENDIG"));
    Jobs.ausfuehren(engine, fall.getId());

    // then the amount is the sum of the rates
    Object betrag = engine.getRuntimeService().getVariable(fall.getId(), Foerderung.BERECHNETER_BETRAG.name());
    assertThat(betrag).isEqualTo("2700,00");
    assertThat(Betrag.von(betrag)).isEqualByComparingTo("2700.00");
  }

  @Test
  void eineFalscheIbanUndFehlendeErklaerungenWerdenJeFeldDeutschAbgewiesenOhneFall() throws Exception {
    Map<String, Object> antrag = antrag("Tippfehler Sundern e.V.", List.of(baustein("B1", 10)));
    antrag.put("iban", "DE89 3704 0044 0532 0130 01");
    antrag.put("erklaerungen", List.of("NICHT_BEGONNEN", "LOGO"));
    long vorher = antraege();

    HttpResponse<String> antwort = portal(PORTAL, Rest.DEMO_PASSWORT, antrag);

    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(400);
    JsonNode json = Rest.JSON.readTree(antwort.body());
    assertThat(json.get("fehler").findValuesAsText("feld")).contains("iban", "erklaerungen");
    assertThat(json.get("meldung").asText()).contains("IBAN").contains("Erklärungen");
    assertThat(antraege()).isEqualTo(vorher);
  }

  @Test
  void einFeldDasDasFormularNichtHatWirdAbgewiesen() throws Exception {
    Map<String, Object> antrag = antrag("Zusatzfeld Brilon e.V.", List.of(baustein("B1", 10)));
    antrag.put("berechneterBetrag", "99999,00");
    long vorher = antraege();

    HttpResponse<String> antwort = portal(PORTAL, Rest.DEMO_PASSWORT, antrag);

    assertThat(antwort.statusCode()).isEqualTo(400);
    assertThat(Rest.JSON.readTree(antwort.body()).get("fehler").findValuesAsText("feld")).contains("berechneterBetrag");
    assertThat(antwort.body()).contains("gehört nicht zu diesem Formular");
    assertThat(antraege()).isEqualTo(vorher);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void einGueltigesPasswortEinerMitarbeiterinUndEinFalschesPasswortGebenBeide401(CapturedOutput ausgabe) throws Exception {
    long vorher = antraege();
    // fyilmaz may start applications in Tasklist, but she is not the portal
    HttpResponse<String> mitarbeiterin = portal("fyilmaz", Rest.DEMO_PASSWORT, antrag("Konto Olsberg e.V.", List.of(baustein("B1", 1))));
    HttpResponse<String> falsch = portal("portalfoerderungtest", "falschesKennwort9", antrag("Konto Olsberg e.V.", List.of(baustein("B1", 1))));

    assertThat(mitarbeiterin.statusCode()).isEqualTo(401);
    assertThat(falsch.statusCode()).isEqualTo(401);
    assertThat(mitarbeiterin.body()).isEqualTo(falsch.body()).contains("Online-Dienstes");
    assertThat(antraege()).isEqualTo(vorher);
    // the login log covers every portal endpoint under /ki/
    assertThat(ausgabe.getAll()).contains("REST login failed: user=portalfoerderungtest").doesNotContain("falschesKennwort9");
  }

  @Test
  void vonEinerAdresseAusserhalbDerListe403() throws Exception {
    long vorher = antraege();
    String anmeldung = Base64.getEncoder().encodeToString((PORTAL + ":" + Rest.DEMO_PASSWORT).getBytes(StandardCharsets.UTF_8));
    byte[] body = Rest.JSON.writeValueAsBytes(antrag("Fremder Host e.V.", List.of(baustein("B1", 1))));
    // 127.0.0.2 is another host for the server and not on the list
    String antwort;
    try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName("127.0.0.2"), 0)) {
      String kopf = "POST " + OnlineAntraege.PFAD + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + anmeldung
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write(kopf.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().write(body);
      antwort = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(antwort).startsWith("HTTP/1.1 403").contains("Server des Portals");
    assertThat(antraege()).isEqualTo(vorher);
  }
}
