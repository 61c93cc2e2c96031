package de.hsk.ki.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.plattform.identitaet.IdentitaetEinrichtung;
import de.hsk.ki.prozesse.foerderung.Foerderfilter;
import de.hsk.ki.prozesse.foerderung.Foerderung;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testpostfach;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A funding application in a real browser, in German: funding staff record it in the start dialog,
 * check its completeness and review it; the approval is not in their lists (four-eyes rule) but in
 * the management's, who approves it.
 */
class FoerderantragBrowserTest extends BrowserTestBasis {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final DateTimeFormatter TAG_MONAT_JAHR = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  /** What form-js 1.8 says in English unless the county's script translates it, the dynamic list's buttons included. */
  static final List<String> ENGLISCH = new ArrayList<>(FormularDeutschBrowserTest.ENGLISCH);

  static {
    ENGLISCH.addAll(List.of("Add new", "Remove", "Expand", "Collapse"));
  }

  WebDriverWait warte;

  @Test
  void einAntragVomEingangBisZurBewilligungDurchDieLeitung() throws Exception {
    String traeger = "Browsertest Ankommen " + System.nanoTime() % 100000 + " e.V.";
    long jahr = LocalDate.now().getYear() + 1L;
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    warte = new WebDriverWait(browser, Duration.ofSeconds(30));

    // funding staff record the application in the start dialog
    Browser.anmelden(browser, warte, port, "fyilmaz", Rest.DEMO_PASSWORT);
    Browser.starteProzess(browser, warte, "Förderantrag", "Field_traeger");
    warte.until(d -> seitentext().contains("Bitte auswählen"));
    keinEnglisch("start form");
    Browser.waehle(browser, warte, "programm", "KOMM-AN NRW Programmteil II");
    feld("foerderjahr").sendKeys(String.valueOf(jahr));
    feld("eingangsdatum-date").sendKeys(LocalDate.now().format(TAG_MONAT_JAHR), Keys.TAB);
    tippe("traeger", traeger);
    Browser.waehle(browser, warte, "rechtsform", "eingetragener Verein");
    tippe("strasse", "Marktstraße 5");
    tippe("plz", "59821");
    tippe("ort", "Arnsberg");
    Browser.waehle(browser, warte, "kommune", "Arnsberg");
    tippe("ansprechperson", "Maria Beispiel");
    tippe("email", "vorstand@browsertest.example.org");
    tippe("vertretung", "Maria Beispiel (Vorsitzende)");
    feld("ehrenamtliche").sendKeys("12");
    feld("teilnehmende").sendKeys("40");
    tippe("iban", "DE89 3704 0044 0532 0130 00");
    tippe("kontoinhaber", traeger);
    // the dynamic list starts with one row: building block B1, 20 escorts
    Browser.waehle(browser, warte, "baustein_0", "B1 Begleitung durch Ehrenamtliche");
    feld("menge_0").sendKeys("20");
    for (WebElement erklaerung : browser.findElements(By.cssSelector("input[id*='-Field_erklaerungen-']"))) {
      Browser.sichtbar(browser, erklaerung).click();
    }
    Browser.bildschirmfoto(browser, "foerderantrag-01-startformular");
    keinEnglisch("start form filled");
    Browser.sichtbar(browser, browser.findElement(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space()='Start']")))
        .click();
    try {
      warte.until(d -> fall(traeger) != null);
    } catch (org.openqa.selenium.TimeoutException e) {
      Browser.bildschirmfoto(browser, "foerderantrag-fehler-start");
      throw new AssertionError("no case started; on screen: " + meldungen(), e);
    }
    ProcessInstance fall = fall(traeger);
    assertThat(fall.getBusinessKey()).matches("FA-\\d{4}-\\d{4,}");
    jobsAusfuehren(fall);
    // the list row and all six declarations arrived
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "bausteine").toString()).contains("B1").contains("20");
    assertThat(de.hsk.ki.plattform.fall.Listen.alsStrings(engine.getRuntimeService().getVariable(fall.getId(), "erklaerungen"))).hasSize(6);

