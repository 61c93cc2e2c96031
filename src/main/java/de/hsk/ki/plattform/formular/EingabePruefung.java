package de.hsk.ki.plattform.formular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks submitted variables (REST format: name -> {value, type, valueInfo}) against a form:
 * only declared fields, required fields present, lengths, numbers, dates and options as the form
 * says. Messages are German, for the member of staff who sees them in Tasklist.
 */
public final class EingabePruefung {

  /** The engine stores strings in a 4000-character column; anything longer is refused here. */
  static final int MAX_TEXT = 4000;

  /** Rows of a dynamic list: forms offer one per partner, participant or item, never hundreds. */
  static final int MAX_ZEILEN = 50;

  private static final Pattern DATUM = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Fehler(String feld, String meldung) {}

  private EingabePruefung() {}

  /**
   * @param optionen the options of a select whose values come from a variable (valuesKey), by key
   */
  public static List<Fehler> pruefe(
      Formular formular, Map<String, JsonNode> variablen, Function<String, Set<String>> optionen, LocalDate heute) {
    return pruefe(formular, variablen, optionen, heute, false);
  }

  /**
   * A draft (half-filled form saved for later): the same rules on what may be stored (only the form's
   * fields, plain types, sizes, no control characters or markup, only offered options, real dates),
   * but not yet what completes it (required fields, minimum lengths, patterns, ranges).
   */
  public static List<Fehler> pruefeEntwurf(
      Formular formular, Map<String, JsonNode> variablen, Function<String, Set<String>> optionen, LocalDate heute) {
    return pruefe(formular, variablen, optionen, heute, true);
  }

  private static List<Fehler> pruefe(
      Formular formular, Map<String, JsonNode> variablen, Function<String, Set<String>> optionen, LocalDate heute, boolean entwurf) {
    List<Fehler> fehler = new ArrayList<>();
    for (String name : variablen.keySet()) {
      if (!formular.felder().containsKey(name)) {
        fehler.add(new Fehler(name, "Das Feld „" + name + "“ gehört nicht zu diesem Formular und wird nicht angenommen."));
      }
    }
    for (FormularFeld feld : formular.felder().values()) {
      JsonNode eintrag = variablen.get(feld.key());
      JsonNode wert = eintrag == null ? null : eintrag.get("value");
      boolean leer = wert == null || wert.isNull() || (wert.isTextual() && wert.asText().isBlank());
      if (leer) {
        // with a condition, the condition decides: "required" then only marks the field while the form shows it
        if (!entwurf && (feld.pflichtWenn() != null ? bedingtPflicht(feld, variablen) : feld.pflicht())) {
          fehler.add(new Fehler(feld.key(), feld.bezeichnung() + ": Pflichtfeld, bitte ausfüllen."));
        }
        continue;
      }
      String meldung = pruefeWert(feld, eintrag, wert, optionen, heute, entwurf);
      if (meldung != null) {
        fehler.add(new Fehler(feld.key(), feld.bezeichnung() + ": " + meldung));
      }
    }
    return fehler;
  }

  private static boolean bedingtPflicht(FormularFeld feld, Map<String, JsonNode> variablen) {
    if (feld.pflichtWenn() == null) {
      return false;
    }
    String[] teile = feld.pflichtWenn().split("=", 2);
    if (teile[0].endsWith("!")) {
      // "feld!=wert": required unless the other field has that value (also when it is absent)
      JsonNode anderer = variablen.get(teile[0].substring(0, teile[0].length() - 1));
      return anderer == null || !anderer.hasNonNull("value") || !anderer.get("value").asText().equals(teile[1]);
    }
    JsonNode anderer = variablen.get(teile[0]);
    return anderer != null && anderer.hasNonNull("value") && anderer.get("value").asText().equals(teile[1]);
  }

  /** Control characters other than line breaks and tabs: nothing a person types, but what breaks logs and letters. */
  private static final Pattern STEUERZEICHEN = Pattern.compile(
      "[\\p{Cntrl}&&[^\\n\\r\\t]]|[\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\u200B-\\u200F\\u061C\\uFEFF\\u2060-\\u2064\\u180E]");
  /** A tag, comment or processing instruction; "< 5" or "<5 Jahre" stay allowed. */
  private static final Pattern AUSZEICHNUNG = Pattern.compile("<\\s*[a-zA-Z/!?]");

