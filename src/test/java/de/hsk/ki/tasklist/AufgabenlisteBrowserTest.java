package de.hsk.ki.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.plattform.identitaet.IdentitaetEinrichtung;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19, points 6 to 8: Tasklist opens on the group's list with counts on every filter, sorted by
 * deadline, overdue cards in red, cards that tell cases apart without a bare priority, one button to
 * take a task over, follow-up dates that work (and nothing else through the same call).
 */
class AufgabenlisteBrowserTest extends BrowserTestBasis {


  @Test
  void dieArbeitslisteZeigtUeberfaelligesZuerstUndRotUndDieWiedervorlageGelingt() throws Exception {
    Task spaet = erstberatung(Instant.now().minus(Duration.ofDays(30)), 60);
    Task bald = erstberatung(Instant.now().plus(Duration.ofHours(2)), 50);
    String spaetKarte = (String) engine.getTaskService().getVariableLocal(spaet.getId(), "karte");
    assertThat(spaetKarte).matches("A\\. [A-Z]\\. · Jg\\. \\d{4} · Arnsberg");
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    warte.ignoring(org.openqa.selenium.StaleElementReferenceException.class);

    Browser.anmelden(browser, warte, port, "tbecker", "Sauerland-2026");
    // opens on the group's list, sorted by deadline, with a count beside every filter
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-filter.active"), IdentitaetEinrichtung.FILTER_GRUPPE));
    warte.until(d -> URLDecoder.decode(d.getCurrentUrl(), StandardCharsets.UTF_8).contains("\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\""));
    warte.until(d -> anzahl(IdentitaetEinrichtung.FILTER_UEBERFAELLIG) != null && anzahl(IdentitaetEinrichtung.FILTER_MEINE) != null);
    String gezaehlt = anzahl(IdentitaetEinrichtung.FILTER_UEBERFAELLIG);
    assertThat(Integer.parseInt(gezaehlt)).isPositive();
    Browser.bildschirmfoto(browser, "40-arbeitsliste-nach-frist");
    assertThat(browser.findElements(By.xpath("//*[contains(@class,'task-filter')]//*[contains(text(),'alle Gruppen')]"))).isEmpty();

    WebElement spaeteKarte = warte.until(ExpectedConditions.visibilityOfElementLocated(karte(spaet)));
    WebElement baldKarte = warte.until(ExpectedConditions.visibilityOfElementLocated(karte(bald)));
    List<String> reihenfolge = kartenreihenfolge();
    assertThat(reihenfolge.indexOf(spaet.getId())).isLessThan(reihenfolge.indexOf(bald.getId())).isNotNegative();
    // overdue in red, the other not
    assertThat(spaeteKarte.getCssValue("border-left-color")).isEqualTo("rgba(176, 48, 48, 1)");
    assertThat(baldKarte.getCssValue("border-left-color")).isNotEqualTo("rgba(176, 48, 48, 1)");
    assertThat(spaeteKarte.findElements(By.cssSelector(".due-date.overdue"))).hasSize(1);
    assertThat(pseudoInhalt(spaeteKarte.findElement(By.cssSelector(".due-date.overdue")), "::before")).isEqualTo("\"Überfällig – \"");
    // the case on the card; no bare priority, "dringend" above 50
    assertThat(spaeteKarte.getText()).contains(spaetKarte).contains(aktenzeichen(spaet));
    assertThat(baldKarte.findElement(By.cssSelector(".priority")).isDisplayed()).isFalse();
    assertThat(baldKarte.getText()).doesNotContain("50");
    assertThat(pseudoInhalt(spaeteKarte.findElement(By.cssSelector(".priority")), "::after")).isEqualTo("\"dringend\"");
    Browser.bildschirmfoto(browser, "40-arbeitsliste-nach-frist");
    // the same count as Tasklist's own when the filter is opened
    Browser.waehleFilter(browser, warte, IdentitaetEinrichtung.FILTER_UEBERFAELLIG);
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-filter.active .counter"), gezaehlt));
    Browser.waehleFilter(browser, warte, IdentitaetEinrichtung.FILTER_GRUPPE);
    baldKarte = warte.until(ExpectedConditions.visibilityOfElementLocated(karte(bald)));

    // one clear button takes the task over
    baldKarte.findElement(By.cssSelector("h4.task a")).click();
    WebElement knopf = warte.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ki-uebernehmen button")));
    assertThat(knopf.getText()).isEqualTo("Aufgabe übernehmen und bearbeiten");
    assertThat(browser.findElements(By.cssSelector(".disabled-form"))).isNotEmpty();
    Browser.bildschirmfoto(browser, "41-uebernehmen-knopf");
    knopf.click();
    warte.until(d -> "tbecker".equals(aufgabe(bald.getId()).getAssignee()));
    warte.until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty() && d.findElements(By.cssSelector(".ki-uebernehmen")).isEmpty());
    // the due date belongs to the process: no "×", no editing
    assertThat(browser.findElements(By.cssSelector(".reset-due-date")).stream().noneMatch(WebElement::isDisplayed)).isTrue();

