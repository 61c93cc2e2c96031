package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.plattform.datenschutz.Falldaten;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregeln;
import de.hsk.ki.plattform.person.Kandidat;
import de.hsk.ki.plattform.person.Personenmerkmale;
import de.hsk.ki.plattform.person.Personenregister;
import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstieg;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The report lists: upload, the column mapping per sender, the preview (every row by the report
 * form's rules, duplicate candidates, the families the list implies) and the confirmation that
 * hands the good rows to {@link Meldelistenstart}. Rows hold children's data: they are erased with
 * their case ({@link Falldaten}) and, for rows that became no case, after the retention period.
 */
@Service
public class Meldelisten implements Falldaten {

  private static final Logger LOG = LoggerFactory.getLogger(Meldelisten.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Offices that send lists, with the report form's value of "Meldende Stelle". */
  public static final Map<String, String> STELLEN = new LinkedHashMap<>(Map.of());

  static {
    STELLEN.put("EINWOHNERMELDEAMT", "Einwohnermeldeamt / Bürgerbüro");
    STELLEN.put("SCHULVERWALTUNG", "Schulverwaltungsamt");
  }

  public static final String VORSCHAU = "VORSCHAU";
  public static final String START = "START";
  public static final String FERTIG = "FERTIG";

  private final JdbcTemplate jdbc;
  private final Formularregeln formularregeln;
  private final Personenregister register;
  private final TransactionTemplate transaktion;
  private final Period aufbewahrung;

  public Meldelisten(JdbcTemplate jdbc, Formularregeln formularregeln, Personenregister register, PlatformTransactionManager tm,
      @Value("${ki.meldelisten.aufbewahrung:P90D}") String aufbewahrung) {
    this.jdbc = jdbc;
    this.formularregeln = formularregeln;
    this.register = register;
    this.transaktion = new TransactionTemplate(tm);
    this.aufbewahrung = Period.parse(aufbewahrung);
  }

  public record Liste(long id, String hash, String kommune, String stelle, String dateiname, List<String> kopf,
      Spaltenzuordnung zuordnung, String status, String hochgeladenVon, Instant hochgeladenAm, String bestaetigtVon,
      LocalDate terminDatum, String terminUhrzeit, String terminOrt, String terminAdresse) {

    public String absender() {
      return absenderVon(kommune, stelle);
    }

    public boolean vorschau() {
      return VORSCHAU.equals(status);
    }
  }

  static String absenderVon(String kommune, String stelle) {
    return kommune + ":" + stelle;
  }

  /** The result of an upload: the list, and whether the same file had been uploaded before. */
  public record Hochgeladen(Liste liste, boolean schonBekannt) {}

  /** Stores a read list with the mapping proposed for its sender; the same file again returns the earlier list. */
  public Hochgeladen hochladen(Meldelistendatei.Tabelle tabelle, String kommune, String stelle, String dateiname, String benutzer) {
    Optional<Liste> frueher = zumHash(tabelle.hash());
    if (frueher.isPresent()) {
      return new Hochgeladen(frueher.get(), true);
    }
    Spaltenzuordnung zuordnung = Spaltenzuordnung.vorschlagen(tabelle.kopf(), gemerkt(absenderVon(kommune, stelle)).orElse(null));
    try {
      long id = transaktion.execute(s -> {
        var schluessel = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
          var st = con.prepareStatement("INSERT INTO ki_meldeliste (inhalt_hash, kommune, stelle, dateiname, kopf, zuordnung, status,"
              + " hochgeladen_von, hochgeladen_am) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
          st.setString(1, tabelle.hash());
          st.setString(2, kommune);
          st.setString(3, stelle);
          st.setString(4, dateiname.length() > 200 ? dateiname.substring(0, 200) : dateiname);
          st.setString(5, json(tabelle.kopf()));
          st.setString(6, zuordnung.alsJson());
          st.setString(7, VORSCHAU);
          st.setString(8, benutzer);
          st.setTimestamp(9, Zeit.jetzt());
          return st;
        }, schluessel);
        long neu = schluessel.getKey().longValue();
        List<Object[]> zeilen = new ArrayList<>();
        for (int i = 0; i < tabelle.zeilen().size(); i++) {
          zeilen.add(new Object[] {neu, i + 1, json(tabelle.zeilen().get(i)), "NEU"});
        }
        jdbc.batchUpdate("INSERT INTO ki_meldeliste_zeile (liste, nr, roh, zustand) VALUES (?, ?, ?, ?)", zeilen);
        return neu;
      });
      return new Hochgeladen(liste(id).orElseThrow(), false);
    } catch (DuplicateKeyException gleichzeitig) {
      return new Hochgeladen(zumHash(tabelle.hash()).orElseThrow(), true);
    }
  }

  public Optional<Liste> liste(long id) {
    return jdbc.query("SELECT * FROM ki_meldeliste WHERE id = ?", this::alsListe, id).stream().findFirst();
  }

  Optional<Liste> zumHash(String hash) {
    return jdbc.query("SELECT * FROM ki_meldeliste WHERE inhalt_hash = ?", this::alsListe, hash).stream().findFirst();
  }

  /** The lists, newest first, with their counts (for the page). */
  public record Eintrag(Liste liste, int zeilen, int gestartet) {}

  public List<Eintrag> listen(int hoechstens) {
    Map<Long, int[]> zahlen = new HashMap<>();
    jdbc.query("SELECT liste, COUNT(*) AS n, SUM(CASE WHEN zustand = 'GESTARTET' THEN 1 ELSE 0 END) AS g FROM ki_meldeliste_zeile GROUP BY liste",
        rs -> {
          zahlen.put(rs.getLong("liste"), new int[] {rs.getInt("n"), rs.getInt("g")});
        });
    return jdbc.query("SELECT * FROM ki_meldeliste ORDER BY hochgeladen_am DESC, id DESC", this::alsListe).stream().limit(hoechstens)
        .map(l -> new Eintrag(l, zahlen.getOrDefault(l.id(), new int[2])[0], zahlen.getOrDefault(l.id(), new int[2])[1])).toList();
  }

  private Liste alsListe(ResultSet rs, int i) throws SQLException {
    java.sql.Date termin = rs.getDate("termin_datum");
    Timestamp am = rs.getTimestamp("hochgeladen_am");
    return new Liste(rs.getLong("id"), rs.getString("inhalt_hash"), rs.getString("kommune"), rs.getString("stelle"),
        rs.getString("dateiname"), liste(rs.getString("kopf")), Spaltenzuordnung.ausJson(rs.getString("zuordnung")),
        rs.getString("status"), rs.getString("hochgeladen_von"), am == null ? null : am.toInstant(), rs.getString("bestaetigt_von"),
        termin == null ? null : termin.toLocalDate(), rs.getString("termin_uhrzeit"), rs.getString("termin_ort"),
        rs.getString("termin_adresse"));
  }

  /** The sender's remembered mapping. */
  public Optional<Spaltenzuordnung> gemerkt(String absender) {
    return jdbc.queryForList("SELECT zuordnung FROM ki_meldeliste_zuordnung WHERE absender = ?", String.class, absender).stream()
        .findFirst().map(Spaltenzuordnung::ausJson);
  }

  /** Sets the list's mapping and remembers it for the sender (only before the start). */
  public void zuordnen(Liste liste, Spaltenzuordnung zuordnung, String benutzer) {
    if (!liste.vorschau()) {
      throw new IllegalStateException("Liste ist schon bestätigt");
    }
    // remembered: the columns of this list as mapped now, plus what the sender's earlier lists had
    Map<String, Spaltenzuordnung.Ziel> spalten = new LinkedHashMap<>();
    gemerkt(liste.absender()).ifPresent(g -> g.spalten().forEach((k, z) -> {
      if (!liste.kopf().contains(k)) {
        spalten.put(k, z);
      }
    }));
    spalten.putAll(zuordnung.spalten());
    // a column left unmapped is remembered as such: the header is known, so no guess overrides it next time
    Set<String> ohne = new java.util.HashSet<>(gemerkt(liste.absender()).map(Spaltenzuordnung::ohne).orElse(Set.of()));
    ohne.removeAll(spalten.keySet());
    liste.kopf().stream().filter(k -> zuordnung.ziel(k) == null).forEach(ohne::add);
    String gemerktJson = new Spaltenzuordnung(spalten, ohne, zuordnung.sorgeform(), zuordnung.sprache()).alsJson();
    transaktion.executeWithoutResult(s -> {
      jdbc.update("UPDATE ki_meldeliste SET zuordnung = ? WHERE id = ? AND status = ?", zuordnung.alsJson(), liste.id(), VORSCHAU);
      if (jdbc.update("UPDATE ki_meldeliste_zuordnung SET zuordnung = ?, geaendert_von = ?, geaendert_am = ? WHERE absender = ?",
          gemerktJson, benutzer, Zeit.jetzt(), liste.absender()) == 0) {
        jdbc.update("INSERT INTO ki_meldeliste_zuordnung (absender, zuordnung, geaendert_von, geaendert_am) VALUES (?, ?, ?, ?)",
            liste.absender(), gemerktJson, benutzer, Zeit.jetzt());
      }
    });
  }

  // ---------------------------------------------------------------- preview

  /** A row of the preview: its values, the form's objections, candidates, family group and state. */
  public record Vorschauzeile(int nr, Map<String, Object> werte, List<EingabePruefung.Fehler> fehler, List<Kandidat> kandidaten,
      int gruppe, String schluessel, String zustand, String aktenzeichen, Long personNr, String meldung) {

    public boolean gut() {
      return "OK".equals(zustand) || "OFFEN".equals(zustand) || "GESTARTET".equals(zustand);
    }

    public String wert(String name) {
      Object w = werte.get(name);
      return w == null ? "" : w.toString();
    }

    /** The objection of a field, for the cell. */
    public String fehlerZu(String feld) {
      return fehler.stream().filter(f -> feld.equals(f.feld())).map(EingabePruefung.Fehler::meldung).findFirst().orElse(null);
    }
  }

  public record Familiengruppe(int nr, String erziehungsberechtigte, String anschrift, List<Integer> zeilen) {}

  public record Vorschau(List<Vorschauzeile> zeilen, List<Familiengruppe> familien) {
    public long anzahl(String zustand) {
      return zeilen.stream().filter(z -> z.zustand().equals(zustand)).count();
    }

    public long gute() {
      return zeilen.stream().filter(Vorschauzeile::gut).count();
    }

    public long fehlerhafte() {
      return zeilen.size() - gute();
    }

    public List<Vorschauzeile> mitKandidaten() {
      return zeilen.stream().filter(z -> !z.kandidaten().isEmpty()).toList();
    }
  }

  private record Gespeichert(int nr, List<String> roh, String zustand, String aktenzeichen, Long personNr, String meldung, Integer gruppe) {}

  private List<Gespeichert> gespeichert(long liste) {
    return jdbc.query("SELECT nr, roh, zustand, aktenzeichen, person_nr, meldung, gruppe FROM ki_meldeliste_zeile WHERE liste = ? ORDER BY nr",
        (rs, i) -> new Gespeichert(rs.getInt("nr"), rs.getString("roh") == null ? null : liste(rs.getString("roh")), rs.getString("zustand"),
            rs.getString("aktenzeichen"), (Long) rs.getObject("person_nr", Long.class), rs.getString("meldung"),
            (Integer) rs.getObject("gruppe", Integer.class)), liste);
  }

  /**
   * Every row by the rules of the report form, and before the start the duplicate candidates. After
   * the confirmation the rows show their state (started, case number) instead of candidates.
   */
  public Vorschau vorschau(Liste liste) {
    List<Gespeichert> gespeichert = gespeichert(liste.id());
    List<Meldezeile> zeilen = new ArrayList<>(gespeichert.size());
    for (Gespeichert g : gespeichert) {
      zeilen.add(g.roh() == null ? new Meldezeile(g.nr(), Map.of(), List.of())
          : Meldezeile.aus(g.nr(), liste.kopf(), g.roh(), liste.zuordnung(), liste.kommune(), liste.stelle()));
    }
    List<List<EingabePruefung.Fehler>> regeln = formularregeln.pruefeStarts(Seiteneinstieg.SCHLUESSEL,
        zeilen.stream().map(Meldezeile::werte).toList());
    List<String> schluessel = zeilen.stream().map(Meldezeile::schluessel).toList();
    Map<String, String> bereits = gestartet(schluessel);
    Map<String, Integer> ersteZeile = new HashMap<>();
    int[] gruppen = Familienbildung.gruppen(zeilen);
    List<Vorschauzeile> ergebnis = new ArrayList<>(zeilen.size());
    for (int i = 0; i < zeilen.size(); i++) {
      Meldezeile z = zeilen.get(i);
      Gespeichert g = gespeichert.get(i);
      List<EingabePruefung.Fehler> fehler = new ArrayList<>(z.vorab());
      Set<String> schonBenannt = new java.util.HashSet<>(z.vorab().stream().map(EingabePruefung.Fehler::feld).toList());
      regeln.get(i).stream().filter(f -> !schonBenannt.contains(f.feld())).forEach(fehler::add);
      String zustand;
      String aktenzeichen = g.aktenzeichen();
      String meldung = g.meldung();
      if (!liste.vorschau() && !"NEU".equals(g.zustand())) {
        zustand = g.zustand();
      } else if (!fehler.isEmpty()) {
        zustand = "FEHLER";
      } else if (ersteZeile.containsKey(schluessel.get(i))) {
        zustand = "DOPPELT";
        meldung = "Dasselbe Kind steht schon in Zeile " + ersteZeile.get(schluessel.get(i)) + " dieser Liste.";
      } else if (bereits.containsKey(schluessel.get(i))) {
        zustand = "BEREITS";
        aktenzeichen = bereits.get(schluessel.get(i));
        meldung = "Für dieses Kind wurde aus einer Meldeliste schon der Fall " + aktenzeichen + " angelegt.";
      } else {
        zustand = "OK";
      }
      if (fehler.isEmpty()) {
        ersteZeile.putIfAbsent(schluessel.get(i), z.nr());
      }
      ergebnis.add(new Vorschauzeile(z.nr(), z.werte(), fehler, List.of(), g.gruppe() != null ? g.gruppe() : gruppen[i],
          schluessel.get(i), zustand, aktenzeichen, g.personNr(), meldung));
    }
    if (liste.vorschau()) {
      ergebnis = mitKandidaten(ergebnis, liste.kommune());
    }
    return new Vorschau(ergebnis, familiengruppen(ergebnis));
  }

  /** Duplicate candidates of the good rows, looked up for all rows at once (one index query per 500 keys). */
  private List<Vorschauzeile> mitKandidaten(List<Vorschauzeile> zeilen, String kommune) {
    List<Vorschauzeile> gut = zeilen.stream().filter(z -> "OK".equals(z.zustand())).toList();
    List<List<Kandidat>> je = register.kandidaten(gut.stream().map(z -> new Personenmerkmale(z.wert("vorname"), z.wert("nachname"),
        LocalDate.parse(z.wert("geburtsdatum")), kommune)).toList());
    Map<Integer, List<Kandidat>> nachZeile = new HashMap<>();
    for (int i = 0; i < gut.size(); i++) {
      nachZeile.put(gut.get(i).nr(), je.get(i));
    }
    List<Vorschauzeile> neu = new ArrayList<>(zeilen.size());
    for (Vorschauzeile z : zeilen) {
      List<Kandidat> kandidaten = nachZeile.get(z.nr());
      neu.add(kandidaten == null ? z : new Vorschauzeile(z.nr(), z.werte(), z.fehler(),
          kandidaten.size() > 5 ? kandidaten.subList(0, 5) : kandidaten, z.gruppe(), z.schluessel(), z.zustand(), z.aktenzeichen(),
          z.personNr(), z.meldung()));
    }
    return neu;
  }

  /** Row keys that already started a case, with the case number. */
  private Map<String, String> gestartet(List<String> schluessel) {
    Map<String, String> gefunden = new HashMap<>();
    List<String> alle = schluessel.stream().distinct().toList();
    for (int von = 0; von < alle.size(); von += 500) {
      List<String> teil = alle.subList(von, Math.min(alle.size(), von + 500));
      String platzhalter = String.join(",", java.util.Collections.nCopies(teil.size(), "?"));
      jdbc.query("SELECT schluessel, aktenzeichen FROM ki_meldeliste_start WHERE schluessel IN (" + platzhalter + ")",
          rs -> {
            gefunden.put(rs.getString(1), rs.getString(2));
          }, teil.toArray());
    }
    return gefunden;
  }

  private static List<Familiengruppe> familiengruppen(List<Vorschauzeile> zeilen) {
    Map<Integer, List<Vorschauzeile>> nach = new LinkedHashMap<>();
    zeilen.forEach(z -> nach.computeIfAbsent(z.gruppe(), g -> new ArrayList<>()).add(z));
    List<Familiengruppe> ergebnis = new ArrayList<>();
    nach.forEach((g, z) -> ergebnis.add(new Familiengruppe(g, z.get(0).wert("erziehungsberechtigte"), z.get(0).wert("anschrift"),
        z.stream().map(Vorschauzeile::nr).toList())));
    return ergebnis;
  }

  // ---------------------------------------------------------------- confirmation

  /** The confirmation was refused; the message is German. */
  public static final class Abgelehnt extends RuntimeException {
    public Abgelehnt(String meldung) {
      super(meldung);
    }
  }

  /**
   * Fixes the rows as previewed now: the good rows become OFFEN with their values, family group and
   * duplicate decision, the others keep their reason; the list goes to START. Throws {@link Abgelehnt}
   * when a decision is missing or bad rows were not acknowledged.
   *
   * @param entscheidungen row number → "NEU" or the number of the person to link (rows with candidates)
   */
  public Vorschau bestaetigen(Liste liste, Map<Integer, String> entscheidungen, boolean fehlerhafteUebergehen, String benutzer) {
    if (!liste.vorschau()) {
      throw new Abgelehnt("Diese Liste ist schon bestätigt; es wird nichts ein zweites Mal angelegt.");
    }
    List<String> maengel = liste.zuordnung().maengel();
    if (!maengel.isEmpty()) {
      throw new Abgelehnt("Bitte zuerst die Spaltenzuordnung vervollständigen: " + String.join(" ", maengel));
    }
    Vorschau v = vorschau(liste);
    List<String> fehlend = new ArrayList<>();
    Map<Integer, Kandidat> verknuepft = new HashMap<>();
    for (Vorschauzeile z : v.zeilen()) {
      if (z.kandidaten().isEmpty() || !"OK".equals(z.zustand())) {
        continue;
      }
      String e = entscheidungen.get(z.nr());
      if (e == null || e.isBlank()) {
        fehlend.add(String.valueOf(z.nr()));
      } else if (!"NEU".equals(e)) {
        Optional<Kandidat> k = z.kandidaten().stream().filter(c -> String.valueOf(c.person()).equals(e)).findFirst();
        if (k.isEmpty()) {
          throw new Abgelehnt("Zeile " + z.nr() + ": die gewählte Person gehört nicht zu den angezeigten möglichen Doppelungen.");
        }
        verknuepft.put(z.nr(), k.get());
      }
    }
    if (!fehlend.isEmpty()) {
      throw new Abgelehnt("Bitte für jede Zeile mit möglicher Doppelung „bestehende Person verknüpfen“ oder „neu anlegen“ wählen"
          + " (Zeile " + String.join(", ", fehlend) + ").");
    }
    long gute = v.gute();
    if (gute == 0) {
      throw new Abgelehnt("Die Liste enthält keine Zeile, aus der ein Fall angelegt werden kann. Bitte den Fehlerbericht ansehen.");
    }
    if (v.fehlerhafte() > 0 && !fehlerhafteUebergehen) {
      throw new Abgelehnt("Die Liste hat " + v.fehlerhafte() + " Zeilen, die nicht angelegt werden können. Bitte bestätigen, dass nur die "
          + gute + " fehlerfreien Zeilen angelegt werden; die übrigen stehen im Fehlerbericht.");
    }
    transaktion.executeWithoutResult(s -> {
      if (jdbc.update("UPDATE ki_meldeliste SET status = ?, bestaetigt_von = ?, bestaetigt_am = ? WHERE id = ? AND status = ?",
          START, benutzer, Zeit.jetzt(), liste.id(), VORSCHAU) == 0) {
        throw new Abgelehnt("Diese Liste ist schon bestätigt; es wird nichts ein zweites Mal angelegt.");
      }
      List<Object[]> zeilen = new ArrayList<>();
      for (Vorschauzeile z : v.zeilen()) {
        Kandidat k = verknuepft.get(z.nr());
        String zustand = "OK".equals(z.zustand()) ? "OFFEN" : z.zustand();
        String meldung = z.meldung() != null ? z.meldung()
            : z.fehler().stream().map(EingabePruefung.Fehler::meldung).reduce((a, b) -> a + " " + b).orElse(null);
        zeilen.add(new Object[] {"OFFEN".equals(zustand) ? json(z.werte()) : null, z.schluessel(), z.gruppe(),
            k == null ? null : k.person(), zustand, meldung, z.aktenzeichen(), liste.id(), z.nr()});
      }
      jdbc.batchUpdate("UPDATE ki_meldeliste_zeile SET werte = ?, schluessel = ?, gruppe = ?, person_nr = ?, zustand = ?, meldung = ?,"
          + " aktenzeichen = ? WHERE liste = ? AND nr = ?", zeilen);
      // a family the register already knows (a linked person's) is used instead of creating one
      Map<Integer, Long> bekannt = new HashMap<>();
      for (Vorschauzeile z : v.zeilen()) {
        Kandidat k = verknuepft.get(z.nr());
        if (k != null && k.familie() != null) {
          bekannt.putIfAbsent(z.gruppe(), k.familie());
        }
      }
      bekannt.forEach((g, f) -> jdbc.update("INSERT INTO ki_meldeliste_familie (liste, gruppe, familien_nr) VALUES (?, ?, ?)",
          liste.id(), g, f));
    });
    LOG.info("Report list {} confirmed: {} rows to start, {} not started", liste.id(), gute, v.fehlerhafte());
    return v;
  }

  /** Progress of the start, for the page's indicator. */
  public record Stand(String status, int zuStarten, int gestartet, int offen, int nichtAngelegt) {
    public boolean fertig() {
      return FERTIG.equals(status);
    }
  }

  public Stand stand(Liste liste) {
    int[] n = new int[3];
    jdbc.query("SELECT zustand, COUNT(*) FROM ki_meldeliste_zeile WHERE liste = ? GROUP BY zustand", rs -> {
      switch (rs.getString(1)) {
        case "GESTARTET" -> n[0] += rs.getInt(2);
        case "OFFEN" -> n[1] += rs.getInt(2);
        default -> n[2] += rs.getInt(2);
      }
    }, liste.id());
    String status = liste(liste.id()).map(Liste::status).orElse(liste.status());
    return new Stand(status, n[0] + n[1], n[0], n[1], n[2]);
  }

  /** A row that did not become a case, for the error report: its cells as read and the reasons. */
  public record Fehlerzeile(int nr, List<String> zellen, String zustand, String gruende) {}

  public List<Fehlerzeile> fehlerzeilen(Liste liste) {
    List<Fehlerzeile> ergebnis = new ArrayList<>();
    if (liste.vorschau()) {
      Vorschau v = vorschau(liste);
      Map<Integer, List<String>> roh = new HashMap<>();
      gespeichert(liste.id()).forEach(g -> roh.put(g.nr(), g.roh()));
      for (Vorschauzeile z : v.zeilen()) {
        if (!z.gut()) {
          ergebnis.add(new Fehlerzeile(z.nr(), roh.get(z.nr()), z.zustand(), gruende(z)));
        }
      }
      return ergebnis;
    }
    for (Gespeichert g : gespeichert(liste.id())) {
      if (!Set.of("OFFEN", "GESTARTET").contains(g.zustand())) {
        ergebnis.add(new Fehlerzeile(g.nr(), g.roh(), g.zustand(), g.meldung()));
      }
    }
    return ergebnis;
  }

  private static String gruende(Vorschauzeile z) {
    return z.meldung() != null ? z.meldung()
        : String.join(" ", z.fehler().stream().map(EingabePruefung.Fehler::meldung).toList());
  }

  /** Started rows of a list with case number, family group and values (collective invitation). */
  public record GestarteteZeile(int nr, String aktenzeichen, int gruppe, Map<String, Object> werte) {}

  public List<GestarteteZeile> gestarteteZeilen(long liste) {
    // a child linked to a known one whose case runs belongs to the family's invitation too
    return jdbc.query("SELECT nr, aktenzeichen, gruppe, werte FROM ki_meldeliste_zeile WHERE liste = ?"
        + " AND (zustand = 'GESTARTET' OR (zustand = 'BEREITS' AND person_nr IS NOT NULL)) AND aktenzeichen IS NOT NULL ORDER BY gruppe, nr",
        (rs, i) -> new GestarteteZeile(rs.getInt("nr"), rs.getString("aktenzeichen"), rs.getInt("gruppe"),
            rs.getString("werte") == null ? Map.of() : karte(rs.getString("werte"))), liste);
  }

  void terminSetzen(long liste, LocalDate datum, String uhrzeit, String ort, String adresse) {
    jdbc.update("UPDATE ki_meldeliste SET termin_datum = ?, termin_uhrzeit = ?, termin_ort = ?, termin_adresse = ? WHERE id = ?",
        java.sql.Date.valueOf(datum), uhrzeit, ort, adresse, liste);
  }

  // ---------------------------------------------------------------- data protection

  @Override
  public int loescheFall(String aktenzeichen) {
    return jdbc.update("DELETE FROM ki_meldeliste_start WHERE aktenzeichen = ?", aktenzeichen)
        + jdbc.update("UPDATE ki_meldeliste_zeile SET roh = NULL, werte = NULL, meldung = NULL WHERE aktenzeichen = ?", aktenzeichen);
  }

  /**
   * The cells of a list are needed for the preview, the start and the error report; after the retention
   * period (ki.meldelisten.aufbewahrung, default 90 days) they go, the cases keep what they need.
   * Daily at 03:40; also callable by tests.
   */
  @Scheduled(cron = "0 40 3 * * *")
  public int bereinigen() {
    Timestamp grenze = Timestamp.from(java.time.ZonedDateTime.now(Zeit.UHR).minus(aufbewahrung).toInstant());
    int n = jdbc.update("UPDATE ki_meldeliste_zeile SET roh = NULL, werte = NULL, meldung = NULL WHERE roh IS NOT NULL AND zustand <> 'OFFEN'"
        + " AND liste IN (SELECT id FROM ki_meldeliste WHERE hochgeladen_am < ? AND status <> 'START')", grenze);
    if (n > 0) {
      LOG.info("Report lists: cells of {} rows older than {} erased", n, aufbewahrung);
    }
    return n;
  }

  // ---------------------------------------------------------------- JSON

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> liste(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> karte(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