  /**
   * A Markdown link or image: forms show case data in text components, which render Markdown, so a
   * value could plant a link or picture in a colleague's task. Plain addresses stay allowed.
   */
  private static final Pattern MARKDOWN_VERWEIS = Pattern.compile("\\][(:]");

  private static final Map<String, Set<String>> ERLAUBTE_TYPEN =
      Map.of(
          "number", Set.of("", "integer", "long", "short", "double"),
          "checkbox", Set.of("", "boolean"),
          "checklist", Set.of("", "json", "object"),
          "taglist", Set.of("", "json", "object"),
          "dynamiclist", Set.of("", "json", "object"));

  private static String pruefeWert(
      FormularFeld feld, JsonNode eintrag, JsonNode wert, Function<String, Set<String>> optionen, LocalDate heute,
      boolean entwurf) {
    // A client may name a variable type; only the plain type of each field is accepted, so no
    // serialized Java object or file can be smuggled in through a form field.
    String typ = eintrag.path("type").asText("").toLowerCase(java.util.Locale.ROOT);
    Set<String> erlaubteTypen = ERLAUBTE_TYPEN.getOrDefault(feld.typ(), Set.of("", "string"));
    if (!erlaubteTypen.contains(typ)) {
      return "unzulässiger Variablentyp „" + kurz(eintrag.path("type").asText()) + "“.";
    }
    if ("object".equals(typ)
        && !"application/json".equals(eintrag.path("valueInfo").path("serializationDataFormat").asText())) {
      return "nur JSON-Listen sind zulässig.";
    }
    switch (feld.typ()) {
      case "textfield", "textarea" -> {
        if (!wert.isTextual()) {
          return "Text erwartet.";
        }
        // checked as it will be stored (Formularregeln stores NFC): normalising must not make a character
        String text = java.text.Normalizer.normalize(wert.asText(), java.text.Normalizer.Form.NFC);
        int grenze = feld.maxLaenge() == null ? MAX_TEXT : Math.min(feld.maxLaenge(), MAX_TEXT);
        if (text.length() > grenze) {
          return "höchstens " + grenze + " Zeichen erlaubt (eingegeben: " + text.length() + ").";
        }
        if (STEUERZEICHEN.matcher(text).find()) {
          return "Steuerzeichen sind nicht erlaubt.";
        }
        if ("textfield".equals(feld.typ()) && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0)) {
          return "Zeilenumbrüche und Tabulatoren sind in diesem einzeiligen Feld nicht erlaubt.";
        }
        if (AUSZEICHNUNG.matcher(text).find()) {
          return "HTML oder andere Auszeichnungen in spitzen Klammern sind nicht erlaubt.";
        }
        if (MARKDOWN_VERWEIS.matcher(text).find()) {
          return "Links und Bilder in der Schreibweise [Text](Adresse) sind nicht erlaubt; eine Adresse bitte als reinen Text angeben.";
        }
        if (entwurf) {
          return null;
        }
        if (feld.minLaenge() != null && text.length() < feld.minLaenge()) {
          return "mindestens " + feld.minLaenge() + " Zeichen erforderlich.";
        }
        if (feld.muster() != null && !Pattern.compile(feld.muster()).matcher(text).matches()) {
          return feld.musterMeldung() != null ? feld.musterMeldung() : "Format ungültig.";
        }
        if (feld.email() && !EMAIL.matcher(text).matches()) {
          return "keine gültige E-Mail-Adresse.";
        }
        return null;
      }
      case "number" -> {
        double zahl;
        if (wert.isNumber()) {
          zahl = wert.asDouble();
        } else {
          return "Zahl erwartet.";
        }
        if (entwurf) {
          return null;
        }
        if (feld.min() != null && zahl < feld.min()) {
          return "mindestens " + zahlText(feld.min()) + ".";
        }
        if (feld.max() != null && zahl > feld.max()) {
          return "höchstens " + zahlText(feld.max()) + ".";
        }
        return null;
      }
      case "datetime" -> {
        if (!wert.isTextual() || !DATUM.matcher(wert.asText()).matches()) {
          return "Datum im Format JJJJ-MM-TT erwartet.";
        }
        LocalDate datum;
        try {
          datum = LocalDate.parse(wert.asText());
        } catch (DateTimeParseException e) {
          return "kein gültiges Datum.";
        }
        if (entwurf) {
          return null;
        }
        if (feld.nichtInZukunft() && datum.isAfter(heute)) {
          return "darf nicht in der Zukunft liegen.";
        }
        if (feld.nichtInVergangenheit() && datum.isBefore(heute)) {
          return "darf nicht in der Vergangenheit liegen.";
        }
        if (datum.getYear() < 1900 || datum.getYear() > heute.getYear() + 5) {
          return "Jahr unplausibel.";
        }
        return null;
      }
      case "select", "radio" -> {
        if (!wert.isTextual()) {
          return "ungültige Auswahl.";
        }
        Collection<String> erlaubt = feld.werteVariable() != null ? optionen.apply(feld.werteVariable()) : feld.werte();
        return erlaubt.contains(wert.asText()) ? null : "ungültige Auswahl „" + kurz(wert.asText()) + "“.";
      }
      case "checkbox" -> {
        return wert.isBoolean() ? null : "ja oder nein erwartet.";
      }
      case "checklist", "taglist" -> {
        JsonNode liste = alsListe(wert);
        if (liste == null) {
          return "Liste erwartet.";
        }
        Collection<String> erlaubt = feld.werteVariable() != null ? optionen.apply(feld.werteVariable()) : feld.werte();
        for (JsonNode element : liste) {
          if (!erlaubt.contains(element.asText())) {
            return "ungültige Auswahl „" + kurz(element.asText()) + "“.";
          }
        }
        return null;
      }
      case "dynamiclist" -> {
        return pruefeZeilen(feld, wert, optionen, heute, entwurf);
      }
      default -> {
        return null;
      }
    }
  }

  /** A JSON list as submitted: the value itself or (REST, Tasklist) its JSON text; null if it is none. */
  private static JsonNode alsListe(JsonNode wert) {
    JsonNode liste = wert;
    if (wert.isTextual()) {
      try {
        liste = JSON.readTree(wert.asText());
      } catch (Exception e) {
        return null;
      }
    }
    return liste != null && liste.isArray() ? liste : null;
  }

  /** Each row of a dynamic list by the rules of its columns; a row holds only the form's columns. */
  private static String pruefeZeilen(
      FormularFeld feld, JsonNode wert, Function<String, Set<String>> optionen, LocalDate heute, boolean entwurf) {
    JsonNode liste = alsListe(wert);
    if (liste == null) {
      return "Liste erwartet.";
    }
    if (liste.size() > MAX_ZEILEN) {
      return "höchstens " + MAX_ZEILEN + " Zeilen erlaubt.";
    }
    Map<String, FormularFeld> spalten = new java.util.LinkedHashMap<>();
    feld.spalten().forEach(s -> spalten.put(s.key(), s));
    List<String> fehler = new ArrayList<>();
    int nummer = 0;
    for (JsonNode zeile : liste) {
      nummer++;
      if (!zeile.isObject()) {
        fehler.add("Zeile " + nummer + " ist ungültig.");
        continue;
      }
      for (var eintrag : (Iterable<Map.Entry<String, JsonNode>>) zeile::fields) {
        if (!spalten.containsKey(eintrag.getKey())) {
          fehler.add("Zeile " + nummer + ": das Feld „" + kurz(eintrag.getKey()) + "“ gehört nicht zu dieser Liste.");
        }
      }
      for (FormularFeld spalte : spalten.values()) {
        JsonNode zelle = zeile.get(spalte.key());
        boolean leer = zelle == null || zelle.isNull() || (zelle.isTextual() && zelle.asText().isBlank());
        if (leer) {
          if (!entwurf && spalte.pflicht()) {
            fehler.add("Zeile " + nummer + ", " + spalte.bezeichnung() + ": Pflichtfeld, bitte ausfüllen.");
          }
          continue;
        }
        com.fasterxml.jackson.databind.node.ObjectNode eintrag = JSON.createObjectNode();
        eintrag.put("type", "");
        eintrag.set("value", zelle);
        String meldung = pruefeWert(spalte, eintrag, zelle, optionen, heute, entwurf);
        if (meldung != null) {
          fehler.add("Zeile " + nummer + ", " + spalte.bezeichnung() + ": " + meldung);
        }
      }
    }
    if (fehler.size() > 10) {
      // the first ten say what is wrong; a flood of them (one per unknown column) says nothing more
      fehler = new ArrayList<>(fehler.subList(0, 10));
      fehler.add("… und weitere.");
    }
    return fehler.isEmpty() ? null : String.join(" ", fehler);
  }

  private static String zahlText(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static String kurz(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
