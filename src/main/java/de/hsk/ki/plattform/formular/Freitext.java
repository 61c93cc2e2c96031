package de.hsk.ki.plattform.formular;

import java.util.regex.Pattern;

/** Free text typed on the application's own pages (beside Tasklist's forms): the same limits for every page. */
public final class Freitext {

  /** Control characters and invisible direction marks: nothing a person types, but what breaks letters and logs. */
  private static final Pattern STEUERZEICHEN = Pattern.compile(
      "[\\p{Cntrl}&&[^\\n\\r\\t]]|[\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\u200B-\\u200F\\u061C\\uFEFF\\u2060-\\u2064\\u180E]");
  /** Such texts go into form texts (rendered as Markdown) and e-mails: no markup, no Markdown links. */
  private static final Pattern AUSZEICHNUNG = Pattern.compile("[<>]|\\][(:]");

  private Freitext() {}

  /** A German message on what is wrong with the text, or null when it may be kept. */
  public static String fehler(String text, int grenze, boolean mehrzeilig) {
    if (text.length() > grenze) {
      return "höchstens " + grenze + " Zeichen erlaubt (eingegeben: " + text.length() + ").";
    }
    if (STEUERZEICHEN.matcher(text).find()) {
      return "Steuerzeichen sind nicht erlaubt.";
    }
    if (!mehrzeilig && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0)) {
      return "Zeilenumbrüche und Tabulatoren sind hier nicht erlaubt.";
    }
    if (AUSZEICHNUNG.matcher(text).find()) {
      return "spitze Klammern (< >) und Links in der Schreibweise [Text](Adresse) sind nicht erlaubt – "
          + "der Text erscheint in Formularen und E-Mails.";
    }
    return null;
  }
}
