package de.hsk.ki.prozesse.einrichtungsberatung;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.WebappSitzung;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The certificates of attendance: one page per name, only for staff with a task in the case. The
 * model of the Einrichtungsberatung is built elsewhere; a one-task stand-in with an EB case number
 * carries the variables here (the controller looks the case up by its number, not by its key).
 */
@KiSpringTest
class TeilnahmebescheinigungTest {

  private static final String STELLVERTRETER = "Process_EB_Bescheinigungstest";
  private static final AtomicInteger NUMMER = new AtomicInteger(7700);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void stellvertreterBereitstellen() {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(STELLVERTRETER).count() == 0) {
      BpmnModelInstance modell = Bpmn.createExecutableProcess(STELLVERTRETER).camundaHistoryTimeToLive(1)
          .startEvent("Event_Start")
          .userTask("Task_BescheinigungenAusstellen").name("Teilnahmebescheinigungen ausstellen").camundaCandidateGroups(KiGruppen.VERWALTUNG)
          .endEvent("Event_Ende")
          .done();
      engine.getRepositoryService().createDeployment().name("Bescheinigungstest")
          .addModelInstance("bescheinigungstest.bpmn", modell).deploy();
    }
  }

  private ProcessInstance fall(String namen) {
    String aktenzeichen = "EB-2026-" + NUMMER.incrementAndGet();
    Map<String, Object> v = new HashMap<>();
    v.put(Einrichtungsberatung.THEMA.name(), "SEITENEINSTIEG_DAZ");
    v.put(Einrichtungsberatung.EINRICHTUNG.name(), "Grundschule Am Eichholz");
    if (namen != null) {
      v.put(TeilnahmebescheinigungController.TEILNEHMENDE_NAMEN, namen);
    }
    return engine.getRuntimeService().startProcessInstanceByKey(STELLVERTRETER, aktenzeichen, v);
  }

  private void termin(ProcessInstance fall, LocalDate datum, String stunden, int teilnehmende) {
    jdbc.update("INSERT INTO ki_eb_termin (aktenzeichen, datum, stunden, teilnehmende) VALUES (?, ?, ?, ?)",
        fall.getBusinessKey(), datum, new BigDecimal(stunden), teilnehmende);
  }

  private WebappSitzung angemeldet(String benutzer) throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    HttpResponse<String> login = sitzung.anmelden(benutzer, Rest.DEMO_PASSWORT);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return sitzung;
  }

  private static HttpResponse<byte[]> bescheinigungen(WebappSitzung sitzung, String aktenzeichen) throws Exception {
    return sitzung.getBytes("/ki/einrichtungsberatung/bescheinigungen/" + aktenzeichen);
  }

  private static String text(HttpResponse<byte[]> antwort) {
    return new String(antwort.body(), StandardCharsets.UTF_8);
  }

  private int protokolleintraege(String aktenzeichen) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ki_zugriffsprotokoll WHERE benutzer = 'pschneider' AND aktenzeichen = ?"
        + " AND ressource = 'Teilnahmebescheinigungen'", Integer.class, aktenzeichen);
  }

  @Test
  void eineSeiteJeNameMitThemaTerminenUndSumme() throws Exception {
    // given three names (a blank line between them) and two sessions
    ProcessInstance fall = fall("Ayşe Yılmaz\n\n  Jörg Müller  \r\nOksana Kovalenko\n");
    termin(fall, LocalDate.of(2026, 3, 9), "1.5", 14);
    termin(fall, LocalDate.of(2026, 3, 2), "2", 15);

    // when administrative staff, who hold its task, open the certificates
    HttpResponse<byte[]> antwort = bescheinigungen(angemeldet("pschneider"), fall.getBusinessKey());

    // then one PDF page per participant, with the form's words for the topic
    assertThat(antwort.statusCode()).isEqualTo(200);
    assertThat(antwort.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    assertThat(antwort.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"teilnahmebescheinigungen-" + fall.getBusinessKey() + ".pdf\"");
    assertThat(antwort.headers().firstValue("Cache-Control")).hasValue("no-store");
    PdfReader pdf = new PdfReader(antwort.body());
    assertThat(pdf.getNumberOfPages()).isEqualTo(3);
    PdfTextExtractor extraktor = new PdfTextExtractor(pdf);
    // lines wrap where the page ends; compare the words
    String erste = extraktor.getTextFromPage(1).replaceAll("\\s+", " ");
    String zweite = extraktor.getTextFromPage(2).replaceAll("\\s+", " ");
    assertThat(erste).contains("Teilnahmebescheinigung").contains("Kommunales Integrationszentrum Hochsauerlandkreis")
        .contains("Ayşe Yılmaz hat an der Fortbildung „Unterricht mit Seiteneinsteigenden – DaZ“ für Grundschule Am Eichholz teilgenommen.")
        .contains("02.03.2026").contains("09.03.2026").contains("1,5 Std.").contains("Insgesamt: 3,5 Std.")
        .contains("Meschede, " + de.hsk.ki.plattform.zeit.Zeit.heute().format(Teilnahmebescheinigungen.DATUM))
        .contains("Im Auftrag");
    assertThat(erste.indexOf("02.03.2026")).as("sessions in order of date").isLessThan(erste.indexOf("09.03.2026"));
    assertThat(zweite).contains("Jörg Müller hat an").doesNotContain("Ayşe");
    assertThat(extraktor.getTextFromPage(3)).contains("Oksana Kovalenko");
    pdf.close();
    assertThat(protokolleintraege(fall.getBusinessKey())).isEqualTo(1);
  }

  @Test
  void ohneAnmeldungGibtEsKeineBescheinigung() throws Exception {
    ProcessInstance fall = fall("Jörg Müller");
    termin(fall, LocalDate.of(2026, 3, 2), "2", 15);

    HttpResponse<byte[]> antwort = bescheinigungen(new WebappSitzung(port), fall.getBusinessKey());

    assertThat(antwort.statusCode()).isEqualTo(401);
    assertThat(text(antwort)).contains("Bitte melden Sie sich zuerst").doesNotContain("Müller");
  }

  @Test
  void werKeineAufgabeImFallHatBekommtKeineBescheinigung() throws Exception {
    ProcessInstance fall = fall("Jörg Müller");
    termin(fall, LocalDate.of(2026, 3, 2), "2", 15);

    HttpResponse<byte[]> schulamt = bescheinigungen(angemeldet("jklein"), fall.getBusinessKey());

    assertThat(schulamt.statusCode()).isEqualTo(404);
    assertThat(text(schulamt)).contains("keinen offenen Fall").doesNotContain("Müller");
  }

  @Test
  void einAbgeschlossenerOderFremderFallHatKeineBescheinigung() throws Exception {
    ProcessInstance fall = fall("Jörg Müller");
    termin(fall, LocalDate.of(2026, 3, 2), "2", 15);
    WebappSitzung verwaltung = angemeldet("pschneider");
    String aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult().getId();
    engine.getTaskService().complete(aufgabe);

    assertThat(bescheinigungen(verwaltung, fall.getBusinessKey()).statusCode()).isEqualTo(404);
    assertThat(bescheinigungen(verwaltung, "SE-2026-0001").statusCode()).isEqualTo(404);
    assertThat(protokolleintraege(fall.getBusinessKey())).isZero();
  }

  @Test
  void ohneTeilnehmendeGibtEsNochKeineBescheinigung() throws Exception {
    ProcessInstance fall = fall(" \n\n");
    termin(fall, LocalDate.of(2026, 3, 2), "2", 15);

    HttpResponse<byte[]> antwort = bescheinigungen(angemeldet("pschneider"), fall.getBusinessKey());

    assertThat(antwort.statusCode()).isEqualTo(409);
    assertThat(text(antwort)).contains("Für diesen Fall sind noch keine Teilnehmenden eingetragen.");
    assertThat(protokolleintraege(fall.getBusinessKey())).isZero();
  }

  @Test
  void ohneTermineGibtEsNochKeineBescheinigung() throws Exception {
    ProcessInstance fall = fall("Jörg Müller");

    HttpResponse<byte[]> antwort = bescheinigungen(angemeldet("pschneider"), fall.getBusinessKey());

    assertThat(antwort.statusCode()).isEqualTo(409);
    assertThat(text(antwort)).contains("noch keine Termine erfasst");
  }

  @Test
  void namenJeZeileOhneLeerzeilen() {
    assertThat(TeilnahmebescheinigungController.namen("  A \r\n\n B\n\t\n")).containsExactly("A", "B");
    assertThat(TeilnahmebescheinigungController.namen(null)).isEmpty();
  }
}
