package de.hsk.ki.plattform.person;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.identitaet.Seitenverweis;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pages of cases and families, offered in Tasklist to the groups that may open them. */
@Configuration
public class Personenseiten {

  @Bean
  Seitenverweis meineVorgaenge() {
    return new Seitenverweis("Meine Vorgänge", VorgaengeSeite.PFAD, Set.copyOf(KiGruppen.TASKLIST), 10);
  }

  @Bean
  Seitenverweis vorgaengeMeinerGruppe() {
    return new Seitenverweis("Vorgänge meiner Gruppe", VorgaengeSeite.PFAD + "?ansicht=gruppe", Set.copyOf(KiGruppen.TASKLIST), 11);
  }

  @Bean
  Seitenverweis dublettenpruefung() {
    return new Seitenverweis("Dublettenprüfung", DublettenSeite.PFAD, Set.copyOf(DublettenSeite.GRUPPEN), 30);
  }
}
