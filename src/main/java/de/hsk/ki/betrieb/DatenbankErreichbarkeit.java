package de.hsk.ki.betrieb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * Answers "is the database reachable right now?" with a fresh connection outside the pool (2 s
 * limit), asked only when a request has already failed in the persistence layer. The answer is
 * kept for a second, so that a burst of failing requests costs one probe.
 */
public class DatenbankErreichbarkeit implements BooleanSupplier {

  private final String url;
  private final String benutzer;
  private final String passwort;
  private volatile long geprueftAm;
  private volatile boolean erreichbar = true;

  public DatenbankErreichbarkeit(DataSourceProperties properties) {
    this.url = properties.determineUrl();
    this.benutzer = properties.determineUsername();
    this.passwort = properties.determinePassword();
  }

  @Override
  public boolean getAsBoolean() {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      return true; // the embedded database cannot be away
    }
    long jetzt = System.currentTimeMillis();
    if (jetzt - geprueftAm > 1000) {
      erreichbar = pruefen();
      geprueftAm = jetzt;
    }
    return erreichbar;
  }

  private boolean pruefen() {
    Properties p = new Properties();
    if (benutzer != null) {
      p.setProperty("user", benutzer);
    }
    if (passwort != null) {
      p.setProperty("password", passwort);
    }
    p.setProperty("connectTimeout", "2");
    p.setProperty("socketTimeout", "2");
    p.setProperty("loginTimeout", "2");
    try (Connection c = DriverManager.getConnection(url, p)) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
