package de.hsk.ki.plattform.zustaendigkeit;

import de.hsk.ki.plattform.identitaet.Seitenverweis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The absence page, offered above the task list to the KI's own staff. */
@Configuration
public class Zustaendigkeitsseiten {

  @Bean
  Seitenverweis abwesenheitVerweis(Zustaendigkeitsregeln regeln) {
    return new Seitenverweis("Abwesenheit und Vertretung", "/ki/abwesenheit", regeln.personalgruppen(), 50);
  }
}
