package de.hsk.ki.prozesse.foerderung;

import java.util.Locale;
import java.util.Optional;

/** The letters of a funding case; the name in lower case is the page's path segment, the title the subject's end. */
public enum Briefart {
  EINGANGSBESTAETIGUNG("Eingangsbestätigung"),
  NACHFORDERUNG("Nachforderung von Unterlagen"),
  BEWILLIGUNG("Bewilligung"),
  ABLEHNUNG("Ablehnung"),
  VERTRAG("Weiterleitungsvertrag"),
  ANHOERUNG("Anhörung vor einer Rückforderung"),
  RUECKFORDERUNG("Rückforderung"),
  /** A change notice lowered the approval: an amendment to the forwarding contract. */
  ANPASSUNG("Änderung der Zuwendung");

  private final String titel;

  Briefart(String titel) {
    this.titel = titel;
  }

  public String titel() {
    return titel;
  }

  /** "Bewilligung-FA-2026-0001.pdf" */
  public String dateiname(String aktenzeichen) {
    String name = name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    return name + "-" + aktenzeichen + ".pdf";
  }

  /** From a path segment or a model's input ("bewilligung", "BEWILLIGUNG"); empty if unknown. */
  public static Optional<Briefart> von(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
