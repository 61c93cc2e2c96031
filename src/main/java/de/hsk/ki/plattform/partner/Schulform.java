package de.hsk.ki.plattform.partner;

import java.util.Arrays;

/** School forms a teacher can recommend (values of the select in the first-counselling form). */
public enum Schulform {
  GRUNDSCHULE("Grundschule"),
  HAUPTSCHULE("Hauptschule"),
  REALSCHULE("Realschule"),
  SEKUNDARSCHULE("Sekundarschule"),
  GESAMTSCHULE("Gesamtschule"),
  GYMNASIUM("Gymnasium"),
  FOERDERSCHULE("Förderschule"),
  BERUFSKOLLEG("Berufskolleg"),
  IFK("Internationale Förderklasse (Berufskolleg)"),
  FIT_FUER_MEHR("„Fit für mehr“-Klasse (Berufskolleg)");

  private final String bezeichnung;

  Schulform(String bezeichnung) {
    this.bezeichnung = bezeichnung;
  }

  public String bezeichnung() {
    return bezeichnung;
  }

  /** IFK and "Fit für mehr" are classes at a Berufskolleg. */
  public static String schulformDerSchule(String empfehlung) {
    if (empfehlung == null) {
      return "";
    }
    return switch (empfehlung) {
      case "IFK", "FIT_FUER_MEHR" -> BERUFSKOLLEG.name();
      default -> empfehlung;
    };
  }

  public static String bezeichnungVon(String name) {
    return Arrays.stream(values()).filter(s -> s.name().equals(name)).map(Schulform::bezeichnung).findFirst().orElse(name);
  }
}
