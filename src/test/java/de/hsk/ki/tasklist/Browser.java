package de.hsk.ki.tasklist;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver; nothing is downloaded.
 * Install both with {@code apt-get install chromium chromium-driver} (.ci/run does).
 */
final class Browser {

  static final File CHROMIUM = new File(System.getProperty("ki.chromium", "/usr/bin/chromium"));
  static final File CHROMEDRIVER = new File(System.getProperty("ki.chromedriver", "/usr/bin/chromedriver"));

  private Browser() {}

  static WebDriver starte(Path profil) {
    if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
      throw new IllegalStateException("Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): install them with 'apt-get install chromium chromium-driver'");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US",
        "--user-data-dir=" + profil.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  static void bildschirmfoto(WebDriver driver, String name) {
    try {
      Path ziel = Path.of("target", "screenshots", name + ".png");
      Files.createDirectories(ziel.getParent());
      Files.write(ziel, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(Path.of("target", "screenshots", name + ".html"), driver.getPageSource());
    } catch (Exception e) {
      // screenshots only help debugging
    }
  }

  /** Logs in on Tasklist's German login page and waits for the filters. */
  static void anmelden(WebDriver browser, WebDriverWait warte, int port, String benutzer, String passwort) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    try {
      warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    } catch (RuntimeException e) {
      bildschirmfoto(browser, "fehler-anmeldung");
      throw e;
    }
    // Tasklist redraws its login form once after loading: the button is read again on every poll
    try {
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button[type=submit]"), "Anmelden"));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("login page not German: " + browser.findElement(By.cssSelector("button[type=submit]")).getText(), e);
    }
    browser.findElement(By.cssSelector("input[ng-model=username]")).sendKeys(benutzer);
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys(passwort);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Aufgaben meiner Gruppe"));
  }

  /**
   * Ends the session as a person closing Tasklist would: the page is left first, so that no refresh
   * of the open Tasklist (filter counts) reaches the server without a session and is refused.
   */
  static void abmelden(WebDriver browser, int port) {
    // a static page of the same host: cookies are deleted for the page's host only
    browser.get("http://localhost:" + port + "/ki/seiten.css");
    browser.manage().deleteAllCookies();
  }

  /** A form-js field by its key, scrolled into view. */
  static WebElement feld(WebDriver browser, String key) {
    return sichtbar(browser, browser.findElement(By.cssSelector("[id$='-Field_" + key + "']")));
  }

  /** A radio option of field {@code key} by its label (form-js gives the inputs no value attribute), scrolled into view. */
  static WebElement option(WebDriver browser, String key, String bezeichnung) {
    return sichtbar(browser, browser.findElement(By.xpath("//input[contains(@id,'-Field_" + key + "-')][parent::label[normalize-space()='"
        + bezeichnung + "']]")));
  }

  /**
   * Picks an entry of a form-js select by its label. A long list reaches below the form's visible
   * part: the entry is scrolled into the list's view first, as a person scrolls.
   */
  static void waehle(WebDriver browser, WebDriverWait warte, String key, String bezeichnung) {
    sichtbar(browser, browser.findElement(By.cssSelector("[id$='-Field_" + key + "-display']"))).click();
    WebElement eintrag = warte.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + bezeichnung + "']")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'nearest'})", eintrag);
    new org.openqa.selenium.interactions.Actions(browser).moveToElement(eintrag).click().perform();
  }

  /** Picks an entry of a searchable form-js select: types the start of its label, then clicks the one match. */
  static void suche(WebDriver browser, WebDriverWait warte, String key, String anfang, String bezeichnung) {
    WebElement feld = feld(browser, key);
    feld.click();
    feld.sendKeys(anfang);
    WebElement eintrag = warte.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + bezeichnung + "']")));
    new org.openqa.selenium.interactions.Actions(browser).moveToElement(eintrag).click().perform();
    warte.until(d -> bezeichnung.equals(feld(browser, key).getAttribute("value")));
  }

  /**
   * Types into a form-js text field and leaves it, as a person moves on, until the text stays.
   * form-js takes typed text only 300 ms after the last key or on leaving the field, and draws
   * every field again from its state when another field changes: on a busy machine that redraw
   * can land between the keys and the taking over, and the field is empty again (a person would
   * see it and type again; so does this). Leaving by script, not TAB: TAB would focus the next
   * field, and a dropdown opened on focus closes on the next click.
   */
  static void tippe(WebDriver browser, String key, String text) {
    for (int versuch = 0; versuch < 3; versuch++) {
      WebElement feld = feld(browser, key);
      feld.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
      ((JavascriptExecutor) browser).executeScript("arguments[0].blur()", feld);
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (text.equals(feld(browser, key).getAttribute("value"))) {
        return;
      }
    }
    throw new AssertionError("form-js did not keep the text typed into " + key);
  }

  /** Tasklist's fixed footer may cover a field at the bottom of the window. */
  static WebElement sichtbar(WebDriver browser, WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    return element;
  }

  static void waehleFilter(WebDriver browser, WebDriverWait warte, String name) {
    By filter = By.xpath("//*[contains(@class,'task-filter ')][.//*[contains(text(),'" + name + "')]]");
    WebElement element;
    try {
      element = warte.until(ExpectedConditions.elementToBeClickable(filter));
    } catch (org.openqa.selenium.TimeoutException e) {
      // once in a full CI run the filter list stayed empty after a page load; keep what was on
      // screen for the log, then reload once, as a person would
      bildschirmfoto(browser, "fehler-filterliste-" + System.currentTimeMillis());
      String text = browser.findElement(By.tagName("body")).getText();
      System.err.println("filter list missing at " + browser.getCurrentUrl() + ", reloading once; page: "
          + text.substring(0, Math.min(400, text.length())).replace('\n', ' '));
      browser.navigate().refresh();
      element = warte.until(ExpectedConditions.elementToBeClickable(filter));
    }
    // a script click: the tooltip of the filter clicked before may cover this one
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
    warte.until(ExpectedConditions.attributeContains(filter, "class", "active"));
  }

  /**
   * Opens a task of a case from the list, as a clerk would: from the first page if it is there, else
   * by searching its case number (the list is sorted by deadline, a new case may be on a later page).
   * The card is scrolled into view first, since a card low in the list sits under Tasklist's fixed footer.
   */
  static void oeffneAufgabe(WebDriver browser, WebDriverWait warte, String aktenzeichen, String aufgabe) {
    By karte = By.xpath("//li[contains(@class,'task')][.//*[contains(text(),'" + aktenzeichen + "')]]//a[contains(text(),'" + aufgabe + "')]");
    try {
      new WebDriverWait(browser, Duration.ofSeconds(4)).until(ExpectedConditions.presenceOfElementLocated(karte));
    } catch (org.openqa.selenium.TimeoutException e) {
      WebElement suche = warte.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".search-field input.main-field")));
      suche.click();
      suche.sendKeys(aktenzeichen, org.openqa.selenium.Keys.ENTER);
    }
    sichtbar(browser, warte.until(ExpectedConditions.presenceOfElementLocated(karte)));
    warte.until(ExpectedConditions.elementToBeClickable(karte)).click();
  }

  /**
   * Claims the open task and waits until Tasklist has enabled the form for its assignee: before
   * that the unclaimed form is on screen inside a {@code .disabled-form} wrapper, and what is typed
   * into it is lost when the form is shown again.
   */
  static void beanspruchen(WebDriver browser, WebDriverWait warte, String feldKey) {
    // a later task of the responsible caseworker comes already assigned to them (issue 17): nothing to claim
    warte.until(d -> !d.findElements(By.cssSelector("button.unclaim")).stream().filter(WebElement::isDisplayed).toList().isEmpty()
        || !d.findElements(By.cssSelector("button.claim")).stream().filter(e -> e.isDisplayed() && e.isEnabled()).toList().isEmpty());
    browser.findElements(By.cssSelector("button.claim")).stream().filter(e -> e.isDisplayed() && e.isEnabled()).findFirst()
        .ifPresent(WebElement::click);
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.unclaim")));
    warte.until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty());
    By feld = By.cssSelector("[id$='-Field_" + feldKey + "']");
    warte.until(d -> d.findElements(feld).stream().anyMatch(e -> e.isDisplayed() && e.isEnabled()
        && e.getAttribute("readonly") == null));
  }

  /**
   * Clicks "Abschließen" and waits until the task is gone; if it stays, the messages on screen go
   * into the failure, so a CI log says why.
   */
  static void abschliessen(WebDriver browser, WebDriverWait warte, java.util.function.BooleanSupplier erledigt) {
    sichtbar(browser, browser.findElement(By.xpath("//button[normalize-space()='Abschließen']"))).click();
    try {
      warte.until(d -> erledigt.getAsBoolean());
    } catch (org.openqa.selenium.TimeoutException e) {
      bildschirmfoto(browser, "fehler-abschliessen");
      List<String> meldungen = browser.findElements(By.cssSelector(".notifications .alert, .fjs-form-field-error"))
          .stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
      throw new AssertionError("task not completed after 'Abschließen'; on screen: " + meldungen, e);
    }
  }

  /** Error notifications on screen. */
  static List<WebElement> fehlermeldungen(WebDriver browser) {
    return browser.findElements(By.cssSelector(".notifications .alert-danger, .notifications .alert-error")).stream()
        .filter(WebElement::isDisplayed).toList();
  }

  /**
   * Tasklist's "Prozess starten", then the process, until its start form shows the field. Tasklist
   * redraws the list while it loads the definitions: a click on a link being replaced opens nothing,
   * so the click is repeated (at most three times) instead of waiting out the whole timeout.
   */
  static void starteProzess(WebDriver browser, WebDriverWait warte, String prozess, String feldId) {
    browser.findElement(By.xpath("//a[contains(.,'Prozess starten')]")).click();
    By link = By.xpath("//*[contains(@class,'modal-body')]//a[contains(.,'" + prozess + "')]");
    By feld = By.cssSelector("[id$='-" + feldId + "']");
    for (int versuch = 1; ; versuch++) {
      warte.until(ExpectedConditions.elementToBeClickable(link)).click();
      try {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(feld));
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (versuch == 3) {
          throw e;
        }
      }
    }
  }
}
