package de.hsk.ki.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.Rest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17 in Chromium as a clerk: the links above the task list, the case line above a task's form
 * with the family file, and from there Meine Vorgänge.
 */
@KiSpringTest
class FamilienakteBrowserTest {

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
  void vonDerAufgabeZurFamilienakteUndZuDenVorgaengen() throws Exception {
    String nachname = de.hsk.ki.testkit.Namen.eindeutig("Akteimbrowser");
    ProcessInstance erstes = null;
    for (String vorname : new String[] {"Leyla", "Karim"}) {
      Map<String, Object> v = new HashMap<>(Seiteneinstiegsfall.meldung("ARNSBERG", "Leyla".equals(vorname) ? 8 : 11));
      v.put("vorname", vorname);
      v.put("nachname", nachname);
      v.put("erziehungsberechtigte", "Samira " + nachname);
      ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", v);
      erstes = erstes == null ? fall : erstes;
    }
    String aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(erstes.getId()).singleResult().getId();

    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    Browser.anmelden(browser, warte, port, "pschneider", Rest.DEMO_PASSWORT);
    // the pages for her group above the list
    warte.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//nav[contains(@class,'ki-seiten')]//a[.='Meine Vorgänge']")));
    assertThat(browser.findElement(By.cssSelector("nav.ki-seiten")).getText()).contains("Meldelisten", "Dublettenprüfung",
        "Abwesenheit und Vertretung").doesNotContain("Förderbericht");

    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + aufgabe);
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ki-fallzeile"), erstes.getBusinessKey()));
    Browser.bildschirmfoto(browser, "40-fallzeile");
    String akte = warte.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.ki-familienakte"))).getAttribute("href");

    browser.get(akte);
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Familienakte"));
    Browser.bildschirmfoto(browser, "41-familienakte");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Leyla " + nachname, "Karim " + nachname,
        erstes.getBusinessKey(), "Familie zur Erstberatung einladen", "bei meiner Gruppe");
    assertThat(browser.findElement(By.name("erziehungsberechtigte")).getAttribute("value")).isEqualTo("Samira " + nachname);

    browser.findElement(By.linkText("Meine Vorgänge")).click();
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Meine Vorgänge"));
    browser.findElement(By.linkText("Vorgänge meiner Gruppe")).click();
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), erstes.getBusinessKey()));
    Browser.bildschirmfoto(browser, "42-vorgaenge-gruppe");
  }
}
