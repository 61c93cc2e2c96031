package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lateral-entry process: its key and what the platform needs to know of it. */
@Configuration
public class Seiteneinstieg {

  public static final String SCHLUESSEL = "Process_Seiteneinstieg";
  public static final String PRAEFIX = "SE";

  @Bean
  Prozessbeschreibung seiteneinstiegBeschreibung() {
    return new Prozessbeschreibung(SCHLUESSEL, PRAEFIX, "Seiteneinstieg",
        Set.copyOf(KiGruppen.SEITENEINSTIEG),
        // the Schulamt sees its assignment tasks (granted per task) and the process name, nothing else
        Set.of(KiGruppen.SCHULAMT),
        Set.of(KiGruppen.LEITUNG));
  }
}
