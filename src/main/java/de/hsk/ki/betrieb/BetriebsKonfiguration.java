package de.hsk.ki.betrieb;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class BetriebsKonfiguration {

  /**
   * Our migrations add indexes and statistics to the engine's tables (V6–V8), so they run after
   * the engine has created its schema on an empty database.
   */
  @Bean
  FlywayMigrationStrategy flywayNachDerEngine(ObjectProvider<ProcessEngine> engine) {
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
