package de.hsk.ki.plattform.person;

/** Guardians and contact of a family, entered once for all its children. */
public record Familienangaben(String erziehungsberechtigte, String anschrift, String telefon, String email, String kommune) {

  public boolean leer() {
    return blank(erziehungsberechtigte) && blank(anschrift) && blank(telefon) && blank(email);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
