package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The school-to-work transition process: its key and what the platform needs to know of it. */
@Configuration
public class Uebergang {

  public static final String SCHLUESSEL = "Process_UebergangSchuleBeruf";
  public static final String PRAEFIX = "UB";

  @Bean
  Prozessbeschreibung uebergangBeschreibung() {
    return new Prozessbeschreibung(SCHLUESSEL, PRAEFIX, "Übergang Schule–Beruf",
        Set.copyOf(KiGruppen.SEITENEINSTIEG), Set.of(), Set.of(KiGruppen.LEITUNG));
  }
}
