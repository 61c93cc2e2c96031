package de.hsk.ki.prozesse.seiteneinstieg;

import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.WebappSitzung;
import de.hsk.ki.testkit.Testpostfach;
import java.net.http.HttpResponse;
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
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private String basis() {
    return "http://localhost:" + port;
  }

  private WebappSitzung angemeldet(String benutzer) throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    HttpResponse<String> login = sitzung.anmelden(benutzer, "Sauerland-2026");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return sitzung;
  }

  private HttpResponse<String> schreiben(WebappSitzung sitzung, String aktenzeichen) throws Exception {
    return sitzung.get("/ki/seiteneinstieg/zuweisungsschreiben/" + aktenzeichen);
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
    HttpResponse<String> ohne = schreiben(new WebappSitzung(port), fall.getBusinessKey());
    assertThat(ohne.statusCode()).isEqualTo(401);
    assertThat(ohne.body()).contains("Bitte melden Sie sich zuerst").doesNotContain(MARKER_NAME);

    HttpResponse<String> schulamt = schreiben(angemeldet("jklein"), fall.getBusinessKey());
    assertThat(schulamt.statusCode()).isEqualTo(404);
    assertThat(schulamt.body()).doesNotContain(MARKER_NAME);
  }
}
