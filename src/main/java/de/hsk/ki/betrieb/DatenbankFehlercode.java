package de.hsk.ki.betrieb;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.errorcode.ExceptionCodeProvider;
import org.springframework.stereotype.Component;

/**
 * Gives engine exceptions caused by a lost database connection their own error code, so the REST
 * answer says what happened ("code" in the JSON) while the engine's message stays generic.
 */
@Component
public class DatenbankFehlercode extends AbstractProcessEnginePlugin {

  /** Outside the engine's reserved range 20000–39999. */
  public static final int DATENBANK_NICHT_ERREICHBAR = 40503;

  /** The REST layer re-wraps some engine exceptions without their code; this tells what the cause was. */
  private static final java.util.concurrent.atomic.AtomicLong LETZTER_VERLUST = new java.util.concurrent.atomic.AtomicLong();

  /** A lost connection was seen within the last {@code millis}. */
  public static boolean kuerzlichVerloren(long millis) {
    long zuletzt = LETZTER_VERLUST.get();
    return zuletzt != 0 && System.currentTimeMillis() - zuletzt < millis;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl konfiguration) {
    konfiguration.setCustomExceptionCodeProvider(new ExceptionCodeProvider() {
      @Override
      public Integer provideCode(SQLException e) {
        if (!verbindungVerloren(e)) {
          return null;
        }
        LETZTER_VERLUST.set(System.currentTimeMillis());
        return DATENBANK_NICHT_ERREICHBAR;
      }
    });
  }

  static boolean verbindungVerloren(SQLException e) {
    if (e instanceof SQLTransientConnectionException) {
      return true;
    }
    // SQLSTATE class 08: connection exception; 57P01..03: server shutting down / starting up
    String zustand = e.getSQLState();
    return zustand != null && (zustand.startsWith("08") || zustand.startsWith("57P0"));
  }
}
