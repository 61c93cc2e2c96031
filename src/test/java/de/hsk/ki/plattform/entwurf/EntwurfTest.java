package de.hsk.ki.plattform.entwurf;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.Testpostfach;
import de.hsk.ki.testkit.WebappSitzung;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Drafts of task forms on the server: who may store and read them, under which rules, and when they go. */
@KiSpringTest
class EntwurfTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final String PASSWORT = "Sauerland-2026";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired Entwuerfe entwuerfe;

  /** A logged-in Tasklist session that can also PUT and DELETE. */
  final class Sitzung {
    final WebappSitzung webapp = new WebappSitzung(port);

    Sitzung(String benutzer) throws Exception {
      assertThat(webapp.anmelden(benutzer, PASSWORT).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> sende(String methode, String aufgabe, String body, boolean mitToken) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ki/entwuerfe/aufgabe/" + aufgabe))
          .method(methode, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
          .header("Content-Type", "application/json")
          .header("Cookie", "JSESSIONID=" + webapp.cookie("JSESSIONID") + "; XSRF-TOKEN=" + webapp.cookie("XSRF-TOKEN"));
      if (mitToken) {
        b.header("X-XSRF-TOKEN", webapp.cookie("XSRF-TOKEN"));
      }
      return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> speichern(String aufgabe, String body) throws Exception {
      return sende("PUT", aufgabe, body, true);
    }

    HttpResponse<String> lesen(String aufgabe) throws Exception {
      return sende("GET", aufgabe, null, false);
    }
  }

  ProcessInstance fallBisZurErstberatung() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(einladung.getId(), Seiteneinstiegsfall.einladung());
    return fall;
  }

  Task offen(ProcessInstance fall) {
    return engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
  }

  int protokollEintraege(String benutzer, String aktenzeichen) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ki_zugriffsprotokoll WHERE benutzer = ? AND aktenzeichen = ? AND ressource LIKE 'Entwurf%'",
        Integer.class, benutzer, aktenzeichen);
  }

  @Test
  void lehrkraftSpeichertUndLiestIhrenEntwurfNurSieUndNurMitProtokoll() throws Exception {
    ProcessInstance fall = fallBisZurErstberatung();
    String aufgabe = offen(fall).getId();
    Sitzung tbecker = new Sitzung("tbecker");

    assertThat(tbecker.lesen(aufgabe).statusCode()).isEqualTo(204);
    HttpResponse<String> gespeichert = tbecker.speichern(aufgabe, "{\"sprachen\": \"Kurdisch, Arabisch\", \"schulbesuchsjahre\": 4}");
    assertThat(gespeichert.statusCode()).as(gespeichert.body()).isEqualTo(200);
    assertThat(gespeichert.body()).contains("Entwurf gespeichert.");

    int vorher = protokollEintraege("tbecker", fall.getBusinessKey());
    HttpResponse<String> gelesen = tbecker.lesen(aufgabe);
    assertThat(gelesen.statusCode()).isEqualTo(200);
    assertThat(gelesen.body()).contains("Kurdisch, Arabisch").contains("\"gespeichert\"");
    assertThat(protokollEintraege("tbecker", fall.getBusinessKey())).isEqualTo(vorher + 1);
    assertThat(gelesen.headers().firstValue("Cache-Control")).hasValue("no-store");

    // without Camunda's CSRF token of the session nothing is stored
    assertThat(tbecker.sende("PUT", aufgabe, "{\"sprachen\": \"Fremd\"}", false).statusCode()).isEqualTo(403);
    // not logged in
    HttpResponse<String> anonym = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/ki/entwuerfe/aufgabe/" + aufgabe)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonym.statusCode()).isEqualTo(401);
    // HTTP Basic of the REST API is no Tasklist session
    HttpResponse<String> basic = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/ki/entwuerfe/aufgabe/" + aufgabe)).GET()
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("tbecker:" + PASSWORT).getBytes())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(basic.statusCode()).isEqualTo(401);

    // another role does not see the task: neither read nor store
    Sitzung pschneider = new Sitzung("pschneider");
    assertThat(pschneider.lesen(aufgabe).statusCode()).isEqualTo(404);
    assertThat(pschneider.speichern(aufgabe, "{\"sprachen\": \"X\"}").statusCode()).isEqualTo(404);
    assertThat(pschneider.lesen(aufgabe).body()).doesNotContain("Kurdisch");
    assertThat(protokollEintraege("pschneider", fall.getBusinessKey())).isZero();

    // the management may read the task (supervision) but does not work it: no draft either
    Sitzung mhoffmann = new Sitzung("mhoffmann");
    assertThat(mhoffmann.speichern(aufgabe, "{\"sprachen\": \"X\"}").statusCode()).isEqualTo(404);
    assertThat(mhoffmann.lesen(aufgabe).statusCode()).isEqualTo(404);
  }

  @Test
  void entwurfFolgtDenEingaberegelnAufDeutsch() throws Exception {
    ProcessInstance fall = fallBisZurErstberatung();
    String aufgabe = offen(fall).getId();
    Sitzung tbecker = new Sitzung("tbecker");

    HttpResponse<String> fremd = tbecker.speichern(aufgabe, "{\"geheim\": \"x\"}");
    assertThat(fremd.statusCode()).isEqualTo(400);
    assertThat(fremd.body()).contains("Der Entwurf wurde nicht gespeichert.").contains("„geheim“ gehört nicht zu diesem Formular");
    HttpResponse<String> auszeichnung = tbecker.speichern(aufgabe, "{\"sprachen\": \"<script>alert(1)</script>\"}");
    assertThat(auszeichnung.statusCode()).isEqualTo(400);
    assertThat(auszeichnung.body()).contains("HTML oder andere Auszeichnungen");
    HttpResponse<String> steuerzeichen = tbecker.speichern(aufgabe, "{\"beratungsnotiz\": \"a\\u0007b\"}");
    assertThat(steuerzeichen.body()).contains("Steuerzeichen sind nicht erlaubt.");
    HttpResponse<String> zuLang = tbecker.speichern(aufgabe, "{\"beratungsnotiz\": \"" + "x".repeat(4001) + "\"}");
    assertThat(zuLang.statusCode()).isEqualTo(400);
    assertThat(zuLang.body()).contains("höchstens");
    HttpResponse<String> option = tbecker.speichern(aufgabe, "{\"deutschniveau\": \"C9\"}");
    assertThat(option.body()).contains("ungültige Auswahl „C9“");
    assertThat(tbecker.speichern(aufgabe, "[1,2]").statusCode()).isEqualTo(400);
    assertThat(entwuerfe.aufgabenMitEntwurf()).doesNotContain(aufgabe);

    // half-filled is what a draft is: required fields may stay empty
    assertThat(tbecker.speichern(aufgabe, "{\"sprachen\": \"Arabisch\"}").statusCode()).isEqualTo(200);
  }

  @Test
  void nachNeuzuweisungUndAufgabenendeIstDerEntwurfWeg() throws Exception {
    ProcessInstance fall = fallBisZurErstberatung();
    String aufgabe = offen(fall).getId();
    Sitzung tbecker = new Sitzung("tbecker");
    assertThat(tbecker.speichern(aufgabe, "{\"sprachen\": \"Tigrinya\"}").statusCode()).isEqualTo(200);

    // a colleague of the same group sees the task, never her draft
    String kollegin = de.hsk.ki.testkit.Testkonto.anlegen(engine.getIdentityService(), "lkollegin", "Lea", "Kollegin", "kiLehrkraefte");
    Sitzung zweite = new Sitzung(kollegin);
    HttpResponse<String> fremd = zweite.lesen(aufgabe);
    assertThat(fremd.statusCode()).isEqualTo(204);
    assertThat(fremd.body()).doesNotContain("Tigrinya");

    // the task goes to the colleague: it is no longer hers to work, and her draft goes
    engine.getTaskService().setAssignee(aufgabe, kollegin);
    assertThat(tbecker.lesen(aufgabe).statusCode()).isEqualTo(404);
    assertThat(tbecker.speichern(aufgabe, "{\"sprachen\": \"Tigrinya\"}").statusCode()).isEqualTo(404);
    assertThat(entwuerfe.aufgabenMitEntwurf()).doesNotContain(aufgabe);

    engine.getTaskService().setAssignee(aufgabe, "tbecker");
    assertThat(tbecker.speichern(aufgabe, "{\"sprachen\": \"Tigrinya\"}").statusCode()).isEqualTo(200);
    engine.getTaskService().complete(aufgabe, Seiteneinstiegsfall.erstberatung("GRUNDSCHULE", false));
    assertThat(entwuerfe.aufgabenMitEntwurf()).doesNotContain(aufgabe);
    assertThat(tbecker.lesen(aufgabe).statusCode()).isEqualTo(404);
  }

  @Test
  void loeschungDesFallsLaesstKeinenEntwurfZurueck() throws Exception {
    ProcessInstance fall = fallBisZurErstberatung();
    String aufgabe = offen(fall).getId();
    String marker = "Entwurfsmarker" + System.nanoTime();
    Sitzung tbecker = new Sitzung("tbecker");
    assertThat(tbecker.speichern(aufgabe, "{\"beratungsnotiz\": \"Familie " + marker + "\"}").statusCode()).isEqualTo(200);
    assertThat(de.hsk.ki.testkit.Datenbanksuche.fundstellen(jdbc, marker)).containsExactly("KI_ENTWURF.INHALT");

    HttpResponse<String> loeschung = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/ki/betrieb/faelle/" + fall.getBusinessKey())).DELETE()
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + "Pruefstand-7-Test").getBytes())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(loeschung.statusCode()).as(loeschung.body()).isEqualTo(200);
    assertThat(de.hsk.ki.testkit.Datenbanksuche.fundstellen(jdbc, marker)).isEmpty();
  }

  @Test
  void derTaeglicheDurchlaufRaeumtVerwaisteEntwuerfeAuf() {
    entwuerfe.speichern("tbecker", "keine-solche-aufgabe", null, Map.of("sprachen", "x"));
    assertThat(entwuerfe.bereinigen()).isGreaterThanOrEqualTo(1);
    assertThat(entwuerfe.aufgabenMitEntwurf()).doesNotContain("keine-solche-aufgabe");
  }
}