    // follow-up date through Tasklist's own field
    warte.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Wiedervorlagedatum festlegen']"))).click();
    // the inline editor opens with today's date and time; its ✓ takes it
    WebElement uebernehmen = warte.until(d -> d.findElements(By.xpath("//button[.//span[contains(@class,'glyphicon-ok')]]")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
    Browser.bildschirmfoto(browser, "42-wiedervorlage-auswahl");
    uebernehmen.click();
    warte.until(d -> aufgabe(bald.getId()).getFollowUpDate() != null);
    warte.until(d -> d.findElements(By.xpath("//a[normalize-space()='Wiedervorlagedatum festlegen']")).isEmpty());
    assertThat(Browser.fehlermeldungen(browser)).isEmpty();
    assertThat(aufgabe(bald.getId()).getDueDate()).isEqualTo(bald.getDueDate());
    assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(bald.getId()).property("followUpDate").singleResult().getUserId())
        .isEqualTo("tbecker");
    Browser.bildschirmfoto(browser, "43-wiedervorlage-gesetzt");
  }

  @Test
  void dieLeitungSiehtDieUeberfaelligenAllerGruppenNurMitAktenzeichen() throws Exception {
    Task spaet = erstberatung(Instant.now().minus(Duration.ofDays(12)), 50);
    Task bald = erstberatung(Instant.now().plus(Duration.ofDays(3)), 50);
    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    warte.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    Browser.anmelden(browser, warte, port, "mhoffmann", "Sauerland-2026");
    Browser.waehleFilter(browser, warte, IdentitaetEinrichtung.FILTER_UEBERFAELLIG_ALLE);
    WebElement karte = warte.until(ExpectedConditions.visibilityOfElementLocated(karte(spaet)));
    assertThat(browser.findElements(karte(bald))).isEmpty();
    // how far past the deadline, the case number, and no details of the child
    assertThat(karte.findElements(By.cssSelector(".due-date.overdue"))).hasSize(1);
    assertThat(karte.getText()).contains("vor 12 Tagen").contains(aktenzeichen(spaet))
        .doesNotContain("Arnsberg").doesNotContain("Jg.");
    Browser.bildschirmfoto(browser, "44-leitung-ueberfaellig");
  }

