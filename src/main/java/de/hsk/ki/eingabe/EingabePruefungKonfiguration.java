package de.hsk.ki.eingabe;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class EingabePruefungKonfiguration {

  /** After the REST authentication (order 1), so that task look-ups run as the calling user. */
  @Bean
  FilterRegistrationBean<EingabePruefungFilter> eingabePruefung(ProcessEngine engine, ObjectMapper json) {
    FilterRegistrationBean<EingabePruefungFilter> registrierung =
        new FilterRegistrationBean<>(new EingabePruefungFilter(engine, json));
    registrierung.setName("ki-eingabepruefung");
    registrierung.setOrder(2);
    registrierung.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registrierung;
  }
}
