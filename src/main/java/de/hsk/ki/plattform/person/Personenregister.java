package de.hsk.ki.plattform.person;

import de.hsk.ki.plattform.datenschutz.Falldaten;
import de.hsk.ki.plattform.zeit.Zeit;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Persons and families, each once, and which case concerns whom (issue 17). Writes run in the
 * caller's transaction (the engine's when a case starts), so a case and its person link appear
 * together or not at all.
 */
@Service
public class Personenregister implements Falldaten {

  /** At most this many candidates are shown for one person. */
  static final int HOECHSTENS_KANDIDATEN = 10;

  public record Person(long nr, Long familie, String vorname, String nachname, LocalDate geburtsdatum, String kommune) {
    public Personenmerkmale merkmale() {
      return new Personenmerkmale(vorname, nachname, geburtsdatum, kommune);
    }

    public String name() {
      return merkmale().name();
    }
  }

  public record Familie(long nr, String erziehungsberechtigte, String anschrift, String telefon, String email, String kommune) {
    public Familienangaben angaben() {
      return new Familienangaben(erziehungsberechtigte, anschrift, telefon, email, kommune);
    }
  }

  /** A case of a person: case number and process key. */
  public record Fall(String aktenzeichen, long person, String prozess) {}

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate benannt;

  public Personenregister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.benannt = new NamedParameterJdbcTemplate(jdbc);
  }

  public long familieAnlegen(Familienangaben f) {
    var schluessel = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(con -> {
      var s = con.prepareStatement("INSERT INTO ki_familie (erziehungsberechtigte, anschrift, telefon, email, kommune, angelegt_am,"
          + " anschrift_schluessel) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"nr"});
      s.setString(1, kurz(f.erziehungsberechtigte(), 500));
      s.setString(2, kurz(f.anschrift(), 500));
      s.setString(3, kurz(f.telefon(), 100));
      s.setString(4, kurz(f.email(), 254));
      s.setString(5, kurz(f.kommune(), 64));
      s.setTimestamp(6, Zeit.jetzt());
      s.setString(7, kurz(anschriftSchluessel(f.anschrift()), 500));
      return s;
    }, schluessel);
    return schluessel.getKey().longValue();
  }

  public long personAnlegen(Personenmerkmale m, Long familie) {
    if (familie != null && familie(familie).isEmpty()) {
      throw new IllegalArgumentException("Familie " + familie + " ist nicht bekannt.");
    }
    var schluessel = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(con -> {
      var s = con.prepareStatement("INSERT INTO ki_person (familie_nr, vorname, nachname, geburtsdatum, kommune, angelegt_am)"
          + " VALUES (?, ?, ?, ?, ?, ?)", new String[] {"nr"});
      s.setObject(1, familie);
      s.setString(2, kurz(m.vorname(), 200));
      s.setString(3, kurz(m.nachname(), 200));
      s.setDate(4, m.geburtsdatum() == null ? null : Date.valueOf(m.geburtsdatum()));
      s.setString(5, kurz(m.kommune(), 64));
      s.setTimestamp(6, Zeit.jetzt());
      return s;
    }, schluessel);
    long nr = schluessel.getKey().longValue();
    schluesselSchreiben(nr, m);
    return nr;
  }

  /** Name or birth date corrected in a case: the person follows, and so does the duplicate index. */
  public void personAendern(long nr, Personenmerkmale m) {
    jdbc.update("UPDATE ki_person SET vorname = ?, nachname = ?, geburtsdatum = ?, kommune = ? WHERE nr = ?",
        kurz(m.vorname(), 200), kurz(m.nachname(), 200), m.geburtsdatum() == null ? null : Date.valueOf(m.geburtsdatum()),
        kurz(m.kommune(), 64), nr);
    jdbc.update("DELETE FROM ki_person_schluessel WHERE person_nr = ?", nr);
    schluesselSchreiben(nr, m);
  }

  public void familieAendern(long nr, Familienangaben f, String benutzer) {
    jdbc.update("UPDATE ki_familie SET erziehungsberechtigte = ?, anschrift = ?, telefon = ?, email = ?, kommune = ?,"
        + " geaendert_am = ?, geaendert_von = ?, anschrift_schluessel = ? WHERE nr = ?", kurz(f.erziehungsberechtigte(), 500),
        kurz(f.anschrift(), 500), kurz(f.telefon(), 100), kurz(f.email(), 254), kurz(f.kommune(), 64), Zeit.jetzt(), benutzer,
        kurz(anschriftSchluessel(f.anschrift()), 500), nr);
  }

  /**
   * The family a report belongs to when it names the same address and the same guardians (similar
   * spelling allowed) as a family already known: siblings reported one by one end up in one family.
   * The address alone is not enough (shared accommodation houses many families).
   */
  public Optional<Long> familieFinden(Familienangaben f) {
    String schluessel = anschriftSchluessel(f.anschrift());
    if (schluessel == null || f.erziehungsberechtigte() == null || f.erziehungsberechtigte().isBlank()) {
      return Optional.empty();
    }
    return jdbc.query("SELECT * FROM ki_familie WHERE anschrift_schluessel = ? ORDER BY nr", Personenregister::familie, schluessel)
        .stream()
        .filter(k -> k.erziehungsberechtigte() != null
            && Namensabgleich.aehnlichkeit(f.erziehungsberechtigte(), k.erziehungsberechtigte()) >= Namensabgleich.SEHR_AEHNLICH)
        .map(Familie::nr).findFirst();
  }

  /** "Musterweg 3, 59821 Arnsberg" and "musterweg 3,59821  Arnsberg" are one address; "Str." is "Straße". */
  static String anschriftSchluessel(String anschrift) {
    if (anschrift == null || anschrift.isBlank()) {
      return null;
    }
    String a = anschrift.toLowerCase(java.util.Locale.GERMAN).replace("ß", "ss").replace("ä", "ae").replace("ö", "oe")
        .replace("ü", "ue").replace("str.", "strasse");
    a = java.text.Normalizer.normalize(a, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    return a.replaceAll("[^a-z0-9]", "");
  }

  /** Moves a person into a family (e.g. a sibling found later). */
  public void familieZuordnen(long person, long familie) {
    jdbc.update("UPDATE ki_person SET familie_nr = ? WHERE nr = ?", familie, person);
  }

  public void fallZuordnen(String aktenzeichen, long person, String prozess) {
    if (jdbc.update("UPDATE ki_fall_person SET person_nr = ? WHERE aktenzeichen = ?", person, aktenzeichen) == 0) {
      jdbc.update("INSERT INTO ki_fall_person (aktenzeichen, person_nr, prozess, angelegt_am) VALUES (?, ?, ?, ?)", aktenzeichen,
          person, prozess, Zeit.jetzt());
    }
  }

  public Optional<Person> person(long nr) {
    return jdbc.query("SELECT * FROM ki_person WHERE nr = ?", Personenregister::person, nr).stream().findFirst();
  }

  public Optional<Familie> familie(long nr) {
    return jdbc.query("SELECT * FROM ki_familie WHERE nr = ?", Personenregister::familie, nr).stream().findFirst();
  }

  public List<Person> personenDerFamilie(long familie) {
    return jdbc.query("SELECT * FROM ki_person WHERE familie_nr = ? ORDER BY geburtsdatum, nr", Personenregister::person, familie);
  }

  public Optional<Long> personZumFall(String aktenzeichen) {
    return jdbc.queryForList("SELECT person_nr FROM ki_fall_person WHERE aktenzeichen = ?", Long.class, aktenzeichen).stream()
        .findFirst();
  }

  public Optional<Long> familieZumFall(String aktenzeichen) {
    return jdbc.queryForList("SELECT p.familie_nr FROM ki_fall_person f JOIN ki_person p ON p.nr = f.person_nr"
        + " WHERE f.aktenzeichen = ? AND p.familie_nr IS NOT NULL", Long.class, aktenzeichen).stream().findFirst();
  }

  /** Case numbers of the person, oldest first. */
  public List<String> faelleDerPerson(long person) {
    return jdbc.queryForList("SELECT aktenzeichen FROM ki_fall_person WHERE person_nr = ? ORDER BY angelegt_am, aktenzeichen",
        String.class, person);
  }

  /** All cases of all persons of the family, oldest first. */
  public List<Fall> faelleDerFamilie(long familie) {
    return jdbc.query("SELECT f.aktenzeichen, f.person_nr, f.prozess FROM ki_fall_person f JOIN ki_person p ON p.nr = f.person_nr"
        + " WHERE p.familie_nr = ? ORDER BY f.angelegt_am, f.aktenzeichen",
        (rs, i) -> new Fall(rs.getString(1), rs.getLong(2), rs.getString(3)), familie);
  }

  /** Families of the given cases, for lists of cases (one query, not one per case). */
  public Map<String, Long> familienDerFaelle(Collection<String> aktenzeichen) {
    Map<String, Long> familien = new java.util.HashMap<>();
    if (aktenzeichen.isEmpty()) {
      return familien;
    }
    for (List<String> teil : teile(new ArrayList<>(aktenzeichen))) {
      benannt.query("SELECT f.aktenzeichen, p.familie_nr FROM ki_fall_person f JOIN ki_person p ON p.nr = f.person_nr"
          + " WHERE f.aktenzeichen IN (:az) AND p.familie_nr IS NOT NULL", new MapSqlParameterSource("az", teil),
          (ResultSet rs) -> {
            familien.put(rs.getString(1), rs.getLong(2));
          });
    }
    return familien;
  }

  /** The persons of the given cases (one query per 500 cases). */
  public Map<String, Person> personenDerFaelle(Collection<String> aktenzeichen) {
    Map<String, Person> personen = new java.util.HashMap<>();
    for (List<String> teil : teile(new ArrayList<>(new java.util.LinkedHashSet<>(aktenzeichen)))) {
      benannt.query("SELECT f.aktenzeichen AS fall_az, p.* FROM ki_fall_person f JOIN ki_person p ON p.nr = f.person_nr"
          + " WHERE f.aktenzeichen IN (:az)", new MapSqlParameterSource("az", teil), (ResultSet rs) -> {
            personen.put(rs.getString("fall_az"), person(rs, 0));
          });
    }
    return personen;
  }

  /**
   * Possible duplicates of a person being entered, best first: persons sharing a name key (see
   * {@link Namensabgleich#schluessel}), judged by {@link Namensabgleich#verdacht}.
   */
  public List<Kandidat> kandidaten(Personenmerkmale m) {
    return kandidaten(List.of(m)).get(0);
  }

  /** The same for many persons at once (a report list): one lookup of the keys for all of them. */
  public List<List<Kandidat>> kandidaten(List<Personenmerkmale> liste) {
    Set<String> alle = new TreeSet<>();
    List<Set<String>> schluesselJe = new ArrayList<>();
    for (Personenmerkmale m : liste) {
      Set<String> s = suchschluessel(m);
      schluesselJe.add(s);
      alle.addAll(s);
    }
    Map<String, Set<Long>> personenJeSchluessel = new java.util.HashMap<>();
    Map<Long, Person> personen = new java.util.HashMap<>();
    for (List<String> teil : teile(new ArrayList<>(alle))) {
      benannt.query("SELECT s.schluessel, p.* FROM ki_person_schluessel s JOIN ki_person p ON p.nr = s.person_nr"
          + " WHERE s.schluessel IN (:s)", new MapSqlParameterSource("s", teil), (ResultSet rs) -> {
            Person p = person(rs, 0);
            personen.putIfAbsent(p.nr(), p);
            personenJeSchluessel.computeIfAbsent(rs.getString("schluessel"), k -> new LinkedHashSet<>()).add(p.nr());
          });
    }
    List<List<Kandidat>> ergebnis = new ArrayList<>();
    for (int i = 0; i < liste.size(); i++) {
      Personenmerkmale m = liste.get(i);
      Set<Long> nrn = new LinkedHashSet<>();
      schluesselJe.get(i).forEach(s -> nrn.addAll(personenJeSchluessel.getOrDefault(s, Set.of())));
      List<Kandidat> kandidaten = new ArrayList<>();
      for (Long nr : nrn) {
        Person p = personen.get(nr);
        Namensabgleich.verdacht(m.vorname(), m.nachname(), m.geburtsdatum(), m.kommune(), p.vorname(), p.nachname(),
            p.geburtsdatum(), p.kommune()).ifPresent(v -> kandidaten.add(new Kandidat(p.nr(), p.vorname(), p.nachname(),
            p.geburtsdatum(), p.kommune(), p.familie(), gewicht(v), v.grund())));
      }
      kandidaten.sort(Comparator.comparingDouble(Kandidat::aehnlichkeit).reversed().thenComparing(Kandidat::person));
      ergebnis.add(List.copyOf(kandidaten.subList(0, Math.min(HOECHSTENS_KANDIDATEN, kandidaten.size()))));
    }
    return ergebnis;
  }

  /** Strong suspicions (same birth date) before weak ones, each by name similarity. */
  private static double gewicht(Namensabgleich.Verdacht v) {
    double wert = v.stufe() == Namensabgleich.Stufe.STARK ? v.aehnlichkeit() : 0.8 * v.aehnlichkeit();
    return Math.round(wert * 1000) / 1000.0;
  }

  /** Records that a new person may be a known one; staff decide on the duplicate page. */
  public void verdachtMerken(long person, List<Kandidat> kandidaten) {
    for (Kandidat k : kandidaten) {
      if (k.person() != person) {
        jdbc.update("DELETE FROM ki_dublettenverdacht WHERE person_nr = ? AND kandidat_nr = ?", person, k.person());
        jdbc.update("INSERT INTO ki_dublettenverdacht (person_nr, kandidat_nr, aehnlichkeit, grund, angelegt_am) VALUES (?, ?, ?, ?, ?)",
            person, k.person(), k.aehnlichkeit(), k.grund(), Zeit.jetzt());
      }
    }
  }

  /** Case numbers and duplicate suspicions still open, newest first. */
  public record Verdacht(Person neu, Person bekannt, double aehnlichkeit, String grund) {}

  public List<Verdacht> offeneVerdachte() {
    return jdbc.query("SELECT person_nr, kandidat_nr, aehnlichkeit, grund FROM ki_dublettenverdacht ORDER BY angelegt_am DESC, person_nr",
        (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getString(4)}).stream()
        .flatMap(z -> person((Long) z[0]).flatMap(a -> person((Long) z[1]).map(b -> new Verdacht(a, b, (Double) z[2], (String) z[3])))
            .stream())
        .toList();
  }

  /** Staff decided the two are different persons. */
  public void verdachtVerwerfen(long person, long kandidat) {
    jdbc.update("DELETE FROM ki_dublettenverdacht WHERE person_nr = ? AND kandidat_nr = ?", person, kandidat);
  }

  /**
   * Staff decided the new person is the known one: its cases move to the known person, the known
   * person joins the new family if it had none, and the new entry goes.
   */
  public void zusammenfuehren(long neu, long bekannt) {
    Person n = person(neu).orElseThrow();
    Person b = person(bekannt).orElseThrow();
    jdbc.update("UPDATE ki_fall_person SET person_nr = ? WHERE person_nr = ?", bekannt, neu);
    if (b.familie() == null && n.familie() != null) {
      familieZuordnen(bekannt, n.familie());
    }
    jdbc.update("DELETE FROM ki_dublettenverdacht WHERE person_nr = ? OR kandidat_nr = ?", neu, neu);
    jdbc.update("DELETE FROM ki_person WHERE nr = ?", neu);
    if (n.familie() != null && !n.familie().equals(b.familie() == null ? n.familie() : b.familie())) {
      familieLoeschenWennLeer(n.familie());
    }
  }

  /** Erasure of a case (Falldaten): the link goes, and the person and family with it when nothing else refers to them. */
  @Override
  public int loescheFall(String aktenzeichen) {
    Optional<Long> person = personZumFall(aktenzeichen);
    int zeilen = jdbc.update("DELETE FROM ki_fall_person WHERE aktenzeichen = ?", aktenzeichen);
    if (person.isPresent()) {
      zeilen += personLoeschenWennOhneFall(person.get());
    }
    return zeilen;
  }

  /** Persons without a case (every case erased or expired) and empty families go; returns the rows removed. */
  public int personLoeschenWennOhneFall(long nr) {
    Integer faelle = jdbc.queryForObject("SELECT COUNT(*) FROM ki_fall_person WHERE person_nr = ?", Integer.class, nr);
    if (faelle != null && faelle > 0) {
      return 0;
    }
    Optional<Person> p = person(nr);
    jdbc.update("DELETE FROM ki_dublettenverdacht WHERE person_nr = ? OR kandidat_nr = ?", nr, nr);
    int zeilen = jdbc.update("DELETE FROM ki_person WHERE nr = ?", nr);
    if (p.isPresent() && p.get().familie() != null) {
      zeilen += familieLoeschenWennLeer(p.get().familie());
    }
    return zeilen;
  }

  private int familieLoeschenWennLeer(long familie) {
    Integer personen = jdbc.queryForObject("SELECT COUNT(*) FROM ki_person WHERE familie_nr = ?", Integer.class, familie);
    return personen != null && personen == 0 ? jdbc.update("DELETE FROM ki_familie WHERE nr = ?", familie) : 0;
  }

  private void schluesselSchreiben(long nr, Personenmerkmale m) {
    for (String s : schluessel(m.nachname())) {
      jdbc.update("INSERT INTO ki_person_schluessel (person_nr, schluessel) VALUES (?, ?)", nr, s);
    }
  }

  /**
   * The index holds the keys of the surname; a person being entered is looked up by the keys of
   * both names, so a known person whose given and surname were swapped is found too.
   */
  static Set<String> suchschluessel(Personenmerkmale m) {
    Set<String> s = new TreeSet<>(schluessel(m.vorname()));
    s.addAll(schluessel(m.nachname()));
    return s;
  }

  private static Set<String> schluessel(String name) {
    Set<String> s = new TreeSet<>();
    if (name != null && !name.isBlank()) {
      Namensabgleich.schluessel(name).stream().filter(k -> !k.isBlank()).map(k -> k.length() > 40 ? k.substring(0, 40) : k)
          .forEach(s::add);
    }
    return s;
  }

  private static List<List<String>> teile(List<String> werte) {
    List<List<String>> teile = new ArrayList<>();
    for (int i = 0; i < werte.size(); i += 500) {
      teile.add(werte.subList(i, Math.min(werte.size(), i + 500)));
    }
    return teile;
  }

  private static Person person(ResultSet rs, int zeile) throws SQLException {
    Date geboren = rs.getDate("geburtsdatum");
    long familienNr = rs.getLong("familie_nr");
    Long familie = rs.wasNull() ? null : familienNr;
    return new Person(rs.getLong("nr"), familie, rs.getString("vorname"), rs.getString("nachname"),
        geboren == null ? null : geboren.toLocalDate(), rs.getString("kommune"));
  }

  private static Familie familie(ResultSet rs, int zeile) throws SQLException {
    return new Familie(rs.getLong("nr"), rs.getString("erziehungsberechtigte"), rs.getString("anschrift"), rs.getString("telefon"),
        rs.getString("email"), rs.getString("kommune"));
  }

  private static String kurz(String s, int laenge) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    return t.length() > laenge ? t.substring(0, laenge) : t;
  }
}
