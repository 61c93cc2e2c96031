package de.hsk.ki.betrieb;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class BetriebsKonfiguration {

  /**
   * Our migrations may add indexes to the engine's tables (V6), so they run after the engine has
   * created its schema on an empty database.
   */
  @Bean
  org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy flywayNachDerEngine(
      org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engine) {
    return flyway -> {
      engine.getObject();
      flyway.migrate();
    };
  }

  /** Outermost (before login logging and authentication), since those already read the database. */
  @Bean
  FilterRegistrationBean<DatenbankAusfallFilter> datenbankAusfall(
      org.springframework.boot.autoconfigure.jdbc.DataSourceProperties datenbank) {
    FilterRegistrationBean<DatenbankAusfallFilter> registrierung =
        new FilterRegistrationBean<>(new DatenbankAusfallFilter(new DatenbankErreichbarkeit(datenbank)));
    registrierung.setName("ki-datenbankausfall");
    registrierung.setOrder(-10);
    registrierung.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/ki/*");
    return registrierung;
  }
}
