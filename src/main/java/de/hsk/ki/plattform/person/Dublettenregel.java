package de.hsk.ki.plattform.person;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * When a known person may be the one being entered. The name similarity comes from
 * {@link Namensabgleich} (transliteration-aware); the birth date decides how similar the names must
 * be. Siblings share the surname and often the address but not the given name and birth date, so
 * they never meet all conditions of one rule.
 */
final class Dublettenregel {

  /** Given and surname similar enough when the birth date is the same. */
  static final double NAME_AEHNLICH = 0.85;
  /** ... when the birth date differs in a way typical of typing or reading errors. */
  static final double NAME_SEHR_AEHNLICH = 0.92;
  /** ... when the birth date differs otherwise: only the same name in the same municipality. */
  static final double NAME_GLEICH = 0.97;

  record Urteil(double aehnlichkeit, String grund) {}

  private Dublettenregel() {}

  static Optional<Urteil> bewerte(Personenmerkmale neu, Personenmerkmale bekannt) {
    double vorname = Namensabgleich.aehnlichkeit(text(neu.vorname()), text(bekannt.vorname()));
    double nachname = Namensabgleich.aehnlichkeit(text(neu.nachname()), text(bekannt.nachname()));
    // given and surname swapped (a frequent error with names from other naming systems)
    double vertauscht = Math.min(Namensabgleich.aehnlichkeit(text(neu.vorname()), text(bekannt.nachname())),
        Namensabgleich.aehnlichkeit(text(neu.nachname()), text(bekannt.vorname())));
    boolean getauscht = vertauscht > Math.min(vorname, nachname);
    double name = getauscht ? vertauscht : Math.min(vorname, nachname);
    double mittel = getauscht ? vertauscht : (vorname + nachname) / 2;
    String namensart = name >= 0.99 ? (getauscht ? "gleicher Name (Vor- und Nachname vertauscht)" : "gleicher Name")
        : (getauscht ? "ähnlicher Name (Vor- und Nachname vertauscht)" : "ähnlicher Name");
    LocalDate a = neu.geburtsdatum();
    LocalDate b = bekannt.geburtsdatum();
    if (a != null && a.equals(b)) {
      return name >= NAME_AEHNLICH ? Optional.of(new Urteil(mittel, namensart + ", gleiches Geburtsdatum")) : Optional.empty();
    }
    if (a == null || b == null || typischVerschrieben(a, b)) {
      return name >= NAME_SEHR_AEHNLICH
          ? Optional.of(new Urteil(0.8 * mittel, namensart + (a == null || b == null ? ", Geburtsdatum fehlt" : ", Geburtsdatum ähnlich")))
          : Optional.empty();
    }
    if (name >= NAME_GLEICH && neu.kommune() != null && Objects.equals(neu.kommune(), bekannt.kommune())) {
      return Optional.of(new Urteil(0.6 * mittel, namensart + " in derselben Kommune, anderes Geburtsdatum"));
    }
    return Optional.empty();
  }

  /** Day and month swapped, one year off, or only the day or only the month different. */
  static boolean typischVerschrieben(LocalDate a, LocalDate b) {
    boolean getauscht = a.getYear() == b.getYear() && a.getDayOfMonth() == b.getMonthValue() && a.getMonthValue() == b.getDayOfMonth();
    boolean jahr = a.getMonthValue() == b.getMonthValue() && a.getDayOfMonth() == b.getDayOfMonth() && Math.abs(a.getYear() - b.getYear()) == 1;
    boolean einTeil = a.getYear() == b.getYear() && (a.getMonthValue() == b.getMonthValue() || a.getDayOfMonth() == b.getDayOfMonth());
    return getauscht || jahr || einTeil;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
