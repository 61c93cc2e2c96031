package de.hsk.ki.web;

import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access log's filter, after authentication (1) and the query protection (3) of RestSicherheit. */
@Configuration
public class ZugriffsprotokollKonfiguration {

  @Bean
  FilterRegistrationBean<ZugriffsprotokollFilter> zugriffsprotokollFilter(
      ProcessEngine engine, AngemeldeteBenutzer angemeldet, Zugriffsprotokoll protokoll) {
    FilterRegistrationBean<ZugriffsprotokollFilter> registrierung =
        new FilterRegistrationBean<>(new ZugriffsprotokollFilter(engine, angemeldet, protokoll));
    registrierung.setName("ki-zugriffsprotokoll");
    registrierung.setOrder(4);
    registrierung.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registrierung;
  }
}
