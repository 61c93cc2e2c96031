package de.hsk.ki.tasklist;

import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.plattform.identitaet.IdentitaetEinrichtung;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testpostfach;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Seiteneinstieg case in a real browser: the Schulamt re-assigns after a refusal (empty form, the
 * refusal shown, the refusing school not offered), the letter opens in a tab of its own and names
 * the new school's contact; the invitation letter from the open form; "Familie nicht erreichbar";
 * the Schulamt's other decisions: a query answered by the counselling teacher, then the waiting list.
 */
class SeiteneinstiegBrowserTest extends BrowserTestBasis {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");


  @Test
  void nachAblehnungNeuZuweisenUndDasSchreibenImEigenenTab() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 12));
    schliesseAb(fall, "Task_EinladungVersenden", einladung());
    schliesseAb(fall, "Task_ErstberatungDurchfuehren", erstberatung("HAUPTSCHULE", false));
    schliesseAb(fall, "Task_ZuweisungSchulamt", zuweisung("SCHULE-HA-ARNSBERG-1")); // contact "Frau Schulz"
    de.hsk.ki.testkit.Jobs.ausfuehren(engine, fall.getId());
    schliesseAb(fall, "Task_AufnahmeErfassen", aufnahme(false));

    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    Browser.anmelden(browser, warte, port, "jklein", Rest.DEMO_PASSWORT);
    oeffne(warte, fall, "Schulplatz zuweisen");
    Browser.beanspruchen(browser, warte, "zuweisungsergebnis-0");
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Bisherige Zuweisungen in diesem Fall"));
    // the school fields appear once the decision is "assigned"
    assertThat(browser.findElements(By.cssSelector("[id$='-Field_zugewieseneSchule']"))).isEmpty();
    Browser.option(browser, "zuweisungsergebnis", "Schule zugewiesen").click();
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Field_ansprechperson']")));
    String seite = browser.findElement(By.tagName("body")).getText();
    assertThat(seite).contains("Hauptschule Arnsberg (Demo) – abgelehnt am " + LocalDate.now().format(DATUM) + ", Grund: Klasse 4 voll belegt");
    // the repeated task starts empty
    assertThat(Browser.feld(browser, "ansprechperson").getAttribute("value")).isEmpty();
    assertThat(Browser.feld(browser, "schulbeginn-date").getAttribute("value")).isEmpty();
    // a searchable select: its text input opens the list
    assertThat(Browser.feld(browser, "zugewieseneSchule").getAttribute("value")).isEmpty();
    Browser.feld(browser, "zugewieseneSchule").click();
    warte.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-dropdownlist-item")));
    assertThat(browser.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream().map(WebElement::getText).toList())
        .containsExactly("Hauptschule Meschede (Demo)");
    Browser.bildschirmfoto(browser, "seiteneinstieg-neuzuweisung-nach-ablehnung");
    new org.openqa.selenium.interactions.Actions(browser)
        .moveToElement(browser.findElement(By.cssSelector(".fjs-dropdownlist-item"))).click().perform();
    Browser.feld(browser, "schulbeginn-date").sendKeys(LocalDate.now().plusDays(10).format(DATUM), Keys.TAB);
    Browser.tippe(browser, "ansprechperson", "Herr Neumann");
    Browser.abschliessen(browser, warte, () -> aufgabe(fall, "Task_ZuweisungSchulamt") == null);
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "zugewieseneSchule")).isEqualTo("SCHULE-HA-MESCHEDE-1");

    de.hsk.ki.testkit.Jobs.ausfuehren(engine, fall.getId());
    schliesseAb(fall, "Task_AufnahmeErfassen", aufnahme(true));

    // the clerk opens the letter: a tab of its own, the task stays where it was
    Browser.abmelden(browser, port);
    Browser.anmelden(browser, warte, port, "pschneider", Rest.DEMO_PASSWORT);
    oeffne(warte, fall, "Zuweisungsschreiben drucken und versenden");
    Browser.beanspruchen(browser, warte, "versanddatum-date");
    WebElement link = warte.until(ExpectedConditions.elementToBeClickable(By.linkText("Zuweisungsschreiben öffnen und drucken")));
    assertThat(link.getAttribute("target")).isEqualTo("_blank");
    String aufgabenTab = browser.getWindowHandle();
    Browser.sichtbar(browser, link).click();
    warte.until(d -> d.getWindowHandles().size() == 2);
    String briefTab = browser.getWindowHandles().stream().filter(h -> !h.equals(aufgabenTab)).findFirst().orElseThrow();
    browser.switchTo().window(briefTab);
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Zuweisung eines Schulplatzes"));
    String brief = browser.findElement(By.tagName("body")).getText();
    assertThat(brief).contains("Hauptschule Meschede (Demo)").contains("Herr Neumann").doesNotContain("Frau Schulz")
        .contains("Petra Schneider").contains("Telefon:").contains("Sprechzeiten:");
    Browser.bildschirmfoto(browser, "seiteneinstieg-zuweisungsschreiben");
    browser.switchTo().window(aufgabenTab);
    assertThat(Browser.feld(browser, "versanddatum-date").isDisplayed()).isTrue();
    Browser.bildschirmfoto(browser, "seiteneinstieg-aufgabe-bleibt-offen");
  }

  @Test
  void einladungsschreibenAusDemFormularUndFamilieNichtErreichbar() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 9));
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    Browser.anmelden(browser, warte, port, "pschneider", Rest.DEMO_PASSWORT);
    oeffne(warte, fall, "Familie zur Erstberatung einladen");
    Browser.beanspruchen(browser, warte, "terminUhrzeit");

    LocalDate termin = LocalDate.now().plusDays(6);
    Browser.feld(browser, "terminDatum-date").sendKeys(termin.format(DATUM), Keys.TAB);
    Browser.tippe(browser, "terminUhrzeit", "10:30");
    Browser.sichtbar(browser, browser.findElement(By.cssSelector("[id$='-Field_terminOrt-display']"))).click();
    WebElement ort = warte.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='Kreishaus Arnsberg (KI)']")));
    new org.openqa.selenium.interactions.Actions(browser).moveToElement(ort).click().perform();
    WebElement link = warte.until(ExpectedConditions.elementToBeClickable(By.linkText("Einladungsschreiben öffnen und drucken")));
    assertThat(link.getAttribute("target")).isEqualTo("_blank");
    String aufgabenTab = browser.getWindowHandle();
    Browser.sichtbar(browser, link).click();
    warte.until(d -> d.getWindowHandles().size() == 2);
    browser.switchTo().window(browser.getWindowHandles().stream().filter(h -> !h.equals(aufgabenTab)).findFirst().orElseThrow());
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Einladung zur Erstberatung"));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains(termin.format(DATUM) + ", 10:30 Uhr")
        .contains("Eichholzstraße 9").contains("Amina " + MARKER_NAME);
    Browser.bildschirmfoto(browser, "seiteneinstieg-einladungsschreiben");
    browser.close();
    browser.switchTo().window(aufgabenTab);

    // nobody answers: recorded, a second attempt with its own deadline follows
    Browser.option(browser, "einladungsergebnis", "Familie nicht erreichbar").click();
    Browser.tippe(browser, "kontaktnotiz", "Telefon dreimal ohne Antwort");
    Browser.bildschirmfoto(browser, "seiteneinstieg-familie-nicht-erreichbar");
    Task erster = aufgabe(fall, "Task_EinladungVersenden");
    Browser.abschliessen(browser, warte, () -> {
      Task jetzt = aufgabe(fall, "Task_EinladungVersenden");
      return jetzt != null && !jetzt.getId().equals(erster.getId());
    });
    oeffne(warte, fall, "Familie zur Erstberatung einladen");
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Bisherige Kontaktversuche"));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("1. Versuch am " + LocalDate.now().format(DATUM)
        + ": nicht erreichbar – Telefon dreimal ohne Antwort");
    Browser.bildschirmfoto(browser, "seiteneinstieg-zweiter-kontaktversuch");
  }

  @Test
  void dieSchulaufsichtFragtZurueckUndSetztDannAufDieWarteliste() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 12));
    schliesseAb(fall, "Task_EinladungVersenden", einladung());
    schliesseAb(fall, "Task_ErstberatungDurchfuehren", erstberatung("HAUPTSCHULE", false));

    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    Browser.anmelden(browser, warte, port, "jklein", Rest.DEMO_PASSWORT);
    oeffne(warte, fall, "Schulplatz zuweisen");
    Browser.beanspruchen(browser, warte, "zuweisungsergebnis-0");
    assertThat(browser.findElements(By.xpath("//input[contains(@id,'-Field_zuweisungsergebnis-')]/parent::label"))
        .stream().map(WebElement::getText).map(String::strip).toList())
        .containsExactly("Schule zugewiesen", "Andere Schulform oder Klasse – neue Schulauswahl",
            "Kein freier Platz – Warteliste bis zu einem Datum", "Rückfrage an die Beratung im KI");
    Browser.option(browser, "zuweisungsergebnis", "Rückfrage an die Beratung im KI").click();
    Browser.tippe(browser, "rueckfrage", "Laut Zeugnis zwei Jahre Gymnasium – Empfehlung Hauptschule bitte begründen.");
    Browser.bildschirmfoto(browser, "seiteneinstieg-schulamt-rueckfrage");
    Browser.abschliessen(browser, warte, () -> aufgabe(fall, "Task_RueckfrageBeantworten") != null);

    // the teacher who counselled answers
    alsNaechste(warte, fall, "tbecker", "Rückfrage der Schulaufsicht beantworten", "rueckfrageAntwort");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Schulamt für den Hochsauerlandkreis (Demo)")
        .contains("Laut Zeugnis zwei Jahre Gymnasium – Empfehlung Hauptschule bitte begründen.");
    Browser.tippe(browser, "rueckfrageAntwort", "Deutsch noch A1; Wechsel zum Gymnasium nach einem Jahr prüfen.");
    Browser.bildschirmfoto(browser, "seiteneinstieg-rueckfrage-beantworten");
    Browser.abschliessen(browser, warte, () -> aufgabe(fall, "Task_ZuweisungSchulamt") != null);

    // the Schulamt sees the answer and puts the child on the waiting list
    alsNaechste(warte, fall, "jklein", "Schulplatz zuweisen", "zuweisungsergebnis-0");
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Bisheriger Verlauf der Zuweisung"));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Antwort der Beratung: Deutsch noch A1; Wechsel zum Gymnasium nach einem Jahr prüfen.");
    Browser.option(browser, "zuweisungsergebnis", "Kein freier Platz – Warteliste bis zu einem Datum").click();
    LocalDate bis = LocalDate.now().plusWeeks(3);
    Browser.feld(browser, "wartelisteBis-date").sendKeys(bis.format(DATUM), Keys.TAB);
    Browser.tippe(browser, "zuweisungsnotiz", "Sprachfördergruppe voll, Platz ab dem Halbjahr");
    Browser.bildschirmfoto(browser, "seiteneinstieg-schulamt-warteliste");
    Browser.abschliessen(browser, warte, () -> aufgabe(fall, "Task_ZuweisungSchulamt") == null);
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "wartelisteBis")).isEqualTo(bis.toString());
    assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(fall.getId())
        .activityId("Event_WartelisteBis").count()).isEqualTo(1);
  }

  /** The next person signs in, opens the case's task and claims it. */
  private void alsNaechste(WebDriverWait warte, ProcessInstance fall, String benutzer, String aufgabe, String feld) {
    Browser.abmelden(browser, port);
    Browser.anmelden(browser, warte, port, benutzer, Rest.DEMO_PASSWORT);
    oeffne(warte, fall, aufgabe);
    Browser.beanspruchen(browser, warte, feld);
  }

  private void oeffne(WebDriverWait warte, ProcessInstance fall, String name) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Browser.waehleFilter(browser, warte, IdentitaetEinrichtung.FILTER_GRUPPE);
    Browser.oeffneAufgabe(browser, warte, fall.getBusinessKey(), name);
  }

  private void schliesseAb(ProcessInstance fall, String definition, Map<String, Object> variablen) {
    engine.getTaskService().complete(aufgabe(fall, definition).getId(), variablen);
  }

  private Task aufgabe(ProcessInstance fall, String definition) {
    return engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey(definition).singleResult();
  }
}
