package de.hsk.ki;

import de.hsk.ki.plattform.identitaet.DemoBenutzer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the application where to log in. */
@Component
public class StartHinweis {

  private static final Logger LOG = LoggerFactory.getLogger(StartHinweis.class);

  private final String basisUrl;
  private final ObjectProvider<DemoBenutzer> demo;

  public StartHinweis(@Value("${ki.basis-url}") String basisUrl, ObjectProvider<DemoBenutzer> demo) {
    this.basisUrl = basisUrl;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void hinweis() {
    LOG.info("Aufgabenliste (Tasklist): {}/camunda/app/tasklist/", basisUrl);
    if (demo.getIfAvailable() != null) {
      LOG.info("Demo-Benutzer: {} – Passwort: siehe README (Umgebungsvariable KI_DEMO_PASSWORT)",
          DemoBenutzer.BENUTZER.stream().map(d -> d.id() + " (" + d.gruppe() + ")").collect(Collectors.joining(", ")));
    }
  }
}
