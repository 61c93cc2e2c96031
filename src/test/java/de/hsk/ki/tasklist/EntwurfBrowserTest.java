package de.hsk.ki.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing typed is lost and nothing stays in the browser (issue 19, point 2): Esc and "Schließen" in
 * a half-filled report ask first; "Speichern" keeps the draft on the server, where a second browser of
 * the same person finds it; the browser keeps no copy, also not after "Abmelden".
 */
@KiSpringTest
@org.junit.jupiter.api.extension.ExtendWith(FreigabelisteUnveraendert.class)
class EntwurfBrowserTest {

  static final String PASSWORT = "Sauerland-2026";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  WebDriver browser;
  WebDriver zweiter;

  @AfterEach
  void schliessen() {
    for (WebDriver b : new WebDriver[] {browser, zweiter}) {
      if (b != null) {
        b.quit();
      }
    }
  }

  @Test
  void escImHalbAusgefuelltenBerichtFragtUndBehaeltDieEingaben() throws Exception {
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    Browser.anmelden(browser, warte, port, "pschneider", PASSWORT);
    Browser.starteProzess(browser, warte, "Seiteneinstieg", "Field_vorname");
    Browser.tippe(browser, "vorname", "Mira");
    Browser.tippe(browser, "nachname", "Entwurfsprobe");

    // Esc in the open date picker closes the picker only
    Browser.feld(browser, "geburtsdatum-date").click();
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
    Browser.bildschirmfoto(browser, "entwurf-01-datumsauswahl");
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    warte.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
    assertThat(offenerHinweis()).isNull();
    assertThat(browser.findElements(By.cssSelector(".modal-dialog"))).isNotEmpty();

    // Esc once more: asked in the page; "Weiter bearbeiten" keeps everything
    assertThat(js(browser, "return document.querySelector('.modal').kiEingabe === true")).as("input noticed in the dialog").isEqualTo(true);
    Browser.feld(browser, "vorname").sendKeys(Keys.ESCAPE);
    frage(warte, "Weiter bearbeiten");
    assertThat(browser.findElements(By.cssSelector(".modal-dialog"))).isNotEmpty();
    assertThat(Browser.feld(browser, "vorname").getAttribute("value")).isEqualTo("Mira");
    assertThat(Browser.feld(browser, "nachname").getAttribute("value")).isEqualTo("Entwurfsprobe");
    Browser.bildschirmfoto(browser, "entwurf-02-esc-eingaben-behalten");

    // Esc on the question keeps the input as well
    Browser.feld(browser, "vorname").sendKeys(Keys.ESCAPE);
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ki-frage")));
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    warte.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ki-frage")));
    assertThat(browser.findElements(By.cssSelector(".modal-dialog"))).isNotEmpty();

    // "Schließen" asks as well; only "Eingaben verwerfen" discards
    By schliessen = By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space()='Schließen']");
    browser.findElement(schliessen).click();
    frage(warte, "Weiter bearbeiten");
    assertThat(browser.findElements(By.cssSelector(".modal-dialog"))).isNotEmpty();
    assertThat(Browser.feld(browser, "vorname").getAttribute("value")).isEqualTo("Mira");
    browser.findElement(schliessen).click();
    frage(warte, "Eingaben verwerfen");
    warte.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    assertThat(formulardatenImBrowser(browser)).isEmpty();
    Browser.bildschirmfoto(browser, "entwurf-03-verworfen");
  }

  @Test
  void entwurfLiegtAufDemServerUndNichtImBrowser() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(einladung.getId(), Seiteneinstiegsfall.einladung());
    Task erstberatung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();

    // an old browser copy of a form (as Tasklist kept it before) is removed when Tasklist opens
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://localhost:" + port + "/ki/seiten.css");
    js(browser, "localStorage.setItem('camunda-form:" + erstberatung.getId() + "', '{\"sprachen\":\"Altkopie\"}');"
        + "sessionStorage.setItem('camForm:x', '{}')");
    Browser.anmelden(browser, warte, port, "tbecker", PASSWORT);
    assertThat(formulardatenImBrowser(browser)).isEmpty();

    oeffne(browser, warte, fall, "Aufgaben meiner Gruppe");
    Browser.beanspruchen(browser, warte, "sprachen");
    Browser.tippe(browser, "sprachen", "Kurdisch, Arabisch");
    Browser.sichtbar(browser, browser.findElement(By.xpath("//button[normalize-space()='Speichern']"))).click();
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ki-entwurf-status"), "Entwurf gespeichert"));
    Browser.sichtbar(browser, browser.findElement(By.cssSelector(".ki-entwurf-status")));
    Browser.bildschirmfoto(browser, "entwurf-04-gespeichert");
    assertThat(formulardatenImBrowser(browser)).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_entwurf WHERE benutzer = 'tbecker' AND aufgabe = ?",
        Integer.class, erstberatung.getId())).isEqualTo(1);

    // the same person in a second browser (another PC) finds the draft
    zweiter = Browser.starte(Files.createTempDirectory("chromium-profil-2"));
    WebDriverWait warte2 = new WebDriverWait(zweiter, Duration.ofSeconds(30));
    Browser.anmelden(zweiter, warte2, port, "tbecker", PASSWORT);
    oeffne(zweiter, warte2, fall, "Meine Aufgaben");
    warte2.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ki-entwurf-hinweis"), "Entwurf vom "));
    warte2.until(d -> "Kurdisch, Arabisch".equals(Browser.feld(d, "sprachen").getAttribute("value")));
    assertThat(zweiter.findElement(By.cssSelector(".ki-entwurf-hinweis")).getText()).matches("Entwurf vom \\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d Uhr geladen\\.");
    Browser.sichtbar(zweiter, zweiter.findElement(By.cssSelector(".ki-entwurf-hinweis")));
    Browser.bildschirmfoto(zweiter, "entwurf-05-zweiter-browser");

    // typed, then another filter chosen: the input is kept as a draft, not lost
    Browser.tippe(zweiter, "beratungsnotiz", "Familie telefonisch erreicht.");
    Browser.waehleFilter(zweiter, warte2, "Aufgaben meiner Gruppe");
    warte2.until(d -> jdbc.queryForObject("SELECT COUNT(*) FROM ki_entwurf WHERE aufgabe = ? AND inhalt LIKE '%telefonisch erreicht%'",
        Integer.class, erstberatung.getId()) == 1);
    assertThat(formulardatenImBrowser(zweiter)).isEmpty();

    // "Abmelden" leaves no form data in the browser
    js(browser, "Array.from(document.querySelectorAll('a')).find(a => a.textContent.trim() === 'Abmelden').click()");
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    assertThat(formulardatenImBrowser(browser)).isEmpty();
    Browser.bildschirmfoto(browser, "entwurf-06-abgemeldet");

    // the task completes: the draft is gone
    engine.getTaskService().complete(erstberatung.getId(), Seiteneinstiegsfall.erstberatung("GRUNDSCHULE", false));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_entwurf WHERE aufgabe = ?", Integer.class, erstberatung.getId())).isZero();
  }

  private void oeffne(WebDriver b, WebDriverWait w, ProcessInstance fall, String filter) {
    Browser.waehleFilter(b, w, filter);
    Browser.oeffneAufgabe(b, w, fall.getBusinessKey(), "Erstberatung durchführen");
    w.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Field_sprachen']")));
  }

  /** The page's question "Eingaben verwerfen?" is on screen; answers it with the named button. */
  private void frage(WebDriverWait warte, String antwort) {
    WebElement frage = warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ki-frage")));
    assertThat(frage.getText()).contains("Eingaben verwerfen?", "Weiter bearbeiten");
    assertThat(offenerHinweis()).as("no browser dialog").isNull();
    frage.findElement(By.xpath(".//button[normalize-space()='" + antwort + "']")).click();
    warte.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ki-frage")));
  }

  private String offenerHinweis() {
    try {
      return browser.switchTo().alert().getText();
    } catch (org.openqa.selenium.NoAlertPresentException e) {
      return null;
    }
  }

  private static Object js(WebDriver b, String skript) {
    return ((JavascriptExecutor) b).executeScript(skript);
  }

  /** The keys of localStorage and sessionStorage that hold form data (Tasklist's "camunda-form:" and "camForm:"). */
  @SuppressWarnings("unchecked")
  private static List<String> formulardatenImBrowser(WebDriver b) {
    return (List<String>) js(b, "const k = []; for (const s of [localStorage, sessionStorage]) {"
        + " for (let i = 0; i < s.length; i++) { const n = s.key(i); if (n.startsWith('camunda-form:') || n.startsWith('camForm:')) k.push(n); } }"
        + " return k;");
  }
}
