package de.hsk.ki.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.plattform.identitaet.IdentitaetEinrichtung;
import de.hsk.ki.prozesse.einrichtungsberatung.Einrichtungsberatung;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testpostfach;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * A Kita's request from intake to the documented session in a real browser, in German: the clerk
 * records it in the start dialog, the social worker clarifies, agrees the date and documents it.
 */
class EinrichtungsberatungBrowserTest extends BrowserTestBasis {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final DateTimeFormatter TAG_MONAT_JAHR = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @Autowired JdbcTemplate jdbc;

  @Test
  void eineKitaAnfrageVonDerErfassungBisZurDokumentation() throws Exception {
    String einrichtung = "Kita Browsertest " + System.nanoTime() % 100000;
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));

    // the clerk records a phone call in the start dialog
    Browser.anmelden(browser, warte, port, "pschneider", Rest.DEMO_PASSWORT);
    Browser.starteProzess(browser, warte, "Beratung und Qualifizierung für Einrichtungen", "Field_einrichtung");
    waehle(warte, "eingangskanal", "Telefon");
    feld("eingangsdatum-date").sendKeys(LocalDate.now().format(TAG_MONAT_JAHR), Keys.TAB);
    tippe("einrichtung", einrichtung);
    waehle(warte, "einrichtungstyp", "Kita");
    waehle(warte, "kommune", "Winterberg");
    tippe("anschrift", "Am Waltenberg 3, 59955 Winterberg");
    tippe("ansprechperson", "Frau Kaiser");
    tippe("email", "kita.browsertest@example.org");
    waehle(warte, "thema", "Sprachbildung – Mehrsprachigkeit in der Kita");
    waehle(warte, "format", "Fortbildung – Workshop");
    option("zielgruppe", "pädagogische Fachkräfte").click();
    tippe("anliegen", "Das Team möchte mehrsprachige Kinder im Alltag besser begleiten.");
    Browser.bildschirmfoto(browser, "30-einrichtungsberatung-anfrage");
    sichtbar(browser.findElement(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space()='Start']"))).click();
    warte.until(d -> fall(einrichtung) != null);
    ProcessInstance fall = fall(einrichtung);
    assertThat(fall.getBusinessKey()).matches("EB-\\d{4}-\\d{4,}");
    jobsAusfuehren(fall);
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "team")).isEqualTo("kiSozialarbeit");
    browser.quit();

    // the social worker finds it in her group's list, claims it and clarifies the need
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    Browser.anmelden(browser, warte, port, "ademir", Rest.DEMO_PASSWORT);
    oeffne(warte, fall, "Bedarf klären");
    Browser.beanspruchen(browser, warte, "ziele");
    assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains("Anfrage " + fall.getBusinessKey())
        .contains(einrichtung).contains("Kita in Winterberg").contains("Frau Kaiser");
    feld("gespraechAm-date").sendKeys(LocalDate.now().format(TAG_MONAT_JAHR), Keys.TAB);
    tippe("ziele", "Alltagsintegrierte Sprachbildung im Team verankern");
    option("ergebnisKlaerung", "Standardangebot passt").click();
    Browser.bildschirmfoto(browser, "31-einrichtungsberatung-klaerung");
    Browser.abschliessen(browser, warte, () -> aufgabe(fall, "Task_BedarfKlaeren") == null);
    jobsAusfuehren(fall);

    // she agrees a date in two weeks, given by herself
    oeffne(warte, fall, "Angebot vereinbaren");
    Browser.beanspruchen(browser, warte, "ortHinweis");
    LocalDate termin = LocalDate.now().plusDays(14);
    feld("termin-date").sendKeys(termin.format(TAG_MONAT_JAHR), Keys.TAB);
    tippe("uhrzeit", "14:30");
    option("ort", "in der Einrichtung").click();
    option("referentArt", "aus dem KI").click();
    waehleEnthaltend(warte, "referentIntern", "Aylin Demir");
    option("kosten", "kostenfrei").click();
    feld("maxTeilnehmende").sendKeys("15");
    Browser.bildschirmfoto(browser, "32-einrichtungsberatung-vereinbarung");
    Browser.abschliessen(browser, warte, () -> aufgabe(fall, "Task_AngebotVereinbaren") == null);
    jobsAusfuehren(fall);
    assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
      try {
        return m.getSubject();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    })).contains("[" + fall.getBusinessKey() + "] Terminbestätigung des Kommunalen Integrationszentrums");

    // on the day (the timers run as if their time had come) she documents the session
    for (String ereignis : List.of("Event_VorDemTermin", "Event_Termintag")) {
      Job timer = engine.getManagementService().createJobQuery().processInstanceId(fall.getId()).activityId(ereignis).singleResult();
      engine.getManagementService().executeJob(timer.getId());
      jobsAusfuehren(fall);
    }
    oeffne(warte, fall, "Durchführen und dokumentieren");
    Browser.beanspruchen(browser, warte, "besonderheiten");
    option("stattgefunden", "ja").click();
    feld("durchgefuehrtAm-date").sendKeys(LocalDate.now().format(TAG_MONAT_JAHR), Keys.TAB);
    feld("dauerMinuten").sendKeys("120");
    feld("teilnehmendeGesamt").sendKeys("13");
    feld("teilnehmendeFachkraefte").sendKeys("11");
    feld("teilnehmendeLeitung").sendKeys("2");
    tippe("inhalte", "Sprachanlässe im Alltag, Bilderbuchbetrachtung");
    Browser.bildschirmfoto(browser, "33-einrichtungsberatung-dokumentation");
    Browser.abschliessen(browser, warte, () -> aufgabe(fall, "Task_Durchfuehren") == null);
    jobsAusfuehren(fall);
    assertThat(Browser.fehlermeldungen(browser)).isEmpty();

    // the session counts for the annual figures; the evaluation is requested and awaited
    assertThat(jdbc.queryForMap("SELECT stunden, teilnehmende FROM ki_eb_termin WHERE aktenzeichen = ?", fall.getBusinessKey()))
        .containsEntry("TEILNEHMENDE", 13);
    assertThat(aufgabe(fall, "Task_EvaluationErfassen")).isNotNull();
  }

  /** The task of the case from the group's list, as staff open it (the list refreshes when the filter is chosen again). */
  private void oeffne(WebDriverWait warte, ProcessInstance fall, String name) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Browser.waehleFilter(browser, warte, IdentitaetEinrichtung.FILTER_GRUPPE);
    Browser.oeffneAufgabe(browser, warte, fall.getBusinessKey(), name);
  }

  private ProcessInstance fall(String einrichtung) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Einrichtungsberatung.SCHLUESSEL)
        .variableValueEquals("einrichtung", einrichtung).singleResult();
  }

  private Task aufgabe(ProcessInstance fall, String definition) {
    return engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey(definition).singleResult();
  }

  private void jobsAusfuehren(ProcessInstance fall) {
    de.hsk.ki.testkit.Jobs.ausfuehren(engine, fall.getId());
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

  /** A radio or checklist option by its label (form-js 1.8 gives the inputs no value attribute). */
  private WebElement option(String key, String bezeichnung) {
    return sichtbar(browser.findElement(By.xpath("//input[contains(@id,'-Field_" + key + "-')][parent::label[normalize-space()='"
        + bezeichnung + "']]")));
  }

  private void waehle(WebDriverWait warte, String key, String bezeichnung) {
    waehleEintrag(warte, key, "normalize-space()='" + bezeichnung + "'");
  }

  private void waehleEnthaltend(WebDriverWait warte, String key, String teil) {
    waehleEintrag(warte, key, "contains(normalize-space(),'" + teil + "')");
  }

  /** A long list reaches below the dialog's edge: the entry is scrolled into the list's view first, as a person scrolls. */
  private void waehleEintrag(WebDriverWait warte, String key, String bedingung) {
    sichtbar(browser.findElement(By.cssSelector("[id$='-Field_" + key + "-display']"))).click();
    WebElement eintrag = warte.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][" + bedingung + "]")));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'nearest'})", eintrag);
    new org.openqa.selenium.interactions.Actions(browser).moveToElement(eintrag).click().perform();
  }
}
