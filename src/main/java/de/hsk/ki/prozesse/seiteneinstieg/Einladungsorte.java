package de.hsk.ki.prozesse.seiteneinstieg;

import org.springframework.stereotype.Component;

/**
 * Where a first counselling takes place, as the invitation and the interpreter request name it.
 * Families in Medebach, Hallenberg or Winterberg are far from Arnsberg and Meschede: an appointment
 * on site in their town (town hall, shelter) gives the address in the form (review S12).
 */
@Component("einladungsorte")
public class Einladungsorte {

  static final String VOR_ORT = "VOR_ORT_KOMMUNE";
  static final int ADRESSE_HOECHSTENS = 150;
  /** The form's pattern, checked again: the address also arrives in the letter link's query. */
  private static final java.util.regex.Pattern ADRESSE = java.util.regex.Pattern.compile("[A-Za-zÄÖÜäöüß0-9 .,/()-]{3,150}");

  private final KiKontakt kontakt;

  public Einladungsorte(KiKontakt kontakt) {
    this.kontakt = kontakt;
  }

  /** The place as text; null for an unknown key or an on-site appointment without address. */
  public String text(String schluessel, Object adresse) {
    if (schluessel == null) {
      return null;
    }
    return switch (schluessel) {
      case "KREISHAUS_ARNSBERG" -> kontakt.stelle() + ", Kreishaus Arnsberg, " + kontakt.strasse() + ", " + kontakt.ort();
      case "KREISHAUS_MESCHEDE" -> "Kreishaus Meschede, Steinstraße 27, 59872 Meschede";
      case "SCHULAMT_MESCHEDE" -> "Schulamt für den Hochsauerlandkreis, Meschede";
      case "DIGITAL" -> "digital (den Zugangslink senden wir Ihnen vor dem Termin)";
      case VOR_ORT -> adresse == null || !ADRESSE.matcher(adresse.toString().strip()).matches() ? null : adresse.toString().strip();
      default -> null;
    };
  }
}
