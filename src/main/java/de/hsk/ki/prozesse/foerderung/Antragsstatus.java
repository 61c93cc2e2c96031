package de.hsk.ki.prozesse.foerderung;

/** Where an application stands (variable {@code status}), with the German word the report and Tasklist show. */
public enum Antragsstatus {
  EINGEGANGEN("eingegangen"),
  NACHFORDERUNG("Unterlagen nachgefordert"),
  IN_PRUEFUNG("in Prüfung"),
  ZUR_ENTSCHEIDUNG("zur Entscheidung"),
  BEWILLIGT("bewilligt, Vertrag versandt"),
  AUSZAHLUNG("Auszahlung läuft"),
  VN_PRUEFUNG("Verwendungsnachweis in Prüfung"),
  RUECKFORDERUNG("Rückforderung"),
  ABGESCHLOSSEN("abgeschlossen"),
  ABGELEHNT("abgelehnt"),
  ZURUECKGEZOGEN("Bewilligung zurückgezogen"),
  ZURUECKGEZAHLT("zurückgefordert und bezahlt"),
  VOLLSTRECKUNG("an die Kreiskasse zur Vollstreckung");

  private final String text;

  Antragsstatus(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** The German word of a stored state; an unknown one is shown as stored. */
  public static String text(String status) {
    for (Antragsstatus s : values()) {
      if (s.name().equals(status)) {
        return s.text;
      }
    }
    return status;
  }
}
