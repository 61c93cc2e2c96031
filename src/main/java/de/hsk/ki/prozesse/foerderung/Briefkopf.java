package de.hsk.ki.prozesse.foerderung;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The KI's letterhead in funding letters: the same settings as the other letters (ki.kontakt.*,
 * environment KI_KONTAKT_*), read here because a process does not reach into another's package.
 */
@ConfigurationProperties(prefix = "ki.kontakt")
public record Briefkopf(String stelle, String strasse, String ort, String telefon, String email, String sprechzeiten) {

  public Briefkopf {
    stelle = leer(stelle) ? "Kommunales Integrationszentrum Hochsauerlandkreis" : stelle;
    strasse = leer(strasse) ? "Eichholzstraße 9" : strasse;
    ort = leer(ort) ? "59821 Arnsberg" : ort;
    sprechzeiten = leer(sprechzeiten) ? "Mo–Fr 8:30–12:00 Uhr, Do 14:00–16:00 Uhr und nach Vereinbarung" : sprechzeiten;
  }

  private static boolean leer(String s) {
    return s == null || s.isBlank();
  }
}
