package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a sender's list fills which field of the report form, and the values for the
 * fields a list never has (custody, preferred language). Proposed from the header names when a
 * sender sends its first list, then remembered per sender (table ki_meldeliste_zuordnung).
 *
 * @param spalten header name → target field (only mapped columns)
 * @param ohne header names the clerk chose not to use (not guessed again for this sender)
 * @param sorgeform the custody for every row without a column (the report form's options)
 * @param sprache the preferred language for rows without one, as the clerk typed it; blank: none
 */
public record Spaltenzuordnung(Map<String, Ziel> spalten, java.util.Set<String> ohne, String sorgeform, String sprache) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Fields of the report form (form_se_meldung) a list can fill; address parts are joined. */
  public enum Ziel {
    VORNAME("Vorname"),
    NACHNAME("Nachname"),
    GEBURTSDATUM("Geburtsdatum"),
    STAATSANGEHOERIGKEIT("Staatsangehörigkeit"),
    ZUZUGSDATUM("Zuzugsdatum"),
    ANSCHRIFT("Anschrift (vollständig)"),
    STRASSE("Straße"),
    HAUSNUMMER("Hausnummer"),
    PLZ("Postleitzahl"),
    ORT("Ort"),
    ERZIEHUNGSBERECHTIGTE("Erziehungsberechtigte"),
    TELEFON("Telefon"),
    EMAIL("E-Mail"),
    SPRACHE("Bevorzugte Sprache"),
    SCHULBESUCHSJAHRE("Schulbesuchsjahre"),
    BEMERKUNG("Bemerkung");

    public final String bezeichnung;

    Ziel(String bezeichnung) {
      this.bezeichnung = bezeichnung;
    }

    public String getBezeichnung() {
      return bezeichnung;
    }
  }

  public static final String SORGEFORM_VORGABE = "ELTERN";

  public Spaltenzuordnung(Map<String, Ziel> spalten, String sorgeform, String sprache) {
    this(spalten, java.util.Set.of(), sorgeform, sprache);
  }

  public Spaltenzuordnung {
    spalten = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spalten));
    ohne = java.util.Set.copyOf(ohne);
    sorgeform = sorgeform == null || sorgeform.isBlank() ? SORGEFORM_VORGABE : sorgeform;
    sprache = sprache == null ? "" : sprache.strip();
  }

  /** The column of a target field, or -1. */
  public int spalte(List<String> kopf, Ziel ziel) {
    for (int i = 0; i < kopf.size(); i++) {
      if (spalten.get(kopf.get(i)) == ziel) {
        return i;
      }
    }
    return -1;
  }

  /** The target of a column, or null when it is not used. */
  public Ziel ziel(String ueberschrift) {
    return spalten.get(ueberschrift);
  }

  /**
   * The mapping for a list: what the sender's remembered mapping says for the headers it knows,
   * the header names for the others; a target is used once (the first column wins).
   */
  public static Spaltenzuordnung vorschlagen(List<String> kopf, Spaltenzuordnung gemerkt) {
    Map<String, Ziel> spalten = new LinkedHashMap<>();
    java.util.Set<Ziel> vergeben = java.util.EnumSet.noneOf(Ziel.class);
    java.util.Set<String> bekannt = gemerkt == null ? java.util.Set.of() : gemerkt.ohne();
    if (gemerkt != null) {
      for (String k : kopf) {
        Ziel z = gemerkt.spalten().get(k);
        if (z != null && vergeben.add(z)) {
          spalten.put(k, z);
        }
      }
    }
    for (String k : kopf) {
      if (spalten.containsKey(k) || bekannt.contains(k)) {
        continue; // a column the clerk left unmapped for this sender stays unmapped
      }
      Ziel z = erkennen(k);
      if (z != null && vergeben.add(z)) {
        spalten.put(k, z);
      }
    }
    return new Spaltenzuordnung(spalten, bekannt, gemerkt == null ? null : gemerkt.sorgeform(), gemerkt == null ? null : gemerkt.sprache());
  }

  /** A target field from a header name as offices write them ("Geb.-Datum", "Straße", "Name Erziehungsberechtigte"). */
  static Ziel erkennen(String ueberschrift) {
    String n = normal(ueberschrift);
    if (n.isEmpty()) {
      return null;
    }
    if (n.contains("erziehungsberecht") || n.contains("sorgeberecht") || n.startsWith("eltern") || n.contains("gesetzlich")
        || n.startsWith("mutter") || n.startsWith("vater")) {
      return Ziel.ERZIEHUNGSBERECHTIGTE;
    }
    if (n.contains("telefon") || n.equals("tel") || n.startsWith("telnr") || n.contains("handy") || n.contains("mobil")) {
      return Ziel.TELEFON;
    }
    if (n.contains("email") || n.equals("mail")) {
      return Ziel.EMAIL;
    }
    if (n.contains("geburtsdat") || n.startsWith("gebdat") || n.equals("geboren") || n.startsWith("geburtstag") || n.equals("gebam")
        || n.equals("geburt")) {
      return Ziel.GEBURTSDATUM;
    }
    if (n.contains("zuzug") || n.contains("einzug") || n.startsWith("eingereist") || n.startsWith("einreise")) {
      return Ziel.ZUZUGSDATUM;
    }
    if (n.contains("staatsang") || n.contains("nationalit") || n.contains("herkunftsland")) {
      return Ziel.STAATSANGEHOERIGKEIT;
    }
    if (n.contains("sprache")) {
      return Ziel.SPRACHE;
    }
    if (n.equals("plz") || n.contains("postleitzahl")) {
      return Ziel.PLZ;
    }
    if (n.startsWith("hausn") || n.equals("nr") || n.equals("hnr")) {
      return Ziel.HAUSNUMMER;
    }
    if (n.startsWith("strasse") || n.equals("str")) {
      return Ziel.STRASSE;
    }
    if (n.contains("anschrift") || n.contains("adresse")) {
      return Ziel.ANSCHRIFT;
    }
    if (n.equals("ort") || n.equals("wohnort") || n.equals("stadt") || n.equals("plzort")) {
      return Ziel.ORT;
    }
    if (n.startsWith("vorname") || n.startsWith("rufname")) {
      return Ziel.VORNAME;
    }
    if (n.startsWith("nachname") || n.startsWith("familienname") || n.startsWith("zuname") || n.equals("name")
        || n.startsWith("namedes") || n.equals("namekind")) {
      return Ziel.NACHNAME;
    }
    if (n.contains("schulbesuch") || n.equals("schuljahre")) {
      return Ziel.SCHULBESUCHSJAHRE;
    }
    if (n.startsWith("bemerkung") || n.startsWith("hinweis") || n.startsWith("anmerkung")) {
      return Ziel.BEMERKUNG;
    }
    return null;
  }

  static String normal(String text) {
    String s = text == null ? "" : text.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
        .replace("ß", "ss").replace("e-mail", "email");
    return s.replaceAll("[^a-z0-9]", "");
  }

  /** What the clerk checks before saving: each target once, names and birth date mapped. */
  public List<String> maengel() {
    List<String> maengel = new ArrayList<>();
    Map<Ziel, String> gesehen = new java.util.EnumMap<>(Ziel.class);
    spalten.forEach((k, z) -> {
      String vorher = gesehen.put(z, k);
      if (vorher != null) {
        maengel.add("„" + z.bezeichnung + "“ ist zwei Spalten zugeordnet („" + vorher + "“ und „" + k + "“). Bitte eine davon auf „nicht übernehmen“ setzen.");
      }
    });
    for (Ziel noetig : List.of(Ziel.VORNAME, Ziel.NACHNAME, Ziel.GEBURTSDATUM)) {
      if (!gesehen.containsKey(noetig)) {
        maengel.add("Keine Spalte für „" + noetig.bezeichnung + "“ zugeordnet.");
      }
    }
    if (!gesehen.containsKey(Ziel.ANSCHRIFT) && !gesehen.containsKey(Ziel.STRASSE)) {
      maengel.add("Keine Spalte für die Anschrift zugeordnet („Anschrift (vollständig)“ oder „Straße“).");
    }
    return maengel;
  }

  public String alsJson() {
    ObjectNode o = JSON.createObjectNode();
    ObjectNode s = o.putObject("spalten");
    spalten.forEach((k, z) -> s.put(k, z.name()));
    var o2 = o.putArray("ohne");
    ohne.stream().sorted().forEach(o2::add);
    o.put("sorgeform", sorgeform);
    o.put("sprache", sprache);
    return o.toString();
  }

  public static Spaltenzuordnung ausJson(String json) {
    try {
      JsonNode o = JSON.readTree(json);
      Map<String, Ziel> spalten = new LinkedHashMap<>();
      o.path("spalten").fields().forEachRemaining(e -> {
        try {
          spalten.put(e.getKey(), Ziel.valueOf(e.getValue().asText()));
        } catch (IllegalArgumentException unbekannt) {
          // a target a later version removed: the column is simply not used
        }
      });
      java.util.Set<String> ohne = new java.util.HashSet<>();
      o.path("ohne").forEach(k -> ohne.add(k.asText()));
      return new Spaltenzuordnung(spalten, ohne, o.path("sorgeform").asText(null), o.path("sprache").asText(""));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Spaltenzuordnung nicht lesbar", e);
    }
  }
}
