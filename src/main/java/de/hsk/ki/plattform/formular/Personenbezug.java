package de.hsk.ki.plattform.formular;

import java.util.regex.Pattern;

/**
 * Marks of a client's personal data in free text where a process keeps none (coordination,
 * advice for institutions): the server refuses what it can recognise, the form asks for the rest.
 */
public final class Personenbezug {

  /**
   * A person's birth date in German text: "geb.", "geboren (am)", "Geburtsdatum:" or the birth sign
   * after a name, each followed by a date. "Geb. 2" (Gebäude), a list bullet before a date or "in
   * Deutschland geborene Kinder" stay allowed.
   */
  private static final String DATUM = "\\d{1,2}\\.\\s*\\d{1,2}\\.\\s*\\d{2,4}";
  private static final Pattern GEBURTSDATUM = Pattern.compile(
      "(?iu)(\\bgeb\\.|\\bgeboren(\\s+am)?|\\bgeburtsdatum|\\bgeburtstag)\\s*:?\\s*" + DATUM
          + "|[^\\s*][ \\t]*\\*[ \\t]*" + DATUM);

  public static boolean nenntGeburtsdatum(String text) {
    return text != null && GEBURTSDATUM.matcher(text).find();
  }

  private Personenbezug() {}
}
