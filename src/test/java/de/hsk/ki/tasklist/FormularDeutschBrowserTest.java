package de.hsk.ki.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19, point 4: the browser's own checks of a Camunda Form speak German and change nothing
 * typed without a word – with exactly the inputs that failed (empty required field, "9.30" as a
 * time, "31.02.2026" as a date, letters and "3a" in a number field, the date picker), in an
 * English-language browser (Browser starts Chromium with --lang=en-US).
 */
class FormularDeutschBrowserTest extends BrowserTestBasis {

  static final List<String> ENGLISCH = List.of("Select", "Search", "Field is required", "Field must", "must match pattern",
      "No results", "Value is", "dd.mm.yyyy", "mm/dd/yyyy", "yyyy");

  WebDriverWait warte;

  @Test
  void startformularMeldetAufDeutschUndLaesstGetipptesStehen() throws Exception {
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    Browser.anmelden(browser, warte, port, "pschneider", "Sauerland-2026");
    Browser.starteProzess(browser, warte, "Seiteneinstieg", "Field_vorname");

    // nothing English on the empty form: select placeholders, date placeholders
    warte.until(d -> seitentext().contains("Bitte auswählen"));
    keinEnglisch();
    assertThat(feld("geburtsdatum-date").getAttribute("placeholder")).isEqualTo("TT.MM.JJJJ");
    Browser.bildschirmfoto(browser, "formular-deutsch-01-startformular");

    // empty required fields: "Start" shows German messages at the fields
    startKlicken();
    warte.until(d -> fehlerDes("vorname").contains("Bitte ausfüllen – dies ist ein Pflichtfeld."));
    assertThat(fehlerDes("meldendeStelle")).contains("Pflichtfeld");
    assertThat(fehlerDes("geburtsdatum")).contains("Pflichtfeld");
    keinEnglisch();
    Browser.bildschirmfoto(browser, "formular-deutsch-02-pflichtfelder");

    // a date that does not exist stays as typed, with a German message; it does not become 03.03.2026
    feld("geburtsdatum-date").sendKeys("31.02.2026", Keys.TAB);
    warte.until(d -> fehlerDes("geburtsdatum").contains("Kein gültiges Datum: 31.02.2026"));
    feld("anschrift").click(); // flatpickr reads typed text again on a click elsewhere
    assertThat(feld("geburtsdatum-date").getAttribute("value")).isEqualTo("31.02.2026");
    assertThat(fehlerDes("geburtsdatum")).contains("Kein gültiges Datum: 31.02.2026").doesNotContain("Pflichtfeld");
    keinEnglisch();
    Browser.bildschirmfoto(browser, "formular-deutsch-03-datum-ungueltig");
    // corrected, it is taken – with leading zeros
    feld("geburtsdatum-date").sendKeys(Keys.chord(Keys.CONTROL, "a"), "3.3.2016", Keys.TAB);
    warte.until(d -> feld("geburtsdatum-date").getAttribute("value").equals("03.03.2016"));
    warte.until(d -> fehlerDes("geburtsdatum").isEmpty());

    // the date picker: German, Monday first; a day picked shows with leading zeros
    feld("zuzugsdatum-date").click();
    WebElement kalender = warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
    List<String> wochentage = kalender.findElements(By.cssSelector(".flatpickr-weekday")).stream()
        .map(w -> w.getText().trim()).toList();
    assertThat(wochentage).containsExactly("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So");
    String monat = LocalDate.now().getMonth().getDisplayName(TextStyle.FULL, Locale.GERMAN);
    assertThat(kalender.findElement(By.cssSelector(".flatpickr-monthDropdown-months")).getText()).contains(monat, "Januar", "März")
        .doesNotContain("January", "March");
    Browser.bildschirmfoto(browser, "formular-deutsch-04-datumsauswahl");
    kalender.findElement(By.xpath(".//span[contains(@class,'flatpickr-day') and not(contains(@class,'Month'))"
        + " and not(contains(@class,'disabled')) and normalize-space()='1']")).click();
    String erster = LocalDate.now().withDayOfMonth(1).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    warte.until(d -> erster.equals(feld("zuzugsdatum-date").getAttribute("value")));

    // letters in a number field: said, not silently dropped
    feld("schulbesuchsjahre").sendKeys("vier");
    warte.until(d -> fehlerDes("schulbesuchsjahre").contains("ist keine Zahl"));
    assertThat(feld("schulbesuchsjahre").getAttribute("value")).isEmpty();
    Browser.bildschirmfoto(browser, "formular-deutsch-05-zahl-buchstaben");
    feld("schulbesuchsjahre").sendKeys("3a");
    warte.until(d -> fehlerDes("schulbesuchsjahre").contains("„3a“ ist keine Zahl, „a“ wurde nicht übernommen – hier bitte nur Ziffern eingeben (z. B. 3)."));
    assertThat(feld("schulbesuchsjahre").getAttribute("value")).isEqualTo("3");
    keinEnglisch();
    Browser.bildschirmfoto(browser, "formular-deutsch-06-zahl-3a");
    // a correction clears the message
    feld("schulbesuchsjahre").sendKeys(Keys.BACK_SPACE, "4");
    warte.until(d -> fehlerDes("schulbesuchsjahre").isEmpty());

    // with a message still on the form, "Start" starts nothing
    feld("geburtsdatum-date").sendKeys(Keys.chord(Keys.CONTROL, "a"), "31.02.2026", Keys.TAB);
    warte.until(d -> fehlerDes("geburtsdatum").contains("Kein gültiges Datum: 31.02.2026"));
    long vorher = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("Process_Seiteneinstieg").count();
    startKlicken();
    Thread.sleep(1500);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("Process_Seiteneinstieg").count())
        .isEqualTo(vorher);
    assertThat(feld("geburtsdatum-date").getAttribute("value")).isEqualTo("31.02.2026");
    keinEnglisch();
  }

  @Test
  void uhrzeitImAufgabenformularMeldetDasMusterAufDeutsch() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    assertThat(einladung.getTaskDefinitionKey()).isEqualTo("Task_EinladungVersenden");
    String gruppe = engine.getTaskService().getIdentityLinksForTask(einladung.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).findFirst().orElseThrow();
    String benutzer = Map.of("kiVerwaltung", "pschneider", "kiLehrkraefte", "tbecker", "kiSozialarbeit", "ademir",
        "kiLeitung", "mhoffmann", "schulamt", "jklein").get(gruppe);

    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    Browser.anmelden(browser, warte, port, benutzer, "Sauerland-2026");
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + einladung.getId());
    Browser.beanspruchen(browser, warte, "terminUhrzeit");

    Browser.tippe(browser, "terminUhrzeit", "9.30");
    warte.until(d -> fehlerDes("terminUhrzeit").contains("Bitte als Uhrzeit im Format HH:MM eingeben (z. B. 09:30)."));
    assertThat(fehlerDes("terminUhrzeit")).doesNotContain("^", "[0-5]", "pattern");
    keinEnglisch();
    Browser.bildschirmfoto(browser, "formular-deutsch-07-uhrzeit");
    Browser.tippe(browser, "terminUhrzeit", "09:30");
    warte.until(d -> fehlerDes("terminUhrzeit").isEmpty());
  }

  private WebElement feld(String key) {
    return Browser.feld(browser, key);
  }

  private void startKlicken() {
    Browser.sichtbar(browser, browser.findElement(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space()='Start']")))
        .click();
  }

  /** The messages form-js shows under a field (empty when none). */
  private String fehlerDes(String key) {
    return (String) ((JavascriptExecutor) browser).executeScript(
        "const f = document.querySelector(\"[id$='-Field_\" + arguments[0] + \"-error-message']\");"
            + "return f ? f.innerText : '';", key);
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

  private void keinEnglisch() {
    String text = seitentext();
    assertThat(text).isNotBlank();
    for (String englisch : ENGLISCH) {
      assertThat(text).as("English in the form").doesNotContainIgnoringCase(englisch);
    }
  }
}
