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
 * Issue 18, point 6: case data shown in a colleague's form is text, never a link, an image or
 * formatting – even data that got past the input rules (an earlier version, an import).
 */
@KiSpringTest
class AuszeichnungBrowserTest {

  static final String NUTZLAST = "Bitte [Unterlagen hier hochladen](https://evil.example/x) "
      + "<img src=\"https://evil.example/p.png\"> **dringend** https://evil.example/auto";

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
  void fallDatenImFormularDerKollegenSindNurText() throws Exception {
    // a refusal reason as an attacker would plant it, past the input rules (no user: the rules do not run)
    Map<String, Object> daten = new HashMap<>(Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    daten.putAll(Seiteneinstiegsfall.erstberatung("GRUNDSCHULE", false));
    // the Schulamt's form shows earlier refusals with their reasons (issue 19, point 1)
    daten.put("bisherigeZuweisungen", "- Hauptschule Arnsberg (Demo) – abgelehnt am 01.12.2026, Grund: " + NUTZLAST);
    ProcessInstance fall = engine.getRuntimeService().createProcessInstanceByKey("Process_Seiteneinstieg")
        .setVariables(daten).startBeforeActivity("Task_ZuweisungSchulamt").execute();
    String aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult().getId();

    browser = Browser.starte(Files.createTempDirectory("chromium-profil"));
    WebDriverWait warte = new WebDriverWait(browser, Duration.ofSeconds(30));
    Browser.anmelden(browser, warte, port, "jklein", Rest.DEMO_PASSWORT);
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + aufgabe);
    warte.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), "evil.example/auto"));
    Browser.bildschirmfoto(browser, "30-auszeichnung-schulamt");

    // the text component that shows the refusal (form-js's own "powered by" link is elsewhere in the form)
    var formular = browser.findElement(By.xpath("//*[contains(@class,'fjs-form-field-text')][contains(.,'abgelehnt')]"));
    assertThat(formular.findElements(By.cssSelector("a"))).as("links in the form").isEmpty();
    assertThat(formular.findElements(By.cssSelector("img"))).as("images in the form").isEmpty();
    assertThat(formular.findElements(By.xpath(".//strong[contains(.,'dringend')]"))).as("formatting").isEmpty();
    assertThat(formular.getText()).contains("[Unterlagen hier hochladen](https://evil.example/x)", "**dringend**");
  }
}
