package de.hsk.ki.tasklist;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
}
