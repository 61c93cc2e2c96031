package de.hsk.ki.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19, points 3, 5, 7 (task creation), 9 and 12, as a clerk meets them in Tasklist: refusals beside
 * the button naming every field, the case number after a start, search by case number and surname, no
 * banner and no dead "Aufgabe erstellen", a German word for somebody else's task, a note for funding
 * staff, and German error pages for Cockpit.
 */
class OberflaecheBrowserTest extends BrowserTestBasis {

  WebDriverWait warte;

  private void oeffne(String benutzer) throws Exception {
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    warte.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    Browser.anmelden(browser, warte, port, benutzer, "Sauerland-2026");
  }

  private void startdialog(String prozess) {
    Browser.starteProzess(browser, warte, prozess, "Field_vorname");
  }

  private WebElement startknopf() {
    return browser.findElement(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space()='Start']"));
  }

  /** Point 3: an empty start names every required field beside the Start button, in German. */
  @Test
  void leererStartNenntJedesFeldNebenDemStartknopf() throws Exception {
    oeffne("pschneider");
    startdialog("Seiteneinstieg");
    Browser.sichtbar(browser, startknopf()).click();

    WebElement hinweis = warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-footer .ki-absendehinweis")));
    Browser.bildschirmfoto(browser, "oberflaeche-01-leerer-start");
    assertThat(hinweis.getText()).startsWith("Nicht gestartet – bitte diese 11 Felder prüfen:")
        .contains("Meldende Stelle: Pflichtfeld, bitte ausfüllen.", "Vorname: Pflichtfeld", "Nachname: Pflichtfeld",
            "Geburtsdatum: Pflichtfeld", "Datum des Zuzugs: Pflichtfeld", "Wohnort (Kommune im Hochsauerlandkreis): Pflichtfeld",
            "Bevorzugte Sprache der Familie: Pflichtfeld")
        .doesNotContain("Field is required");
    // beside the button: directly above it in the dialog's footer, both in the window at once
    var knopf = startknopf().getRect();
    var kasten = hinweis.getRect();
    assertThat(knopf.getY() - (kasten.getY() + kasten.getHeight())).isBetween(0, 60);
    assertThat(imFenster(hinweis)).as("message in the window").isTrue();
    assertThat(imFenster(startknopf())).as("button in the window").isTrue();
    // Tasklist's own notice stays, without the technical " :" after its prefix
    assertThat(Browser.fehlermeldungen(browser)).extracting(WebElement::getText)
        .anyMatch(t -> t.contains("Der Prozess konnte nicht gestartet werden.")).noneMatch(t -> t.contains(" :"));
    // a line of the list leads to its field
    hinweis.findElement(By.xpath(".//a[contains(.,'Nachname')]")).click();
    warte.until(d -> d.switchTo().activeElement().getAttribute("id").endsWith("-Field_nachname"));
  }

