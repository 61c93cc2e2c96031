package de.hsk.ki.plattform.geld;

import java.util.Locale;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.IBANValidatorStatus;

/**
 * An IBAN (ISO 13616) as applicants type it: checked by Apache Commons Validator (length and format
 * of the country, mod-97 check digits), stored without spaces in capitals, shown in groups of four.
 * Funding staff and the contract see it whole; every other place shows it masked.
 */
public final class Iban {

  private static final IBANValidator PRUEFUNG = IBANValidator.getInstance();

  private Iban() {}

  /** No spaces (also none of the non-breaking kind a copied IBAN brings), capitals; null stays null. */
  public static String normalisiert(String iban) {
    return iban == null ? null : iban.replaceAll("[\\s\\u00A0\\u202F]", "").toUpperCase(Locale.ROOT);
  }

  /** Why this is not a valid IBAN, in German, or null if it is one. */
  public static String fehler(String iban) {
    String wert = normalisiert(iban);
    if (wert == null || wert.isEmpty()) {
      return "Bitte eine IBAN angeben.";
    }
    if (!wert.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}")) {
      return "Eine IBAN beginnt mit dem Länderkürzel und zwei Prüfziffern (z. B. DE89 3704 0044 0532 0130 00) und enthält nur Buchstaben und Ziffern.";
    }
    IBANValidatorStatus status = PRUEFUNG.validate(wert);
    return switch (status) {
      case VALID -> null;
      case UNKNOWN_COUNTRY -> "Das Länderkürzel „" + wert.substring(0, 2) + "“ gehört zu keinem Land mit IBAN.";
      case INVALID_LENGTH -> "Eine IBAN aus " + wert.substring(0, 2) + " hat " + laenge(wert) + " Zeichen, diese hat " + wert.length() + ".";
      case INVALID_PATTERN -> "Der Aufbau passt nicht zu einer IBAN aus " + wert.substring(0, 2) + " – bitte prüfen.";
      case INVALID_CHECKSUM -> "Die Prüfziffern stimmen nicht – bitte die IBAN auf Tippfehler prüfen.";
      default -> "Das ist keine gültige IBAN – bitte prüfen."; // a status a later library version adds
    };
  }

  public static boolean gueltig(String iban) {
    return fehler(iban) == null;
  }

  /** In groups of four, as printed on a letter: "DE89 3704 0044 0532 0130 00". */
  public static String lesbar(String iban) {
    String wert = normalisiert(iban);
    return wert == null ? null : wert.replaceAll("(.{4})(?=.)", "$1 ");
  }

  /**
   * Country, check digits and the last four characters, the rest as stars in groups of four
   * ("DE89 **** **** **** **30 00"): enough to recognise the account, not enough to use it.
   */
  public static String maskiert(String iban) {
    String wert = normalisiert(iban);
    if (wert == null || wert.length() < 8) {
      return wert == null ? null : "*".repeat(wert.length());
    }
    String mitte = "*".repeat(wert.length() - 8);
    return lesbar(wert.substring(0, 4) + mitte + wert.substring(wert.length() - 4));
  }

  private static String laenge(String wert) {
    IBANValidator.Validator land = PRUEFUNG.getValidator(wert);
    return land == null ? "eine andere Zahl an" : Integer.toString(land.getIbanLength());
  }
}
