package de.hsk.ki.plattform.partnermail;

/**
 * An e-mail template partners receive, read from {@code processes/<process>/mail/<name>.txt}: a
 * header ("Betreff:", "Einwilligung: erforderlich | nicht erforderlich"), a line "---", then the
 * Thymeleaf text. The id is the file name in capitals ({@code zuweisung-anfrage} → ZUWEISUNG_ANFRAGE).
 *
 * @param einwilligung whether the e-mail carries data of a person and may only go out with a
 *     recorded, not withdrawn consent for the recipient; the template decides, not the model
 */
public record Mailvorlage(String id, String prozess, String betreff, boolean einwilligung, String text) {

  /** Subjects carry the case number and a topic, never personal data of a child or family. */
  public String betreff(String aktenzeichen) {
    return "[" + aktenzeichen + "] " + betreff;
  }
}
