package de.hsk.ki.prozesse.seiteneinstieg;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the assignment letter says as a decision of the school supervision (review S7,
 * ki.zuweisungsschreiben.*, environment KI_ZUWEISUNGSSCHREIBEN_*). Whether the assignment is an
 * administrative act is unverified; the default assumes it is and names the court the county's
 * cases go to. {stelle} is replaced by the deciding authority. "-" leaves the block out.
 */
@ConfigurationProperties(prefix = "ki.zuweisungsschreiben")
public record Zuweisungsbescheid(String rechtsbehelfsbelehrung) {

  static final String VORGABE = "Gegen diese Entscheidung ({stelle}) kann innerhalb eines Monats nach ihrer Bekanntgabe "
      + "Klage beim Verwaltungsgericht Arnsberg, Jägerstraße 1, 59821 Arnsberg, erhoben werden.";

  public Zuweisungsbescheid {
    rechtsbehelfsbelehrung = rechtsbehelfsbelehrung == null || rechtsbehelfsbelehrung.isBlank() ? VORGABE : rechtsbehelfsbelehrung.strip();
  }

  /** The block for a decision of this authority, or null when the county leaves it out. */
  public String fuer(String stelle) {
    return "-".equals(rechtsbehelfsbelehrung) || stelle == null ? null : rechtsbehelfsbelehrung.replace("{stelle}", stelle);
  }
}
