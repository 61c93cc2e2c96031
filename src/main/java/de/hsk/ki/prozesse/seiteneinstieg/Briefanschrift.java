package de.hsk.ki.prozesse.seiteneinstieg;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recipient lines and salutation of a letter to a family, from the case: the guardians as staff
 * typed them ("Frau Rana Haddad, Herr Karim Haddad"), each on its own line, and the address split at
 * its commas (DIN 5008: street, then postcode and town). An adult is written to directly.
 */
public record Briefanschrift(List<String> zeilen, String anrede) {

  private static final Pattern TRENNER = Pattern.compile("\\s*(?:,|;|\\n|\\bund\\b|&)\\s*");

  public static Briefanschrift von(String erziehungsberechtigte, String anschrift, String vorname, String nachname, Long alter) {
    List<String> namen = new ArrayList<>();
    boolean volljaehrig = alter != null && alter >= 18;
    if (volljaehrig || erziehungsberechtigte == null || erziehungsberechtigte.isBlank()) {
      namen.add((nz(vorname) + " " + nz(nachname)).trim());
    } else {
      for (String name : TRENNER.split(erziehungsberechtigte.trim())) {
        if (!name.isBlank()) {
          namen.add(name.trim());
        }
      }
    }
    List<String> zeilen = new ArrayList<>(namen);
    if (anschrift != null) {
      for (String teil : anschrift.split("\\s*[,\\n]\\s*")) {
        if (!teil.isBlank()) {
          zeilen.add(teil.trim());
        }
      }
    }
    return new Briefanschrift(zeilen, anrede(namen));
  }

  /** "Sehr geehrte Frau Haddad, sehr geehrter Herr Haddad," – or "Guten Tag Rana Haddad," without Frau/Herr. */
  static String anrede(List<String> namen) {
    List<String> teile = new ArrayList<>();
    boolean alleMitAnrede = !namen.isEmpty();
    for (String name : namen) {
      String[] w = name.split("\\s+");
      if (w.length >= 2 && (w[0].equals("Frau") || w[0].equals("Herr"))) {
        // "Frau Rana Haddad" → "Haddad" (all after the first name); "Frau Haddad" → "Haddad"
        String familienname = w.length == 2 ? w[1] : String.join(" ", java.util.Arrays.copyOfRange(w, 2, w.length));
        teile.add((w[0].equals("Frau") ? "geehrte Frau " : "geehrter Herr ") + familienname);
      } else {
        alleMitAnrede = false;
      }
    }
    if (alleMitAnrede) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < teile.size(); i++) {
        text.append(i == 0 ? "Sehr " : ", sehr ").append(teile.get(i));
      }
      return text.append(",").toString();
    }
    return namen.isEmpty() || namen.get(0).isBlank() ? "Guten Tag," : "Guten Tag " + String.join(" und ", namen) + ",";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
