package de.hsk.ki.prozesse.foerderung;

import static de.hsk.ki.prozesse.foerderung.Foerderfall.*;
import static de.hsk.ki.prozesse.foerderung.Foerderung.Element.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testpostfach;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Need-to-know in a funding case, over its life: the administration books a payout without seeing
 * the bank details; no other KI group, partner or the Schulamt reads a funding task; after its
 * task ended the administration reads nothing of the case.
 */
@KiSpringTest
class FoerderungZugriffTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final Set<String> BANKVERBINDUNG = Set.of("iban", "bic", "kontoinhaber", "geldinstitut");
  static final List<String> FREMDE = List.of("tbecker", "ademir", "jklein", "gsommer", "rkoch", "lwagner", "bschmitt");

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  Object formularDaten(String benutzer, String aufgabe) throws Exception {
    HttpResponse<String> antwort = Rest.als(port, benutzer).get("/task/" + aufgabe + "/form-variables");
    if (antwort.statusCode() != 200) {
      return antwort.statusCode();
    }
    Set<String> namen = new TreeSet<>();
    Rest.JSON.readTree(antwort.body()).fieldNames().forEachRemaining(namen::add);
    return namen;
  }

  @Test
  void dieVerwaltungBuchtOhneBankverbindungUndNiemandAusserhalbDerFoerderungLiestDenFall() throws Exception {
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Zugriff e.V.", List.of(baustein("B1", 10))));
    fall.bewilligtMitVertrag("350,00");
    fall.erledige(Task_MittelabrufErfassen, "fyilmaz", FOERDERUNG,
        Map.of("abrufArt", "ABRUF", "abrufBaustein", "B1", "abrufbetrag", "350,00", "zweiMonate", true, "kostenplanGeprueft", true));
    fall.erledige(Task_SachlichRichtig, "fyilmaz", FOERDERUNG, Map.of("sachlichRichtig", true));
    fall.erledige(Task_AuszahlungAnordnen, "mhoffmann", LEITUNG, Map.of("anordnung", true));

    // the booking: the administration sees its step's data, no bank details, even when it asks by name
    String buchung = fall.aufgabe(Task_ZahlungBuchen).getId();
    assertThat(formularDaten("pschneider", buchung)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
        .contains("aktenzeichen", "traeger", "abrufbetragText").doesNotContainAnyElementsOf(BANKVERBINDUNG);
    HttpResponse<String> gezielt = Rest.als(port, "pschneider").get("/task/" + buchung + "/form-variables?variableNames=iban,kontoinhaber,aktenzeichen");
    assertThat(Rest.JSON.readTree(gezielt.body()).fieldNames()).toIterable().containsExactly("aktenzeichen");
    assertThat(gezielt.body()).doesNotContain("DE89");
    // funding staff do not book; teachers, social workers, the Schulamt and partners read nothing
    assertThat(formularDaten("fyilmaz", buchung)).isIn(403, 404);
    for (String fremd : FREMDE) {
      HttpResponse<String> fremdeDaten = Rest.als(port, fremd).get("/task/" + buchung + "/form-variables");
      assertThat(fremdeDaten.statusCode()).as(fremd + ": " + fremdeDaten.body()).isIn(403, 404);
      assertThat(Rest.als(port, fremd).get("/task?processInstanceId=" + fall.id()).body()).as(fremd).isEqualTo("[]");
    }

    // after the booking the administration's task has ended: nothing of the case is left to read for it
    fall.erledige(Task_ZahlungBuchen, "pschneider", VERWALTUNG, Map.of("gebuchtAm", LocalDate.now().toString()));
    assertThat(formularDaten("pschneider", buchung)).isIn(400, 403, 404); // 400: the engine knows no such task any more
    // its next step is the receipt of the proof of use: that step's data, still no bank details
    var naechste = Rest.JSON.readTree(Rest.als(port, "pschneider").get("/task?processInstanceId=" + fall.id()).body());
    assertThat(naechste).extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly(Task_VerwendungsnachweisEingang.name());
    assertThat(formularDaten("pschneider", naechste.get(0).get("id").asText()))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class)).doesNotContainAnyElementsOf(BANKVERBINDUNG)
        .doesNotContain("abrufbetragText");
    HttpResponse<String> verlauf = Rest.als(port, "pschneider").get("/history/variable-instance?processInstanceId=" + fall.id());
    assertThat(verlauf.statusCode() == 200 ? verlauf.body() : "[]").isEqualTo("[]");
    HttpResponse<String> laufzeit = Rest.als(port, "pschneider").get("/process-instance/" + fall.id() + "/variables");
    assertThat(laufzeit.statusCode()).isIn(403, 404);
  }
}
