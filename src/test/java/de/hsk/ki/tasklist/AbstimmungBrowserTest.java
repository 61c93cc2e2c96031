package de.hsk.ki.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.plattform.identitaet.IdentitaetEinrichtung;
import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.prozesse.abstimmung.Abstimmung;
import de.hsk.ki.prozesse.abstimmung.Abstimmungsfall;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testpostfach;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Schulamt gives its own statement on a coordination case in Tasklist, in German, in a real
 * browser; the other authority's statement stays open and the funding team never sees the task.
 */
class AbstimmungBrowserTest extends BrowserTestBasis {

  // asking the authorities sends e-mails as jobs; without a mailbox those jobs fail
  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final String SCHULAMT = "SCHULAMT";
  static final String JUGENDAMT = "JUGENDAMT_ARNSBERG";

  @Autowired JdbcTemplate jdbc;

  @Test
  void schulamtGibtSeineStellungnahmeImFormularAb() throws Exception {
    // given a structural case, accepted, the Schulamt and a youth office asked for statements
    Abstimmungsfall fall = Abstimmungsfall.melde(engine, Abstimmungsfall.bedarf("Schulplätze für neu zugewanderte 16- bis 18-Jährige",
        "STRUKTURELL", List.of("SCHULE", "SGB_VIII"), List.of("ARNSBERG"), "HOCH"));
    fall.annehmen("ademir");
    LocalDate frist = LocalDate.now().plusDays(14);
    fall.beteiligteFestlegen(List.of(SCHULAMT, JUGENDAMT), frist);
    String aktenzeichen = fall.aktenzeichen();
    // the need was raised a week ago, so a letter received two days ago is plausible (the form refuses earlier dates)
    jdbc.update("UPDATE ki_ab_fall SET angelegt_am = ? WHERE aktenzeichen = ?", Zeit.heute().minusDays(7), aktenzeichen);
    Task schulamtAufgabe = fall.stellungnahmeVon(SCHULAMT);
    Task jugendamtAufgabe = fall.stellungnahmeVon(JUGENDAMT);

    // the Schulamt's group list holds its own statement task, not the youth office's; funding sees no task of the case
    assertThat(imGruppenfilter(Rest.als(port, "jklein"))).extracting(a -> a.path("id").asText())
        .contains(schulamtAufgabe.getId()).doesNotContain(jugendamtAufgabe.getId());
    assertThat(imGruppenfilter(Rest.als(port, "fyilmaz"))).extracting(a -> a.path("processInstanceId").asText())
        .doesNotContain(fall.fall.getId());

    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));

    // when jklein opens the task from the group filter, claims it and fills in the form
    anmelden(warte, "jklein");
    waehleFilter(warte, IdentitaetEinrichtung.FILTER_GRUPPE);
    By karteDesFalls = By.xpath("//li[contains(@class,'task')][.//*[contains(text(),'" + aktenzeichen + "')]]");
    Browser.oeffneAufgabe(browser, warte, aktenzeichen, "Stellungnahme erfassen");
    assertThat(browser.findElements(karteDesFalls)).as("cards of the case in the Schulamt's list").hasSize(1);
    Browser.bildschirmfoto(browser, "20-abstimmung-aufgabenliste");
    Browser.beanspruchen(browser, warte, "position");
    assertThat(aufgabe(schulamtAufgabe.getId()).getAssignee()).isEqualTo("jklein");
    assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText())
        .contains("Abstimmung " + aktenzeichen)
        .contains("Stellungnahme von Schulamt für den Hochsauerlandkreis (Demo)")
        .contains("erbeten bis " + frist.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
        .contains("Eingang am", "Position", "Unterstützt Ihre Stelle das Anliegen?", "Eigene Beiträge");

    // the letter came in two days ago (not today: a default would look the same)
    LocalDate eingang = Zeit.heute().minusDays(2);
    String position = "Das Schulamt kann zum Halbjahr eine internationale Förderklasse am Berufskolleg einrichten. "
        + System.nanoTime() % 100000;
    String beitraege = "Zwei Lehrkräfte mit DaZ-Qualifikation";
    // form-js 1.8's date picker takes MM/DD/YYYY
    feld("eingangAm-date").sendKeys(eingang.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")), Keys.TAB);
    tippe("position", position);
    // form-js 1.8 renders radios without a value attribute: the option is found by its label ("teilweise" = TEILWEISE)
    WebElement teilweise = sichtbar(browser.findElement(By.xpath(
        "//input[@type='radio'][contains(@id,'-Field_zustimmung-')][parent::label[normalize-space()='teilweise']]")));
    teilweise.click();
    tippe("beitraege", beitraege);
    Browser.bildschirmfoto(browser, "21-abstimmung-stellungnahme");
    // still the form we typed into (a re-rendered form would submit empty fields)
    assertThat(feld("position").getAttribute("value")).isEqualTo(position);
    assertThat(feld("eingangAm-date").getAttribute("value")).isEqualTo(eingang.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    assertThat(teilweise.isSelected()).isTrue();

    Browser.abschliessen(browser, warte, () -> aufgabe(schulamtAufgabe.getId()) == null);
    // the list refreshes too: the case is no longer in the Schulamt's list
    warte.until(ExpectedConditions.invisibilityOfElementLocated(karteDesFalls));
    Browser.bildschirmfoto(browser, "22-abstimmung-abgeschlossen");
    keineFehlermeldung();

    // then the statement is recorded for the Schulamt, by jklein, as entered
    Map<String, Object> zeile = jdbc.queryForMap(
        "SELECT status, eingang_am, zustimmung, position, beitraege, erfasst_von FROM ki_ab_beteiligung WHERE aktenzeichen = ? AND stelle = ?",
        aktenzeichen, SCHULAMT);
    assertThat(zeile.get("STATUS")).isEqualTo("EINGEGANGEN");
    assertThat(zeile.get("ZUSTIMMUNG")).isEqualTo("TEILWEISE");
    assertThat(zeile.get("POSITION")).isEqualTo(position);
    assertThat(zeile.get("BEITRAEGE")).isEqualTo(beitraege);
    assertThat(zeile.get("ERFASST_VON")).isEqualTo("jklein");
    assertThat(((java.sql.Date) zeile.get("EINGANG_AM")).toLocalDate()).isEqualTo(eingang);
    assertThat(jdbc.queryForObject("SELECT status FROM ki_ab_beteiligung WHERE aktenzeichen = ? AND stelle = ?",
        String.class, aktenzeichen, JUGENDAMT)).isEqualTo("ANGEFRAGT");

    // the join runs as a job (asyncAfter); afterwards the youth office's statement is still awaited
    fall.jobsAusfuehren();
    assertThat(fall.aufgaben(Abstimmung.Element.Task_StellungnahmeErfassen.name())).extracting(Task::getId)
        .containsExactly(jugendamtAufgabe.getId());
    assertThat(fall.aufgaben(Abstimmung.Element.Task_Konsolidieren.name())).isEmpty();
  }

  /** The tasks this user's "Aufgaben meiner Gruppe" lists, over the REST calls Tasklist makes. */
  private List<JsonNode> imGruppenfilter(Rest benutzer) throws Exception {
    JsonNode filter = benutzer.json(benutzer.get("/filter?name=" + IdentitaetEinrichtung.FILTER_GRUPPE.replace(" ", "%20")));
    assertThat(filter).as("group filter visible").hasSize(1);
    var antwort = benutzer.post("/filter/" + filter.get(0).get("id").asText() + "/list", "{}");
    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(200);
    List<JsonNode> aufgaben = new ArrayList<>();
    benutzer.json(antwort).forEach(aufgaben::add);
    return aufgaben;
  }

  private Task aufgabe(String id) {
    return engine.getTaskService().createTaskQuery().taskId(id).singleResult();
  }

  private WebElement feld(String key) {
    return Browser.feld(browser, key);
  }

  private void tippe(String key, String text) {
    Browser.tippe(browser, key, text);
  }

  private WebElement sichtbar(WebElement element) {
    return Browser.sichtbar(browser, element);
  }

  private void waehleFilter(WebDriverWait warte, String name) {
    Browser.waehleFilter(browser, warte, name);
  }

  private void keineFehlermeldung() {
    assertThat(Browser.fehlermeldungen(browser)).isEmpty();
  }

  private void anmelden(WebDriverWait warte, String benutzer) {
    Browser.anmelden(browser, warte, port, benutzer, Rest.DEMO_PASSWORT);
  }
}
