package de.hsk.ki.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A teacher works the first counselling in Tasklist, in German, in a real browser; afterwards
 * the Schulamt sees the assignment task.
 */
@KiSpringTest
class TasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  WebDriver browser;

  @AfterEach
  void schliessen() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void lehrkraftFuehrtDieErstberatungImFormularDurch() throws Exception {
    ProcessInstance fall = fallBisZurErstberatung();
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));

    anmelden(warte, "tbecker");
    browser.findElement(By.xpath("//*[contains(@class,'task-filters')]//*[contains(text(),'Aufgaben meiner Gruppe')]")).click();
    WebElement karte = warte.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//li[contains(@class,'task')][.//*[contains(text(),'" + fall.getBusinessKey() + "')]]//a[contains(text(),'Erstberatung durchführen')]")));
    Browser.bildschirmfoto(browser, "01-aufgabenliste");
    karte.click();
    warte.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Field_sprachen']")));
    assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText())
        .contains("Fall " + fall.getBusinessKey())
        .contains("Schulbesuchsjahre");

    feld("schulbesuchsjahre").sendKeys("4");
    feld("sprachen").sendKeys("Kurdisch, Arabisch");
    feld("dokumente-0").click();
    feld("lateinischeSchrift-1").click();
    waehle(warte, "deutschniveau", "A1");
    waehle(warte, "mathematikniveau", "teilweise altersgemäß");
    waehle(warte, "empfohleneSchulform", "Grundschule");
    feld("beratungsnotiz").sendKeys("Familie über das Schulsystem informiert.");
    Browser.bildschirmfoto(browser, "02-formular-ausgefuellt");

    sichtbar(browser.findElement(By.xpath("//button[normalize-space()='Abschließen']"))).click();
    warte.until(d -> engine.getTaskService().createTaskQuery().processInstanceId(fall.getId())
        .taskDefinitionKey("Task_ErstberatungDurchfuehren").count() == 0);
    Browser.bildschirmfoto(browser, "03-abgeschlossen");

    Task naechste = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    assertThat(naechste.getTaskDefinitionKey()).isEqualTo("Task_ZuweisungSchulamt");
    List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(naechste.getId());
    assertThat(links).extracting(IdentityLink::getGroupId).containsExactly("schulamt");
    Map<String, Object> v = engine.getRuntimeService().getVariables(fall.getId());
    assertThat(v).containsEntry("deutschniveau", "A1").containsEntry("empfohleneSchulform", "GRUNDSCHULE")
        .containsEntry("lateinischeSchrift", "TEILWEISE").containsEntry("gesundheitsamtBenachrichtigen", false);
    assertThat(((Number) v.get("schulbesuchsjahre")).intValue()).isEqualTo(4);

    // the Schulamt now sees the assignment task in its group's list
    browser.manage().deleteAllCookies();
    anmelden(warte, "jklein");
    browser.findElement(By.xpath("//*[contains(@class,'task-filters')]//*[contains(text(),'Aufgaben meiner Gruppe')]")).click();
    warte.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//li[contains(@class,'task')][.//*[contains(text(),'" + fall.getBusinessKey() + "')]]//a[contains(text(),'Schulplatz zuweisen')]")));
    Browser.bildschirmfoto(browser, "04-schulamt");
  }

  private WebElement feld(String key) {
    return sichtbar(browser.findElement(By.cssSelector("[id$='-Field_" + key + "']")));
  }

  /** Tasklist's fixed footer may cover a field at the bottom of the window. */
  private WebElement sichtbar(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    return element;
  }

  private void waehle(WebDriverWait warte, String key, String bezeichnung) {
    sichtbar(browser.findElement(By.cssSelector("[id$='-Field_" + key + "-display']"))).click();
    warte.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + bezeichnung + "']"))).click();
  }

  @Test
  void sozialarbeiterinPlantDieVermittlungMitCheckliste() throws Exception {
    Map<String, Object> meldung = new HashMap<>();
    meldung.put("meldendeStelle", "SELBST");
    meldung.put("vorname", "Hana");
    meldung.put("nachname", "Browsertest");
    meldung.put("geburtsdatum", LocalDate.now().minusYears(20).toString());
    meldung.put("kommune", "MESCHEDE");
    meldung.put("schulbesuchsjahre", 12);
    meldung.put("aktuelleKlasse", "KEINE");
    meldung.put("abschluss", "AUSLAND_OFFEN");
    meldung.put("aufenthaltsstatus", "AUFENTHALTSERLAUBNIS");
    meldung.put("deutschniveau", "B1");
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", meldung);
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));

    anmelden(warte, "ademir");
    browser.findElement(By.xpath("//*[contains(@class,'task-filters')]//*[contains(text(),'Aufgaben meiner Gruppe')]")).click();
    warte.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//li[contains(@class,'task')][.//*[contains(text(),'" + fall.getBusinessKey() + "')]]//a[contains(text(),'Vermittlung planen')]"))).click();
    warte.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Field_vermittlungsziel']")));

    feld("partnerAuswahl-0").click();
    feld("partnerAuswahl-4").click();
    feld("vermittlungsziel").sendKeys("Ausbildung im Einzelhandel");
    Browser.bildschirmfoto(browser, "05-vermittlung");
    sichtbar(browser.findElement(By.xpath("//button[normalize-space()='Abschließen']"))).click();
    warte.until(d -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.getBusinessKey())
        .taskDefinitionKey("Task_EinwilligungEinholen").count() == 1);

    Task einwilligung = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.getBusinessKey()).singleResult();
    assertThat(engine.getTaskService().getVariable(einwilligung.getId(), "partner")).isEqualTo("JOBCENTER");
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "vermittlungsPartner"))
        .asList().containsExactly("JOBCENTER", "JUGENDMIGRATIONSDIENST");
  }

  @Test
  void verwaltungMeldetEinKindUeberDasStartformular() throws Exception {
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    anmelden(warte, "pschneider");
    browser.findElement(By.xpath("//a[contains(.,'Prozess starten')]")).click();
    warte.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(.,'Seiteneinstieg')]"))).click();
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Field_vorname']")));

    String nachname = "Startformular" + System.nanoTime() % 100000;
    waehle(warte, "meldendeStelle", "Einwohnermeldeamt");
    feld("vorname").sendKeys("Mira");
    feld("nachname").sendKeys(nachname);
    // form-js 1.8's date picker takes MM/DD/YYYY
    String geboren = LocalDate.now().minusYears(8).format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy"));
    feld("geburtsdatum-date").sendKeys(geboren, org.openqa.selenium.Keys.TAB);
    feld("staatsangehoerigkeit").sendKeys("Eritrea");
    String zuzug = LocalDate.now().minusDays(20).format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy"));
    feld("zuzugsdatum-date").sendKeys(zuzug, org.openqa.selenium.Keys.TAB);
    feld("anschrift").sendKeys("Bahnhofstraße 4, 59821 Arnsberg");
    waehle(warte, "kommune", "Arnsberg");
    waehle(warte, "sorgeform", "Eltern / einem Elternteil");
    feld("erziehungsberechtigte").sendKeys("Familie " + nachname);
    feld("bevorzugteSprache").sendKeys("Tigrinya");
    feld("dolmetscherBenoetigt").click();
    Browser.bildschirmfoto(browser, "06-startformular");
    sichtbar(browser.findElement(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space()='Start']"))).click();

    warte.until(d -> engine.getRuntimeService().createProcessInstanceQuery()
        .variableValueEquals("nachname", nachname).count() == 1);
    ProcessInstance fall = engine.getRuntimeService().createProcessInstanceQuery().variableValueEquals("nachname", nachname).singleResult();
    assertThat(fall.getBusinessKey()).matches("SE-\\d{4}-\\d{4,}");
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "geburtsdatum"))
        .isEqualTo(LocalDate.now().minusYears(8).toString());
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "dolmetscherBenoetigt")).isEqualTo(true);
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    assertThat(einladung.getTaskDefinitionKey()).isEqualTo("Task_EinladungVersenden");
  }

  private void anmelden(WebDriverWait warte, String benutzer) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    try {
      warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    } catch (RuntimeException e) {
      Browser.bildschirmfoto(browser, "fehler-anmeldung");
      throw e;
    }
    assertThat(browser.findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("Anmelden");
    browser.findElement(By.cssSelector("input[ng-model=username]")).sendKeys(benutzer);
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys("Sauerland-2026");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Aufgaben meiner Gruppe"));
  }

  private ProcessInstance fallBisZurErstberatung() {
    Map<String, Object> meldung = Seiteneinstiegsfall.meldung("ARNSBERG", 9);
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung);
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(einladung.getId(), Map.of("terminDatum", LocalDate.now().toString(),
        "terminUhrzeit", "10:00", "terminOrt", "KREISHAUS_ARNSBERG", "einladungsweg", "BRIEF", "dolmetscherGebucht", false));
    return fall;
  }
}