  /** Tasklist's call, as it sends it: the whole task back, with the form reference it cannot read. */
  @Test
  void ueberPutAnDerAufgabeNurDieWiedervorlage() throws Exception {
    Task aufgabe = erstberatung(Instant.now().plus(Duration.ofDays(5)), 50);
    String pfad = "/engine-rest/task/" + aufgabe.getId();
    String wiedervorlage = "2030-01-15T09:00:00.000+0100";
    String sonst = "\"name\":\"" + aufgabe.getName() + "\",\"priority\":50,\"assignee\":null,\"owner\":null,"
        + "\"camundaFormRef\":{\"key\":\"x\",\"binding\":\"latest\",\"version\":null},\"due\":\"" + datum(aufgabe.getDueDate()) + "\"";

    HttpResponse<String> zuweisen = put(pfad, "tbecker", "{" + sonst.replace("\"assignee\":null", "\"assignee\":\"ademir\"") + "}");
    assertThat(zuweisen.statusCode()).isEqualTo(403);
    assertThat(zuweisen.body()).contains("nur das Wiedervorlagedatum").contains("die Zuweisung bestimmt der Prozess");
    HttpResponse<String> frist = put(pfad, "tbecker", "{" + sonst.replaceAll("\"due\":\"[^\"]+\"", "\"due\":null") + "}");
    assertThat(frist.statusCode()).isEqualTo(403);
    assertThat(frist.body()).contains("die Frist bestimmt der Prozess");
    assertThat(put(pfad, "tbecker", "{" + sonst.replace("\"priority\":50", "\"priority\":90") + "}").body()).contains("die Priorität");
    // another group's member may not touch it at all
    assertThat(put(pfad, "pschneider", "{" + sonst + ",\"followUp\":\"" + wiedervorlage + "\"}").statusCode()).isEqualTo(403);
    assertThat(aufgabe(aufgabe.getId()).getFollowUpDate()).isNull();

    HttpResponse<String> gesetzt = put(pfad, "tbecker", "{" + sonst + ",\"followUp\":\"" + wiedervorlage + "\"}");
    assertThat(gesetzt.statusCode()).as(gesetzt.body()).isEqualTo(204);
    Task danach = aufgabe(aufgabe.getId());
    assertThat(danach.getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2030-01-15T08:00:00Z"));
    assertThat(danach.getAssignee()).isNull();
    assertThat(danach.getDueDate()).isEqualTo(aufgabe.getDueDate());
    assertThat(put(pfad, "tbecker", "{" + sonst + ",\"followUp\":\"morgen\"}").statusCode()).isEqualTo(400);

    // through Tasklist's own API path the filter answers before Camunda's CSRF filter: it checks the token itself
    de.hsk.ki.testkit.WebappSitzung sitzung = new de.hsk.ki.testkit.WebappSitzung(port);
    sitzung.anmelden("tbecker", "Sauerland-2026");
    String webapp = "/camunda/api/engine/engine/default/task/" + aufgabe.getId();
    String spaeter = "{" + sonst + ",\"followUp\":\"2030-02-01T09:00:00.000+0100\"}";
    HttpResponse<String> ohneToken = sitzung.put(webapp, spaeter, Map.of());
    assertThat(ohneToken.statusCode()).isEqualTo(403);
    assertThat(aufgabe(aufgabe.getId()).getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2030-01-15T08:00:00Z"));
    HttpResponse<String> mitToken = sitzung.put(webapp, spaeter, Map.of("X-XSRF-TOKEN", sitzung.cookie("XSRF-TOKEN")));
    assertThat(mitToken.statusCode()).as(mitToken.body()).isEqualTo(204);
    assertThat(aufgabe(aufgabe.getId()).getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2030-02-01T08:00:00Z"));
  }

  private Task erstberatung(Instant frist, int prioritaet) {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(einladung.getId(), Map.of("terminDatum", LocalDate.now().toString(),
        "terminUhrzeit", "10:00", "terminOrt", "KREISHAUS_ARNSBERG", "einladungsweg", "BRIEF", "dolmetscherGebucht", false));
    Task aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    aufgabe.setDueDate(Date.from(frist));
    aufgabe.setPriority(prioritaet);
    engine.getTaskService().saveTask(aufgabe);
    return aufgabe(aufgabe.getId());
  }

  private By karte(Task aufgabe) {
    return By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')][.//*[contains(text(),'" + aktenzeichen(aufgabe) + "')]]");
  }

  private String aktenzeichen(Task aufgabe) {
    return (String) engine.getTaskService().getVariableLocal(aufgabe.getId(), "aktenzeichen");
  }

  private String anzahl(String filter) {
    List<WebElement> span = browser.findElements(By.xpath("//*[contains(concat(' ', @class, ' '), ' task-filter ')][.//a[contains(text(),'"
        + filter + "')]]//span[contains(@class,'ki-anzahl')]"));
    return span.isEmpty() ? null : span.get(0).getAttribute("textContent");
  }

  @SuppressWarnings("unchecked")
  private List<String> kartenreihenfolge() {
    List<String> links = (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.querySelectorAll('ol.tasks-list > li.task h4.task a')).map(a => a.href);");
    return links.stream().map(href -> href.replaceAll(".*[?&]task=([^&]+).*", "$1")).toList();
  }

  private String pseudoInhalt(WebElement element, String pseudo) {
    return (String) ((JavascriptExecutor) browser).executeScript("return getComputedStyle(arguments[0], arguments[1]).content", element, pseudo);
  }

  private Task aufgabe(String id) {
    return engine.getTaskService().createTaskQuery().taskId(id).singleResult();
  }

  private static String datum(Date datum) {
    return new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(datum);
  }

  private HttpResponse<String> put(String pfad, String benutzer, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pfad))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((benutzer + ":Sauerland-2026").getBytes(StandardCharsets.UTF_8)))
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