  /**
   * Point 3: what only the server refuses (here markup in a note) is named beside "Abschließen" and at
   * the field itself, with the field's German label.
   */
  @Test
  void serverablehnungStehtNebenAbschliessenUndAmFeld() throws Exception {
    ProcessInstance fall = fallBisZurErstberatung("Ablehnung" + System.nanoTime() % 100000);
    oeffne("tbecker");
    Browser.waehleFilter(browser, warte, "Aufgaben meiner Gruppe");
    Browser.oeffneAufgabe(browser, warte, fall.getBusinessKey(), "Erstberatung durchführen");
    Browser.beanspruchen(browser, warte, "sprachen");
    Browser.tippe(browser, "schulbesuchsjahre", "4");
    Browser.tippe(browser, "sprachen", "Kurdisch");
    Browser.feld(browser, "dokumente-0").click();
    Browser.feld(browser, "lateinischeSchrift-1").click();
    waehle("deutschniveau", "A1");
    waehle("mathematikniveau", "teilweise altersgemäß");
    waehle("empfohleneSchulform", "Grundschule");
    Browser.suche(browser, warte, "datenschutzhinweisSprache", "Deu", "Deutsch");
    datum("datenschutzhinweisAm", LocalDate.now());
    Browser.tippe(browser, "beratungsnotiz", "Siehe <b>Vermerk</b>");
    Browser.sichtbar(browser, browser.findElement(By.xpath("//button[normalize-space()='Abschließen']"))).click();

    WebElement hinweis = warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ki-absendehinweis")));
    WebElement feld = browser.findElement(By.cssSelector(".ki-feld-abgelehnt"));
    Browser.bildschirmfoto(browser, "oberflaeche-02-serverablehnung");
    assertThat(hinweis.getText()).startsWith("Die Aufgabe wurde nicht abgeschlossen. Bitte dieses Feld prüfen:")
        .contains("Ergebnis der Beratung (keine Gesundheitsdaten): HTML oder andere Auszeichnungen");
    assertThat(feld.findElement(By.cssSelector(".ki-feldmeldung")).getText()).contains("HTML oder andere Auszeichnungen");
    assertThat(feld.findElements(By.cssSelector("[id$='-Field_beratungsnotiz']"))).hasSize(1);
    WebElement abschliessen = browser.findElement(By.xpath("//button[normalize-space()='Abschließen']"));
    assertThat(abschliessen.getRect().getY() - (hinweis.getRect().getY() + hinweis.getRect().getHeight()))
        .as("message directly above the button").isBetween(0, 40);
    assertThat(imFenster(hinweis)).as("message in the window").isTrue();
    assertThat(imFenster(abschliessen)).as("button in the window").isTrue();
    assertThat(nichtVerdeckt(hinweis)).as("message not covered by Tasklist's notice").isTrue();
    assertThat(nichtVerdeckt(abschliessen)).as("button not covered by Tasklist's notice").isTrue();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(fall.getId())
        .taskDefinitionKey("Task_ErstberatungDurchfuehren").count()).isEqualTo(1);
  }

  /** Point 5: after the start the clerk reads the case number and what comes next, with a link to it. */
  @Test
  void nachDemStartStehenAktenzeichenUndNaechsterSchritt() throws Exception {
    oeffne("pschneider");
    startdialog("Seiteneinstieg");
    String nachname = "Angelegt" + System.nanoTime() % 100000;
    waehle("meldendeStelle", "Einwohnermeldeamt");
    Browser.tippe(browser, "vorname", "Mira");
    Browser.tippe(browser, "nachname", nachname);
    datum("geburtsdatum", LocalDate.now().minusYears(8));
    Browser.tippe(browser, "staatsangehoerigkeit", "Eritrea");
    datum("zuzugsdatum", LocalDate.now().minusDays(20));
    Browser.tippe(browser, "anschrift", "Bahnhofstraße 4, 59821 Arnsberg");
    waehle("kommune", "Arnsberg");
    waehle("sorgeform", "Eltern / einem Elternteil");
    Browser.tippe(browser, "erziehungsberechtigte", "Familie " + nachname);
    Browser.tippe(browser, "bevorzugteSprache", "Tigrinya");
    Browser.sichtbar(browser, startknopf()).click();

    WebElement kasten = warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ki-fall-angelegt")));
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ki-fall-angelegt .ki-naechster-schritt")));
    ProcessInstance fall = engine.getRuntimeService().createProcessInstanceQuery().variableValueEquals("nachname", nachname).singleResult();
    Browser.bildschirmfoto(browser, "oberflaeche-03-fall-angelegt");
    assertThat(imFenster(kasten)).as("notice in the window").isTrue();
    assertThat(kasten.getText()).contains("Fall " + fall.getBusinessKey() + " wurde angelegt.",
        "Als Nächstes: „Familie zur Erstberatung einladen“ – zuständig: KI – Verwaltung.", "Zur Aufgabe");
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    kasten.findElement(By.cssSelector("a.ki-zur-aufgabe")).click();
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2"), "Familie zur Erstberatung einladen"));
    assertThat(browser.getCurrentUrl()).contains("task=" + einladung.getId());
    Browser.bildschirmfoto(browser, "oberflaeche-04-zur-aufgabe");
  }

  /**
   * Point 9 with points 7 and 12: the search offers "Aktenzeichen" (also for free text) and the
   * child's surname, not the technical criteria; no banner, no "Aufgabe erstellen".
   */
  @Test
  void sucheNachAktenzeichenUndNachname() throws Exception {
    String nachname = "Suchtest" + System.nanoTime() % 100000;
    ProcessInstance fall = fallBisZurErstberatung(nachname);
    ProcessInstance andererFall = fallBisZurErstberatung("Anders" + System.nanoTime() % 100000);
    oeffne("tbecker");
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed)).isEmpty();
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
    assertThat(browser.findElements(By.cssSelector("li.create-task-action")).stream().filter(WebElement::isDisplayed)).isEmpty();
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Aufgabe erstellen");
    Browser.waehleFilter(browser, warte, "Aufgaben meiner Gruppe");
    warte.until(ExpectedConditions.visibilityOfElementLocated(karte(andererFall.getBusinessKey(), "Erstberatung durchführen")));

    WebElement suche = browser.findElement(By.cssSelector(".search-field input.main-field"));
    suche.click();
    List<String> kriterien = warte.until(d -> {
      List<String> sichtbar = d.findElements(By.cssSelector(".search-field ul.dropdown-menu li a")).stream()
          .filter(WebElement::isDisplayed).map(WebElement::getText).map(String::trim).toList();
      return sichtbar.isEmpty() ? null : sichtbar;
    });
    Browser.bildschirmfoto(browser, "oberflaeche-05-suchkriterien");
    assertThat(kriterien).startsWith("Aktenzeichen", "Nachname des Kindes", "Aufgabe")
        .doesNotContain("Caseinstanz ID", "Mandanten-ID", "Prozessvariable", "Ausführungs-ID", "Priorität")
        .hasSizeLessThanOrEqualTo(9);

    // free text: the case number
    suche.sendKeys(fall.getBusinessKey(), Keys.ENTER);
    warte.until(d -> d.findElements(By.cssSelector("ol.tasks-list > li.task")).size() == 1);
    assertThat(browser.findElements(karte(fall.getBusinessKey(), "Erstberatung durchführen"))).hasSize(1);
    assertThat(browser.findElement(By.cssSelector(".search-field")).getText()).contains("Aktenzeichen");
    Browser.bildschirmfoto(browser, "oberflaeche-06-suche-aktenzeichen");
    assertThat(Browser.fehlermeldungen(browser)).isEmpty();

    // the surname, as a whole and in any case
    browser.findElement(By.cssSelector(".search-field .remove-search, .search-field [ng-click*='onDelete']")).click();
    warte.until(d -> d.findElements(By.cssSelector("ol.tasks-list > li.task")).size() >= 2);
    suche = browser.findElement(By.cssSelector(".search-field input.main-field"));
    suche.click();
    warte.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'search-field')]//ul[contains(@class,'dropdown-menu')]//a[normalize-space()='Nachname des Kindes']"))).click();
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".search-field .value-field input.form-control")))
        .sendKeys(nachname.toLowerCase(), Keys.ENTER);
    warte.until(d -> d.findElements(By.cssSelector("ol.tasks-list > li.task")).size() == 1);
    assertThat(browser.findElements(karte(fall.getBusinessKey(), "Erstberatung durchführen"))).hasSize(1);
    Browser.bildschirmfoto(browser, "oberflaeche-07-suche-nachname");
    assertThat(Browser.fehlermeldungen(browser)).isEmpty();
  }

  /** Point 12: a link to another group's task says so in German, without the engine's English. */
  @Test
  void fremdeAufgabeErklaertSichAufDeutsch() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    oeffne("tbecker");
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + einladung.getId());
    WebElement meldung = warte.until(d -> Browser.fehlermeldungen(d).stream().findFirst().orElse(null));
    warte.until(d -> meldung.getText().contains("anderen Gruppe"));
    Browser.bildschirmfoto(browser, "oberflaeche-08-fremde-aufgabe");
    assertThat(meldung.getText()).contains("Diese Aufgabe können Sie nicht öffnen.", "Sie wurde inzwischen erledigt oder gehört zu einer anderen Gruppe.")
        .doesNotContain("No matching task", einladung.getId(), " :");
  }

  /** Review S5: staff end a case in Tasklist with a reason; the server's refusal is named beside "Start". */
  @Test
  void verwaltungBeendetEinenFallUeberProzessStarten() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    // she has taken on the invitation of the case
    engine.getTaskService().claim(engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult().getId(), "pschneider");
    oeffne("pschneider");
    Browser.starteProzess(browser, warte, "Fall vorzeitig beenden", "Field_zuBeendenderFall");
    Browser.tippe(browser, "zuBeendenderFall", "SE-2026-9999");
    Browser.waehle(browser, warte, "beendigungsgrund", "Deutschland verlassen");
    Browser.sichtbar(browser, startknopf()).click();
    WebElement hinweis = warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-footer .ki-absendehinweis")));
    warte.until(d -> hinweis.getText().contains("kein offener Fall SE-2026-9999"));
    // the typed values stay; the right case number, and it starts
    assertThat(Browser.feld(browser, "zuBeendenderFall").getAttribute("value")).isEqualTo("SE-2026-9999");
    Browser.tippe(browser, "zuBeendenderFall", fall.getBusinessKey());
    Browser.tippe(browser, "beendigungsnotiz", "Laut Meldeamt nach Syrien zurückgekehrt");
    Browser.bildschirmfoto(browser, "oberflaeche-10-fall-beenden");
    Browser.sichtbar(browser, startknopf()).click();
    warte.until(d -> engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("Process_FallVorzeitigBeenden").count() == 1);
    String vorgang = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("Process_FallVorzeitigBeenden")
        .singleResult().getId();
    de.hsk.ki.testkit.Fristablauf.fuehreAus(engine, vorgang, "Task_FallBeenden");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(fall.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(fall.getId())
        .variableName("beendigungsgrund").singleResult().getValue()).isEqualTo("AUSREISE");
  }

  /** Point 12: funding staff find their filters and a German note of what they do here. */
  @Test
  void foerderungSiehtFilterUndHinweis() throws Exception {
    oeffne("fyilmaz");
    WebElement hinweis = warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ki-arbeitshinweis")));
    Browser.bildschirmfoto(browser, "oberflaeche-09-foerderung");
    assertThat(imFenster(hinweis)).as("note in the window").isTrue();
    assertThat(hinweis.getText()).contains("Förderprogramme", "„Prozess starten“", "„Fristen diese Woche“", "„Zur Gegenzeichnung“",
        "/ki/foerderung/bericht", "„Zur Förderung beraten“");
    // the filters the note names are there
    assertThat(browser.findElement(By.cssSelector(".task-filters")).getText())
        .contains("Meine Aufgaben", "Aufgaben meiner Gruppe", "Überfällig", "Fristen diese Woche", "Zur Gegenzeichnung");
    // other groups see no such note
    Browser.abmelden(browser, port);
    Browser.anmelden(browser, warte, port, "pschneider", "Sauerland-2026");
    Thread.sleep(1000);
    assertThat(browser.findElements(By.cssSelector(".ki-arbeitshinweis"))).isEmpty();
  }

  /** Point 12: Cockpit and Admin answer staff with the German error page. */
  @Test
  void cockpitUndAdminZeigenStaffDieDeutscheFehlerseite() throws Exception {
    oeffne("pschneider");
    for (String app : List.of("cockpit", "admin")) {
      browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
      warte.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
      Browser.bildschirmfoto(browser, "oberflaeche-10-" + app);
      assertThat(browser.findElement(By.tagName("body")).getText())
          .contains("Kein Zugriff", "für Ihre Rolle nicht freigegeben", "Zur Aufgabenliste").doesNotContain("Whitelabel");
      assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
    }
  }

  /** Whether the element is wholly inside the browser window (not scrolled away). */
  private boolean imFenster(WebElement element) {
    return (Boolean) ((JavascriptExecutor) browser).executeScript(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", element);
  }

  /** Whether what is drawn at the element's centre is the element itself (nothing lies over it). */
  private boolean nichtVerdeckt(WebElement element) {
    return (Boolean) ((JavascriptExecutor) browser).executeScript(
        "const r = arguments[0].getBoundingClientRect();"
            + " const oben = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 12));"
            + " return oben !== null && arguments[0].contains(oben);", element);
  }

  private static By karte(String businessKey, String aufgabe) {
    return By.xpath("//li[contains(@class,'task')][.//*[contains(text(),'" + businessKey + "')]]//a[contains(text(),'" + aufgabe + "')]");
  }

  private void waehle(String key, String bezeichnung) {
    Browser.sichtbar(browser, browser.findElement(By.cssSelector("[id$='-Field_" + key + "-display']"))).click();
    warte.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + bezeichnung + "']"))).click();
  }

  /** Types a date as the date field asks for it (form-js 1.8: MM/DD/YYYY; a German picker: TT.MM.JJJJ). */
  private void datum(String key, LocalDate datum) {
    WebElement feld = Browser.feld(browser, key + "-date");
    String platzhalter = String.valueOf(feld.getAttribute("placeholder")).toLowerCase();
    String muster = platzhalter.startsWith("mm") ? "MM/dd/yyyy" : "dd.MM.yyyy";
    feld.sendKeys(datum.format(DateTimeFormatter.ofPattern(muster)), Keys.TAB);
  }

  private ProcessInstance fallBisZurErstberatung(String nachname) {
    Map<String, Object> meldung = new HashMap<>(Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    meldung.put("nachname", nachname);
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung);
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(einladung.getId(), Map.of("terminDatum", LocalDate.now().toString(),
        "terminUhrzeit", "10:00", "terminOrt", "KREISHAUS_ARNSBERG", "einladungsweg", "BRIEF", "dolmetscherGebucht", false));
    return fall;
  }
}
