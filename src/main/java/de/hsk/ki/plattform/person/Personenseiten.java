package de.hsk.ki.plattform.person;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.identitaet.Seitenverweis;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pages of cases and families, offered in Tasklist to the groups that may open them. */
@Configuration
public class Personenseiten {

  public static final String VORGAENGE = "/ki/vorgaenge";
  public static final String FAMILIENAKTE = "/ki/familie/";
  public static final String DUBLETTEN = "/ki/personen/dubletten";
  /** The clerks who take in reports, and the coordination, decide on possible duplicates. */
  public static final java.util.List<String> DUBLETTEN_GRUPPEN = java.util.List.of(KiGruppen.VERWALTUNG, KiGruppen.LEITUNG);

  @Bean
  Seitenverweis meineVorgaenge() {
    return new Seitenverweis("Meine Vorgänge", VORGAENGE, Set.copyOf(KiGruppen.TASKLIST), 10);
  }

  @Bean
  Seitenverweis vorgaengeMeinerGruppe() {
    return new Seitenverweis("Vorgänge meiner Gruppe", VORGAENGE + "?ansicht=gruppe", Set.copyOf(KiGruppen.TASKLIST), 11);
  }

  @Bean
  Seitenverweis dublettenpruefung() {
    return new Seitenverweis("Dublettenprüfung", DUBLETTEN, Set.copyOf(DUBLETTEN_GRUPPEN), 30);
  }
}