    // she checks completeness: every required document is there
    oeffne(IdentitaetEinrichtung.FILTER_GRUPPE, fall, "Vollständigkeit prüfen");
    beanspruchen(By.xpath(optionPfad("vollstaendigkeit", "vollständig")));
    keinEnglisch("completeness form");
    List<WebElement> unterlagen = browser.findElements(By.cssSelector("input[id*='-Field_vorhandeneUnterlagen-']"));
    assertThat(unterlagen).as("documents offered").isNotEmpty();
    for (WebElement unterlage : unterlagen) {
      Browser.sichtbar(browser, unterlage).click();
    }
    Browser.option(browser, "vollstaendigkeit", "vollständig").click();
    Browser.bildschirmfoto(browser, "foerderantrag-02-vollstaendigkeit");
    Browser.abschliessen(browser, warte, () -> aufgabe(fall, "Task_VollstaendigkeitPruefen") == null);
    jobsAusfuehren(fall);
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "berechneterBetrag")).hasToString("700,00");

    // she reviews it and proposes 700,00
    oeffne(IdentitaetEinrichtung.FILTER_GRUPPE, fall, "Fachlich prüfen und Votum abgeben");
    beanspruchen(By.cssSelector("[id$='-Field_vorgeschlagenerBetrag']"));
    keinEnglisch("review form");
    // the review shows the calculated amount as staff read it, and starts the proposal from it
    assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains("Berechneter Betrag nach Pauschalen: 700,00 €")
        .contains("B1 Begleitung durch Ehrenamtliche: 20 × 35,00 € = 700,00 €");
    assertThat(feld("vorgeschlagenerBetrag").getAttribute("value")).isEqualTo("700,00");
    Browser.waehle(browser, warte, "verhaeltnismaessigkeit", "1 – angemessen");
    Browser.waehle(browser, warte, "kostenplanPlausibel", "1 – plausibel");
    Browser.option(browser, "zielgruppenbezug", "ja").click();
    Browser.waehle(browser, warte, "willkommenskultur", "2 – erkennbar");
    Browser.option(browser, "geschaeftsfuehrung", "ja").click();
    Browser.option(browser, "fruehereFoerderungen", "keine früheren").click();
    Browser.option(browser, "votum", "bewilligen").click();
    tippe("vorgeschlagenerBetrag", "700,00");
    ankreuzen("pruefungNichtBefangen");
    Browser.bildschirmfoto(browser, "foerderantrag-03-pruefung");
    Browser.abschliessen(browser, warte, () -> aufgabe(fall, "Task_FachlichPruefen") == null);
    jobsAusfuehren(fall);
    assertThat(aufgabe(fall, "Task_BewilligungEntscheiden")).isNotNull();

    // four eyes: the decision is in none of her lists, not even when she searches its case number
    for (String filter : List.of(IdentitaetEinrichtung.FILTER_GRUPPE, Foerderfilter.GEGENZEICHNUNG, Foerderfilter.FRISTEN)) {
      assertThat(gesucht(filter, fall)).as(filter).contains("Keine passenden Aufgaben").doesNotContain("Bewilligung entscheiden");
    }
    Browser.bildschirmfoto(browser, "foerderantrag-04-nicht-bei-der-pruefenden");
    assertThat(Browser.fehlermeldungen(browser)).isEmpty();
    browser.quit();

    // the management finds it to be signed and approves it
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    Browser.anmelden(browser, warte, port, "mhoffmann", Rest.DEMO_PASSWORT);
    assertThat(gesucht(Foerderfilter.GEGENZEICHNUNG, fall)).contains("Bewilligung entscheiden");
    Browser.oeffneAufgabe(browser, warte, fall.getBusinessKey(), "Bewilligung entscheiden");
    beanspruchen(By.cssSelector("[id$='-Field_begruendung']"));
    keinEnglisch("approval form");
    assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains(fall.getBusinessKey()).contains(traeger);
    Browser.option(browser, "entscheidung", "bewilligen (vorgeschlagener Betrag)").click();
    // the choice shows the period fields below it, which moves the declaration down
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Field_bewilligungVon-date']")));
    ankreuzen("entscheidungNichtBefangen");
    Browser.bildschirmfoto(browser, "foerderantrag-05-bewilligung");
    keinEnglisch("approval form filled");
    Browser.abschliessen(browser, warte, () -> aufgabe(fall, "Task_BewilligungEntscheiden") == null);
    jobsAusfuehren(fall);
    assertThat(Browser.fehlermeldungen(browser)).isEmpty();

    // the case waits for the signed contract, with the approved amount
    assertThat(aufgabe(fall, "Task_VertragEingang").getName()).isEqualTo("Unterzeichneten Vertrag erfassen");
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "bewilligterBetrag")).hasToString("700,00");
  }

  /** The task list of the filter after searching the case number, as its text. */
  private String gesucht(String filter, ProcessInstance fall) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Browser.waehleFilter(browser, warte, filter);
    WebElement suche = warte.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".search-field input.main-field")));
    suche.click();
    suche.sendKeys(fall.getBusinessKey(), Keys.ENTER);
    // the search is in the address once Tasklist has asked again
    warte.until(d -> d.getCurrentUrl().contains(fall.getBusinessKey()));
    warte.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[cam-tasks] .loader, [cam-tasks] .glyphicon-refresh.animate")));
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return browser.findElement(By.cssSelector("[cam-tasks]")).getText();
  }

  private void oeffne(String filter, ProcessInstance fall, String name) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Browser.waehleFilter(browser, warte, filter);
    Browser.oeffneAufgabe(browser, warte, fall.getBusinessKey(), name);
  }

  /**
   * Claims the open task and waits until Tasklist has enabled the form (Browser.beanspruchen waits for a
   * text field; these forms begin with choices).
   */
  private void beanspruchen(By eingabe) {
    warte.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.unclaim")));
    warte.until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty());
    warte.until(d -> d.findElements(eingabe).stream().anyMatch(e -> e.isDisplayed() && e.isEnabled()
        && e.getAttribute("readonly") == null));
  }

  /** Ticks a checkbox and waits until it stays ticked (a redraw of the form can swallow a click). */
  private void ankreuzen(String key) {
    for (int versuch = 0; versuch < 3 && !feld(key).isSelected(); versuch++) {
      feld(key).click();
      try {
        new WebDriverWait(browser, Duration.ofSeconds(3)).until(d -> feld(key).isSelected());
      } catch (org.openqa.selenium.TimeoutException e) {
        // clicked while the form was redrawn: once more, as a person would
      }
    }
    assertThat(feld(key).isSelected()).as(key + " ticked").isTrue();
  }

  private static String optionPfad(String key, String bezeichnung) {
    return "//input[contains(@id,'-Field_" + key + "-')][parent::label[normalize-space()='" + bezeichnung + "']]";
  }

  /** What a person reads in the form: its text plus placeholders, titles and labels for screen readers. */
  private String seitentext() {
    return (String) ((JavascriptExecutor) browser).executeScript(
        "const c = document.querySelector('.fjs-container');"
            + "if (!c) return '';"
            + "const attr = Array.from(c.querySelectorAll('[placeholder],[aria-label],[title]'))"
            + "  .flatMap(e => ['placeholder','aria-label','title'].map(a => e.getAttribute(a) || ''));"
            + "return c.innerText + '\\n' + attr.join('\\n');");
  }

  private void keinEnglisch(String wo) {
    String text = seitentext();
    assertThat(text).as(wo).isNotBlank();
    for (String englisch : ENGLISCH) {
      assertThat(text).as("English in the " + wo).doesNotContainIgnoringCase(englisch);
    }
  }

  private List<String> meldungen() {
    return browser.findElements(By.cssSelector(".notifications .alert, .fjs-form-field-error, .ki-meldungen"))
        .stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
  }

  private ProcessInstance fall(String traeger) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Foerderung.ANTRAG)
        .variableValueEquals("traeger", traeger).singleResult();
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
}
