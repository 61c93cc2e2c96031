package de.hsk.ki.tasklist;

import de.hsk.ki.KiSpringTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test of a staff member's day shares: the application on a free port, its
 * engine, one Chromium that is closed after each test, and the check that no engine call was
 * refused while it ran.
 */
@KiSpringTest
@ExtendWith(FreigabelisteUnveraendert.class)
abstract class BrowserTestBasis {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  WebDriver browser;

  @AfterEach
  void schliessen() {
    if (browser != null) {
      browser.quit();
    }
  }
}
