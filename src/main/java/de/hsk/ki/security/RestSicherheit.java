package de.hsk.ki.security;

import jakarta.servlet.Filter;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's REST API requires HTTP Basic authentication against the engine's users, in every profile. */
@Configuration
public class RestSicherheit {

  @Bean
  FilterRegistrationBean<Filter> restAuthentifizierung(JerseyApplicationPath restPfad) {
    FilterRegistrationBean<Filter> registrierung = new FilterRegistrationBean<>();
    registrierung.setName("ki-rest-authentifizierung");
    registrierung.setFilter(new ProcessEngineAuthenticationFilter());
    registrierung.setOrder(1);
    registrierung.addUrlPatterns(restPfad.getUrlMapping());
    registrierung.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    return registrierung;
  }

  /** Replaces the starter's resource config to switch WADL off. */
  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    CamundaJerseyResourceConfig config = new CamundaJerseyResourceConfig();
    config.setProperties(Map.of("jersey.config.server.wadl.disableWadl", true));
    return config;
  }
}
