package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstieg;
import de.hsk.ki.prozesse.seiteneinstieg.meldeliste.Spaltenzuordnung.Ziel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a list as the report form's values (form_se_meldung): the mapped cells, dates as the
 * form stores them (JJJJ-MM-TT), address parts joined, the sender's municipality and office, and
 * the custody and language the clerk set for the list. What cannot be converted is an objection in
 * the form's words; the form's own rules run afterwards on the values.
 */
record Meldezeile(int nr, Map<String, Object> werte, List<EingabePruefung.Fehler> vorab) {

  private static final Pattern TT_MM_JJJJ = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
  private static final Pattern JJJJ_MM_TT = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

  static Meldezeile aus(int nr, List<String> kopf, List<String> zellen, Spaltenzuordnung z, String kommune, String stelle) {
    Map<String, Object> werte = new LinkedHashMap<>();
    List<EingabePruefung.Fehler> vorab = new ArrayList<>();
    werte.put(Seiteneinstieg.MELDENDE_STELLE.name(), stelle);
    text(werte, Seiteneinstieg.VORNAME.name(), zelle(kopf, zellen, z, Ziel.VORNAME));
    text(werte, Seiteneinstieg.NACHNAME.name(), zelle(kopf, zellen, z, Ziel.NACHNAME));
    datum(werte, vorab, Seiteneinstieg.GEBURTSDATUM.name(), "Geburtsdatum", zelle(kopf, zellen, z, Ziel.GEBURTSDATUM));
    text(werte, Seiteneinstieg.STAATSANGEHOERIGKEIT.name(), zelle(kopf, zellen, z, Ziel.STAATSANGEHOERIGKEIT));
    datum(werte, vorab, Seiteneinstieg.ZUZUGSDATUM.name(), "Zuzugsdatum", zelle(kopf, zellen, z, Ziel.ZUZUGSDATUM));
    text(werte, Seiteneinstieg.ANSCHRIFT.name(), anschrift(kopf, zellen, z));
    werte.put(Seiteneinstieg.KOMMUNE.name(), kommune);
    werte.put(Seiteneinstieg.SORGEFORM.name(), z.sorgeform());
    text(werte, Seiteneinstieg.ERZIEHUNGSBERECHTIGTE.name(), zelle(kopf, zellen, z, Ziel.ERZIEHUNGSBERECHTIGTE));
    text(werte, Seiteneinstieg.TELEFON.name(), zelle(kopf, zellen, z, Ziel.TELEFON));
    text(werte, Seiteneinstieg.EMAIL.name(), zelle(kopf, zellen, z, Ziel.EMAIL));
    String sprache = zelle(kopf, zellen, z, Ziel.SPRACHE);
    text(werte, Seiteneinstieg.BEVORZUGTE_SPRACHE.name(), sprache.isBlank() ? z.sprache() : sprache);
    String jahre = zelle(kopf, zellen, z, Ziel.SCHULBESUCHSJAHRE);
    if (!jahre.isBlank()) {
      try {
        werte.put(Seiteneinstieg.SCHULBESUCHSJAHRE.name(), Long.parseLong(jahre.strip()));
      } catch (NumberFormatException e) {
        vorab.add(new EingabePruefung.Fehler(Seiteneinstieg.SCHULBESUCHSJAHRE.name(),
            "Bisherige Schulbesuchsjahre (soweit bekannt): Zahl erwartet („" + kurz(jahre) + "“)."));
      }
    }
    text(werte, Seiteneinstieg.BEMERKUNG.name(), zelle(kopf, zellen, z, Ziel.BEMERKUNG));
    return new Meldezeile(nr, werte, vorab);
  }

  private static String zelle(List<String> kopf, List<String> zellen, Spaltenzuordnung z, Ziel ziel) {
    int i = z.spalte(kopf, ziel);
    return i < 0 || i >= zellen.size() ? "" : zellen.get(i);
  }

  private static void text(Map<String, Object> werte, String name, String wert) {
    if (wert != null && !wert.isBlank()) {
      werte.put(name, wert.strip());
    }
  }

  /** "Straße Hausnummer, PLZ Ort", or the full address column. */
  private static String anschrift(List<String> kopf, List<String> zellen, Spaltenzuordnung z) {
    String voll = zelle(kopf, zellen, z, Ziel.ANSCHRIFT);
    if (!voll.isBlank()) {
      return voll;
    }
    String strasse = (zelle(kopf, zellen, z, Ziel.STRASSE) + " " + zelle(kopf, zellen, z, Ziel.HAUSNUMMER)).strip();
    String ort = (zelle(kopf, zellen, z, Ziel.PLZ) + " " + zelle(kopf, zellen, z, Ziel.ORT)).strip();
    return strasse.isEmpty() ? ort : ort.isEmpty() ? strasse : strasse + ", " + ort;
  }

  /**
   * TT.MM.JJJJ or JJJJ-MM-TT as the form's value; an impossible day (31.02.) goes to the form as
   * typed, which answers "kein gültiges Datum", and anything else is named here.
   */
  private static void datum(Map<String, Object> werte, List<EingabePruefung.Fehler> vorab, String name, String bezeichnung, String wert) {
    if (wert == null || wert.isBlank()) {
      return;
    }
    String s = wert.strip();
    Matcher deutsch = TT_MM_JJJJ.matcher(s);
    Matcher iso = JJJJ_MM_TT.matcher(s);
    String j;
    String m;
    String t;
    if (deutsch.matches()) {
      t = deutsch.group(1);
      m = deutsch.group(2);
      j = deutsch.group(3);
    } else if (iso.matches()) {
      j = iso.group(1);
      m = iso.group(2);
      t = iso.group(3);
    } else {
      vorab.add(new EingabePruefung.Fehler(name, bezeichnung + ": kein Datum im Format TT.MM.JJJJ („" + kurz(s) + "“)."));
      return;
    }
    werte.put(name, j + "-" + (m.length() == 1 ? "0" + m : m) + "-" + (t.length() == 1 ? "0" + t : t));
  }

  /** The birth date as a date, when the row has a valid one. */
  LocalDate geburtsdatum() {
    Object g = werte.get(Seiteneinstieg.GEBURTSDATUM.name());
    try {
      return g == null ? null : LocalDate.parse(g.toString());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  String text(String name) {
    Object w = werte.get(name);
    return w == null ? "" : w.toString();
  }

  /**
   * The child in the municipality (names without case, accents and spaces, birth date): the same
   * child in a later list has the same key and starts no second case.
   */
  String schluessel() {
    String roh = normal(text("vorname")) + "|" + normal(text("nachname")) + "|" + text("geburtsdatum") + "|" + text("kommune");
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(roh.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String normal(String s) {
    String ohneAkzente = java.text.Normalizer.normalize(s == null ? "" : s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return ohneAkzente.toLowerCase(Locale.GERMAN).replace("ß", "ss").replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** An address for comparing families: "Hauptstraße 5" and "Hauptstr. 5" are the same. */
  static String anschriftNormal(String s) {
    return normal((s == null ? "" : s).toLowerCase(Locale.GERMAN).replace("straße", "str").replace("strasse", "str").replace("str.", "str"));
  }

  private static String kurz(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
