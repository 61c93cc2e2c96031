package de.hsk.ki.plattform.partnermail;

/**
 * The e-mail templates partners receive. Subjects carry the case number and a topic, never
 * personal data of a child or family.
 */
public enum MailVorlage {
  GESUNDHEITSAMT_UNTERSUCHUNG("gesundheitsamt-untersuchung", "Schuleingangsuntersuchung erbeten"),
  ZUWEISUNG_ANFRAGE("zuweisung-anfrage", "Bitte um Zuweisung eines Schulplatzes"),
  ZUWEISUNG_ERINNERUNG("zuweisung-erinnerung", "Erinnerung: Schulplatz noch nicht zugewiesen"),
  SCHULE_ZUWEISUNG("schule-zuweisung", "Zuweisung einer neu zugewanderten Schülerin / eines neu zugewanderten Schülers"),
  VERMITTLUNG("vermittlung", "Vermittlung aus der Übergangsberatung (Einwilligung liegt vor)"),
  KAOA_KOMPAKT_BUCHUNG("kaoa-kompakt-buchung", "Anmeldung KAoA-kompakt (Einwilligung liegt vor)"),
  PARTNER_INFORMATION("partner-information", "Stand der Übergangsberatung (Einwilligung liegt vor)");

  private final String datei;
  private final String betreff;

  MailVorlage(String datei, String betreff) {
    this.datei = datei;
    this.betreff = betreff;
  }

  public String datei() {
    return datei;
  }

  public String betreff(String aktenzeichen) {
    return "[" + aktenzeichen + "] " + betreff;
  }
}
