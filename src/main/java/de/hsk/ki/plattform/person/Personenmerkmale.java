package de.hsk.ki.plattform.person;

import java.time.LocalDate;

/** What identifies a person for the duplicate check: name, birth date, municipality (a key like ARNSBERG). */
public record Personenmerkmale(String vorname, String nachname, LocalDate geburtsdatum, String kommune) {

  public String name() {
    return ((vorname == null ? "" : vorname.strip()) + " " + (nachname == null ? "" : nachname.strip())).strip();
  }
}
