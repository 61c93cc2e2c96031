package de.hsk.ki.prozesse.seiteneinstieg;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The KI's contact block in letters to families (ki.kontakt.*, environment KI_KONTAKT_*). Defaults:
 * the KI's address in the Kreishaus Arnsberg; telephone and office hours are the county's to set.
 * {@code datenschutz} is how the county's data-protection officer is reached (the Art. 13 notice).
 */
@ConfigurationProperties(prefix = "ki.kontakt")
public record KiKontakt(String stelle, String strasse, String ort, String telefon, String email, String sprechzeiten,
    String datenschutz) {

  public KiKontakt {
    stelle = leer(stelle) ? "Kommunales Integrationszentrum Hochsauerlandkreis" : stelle;
    strasse = leer(strasse) ? "Eichholzstraße 9" : strasse;
    ort = leer(ort) ? "59821 Arnsberg" : ort;
    sprechzeiten = leer(sprechzeiten) ? "Mo–Fr 8:30–12:00 Uhr, Do 14:00–16:00 Uhr und nach Vereinbarung" : sprechzeiten;
    datenschutz = leer(datenschutz)
        ? "die oder der Datenschutzbeauftragte des Hochsauerlandkreises, über die oben genannte Anschrift (Stichwort „Datenschutz“)"
        : datenschutz;
  }

  private static boolean leer(String s) {
    return s == null || s.isBlank();
  }
}
