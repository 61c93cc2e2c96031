package de.hsk.ki.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstieg;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.prozesse.seiteneinstieg.meldeliste.Testlisten;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A clerk takes a municipality's list into cases through the browser: good rows, a bad one, one
 * that may be a child the KI already knows; confirms, watches the progress, uploads the list again.
 */
class MeldelisteBrowserTest extends BrowserTestBasis {

  @org.springframework.beans.factory.annotation.Autowired
  de.hsk.ki.prozesse.seiteneinstieg.meldeliste.Meldelisten listen;
  @org.springframework.beans.factory.annotation.Autowired
  de.hsk.ki.prozesse.seiteneinstieg.meldeliste.Sammeleinladung einladung;

  @Test
  void dieVerwaltungLegtAusEinerMeldelisteFaelleAnUndDieselbeListeZweimalLegtNichtsAn() throws Exception {
    LocalDate heute = Zeit.heute();
    String familie = "Browsertest" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
    // a child the KI already knows (a case from an earlier report)
    Map<String, Object> frueher = Seiteneinstiegsfall.meldung("ARNSBERG", 11);
    frueher.put("vorname", "Mohammed");
    frueher.put("nachname", familie);
    frueher.put("geburtsdatum", heute.minusYears(11).minusDays(100).toString());
    String offen = engine.getRuntimeService().startProcessInstanceByKey(Seiteneinstieg.SCHLUESSEL, frueher).getBusinessKey();

    List<List<String>> zeilen = new ArrayList<>();
    zeilen.add(Testlisten.kind(familie, "Olena", 8, "Iryna " + familie, "Hauptstraße 5", heute));
    zeilen.add(Testlisten.kind(familie, "Taras", 10, "Iryna " + familie, "Hauptstraße 5", heute));
    zeilen.add(Testlisten.kind("Haddad" + familie, "Yusuf", 9, "Samir Haddad", "Ringstraße 1", heute));
    zeilen.add(Testlisten.kind("Haddad" + familie, "", 7, "Samir Haddad", "Ringstraße 1", heute)); // bad: no first name
    zeilen.add(Testlisten.kind(familie, "Muhammad", 11, "Iryna " + familie, "Hauptstraße 5", heute)); // duplicate candidate
    Path datei = Files.createTempFile("meldeliste-arnsberg-", ".csv");
    Files.write(datei, Testlisten.csvBytes(Testlisten.KOPF, zeilen, ';', Charset.forName("windows-1252")));

    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    Browser.anmelden(browser, warte, port, "pschneider", "Sauerland-2026");
    hochladen(datei);

    warte.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-starten]")));
    String seite = browser.findElement(By.tagName("body")).getText();
    Browser.bildschirmfoto(browser, "meldeliste-vorschau");
    assertThat(seite).contains("Vorname: Pflichtfeld, bitte ausfüllen.", "bestehende Person verknüpfen", "Mohammed " + familie,
        "Familie 1", "Fehlerbericht (CSV) herunterladen", "Fälle: " + offen + " Seiteneinstieg, läuft");
    assertThat(browser.findElement(By.cssSelector("[data-fehlerhafte]")).getText()).isEqualTo("1");

    // the duplicate decided, bad rows not yet acknowledged: refused, nothing started
    browser.findElement(By.cssSelector("tr[data-zeile='5'] input[type=radio]:not([value=NEU])")).click();
    browser.findElement(By.xpath("//button[normalize-space()='Fälle anlegen']")).click();
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-fehler]"), "nur die 4 fehlerfreien"));
    assertThat(faelle(familie)).isEqualTo(1);

    assertThat(browser.findElement(By.cssSelector("tr[data-zeile='5'] input[type=radio]:not([value=NEU])")).isSelected())
        .as("the decision is kept").isTrue();
    browser.findElement(By.name("fehlerhafteUebergehen")).click();
    browser.findElement(By.xpath("//button[normalize-space()='Fälle anlegen']")).click();

    // the progress finishes (polled), the rows show their case numbers
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-fertig]")));
    Browser.bildschirmfoto(browser, "meldeliste-fertig");
    assertThat(browser.findElements(By.cssSelector("[data-aktenzeichen]"))).hasSize(4);
    // the known child's case goes on: no second case for him
    assertThat(browser.findElement(By.cssSelector("tr[data-zeile='5']")).getText()).contains("läuft schon der Fall " + offen);
    assertThat(browser.findElement(By.cssSelector("[data-gestartet]")).getText()).isEqualTo("3");
    assertThat(faelle(familie)).isEqualTo(3);
    assertThat(faelle("Haddad" + familie)).isEqualTo(1);

    // the collective invitation reaches the linked child's running case with its family
    long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/ki/meldelisten/(\\d+).*", "$1"));
    var eingeladen = einladung.einladen(listen.liste(id).orElseThrow(), heute.plusDays(10).toString(), "10:00", "VOR_ORT_KOMMUNE",
        "Rathaus Arnsberg, Rathausplatz 1, 59759 Arnsberg");
    assertThat(eingeladen.mitTermin()).contains(offen).hasSize(4);

    // the same list again: the earlier one, nothing new
    hochladen(datei);
    warte.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-hinweis]")));
    assertThat(browser.findElement(By.cssSelector("[data-hinweis]")).getText()).contains("bereits am", "nichts doppelt");
    assertThat(browser.findElements(By.xpath("//button[normalize-space()='Fälle anlegen']"))).isEmpty();
    assertThat(faelle(familie)).isEqualTo(3);
  }

  private void hochladen(Path datei) {
    browser.get("http://localhost:" + port + "/ki/meldelisten");
    new Select(browser.findElement(By.id("kommune"))).selectByVisibleText("Arnsberg");
    new Select(browser.findElement(By.id("stelle"))).selectByValue("EINWOHNERMELDEAMT");
    browser.findElement(By.id("datei")).sendKeys(datei.toAbsolutePath().toString());
    browser.findElement(By.xpath("//button[normalize-space()='Hochladen und prüfen']")).click();
  }

  private long faelle(String nachname) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Seiteneinstieg.SCHLUESSEL)
        .variableValueEquals("nachname", nachname).count();
  }
}
