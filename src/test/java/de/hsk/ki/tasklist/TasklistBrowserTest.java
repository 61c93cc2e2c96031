package de.hsk.ki.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A teacher works the first counselling in Tasklist, in German, in a real browser; afterwards
 * the Schulamt sees the assignment task.
 */
class TasklistBrowserTest extends BrowserTestBasis {

  @Autowired de.hsk.ki.plattform.einwilligung.Einwilligungen einwilligungen;

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
    // sorted by deadline, the case may be further down, under the footer
    sichtbar(karte).click();
    Browser.beanspruchen(browser, warte, "sprachen");
    assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText())
        .contains("Fall " + fall.getBusinessKey())
        .contains("Schulbesuchsjahre");

    tippe("schulbesuchsjahre", "4");
    tippe("sprachen", "Kurdisch, Arabisch");
    feld("dokumente-0").click();
    feld("lateinischeSchrift-1").click();
    waehle(warte, "deutschniveau", "A1");
    waehle(warte, "mathematikniveau", "teilweise altersgemäß");
    waehle(warte, "empfohleneSchulform", "Grundschule");
    tippe("beratungsnotiz", "Familie über das Schulsystem informiert.");
    // the Art. 13 notice: handed over today, explained in Kurdish; it opens from the form in its own tab
    Browser.suche(browser, warte, "datenschutzhinweisSprache", "Kurd", "Kurdisch");
    feld("datenschutzhinweisAm-date").sendKeys(java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")),
        org.openqa.selenium.Keys.TAB);
    String aufgabenTab = browser.getWindowHandle();
    sichtbar(warte.until(ExpectedConditions.elementToBeClickable(By.linkText("Datenschutzhinweis (Art. 13 DSGVO) öffnen und drucken")))).click();
    warte.until(d -> d.getWindowHandles().size() == 2);
    browser.switchTo().window(browser.getWindowHandles().stream().filter(h -> !h.equals(aufgabenTab)).findFirst().orElseThrow());
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Informationen zum Datenschutz"));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Art. 13 und 14");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("in der Sprache Kurdisch erläutert")
        .contains("Art. 6 Abs. 1 Buchstabe e DSGVO").contains("Landesbeauftragten für Datenschutz");
    Browser.bildschirmfoto(browser, "02a-datenschutzhinweis");
    browser.close();
    browser.switchTo().window(aufgabenTab);
    Browser.bildschirmfoto(browser, "02-formular-ausgefuellt");
    // review S3: the examination is not a choice any more, the form says it is mandatory; the vaccination record is a document
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Seiteneinsteigeruntersuchung:")
        .contains("Impfausweis / Nachweis über den Masernschutz");
    assertThat(browser.findElements(By.cssSelector("[id$='-Field_gesundheitsamtBenachrichtigen']"))).isEmpty();
    // still the form we typed into (a form shown again would submit empty fields)
    assertThat(feld("sprachen").getAttribute("value")).isEqualTo("Kurdisch, Arabisch");

    Browser.abschliessen(browser, warte, () -> engine.getTaskService().createTaskQuery().processInstanceId(fall.getId())
        .taskDefinitionKey("Task_ErstberatungDurchfuehren").count() == 0);
    Browser.bildschirmfoto(browser, "03-abgeschlossen");

    Task naechste = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey("Task_ZuweisungSchulamt")
        .singleResult();
    assertThat(naechste).isNotNull();
    // beside it, the health office is asked (a job, then the record task of the administration)
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(fall.getId()).activityId("Task_GesundheitsamtBenachrichtigen")
        .count()).isEqualTo(1);
    List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(naechste.getId());
    assertThat(links).extracting(IdentityLink::getGroupId).containsExactly("schulamt");
    Map<String, Object> v = engine.getRuntimeService().getVariables(fall.getId());
    assertThat(v).containsEntry("datenschutzhinweisSprache", "KURDISCH").containsEntry("datenschutzhinweisAm", java.time.LocalDate.now().toString());
    assertThat(v).containsEntry("deutschniveau", "A1").containsEntry("empfohleneSchulform", "GRUNDSCHULE")
        .containsEntry("lateinischeSchrift", "TEILWEISE").doesNotContainKey("gesundheitsamtBenachrichtigen");
    assertThat(((Number) v.get("schulbesuchsjahre")).intValue()).isEqualTo(4);

    // the Schulamt now sees the assignment task in its group's list
    Browser.abmelden(browser, port);
    anmelden(warte, "jklein");
    browser.findElement(By.xpath("//*[contains(@class,'task-filters')]//*[contains(text(),'Aufgaben meiner Gruppe')]")).click();
    warte.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//li[contains(@class,'task')][.//*[contains(text(),'" + fall.getBusinessKey() + "')]]//a[contains(text(),'Schulplatz zuweisen')]")));
    Browser.bildschirmfoto(browser, "04-schulamt");
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

  private void waehle(WebDriverWait warte, String key, String bezeichnung) {
    Browser.waehle(browser, warte, key, bezeichnung);
  }

  @Test
  void sozialarbeiterinPlantDieVermittlungMitCheckliste() throws Exception {
    ProcessInstance fall = uebergangsfall("Hana", "Browsertest", LocalDate.now().minusYears(20), "MESCHEDE", 12, "KEINE");
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));

    anmelden(warte, "ademir");
    browser.findElement(By.xpath("//*[contains(@class,'task-filters')]//*[contains(text(),'Aufgaben meiner Gruppe')]")).click();
    sichtbar(warte.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//li[contains(@class,'task')][.//*[contains(text(),'" + fall.getBusinessKey() + "')]]//a[contains(text(),'Vermittlung planen')]")))).click();
    Browser.beanspruchen(browser, warte, "vermittlungsziel");

    // the options come from the referral table: Jobcenter (benefits unknown), Agentur, Jugendmigrationsdienst, IHK, HWK
    feld("partnerAuswahl-0").click();
    feld("partnerAuswahl-2").click();
    tippe("vermittlungsziel", "Ausbildung im Einzelhandel");
    Browser.bildschirmfoto(browser, "05-vermittlung");
    assertThat(feld("vermittlungsziel").getAttribute("value")).isEqualTo("Ausbildung im Einzelhandel");
    Browser.abschliessen(browser, warte, () -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.getBusinessKey())
        .taskDefinitionKey("Task_EinwilligungEinholen").count() == 1);

    Task einwilligung = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.getBusinessKey()).singleResult();
    assertThat(engine.getTaskService().getVariable(einwilligung.getId(), "offenePartner")).asList()
        .containsExactly("JOBCENTER", "JUGENDMIGRATIONSDIENST");
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "vermittlungsPartner"))
        .asList().containsExactly("JOBCENTER", "JUGENDMIGRATIONSDIENST");

    // the consent step comes to her directly: she is the case's social worker now (issue 17)
    assertThat(einwilligung.getAssignee()).isEqualTo("ademir");
    // one consent step for both partners, a row each; the person and today's date are prefilled
    Browser.oeffneAufgabe(browser, warte, fall.getBusinessKey(), "Einwilligung einholen");
    Browser.beanspruchen(browser, warte, "zweck");
    List<WebElement> stellen = warte.until(ExpectedConditions.numberOfElementsToBe(
        By.cssSelector(".fjs-form-field-dynamiclist .fjs-form-field-select"), 2));
    assertThat(stellen.get(0).getText()).contains("Jobcenter Hochsauerlandkreis (Demo)");
    assertThat(stellen.get(1).getText()).contains("Jugendmigrationsdienst");
    Browser.bildschirmfoto(browser, "05b-einwilligungen");
    waehleInZeile(0, "einwilligung", "erteilt");
    waehleInZeile(0, "erklaerungsform", "schriftlich");
    waehleInZeile(1, "einwilligung", "verweigert");
    // adult: no question on the capacity to understand
    assertThat(browser.findElements(By.cssSelector("[id$='-Field_einsichtsfaehig-0']"))).isEmpty();
    sichtbar(feld("informiert")).click();
    tippe("sprache", "Deutsch");
    // a row left half-done: the server names it, next to the button, and nothing is recorded
    sichtbar(browser.findElement(By.xpath("//button[normalize-space()='Abschließen']"))).click();
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Zeile 2, Form der Erklärung: Pflichtfeld"));
    Browser.bildschirmfoto(browser, "05c-einwilligung-zeile-unvollstaendig");
    assertThat(einwilligungen.vonFall(fall.getBusinessKey())).isEmpty();
    waehleInZeile(1, "erklaerungsform", "mündlich");
    Browser.abschliessen(browser, warte, () -> einwilligungen.vonFall(fall.getBusinessKey()).size() == 2);
    assertThat(einwilligungen.vonFall(fall.getBusinessKey()))
        .extracting(e -> e.partner() + ":" + e.erteilt() + ":" + e.erklaerungsform() + ":" + e.personRolle())
        .containsExactly("JOBCENTER:true:SCHRIFTLICH:JUGENDLICHE", "JUGENDMIGRATIONSDIENST:false:MUENDLICH:JUGENDLICHE");
  }

  @Test
  void lehrkraftStelltDieEinsichtsfaehigkeitEinerSechzehnjaehrigenFest() throws Exception {
    ProcessInstance fall = uebergangsfall("Lina", "Einsichttest", LocalDate.now().minusYears(16).minusDays(20), "BRILON", 9, "KLASSE_10");
    // the consent building block for a partner without a guardians' rule (KAoA-kompakt has one since review U5),
    // called under the case's number as a process would call it
    engine.getRuntimeService().startProcessInstanceByKey("Process_Baustein_Einwilligung", fall.getBusinessKey(),
        new java.util.HashMap<>(Map.of("partner", "JUGENDMIGRATIONSDIENST", "zustaendig", "kiLehrkraefte", "einholenBis", "P14D",
            "vorname", "Lina", "nachname", "Einsichttest", "geburtsdatum", LocalDate.now().minusYears(16).minusDays(20).toString(),
            "zweck", "Beratung im Jugendmigrationsdienst")));

    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    anmelden(warte, "tbecker");
    Browser.waehleFilter(browser, warte, "Aufgaben meiner Gruppe");
    Browser.oeffneAufgabe(browser, warte, fall.getBusinessKey(), "Einwilligung einholen");
    Browser.beanspruchen(browser, warte, "zweck");
    // 16: the capacity question is asked, both the young person and the guardians are offered
    WebElement frage = warte.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_einsichtsfaehig-0']")));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Einsichtsfähigkeit")
        .contains("die oder der Jugendliche selbst").contains("Sorgeberechtigte");
    waehleInZeile(0, "einwilligung", "erteilt");
    waehleInZeile(0, "erklaerungsform", "schriftlich");
    sichtbar(browser.findElement(By.xpath("//input[contains(@id,'-Field_einwilligendePerson-')][parent::label[normalize-space()='die oder der Jugendliche selbst']]"))).click();
    tippe("einwilligendeName", "Lina Einsichttest");
    sichtbar(feld("informiert")).click();
    // not capable: the young person may not consent herself, and the server says so next to the button
    sichtbar(browser.findElement(By.xpath("//input[contains(@id,'-Field_einsichtsfaehig-')][parent::label[normalize-space()='nein']]"))).click();
    sichtbar(browser.findElement(By.xpath("//button[normalize-space()='Abschließen']"))).click();
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "solange die Einsichtsfähigkeit"));
    Browser.bildschirmfoto(browser, "05d-einsichtsfaehigkeit");
    assertThat(einwilligungen.vonFall(fall.getBusinessKey())).isEmpty();
    sichtbar(frage).click(); // "ja"
    Browser.abschliessen(browser, warte, () -> !einwilligungen.vonFall(fall.getBusinessKey()).isEmpty());
    assertThat(einwilligungen.vonFall(fall.getBusinessKey())).singleElement()
        .satisfies(e -> assertThat(e.personRolle()).isEqualTo("JUGENDLICHE"));
  }

  @Test
  void lehrkraftHaeltFestDassDasBerufskollegKeinenPlatzHat() throws Exception {
    // review U1: after the school track is chosen, the registration at the Berufskolleg in Tasklist
    ProcessInstance fall = uebergangsfall("Omar", "Anmeldetest", LocalDate.now().minusYears(16).minusDays(20), "MESCHEDE", 10, "KLASSE_10");
    Task anschluss = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(anschluss.getId(), Map.of("bildungsgang", "FIT_FUER_MEHR"));

    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    anmelden(warte, "tbecker");
    Browser.waehleFilter(browser, warte, "Aufgaben meiner Gruppe");
    Browser.oeffneAufgabe(browser, warte, fall.getBusinessKey(), "Anmeldung am Berufskolleg begleiten");
    Browser.beanspruchen(browser, warte, "anmeldungsnotiz");
    // the chosen course is shown with its label, read-only; the school's fields only for "registered"
    assertThat(browser.findElement(By.cssSelector("[id$='-Field_bildungsgang-display']")).getText()).contains("„Fit für mehr“");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Schüler Online");
    assertThat(browser.findElements(By.cssSelector("[id$='-Field_berufskolleg']"))).isEmpty();
    sichtbar(Browser.option(browser, "anmeldungsergebnis", "Angemeldet – das Berufskolleg hat die Aufnahme bestätigt")).click();
    warte.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_berufskolleg']")));
    sichtbar(Browser.option(browser, "anmeldungsergebnis", "Kein Platz gefunden – die Bezirksregierung um Zuweisung bitten")).click();
    warte.until(d -> d.findElements(By.cssSelector("[id$='-Field_berufskolleg']")).isEmpty());
    tippe("anmeldungsnotiz", "Alle Plätze belegt");
    Browser.bildschirmfoto(browser, "05e-anmeldung-berufskolleg");
    Browser.abschliessen(browser, warte, () -> engine.getTaskService().createTaskQuery().processInstanceId(fall.getId())
        .taskDefinitionKey("Task_AnmeldungBerufskolleg").count() == 0);
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "anmeldungsergebnis")).isEqualTo("KEIN_PLATZ");
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "bildungsgang")).isEqualTo("FIT_FUER_MEHR");
  }

  /** A transition case as a school reports it. */
  private ProcessInstance uebergangsfall(String vorname, String nachname, LocalDate geburtsdatum, String kommune, int schuljahre,
      String klasse) {
    Map<String, Object> meldung = new HashMap<>();
    meldung.put("meldendeStelle", "SCHULE");
    meldung.put("vorname", vorname);
    meldung.put("nachname", nachname);
    meldung.put("geburtsdatum", geburtsdatum.toString());
    meldung.put("kommune", kommune);
    meldung.put("schulbesuchsjahre", schuljahre);
    meldung.put("aktuelleKlasse", klasse);
    meldung.put("abschluss", "KEINER");
    meldung.put("aufenthaltsstatus", "AUFENTHALTSERLAUBNIS");
    meldung.put("deutschniveau", "A2");
    return engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", meldung);
  }

  /** Clicks the radio option labelled {@code option} of field {@code key} in row {@code zeile} of the form's list. */
  private void waehleInZeile(int zeile, String key, String option) {
    sichtbar(browser.findElement(By.xpath("//input[contains(@id,'-Field_" + key + "_" + zeile + "-')][parent::label[normalize-space()='"
        + option + "']]"))).click();
  }

  @Test
  void verwaltungMeldetEinKindUeberDasStartformular() throws Exception {
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    anmelden(warte, "pschneider");
    Browser.starteProzess(browser, warte, "Seiteneinstieg", "Field_vorname");

    String nachname = "Startformular" + System.nanoTime() % 100000;
    waehle(warte, "meldendeStelle", "Einwohnermeldeamt");
    tippe("vorname", "Mira");
    tippe("nachname", nachname);
    // the date picker takes German dates (scripts/ki/formular-deutsch.js)
    String geboren = LocalDate.now().minusYears(8).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    feld("geburtsdatum-date").sendKeys(geboren, org.openqa.selenium.Keys.TAB);
    tippe("staatsangehoerigkeit", "Eritrea");
    String zuzug = LocalDate.now().minusDays(20).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    feld("zuzugsdatum-date").sendKeys(zuzug, org.openqa.selenium.Keys.TAB);
    tippe("anschrift", "Bahnhofstraße 4, 59821 Arnsberg");
    waehle(warte, "kommune", "Arnsberg");
    waehle(warte, "sorgeform", "Eltern / einem Elternteil");
    tippe("erziehungsberechtigte", "Familie " + nachname);
    tippe("bevorzugteSprache", "Tigrinya");
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

  /**
   * The everyday Tasklist features beyond the form: filters, comment, history, diagram, description,
   * unclaim, sorting, search and the start dialog. The allow-list must refuse none of their calls.
   */
  @Test
  void lehrkraftNutztDieAlltagsfunktionenDerAufgabenliste() throws Exception {
    ProcessInstance fall = fallBisZurErstberatung();
    Task aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    // a second case of the same group whose deadline has passed
    ProcessInstance verspaetet = fallBisZurErstberatung();
    Task frist = engine.getTaskService().createTaskQuery().processInstanceId(verspaetet.getId()).singleResult();
    frist.setDueDate(java.util.Date.from(java.time.Instant.now().minus(Duration.ofDays(1))));
    engine.getTaskService().saveTask(frist);
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    warte.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the list re-renders on refresh
    By karte = karte(fall.getBusinessKey());

    anmelden(warte, "tbecker");
    // filters: "Überfällig" shows only the late case, the group's list both
    waehleFilter(warte, "Überfällig");
    warte.until(ExpectedConditions.visibilityOfElementLocated(karte(verspaetet.getBusinessKey())));
    assertThat(browser.findElements(karte)).isEmpty();
    waehleFilter(warte, "Aufgaben meiner Gruppe");
    warte.until(ExpectedConditions.visibilityOfElementLocated(karte(verspaetet.getBusinessKey())));
    sichtbar(warte.until(ExpectedConditions.elementToBeClickable(karte))).click();
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2"), "Erstberatung durchführen"));
    assertThat(browser.getCurrentUrl()).contains("task=" + aufgabe.getId());

    // claim
    warte.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    warte.until(d -> "tbecker".equals(aufgabe(aufgabe.getId()).getAssignee()));
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.unclaim")));

    // comment
    String kommentar = "Rückruf der Familie am Nachmittag " + System.nanoTime() % 100000;
    warte.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.createCommentLink"))).click();
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-form-message"))).sendKeys(kommentar);
    browser.findElement(By.xpath("//*[contains(@class,'modal-footer')]//button[@type='submit']")).click();
    warte.until(d -> engine.getTaskService().getTaskComments(aufgabe.getId()).stream()
        .map(Comment::getFullMessage).anyMatch(kommentar::equals));
    warte.until(ExpectedConditions.invisibilityOfElementLocated(By.id("comment-form-message")));

    // follow-up date: AufgabenlisteBrowserTest (the due date is the process's and cannot be changed)

    // tabs: history lists claim and comment, the diagram renders the task, the description is the model's
    reiter(warte, "Historie");
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".history-pane"), kommentar));
    assertThat(browser.findElement(By.cssSelector(".history-pane")).getText()).contains("Übernehmen", "tbecker");
    assertThat(browser.findElements(By.cssSelector(".history-pane .instant"))).hasSizeGreaterThanOrEqualTo(2);
    Browser.bildschirmfoto(browser, "10-historie");
    reiter(warte, "Diagramm");
    warte.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".diagram-pane svg [data-element-id='Task_ErstberatungDurchfuehren']")));
    Browser.bildschirmfoto(browser, "11-diagramm");
    reiter(warte, "Beschreibung");
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".description-pane"), aufgabe.getDescription()));

    // unclaim, claim again; then the case is in "Meine Aufgaben"
    browser.findElement(By.cssSelector("button.unclaim")).click();
    warte.until(d -> aufgabe(aufgabe.getId()).getAssignee() == null);
    warte.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    warte.until(d -> "tbecker".equals(aufgabe(aufgabe.getId()).getAssignee()));
    waehleFilter(warte, "Meine Aufgaben");
    warte.until(ExpectedConditions.visibilityOfElementLocated(karte));
    assertThat(browser.findElements(karte(verspaetet.getBusinessKey()))).isEmpty();

    // sorting: by deadline, the oldest first (aufgabenliste.js); descending after switching the direction
    waehleFilter(warte, "Aufgaben meiner Gruppe");
    warte.until(ExpectedConditions.visibilityOfElementLocated(karte(verspaetet.getBusinessKey())));
    // the list of the filter before may still be on screen for a moment
    warte.until(d -> fristen().size() >= 2);
    assertThat(fristen()).isSorted();
    warte.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".sorting-choice .sort-direction"))).click();
    warte.until(d -> java.net.URLDecoder.decode(d.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8).contains("\"desc\""));
    warte.until(d -> {
      List<java.util.Date> jetzt = fristen();
      return jetzt.size() >= 2 && jetzt.get(0).after(jetzt.get(jetzt.size() - 1));
    });
    assertThat(fristen()).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    // search criterion: business key
    WebElement suche = browser.findElement(By.cssSelector(".search-field input.main-field"));
    suche.click();
    suche.sendKeys("Aktenzeichen");
    warte.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//ul[contains(@class,'dropdown-menu')]//a[normalize-space()='Aktenzeichen']"))).click();
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".search-field .value-field input.form-control")))
        .sendKeys(fall.getBusinessKey(), org.openqa.selenium.Keys.ENTER);
    warte.until(d -> d.findElements(By.cssSelector("ol.tasks-list > li.task")).size() == 1);
    assertThat(browser.findElements(karte)).hasSize(1);
    Browser.bildschirmfoto(browser, "12-suche");

    // the start dialog lists both processes; its search narrows them down
    browser.findElement(By.xpath("//a[contains(.,'Prozess starten')]")).click();
    By seiteneinstieg = By.xpath("//*[contains(@class,'modal-body')]//a[contains(.,'Seiteneinstieg')]");
    By uebergang = By.xpath("//*[contains(@class,'modal-body')]//a[contains(.,'Übergang Schule')]");
    warte.until(ExpectedConditions.visibilityOfElementLocated(seiteneinstieg));
    warte.until(ExpectedConditions.visibilityOfElementLocated(uebergang));
    browser.findElement(By.cssSelector(".modal-header input[type=text]")).sendKeys("Übergang");
    warte.until(ExpectedConditions.invisibilityOfElementLocated(seiteneinstieg));
    warte.until(ExpectedConditions.visibilityOfElementLocated(uebergang));
    Browser.bildschirmfoto(browser, "13-prozess-starten");
    keineFehlermeldung();
    browser.findElement(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space()='Schließen']")).click();
    warte.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    keineFehlermeldung();
  }

  private static By karte(String businessKey) {
    return By.xpath("//li[contains(@class,'task')][.//*[contains(text(),'" + businessKey + "')]]//a[contains(text(),'Erstberatung durchführen')]");
  }

  /** Deadlines of the tasks with one in the list, in the list's order (H2 puts tasks without one first). */
  private List<java.util.Date> fristen() {
    return aufgaben().stream().map(Task::getDueDate).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * The tasks in the list, in the list's order (the cards link to their task);
   * the links read in one script call, so a list Tasklist redraws meanwhile leaves no stale element.
   */
  @SuppressWarnings("unchecked")
  private List<Task> aufgaben() {
    List<String> links = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "return Array.from(document.querySelectorAll('ol.tasks-list > li.task h4.task a')).map(a => a.href);");
    return links.stream()
        .map(href -> href.replaceAll(".*[?&]task=([^&]+).*", "$1"))
        .map(this::aufgabe)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  private Task aufgabe(String id) {
    return engine.getTaskService().createTaskQuery().taskId(id).singleResult();
  }

  private void waehleFilter(WebDriverWait warte, String name) {
    Browser.waehleFilter(browser, warte, name);
  }

  private void reiter(WebDriverWait warte, String name) {
    warte.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'tabbed-content')]//ul[contains(@class,'nav-tabs')]//a[normalize-space()='" + name + "']"))).click();
  }

  private void keineFehlermeldung() {
    assertThat(Browser.fehlermeldungen(browser)).isEmpty();
  }

  private void anmelden(WebDriverWait warte, String benutzer) {
    Browser.anmelden(browser, warte, port, benutzer, "Sauerland-2026");
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
