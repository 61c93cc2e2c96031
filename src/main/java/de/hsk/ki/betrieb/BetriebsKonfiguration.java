package de.hsk.ki.betrieb;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class BetriebsKonfiguration {

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
