package de.hsk.ki.plattform.partner;

import org.springframework.stereotype.Component;

/**
 * Labels for e-mail texts, called from models ({@code ${bezeichnungen.kommune(kommune)}}): what a
 * partner needs to act (municipality, school form), never personal data.
 */
@Component("bezeichnungen")
public class Bezeichnungen {

  private final PartnerVerzeichnis verzeichnis;

  public Bezeichnungen(PartnerVerzeichnis verzeichnis) {
    this.verzeichnis = verzeichnis;
  }

  public String kommune(Object schluessel) {
    return schluessel == null ? null : verzeichnis.kommune(schluessel.toString()).map(PartnerVerzeichnis.Kommune::name).orElse(null);
  }

  public String schulform(Object schluessel) {
    return schluessel == null ? null : Schulform.bezeichnungVon(schluessel.toString());
  }

  /** A date as German text (an appointment's day), "–" when there is none. */
  public String datum(Object iso) {
    return iso == null ? "–" : de.hsk.ki.plattform.zeit.Zeit.datum(iso).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
  }
}
