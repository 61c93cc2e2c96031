package de.hsk.ki.web;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class EingabePruefungKonfiguration {

  /** After the REST authentication (1) and the allow-list (2), so that task look-ups run as the calling user. */
  @Bean
  FilterRegistrationBean<EingabeAntwortFilter> eingabeAntwort(ProcessEngine engine) {
    FilterRegistrationBean<EingabeAntwortFilter> registrierung = new FilterRegistrationBean<>(new EingabeAntwortFilter(engine));
    registrierung.setName("ki-eingabeantwort");
    registrierung.setOrder(5);
    registrierung.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registrierung;
  }
}
