package de.hsk.ki.web;

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

  /** After authentication (order 1), so that the caller's groups are known. */
  @Bean
  FilterRegistrationBean<AbfrageSchutzFilter> abfrageSchutz(
      org.camunda.bpm.engine.ProcessEngine engine, de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer angemeldet,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    FilterRegistrationBean<AbfrageSchutzFilter> registrierung =
        new FilterRegistrationBean<>(new AbfrageSchutzFilter(engine, angemeldet, json));
    registrierung.setName("ki-abfrageschutz");
    registrierung.setOrder(3);
    registrierung.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*", "/camunda/api/admin/*", "/camunda/api/cockpit/*");
    return registrierung;
  }

  /** Right after authentication (order 1): nothing else of ours runs for a call that is not listed. */
  @Bean
  FilterRegistrationBean<Freigabeliste> freigabeliste(
      org.camunda.bpm.engine.ProcessEngine engine, de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer angemeldet) throws java.io.IOException {
    Freigabeliste liste;
    try (var tabelle = new org.springframework.core.io.ClassPathResource(Freigabeliste.TABELLE).getInputStream()) {
      liste = new Freigabeliste(engine, angemeldet, Freigabeliste.lese(tabelle));
    }
    FilterRegistrationBean<Freigabeliste> registrierung = new FilterRegistrationBean<>(liste);
    registrierung.setName("ki-freigabeliste");
    registrierung.setOrder(2);
    registrierung.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registrierung;
  }

  /** Before any filter that reads a body. */
  @Bean
  FilterRegistrationBean<KoerperGrenze> koerperGrenze() {
    FilterRegistrationBean<KoerperGrenze> registrierung = new FilterRegistrationBean<>(new KoerperGrenze());
    registrierung.setName("ki-koerpergrenze");
    registrierung.setOrder(-1);
    registrierung.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/ki/*");
    return registrierung;
  }

  /**
   * Outermost (the database outage filter, order -10, reads the engine's error texts first and
   * answers an outage with its own German 503, which stays).
   */
  @Bean
  FilterRegistrationBean<Serverfehler> serverfehler() {
    FilterRegistrationBean<Serverfehler> registrierung = new FilterRegistrationBean<>(new Serverfehler());
    registrierung.setName("ki-serverfehler");
    registrierung.setOrder(-20);
    registrierung.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    return registrierung;
  }

  @Bean
  FilterRegistrationBean<WebappSeiten> webappSeiten() {
    FilterRegistrationBean<WebappSeiten> registrierung = new FilterRegistrationBean<>(
        new WebappSeiten(org.camunda.bpm.engine.impl.util.ProductPropertiesUtil.getProductVersion()));
    registrierung.setName("ki-webappseiten");
    registrierung.addUrlPatterns("/camunda/app/*");
    return registrierung;
  }

  @Bean
  FilterRegistrationBean<WebappUebersetzung> webappUebersetzung() {
    FilterRegistrationBean<WebappUebersetzung> registrierung = new FilterRegistrationBean<>(new WebappUebersetzung());
    registrierung.setName("ki-webappuebersetzung");
    registrierung.addUrlPatterns("/camunda/app/*");
    return registrierung;
  }

  /**
   * Outermost, so that it sees the final status of every login. All of /ki/: our pages log in through
   * the webapps, so a 401 there to Basic credentials is a failed login – at the online portal's
   * endpoints of every process, without a list of them here.
   */
  @Bean
  FilterRegistrationBean<AnmeldeProtokoll> anmeldeProtokoll() {
    FilterRegistrationBean<AnmeldeProtokoll> registrierung = new FilterRegistrationBean<>(new AnmeldeProtokoll());
    registrierung.setName("ki-anmeldeprotokoll");
    registrierung.setOrder(0);
    registrierung.addUrlPatterns("/engine-rest/*", "/camunda/api/admin/auth/*", "/ki/*");
    return registrierung;
  }

  @Bean
  FilterRegistrationBean<HerkunftsPruefung> herkunftsPruefung() {
    FilterRegistrationBean<HerkunftsPruefung> registrierung = new FilterRegistrationBean<>(new HerkunftsPruefung());
    registrierung.setName("ki-herkunftspruefung");
    registrierung.setOrder(1);
    registrierung.addUrlPatterns("/camunda/*", "/ki/*");
    return registrierung;
  }

  @Bean
  FilterRegistrationBean<SicherheitsKopfzeilen> sicherheitsKopfzeilen() {
    FilterRegistrationBean<SicherheitsKopfzeilen> registrierung = new FilterRegistrationBean<>(new SicherheitsKopfzeilen());
    registrierung.setName("ki-sicherheitskopfzeilen");
    registrierung.addUrlPatterns("/ki/*");
    return registrierung;
  }

  @Bean
  FilterRegistrationBean<ApiKopfzeilen> apiKopfzeilen() {
    FilterRegistrationBean<ApiKopfzeilen> registrierung = new FilterRegistrationBean<>(new ApiKopfzeilen());
    registrierung.setName("ki-api-kopfzeilen");
    registrierung.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    return registrierung;
  }

  /** First of all, so that no later filter reads the login of a session past its lifetime. */
  @Bean
  FilterRegistrationBean<SitzungsHoechstdauer> sitzungsHoechstdauer(
      @org.springframework.beans.factory.annotation.Value("${ki.sitzung.hoechstdauer:PT10H}") java.time.Duration hoechstdauer) {
    FilterRegistrationBean<SitzungsHoechstdauer> registrierung = new FilterRegistrationBean<>(new SitzungsHoechstdauer(hoechstdauer));
    registrierung.setName("ki-sitzungshoechstdauer");
    registrierung.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
    registrierung.addUrlPatterns("/camunda/*", "/ki/*");
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
