package de.hsk.ki.plattform.partnermail;

/** A file an e-mail carries (a letter as PDF). */
public record Anhang(String dateiname, String typ, byte[] inhalt) {

  public static Anhang pdf(String dateiname, byte[] inhalt) {
    return new Anhang(dateiname, "application/pdf", inhalt);
  }
}
