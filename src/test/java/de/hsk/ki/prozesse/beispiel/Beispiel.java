package de.hsk.ki.prozesse.beispiel;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Test-only sample process (docs/neuer-prozess.md): its key and its descriptor, nothing else. */
@Configuration
public class Beispiel {

  public static final String SCHLUESSEL = "Process_Beispiel";
  public static final String PRAEFIX = "BSP";

  public enum Element { Event_AnliegenEingegangen, Task_AnliegenBearbeiten, Event_BearbeitungUeberfaellig, Call_UeberfaelligkeitKlaeren }

  @Bean
  Prozessbeschreibung beispielBeschreibung() {
    return new Prozessbeschreibung(SCHLUESSEL, PRAEFIX, "Beispiel", Set.of(KiGruppen.VERWALTUNG), Set.of(), Set.of(KiGruppen.LEITUNG));
  }
}
