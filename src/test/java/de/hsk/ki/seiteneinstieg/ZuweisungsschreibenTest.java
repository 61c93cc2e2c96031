package de.hsk.ki.seiteneinstieg;

import static de.hsk.ki.seiteneinstieg.Seiteneinstiegsfall.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.hsk.ki.KiSpringTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The printable assignment letter: right content, and only for staff who work the case. */
@KiSpringTest
class ZuweisungsschreibenTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private String basis() {
    return "http://localhost:" + port;
  }

  /** Logs in to the webapps like Tasklist does and returns a client holding the session. */
  private HttpClient angemeldet(String benutzer) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    http.send(HttpRequest.newBuilder(URI.create(basis() + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
    String formular = "username=" + URLEncoder.encode(benutzer, StandardCharsets.UTF_8) + "&password=Sauerland-2026";
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(basis() + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString(formular)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return http;
  }

  private HttpResponse<String> schreiben(HttpClient http, String aktenzeichen) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(basis() + "/ki/seiteneinstieg/zuweisungsschreiben/" + aktenzeichen)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private ProcessInstance fallMitAngenommenerZuweisung() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 7));
    schliesseAb(fall, einladung());
    schliesseAb(fall, erstberatung("GRUNDSCHULE", false));
    schliesseAb(fall, zuweisung("SCHULE-GR-ARNSBERG-2"));
    String job = engine.getManagementService().createJobQuery().processInstanceId(fall.getId())
        .activityId("Task_SchuleInformieren").singleResult().getId();
    engine.getManagementService().executeJob(job);
    schliesseAb(fall, aufnahme(true));
    return fall;
  }

  private void schliesseAb(ProcessInstance fall, java.util.Map<String, Object> variablen) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(task.getId(), variablen);
  }

  @Test
  void verwaltungDrucktDasSchreibenMitSchuleUndErstemSchultag() throws Exception {
    ProcessInstance fall = fallMitAngenommenerZuweisung();
    HttpResponse<String> antwort = schreiben(angemeldet("pschneider"), fall.getBusinessKey());

    assertThat(antwort.statusCode()).isEqualTo(200);
    assertThat(antwort.headers().firstValue("Cache-Control")).hasValue("no-store");
    String datum = LocalDate.now().plusDays(7).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    assertThat(antwort.body())
        .contains("Zuweisung eines Schulplatzes")
        .contains(fall.getBusinessKey())
        .contains("Amina " + MARKER_NAME)
        .contains("Grundschule Arnsberg 2 (Demo)")
        .contains("Erster Schultag:</td><td>" + datum)
        .contains("Frau Schulz");
  }

  @Test
  void ohneAnmeldungOderOhneAufgabeImFallGibtEsKeinSchreiben() throws Exception {
    ProcessInstance fall = fallMitAngenommenerZuweisung();
    HttpResponse<String> ohne = schreiben(HttpClient.newHttpClient(), fall.getBusinessKey());
    assertThat(ohne.statusCode()).isEqualTo(401);
    assertThat(ohne.body()).contains("Bitte melden Sie sich zuerst").doesNotContain(MARKER_NAME);

    HttpResponse<String> schulamt = schreiben(angemeldet("jklein"), fall.getBusinessKey());
    assertThat(schulamt.statusCode()).isEqualTo(404);
    assertThat(schulamt.body()).doesNotContain(MARKER_NAME);
  }
}
