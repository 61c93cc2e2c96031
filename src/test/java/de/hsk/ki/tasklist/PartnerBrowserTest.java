package de.hsk.ki.tasklist;

import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.plattform.identitaet.IdentitaetEinrichtung;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testpostfach;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 16 as the school's secretary meets it: the e-mail (read from the SMTP server) leads to the
 * Tasklist login; she sees the child's data and the counselling record, confirms one admission with
 * a date and reports that another is not possible, which goes back to the Schulamt with her reason.
 */
class PartnerBrowserTest extends BrowserTestBasis {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @Value("${ki.basis-url}") String basisUrl;
  @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private ProcessInstance fallBeiDerSchule(int alter) {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", alter));
    schliesseAb(fall, "Task_EinladungVersenden", einladung());
    schliesseAb(fall, "Task_ErstberatungDurchfuehren", erstberatung("GRUNDSCHULE", false));
    schliesseAb(fall, "Task_ZuweisungSchulamt", zuweisung("SCHULE-GR-ARNSBERG-1"));
    de.hsk.ki.testkit.Fristablauf.fuehreAus(engine, fall.getId(), "Task_SchuleInformieren");
    return fall;
  }

  /** The link of the school's e-mail, on this test's server (the configured base URL names the production host). */
  private String linkAusDerMail(ProcessInstance fall) throws Exception {
    MimeMessage mail = Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> {
          try {
            return m.getSubject().startsWith("[" + fall.getBusinessKey() + "]")
                && "grundschule1.arnsberg@example.org".equals(m.getAllRecipients()[0].toString());
          } catch (Exception e) {
            return false;
          }
        }).findFirst().orElseThrow();
    String text = mail.getContent().toString();
    assertThat(text).doesNotContain(MARKER_NAME).doesNotContain("Musterweg");
    Matcher link = Pattern.compile(Pattern.quote(basisUrl) + "(/\\S+)").matcher(text);
    assertThat(link.find()).as("link in: " + text).isTrue();
    return "http://localhost:" + port + link.group(1);
  }

  @Test
  void dieSchuleBestaetigtVonDerEMailAusDieAufnahmeUndMeldetEineAndereAlsNichtMoeglich() throws Exception {
    ProcessInstance fall = fallBeiDerSchule(9);
    ProcessInstance zweiter = fallBeiDerSchule(10);
    String link = linkAusDerMail(fall);

    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(link);
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.findElement(By.cssSelector("input[ng-model=username]")).sendKeys("gsommer");
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys(Rest.DEMO_PASSWORT);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Aufgaben meiner Gruppe"));
    Browser.waehleFilter(browser, warte, IdentitaetEinrichtung.FILTER_GRUPPE);
    Browser.oeffneAufgabe(browser, warte, fall.getBusinessKey(), "Aufnahme bestätigen (Schule)");
    Browser.beanspruchen(browser, warte, "aufnahme-0");
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Musterweg 3"));
    String seite = browser.findElement(By.tagName("body")).getText();
    assertThat(seite).contains("Amina " + MARKER_NAME).contains("Rana " + MARKER_NAME).contains("Arabisch, Englisch")
        .contains("Beratungsbogen (PDF) öffnen").doesNotContain("Ergebnis der Beratung");
    Browser.bildschirmfoto(browser, "partner-schule-aufnahme");

    // "admitted" opens the date field
    Browser.option(browser, "aufnahme", "Aufnahme erfolgt").click();
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Field_aufnahmeAm-date']")));
    String datum = LocalDate.now().plusDays(7).format(DATUM);
    Browser.feld(browser, "aufnahmeAm-date").sendKeys(datum, Keys.TAB);
    Browser.abschliessen(browser, warte, () -> aufgabe(fall, "Task_AufnahmeErfassen") == null);
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "aufnahme")).isEqualTo("ANGENOMMEN");
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "aufnahmeAm")).hasToString(LocalDate.now().plusDays(7).toString());
    assertThat(aufgabe(fall, "Task_ZuweisungsschreibenVersenden")).isNotNull();
    // what she read is in the access log under her name and the case number
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ki_zugriffsprotokoll WHERE benutzer = 'gsommer' AND aktenzeichen = ?",
        Integer.class, fall.getBusinessKey())).isPositive();

    // the second child: no place; the reason goes to the Schulamt's new decision
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Browser.waehleFilter(browser, warte, IdentitaetEinrichtung.FILTER_GRUPPE);
    Browser.oeffneAufgabe(browser, warte, zweiter.getBusinessKey(), "Aufnahme bestätigen (Schule)");
    Browser.beanspruchen(browser, warte, "aufnahme-0");
    Browser.option(browser, "aufnahme", "Aufnahme nicht möglich – Entscheidung der Schulaufsicht").click();
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Field_ablehnungsgrund']")));
    Browser.tippe(browser, "ablehnungsgrund", "Klasse 4 voll belegt");
    Browser.abschliessen(browser, warte, () -> aufgabe(zweiter, "Task_AufnahmeErfassen") == null);
    Task neu = aufgabe(zweiter, "Task_ZuweisungSchulamt");
    assertThat(neu).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(zweiter.getId(), "ablehnungsgrund")).isEqualTo("Klasse 4 voll belegt");
    // and the school no longer sees either case
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Browser.waehleFilter(browser, warte, IdentitaetEinrichtung.FILTER_GRUPPE);
    warte.until(d -> !d.findElement(By.tagName("body")).getText().contains(fall.getBusinessKey())
        && !d.findElement(By.tagName("body")).getText().contains(zweiter.getBusinessKey()));
  }

  /**
   * The operator invites a school's person on the page beside Admin, and the person sets the password
   * on the invitation page: real form posts of a browser (which sends "Origin: null" under the pages'
   * no-referrer policy) through to the first Tasklist login.
   */
  @Test
  void derBetriebLaedtEinUndDiePersonSetztImBrowserIhrKennwort() throws Exception {
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://localhost:" + port + "/camunda/app/admin/default/");
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.findElement(By.cssSelector("input[ng-model=username]")).sendKeys("admin");
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys("Pruefstand-7-Test");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    warte.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));

    browser.get("http://localhost:" + port + "/ki/betrieb/partnerkonten");
    new org.openqa.selenium.support.ui.Select(warte.until(ExpectedConditions.elementToBeClickable(By.id("partner"))))
        .selectByVisibleText("Grundschule Arnsberg 2 (Demo)");
    browser.findElement(By.id("vorname")).sendKeys("Jörg");
    browser.findElement(By.id("nachname")).sendKeys("Brückner");
    browser.findElement(By.id("email")).sendKeys("j.brueckner@gs2.example.org");
    int vorher = greenMail.getReceivedMessages().length;
    browser.findElement(By.xpath("//button[normalize-space()='Konto anlegen und Einladung senden']")).click();
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Konto „extjbrueckner“ angelegt"));
    Browser.bildschirmfoto(browser, "partnerkonten-eingeladen");

    greenMail.waitForIncomingEmail(5000, vorher + 1);
    String text = greenMail.getReceivedMessages()[vorher].getContent().toString();
    Matcher link = Pattern.compile(Pattern.quote(basisUrl) + "(/ki/konto/einladung\\?t=[A-Za-z0-9_-]+)").matcher(text);
    assertThat(link.find()).as(text).isTrue();
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + link.group(1));
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "extjbrueckner"));
    browser.findElement(By.id("kennwort")).sendKeys("Schulhof-2026!");
    browser.findElement(By.id("wiederholung")).sendKeys("Schulhof-2026!");
    browser.findElement(By.xpath("//button[normalize-space()='Kennwort festlegen']")).click();
    // the form posts and the next page replaces the body while the wait reads it ("node does not belong to the document")
    new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Ihr Kennwort ist gesetzt"));
    Browser.anmelden(browser, warte, port, "extjbrueckner", "Schulhof-2026!");
  }

  private void schliesseAb(ProcessInstance fall, String definition, Map<String, Object> variablen) {
    engine.getTaskService().complete(aufgabe(fall, definition).getId(), variablen);
  }

  private Task aufgabe(ProcessInstance fall, String definition) {
    return engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey(definition).singleResult();
  }
}
