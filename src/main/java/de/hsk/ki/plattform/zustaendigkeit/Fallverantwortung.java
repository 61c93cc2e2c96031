package de.hsk.ki.plattform.zustaendigkeit;

import de.hsk.ki.plattform.datenschutz.Falldaten;
import de.hsk.ki.plattform.zeit.Zeit;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The responsible caseworker of a case (issue 17). Per case and KI group, the first member of the
 * group who completes a task of the case for that group becomes responsible for it; later tasks of the
 * case for that group go to that person first ({@link Vorbelegung}). The case's responsible caseworker
 * is the one of its first counselling group ({@link Zustaendigkeitsregeln#beratungsgruppen()}); a
 * process without counselling groups names the one of its first group. Every change is logged in
 * ki_fallverantwortung_verlauf (who held which case when).
 */
@Service
public class Fallverantwortung implements Falldaten, de.hsk.ki.plattform.person.Fallzustaendigkeit {

  private static final Logger LOG = LoggerFactory.getLogger(Fallverantwortung.class);

  /** One case's responsibility within one group. */
  public record Verantwortung(String aktenzeichen, String gruppe, String benutzer, boolean fallverantwortlich) {}

  /** A row of the log: who held the case for the group from when to when (bis empty: still). */
  public record Verlaufseintrag(String aktenzeichen, String gruppe, String benutzer, Timestamp von, Timestamp bis, String grund) {
    /** Berlin time, as everywhere staff read times (the server runs in UTC). */
    public String vonText() {
      return de.hsk.ki.plattform.zeit.Zeit.anzeige(von == null ? null : von.toInstant());
    }

    public String bisText() {
      return bis == null ? "bis heute" : de.hsk.ki.plattform.zeit.Zeit.anzeige(bis.toInstant());
    }
  }

  private final JdbcTemplate jdbc;
  private final Zustaendigkeitsregeln regeln;
  private final org.springframework.beans.factory.ObjectProvider<FruehereFaelle> fruehere;

  public Fallverantwortung(JdbcTemplate jdbc, Zustaendigkeitsregeln regeln,
      org.springframework.beans.factory.ObjectProvider<FruehereFaelle> fruehere) {
    this.jdbc = jdbc;
    this.regeln = regeln;
    this.fruehere = fruehere;
  }

  // ---- the shared contract (BRIEF.md) ---------------------------------------------------------

  /** User id of the case's responsible caseworker. */
  @Override
  public Optional<String> zustaendig(String aktenzeichen) {
    return jdbc.queryForList("SELECT benutzer FROM ki_fallverantwortung WHERE aktenzeichen = ? AND fallverantwortlich = TRUE",
        String.class, aktenzeichen).stream().findFirst();
  }

  /** Case numbers of the open cases the user is the responsible caseworker of, oldest responsibility first. */
  @Override
  public List<String> faelleVon(String benutzer) {
    return jdbc.queryForList("SELECT f.aktenzeichen FROM ki_fallverantwortung f WHERE f.benutzer = ? AND f.fallverantwortlich = TRUE"
        + " AND EXISTS (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = f.aktenzeichen AND p.END_TIME_ IS NULL)"
        + " ORDER BY f.seit, f.aktenzeichen", String.class, benutzer);
  }

  /** The stand-in of a user who is absent today (an absence that has begun and not yet ended). */
  public Optional<String> vertretungFuer(String benutzer) {
    return laufendeAbwesenheit(benutzer).map(LaufendeAbwesenheit::vertretung);
  }

  // ---- per group -------------------------------------------------------------------------------

  public Optional<String> verantwortlich(String aktenzeichen, String gruppe) {
    return jdbc.queryForList("SELECT benutzer FROM ki_fallverantwortung WHERE aktenzeichen = ? AND gruppe = ?", String.class,
        aktenzeichen, gruppe).stream().findFirst();
  }

  public List<Verantwortung> verantwortungen(String aktenzeichen) {
    return jdbc.query("SELECT aktenzeichen, gruppe, benutzer, fallverantwortlich FROM ki_fallverantwortung WHERE aktenzeichen = ?"
        + " ORDER BY seit, gruppe", (rs, i) -> new Verantwortung(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
        aktenzeichen);
  }

  /** Every responsibility the user holds in an open case (for a handover). */
  public List<Verantwortung> offeneVon(String benutzer) {
    return jdbc.query("SELECT f.aktenzeichen, f.gruppe, f.benutzer, f.fallverantwortlich FROM ki_fallverantwortung f WHERE f.benutzer = ?"
        + " AND EXISTS (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = f.aktenzeichen AND p.END_TIME_ IS NULL)"
        + " ORDER BY f.aktenzeichen, f.gruppe",
        (rs, i) -> new Verantwortung(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)), benutzer);
  }

  /**
   * Whom an earlier case of the same person had for this group: the latest earlier case with a
   * responsible for the group (a later case of the same person prefers the earlier caseworker).
   */
  public Optional<String> frueherVerantwortlich(String aktenzeichen, String gruppe) {
    List<String> faelle = frueher(aktenzeichen);
    if (faelle.isEmpty()) {
      return Optional.empty();
    }
    String in = String.join(",", Collections.nCopies(faelle.size(), "?"));
    List<Object> parameter = new ArrayList<>(faelle);
    parameter.add(gruppe);
    List<Verantwortung> treffer = jdbc.query("SELECT aktenzeichen, gruppe, benutzer, fallverantwortlich FROM ki_fallverantwortung"
        + " WHERE aktenzeichen IN (" + in + ") AND gruppe = ?",
        (rs, i) -> new Verantwortung(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)), parameter.toArray());
    for (int i = faelle.size() - 1; i >= 0; i--) {
      String fall = faelle.get(i);
      var t = treffer.stream().filter(v -> v.aktenzeichen().equals(fall)).findFirst();
      if (t.isPresent()) {
        return Optional.of(t.get().benutzer());
      }
    }
    return Optional.empty();
  }

  /** The responsible caseworker of the latest earlier case of the same person, with the group they held it for. */
  public Optional<Verantwortung> bisherige(String aktenzeichen) {
    List<String> faelle = frueher(aktenzeichen);
    for (int i = faelle.size() - 1; i >= 0; i--) {
      var v = verantwortungen(faelle.get(i)).stream().filter(Verantwortung::fallverantwortlich).findFirst();
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /**
   * For decision tables (the transition team): the group of the earlier caseworker of the same
   * person, or null when there is none.
   */
  public String bisherigeGruppe(String aktenzeichen) {
    return bisherige(aktenzeichen).map(Verantwortung::gruppe).orElse(null);
  }

  /** Earlier cases of the case's person, oldest first, without the case itself. */
  private List<String> frueher(String aktenzeichen) {
    FruehereFaelle quelle = fruehere.getIfAvailable();
    if (quelle == null || aktenzeichen == null) {
      return List.of();
    }
    List<String> faelle = new ArrayList<>(quelle.faelleDerselbenPerson(aktenzeichen));
    int eigener = faelle.indexOf(aktenzeichen);
    // only cases before this one count; without this case in the list all of them do
    return eigener < 0 ? faelle : new ArrayList<>(faelle.subList(0, eigener));
  }

  /**
   * The person completed a task of the case for the group: the first one becomes responsible. When
   * the one recorded has left the group since, the person takes over. Returns whether anything changed.
   */
  boolean festhalten(String aktenzeichen, String gruppe, String benutzer, boolean prozessHatBeratung,
      java.util.function.Predicate<String> nochMitglied) {
    Optional<String> bisher = verantwortlich(aktenzeichen, gruppe);
    if (bisher.isPresent()) {
      if (!bisher.get().equals(benutzer) && !nochMitglied.test(bisher.get())) {
        uebertragen(aktenzeichen, gruppe, bisher.get(), benutzer, "Bisherige Person gehört der Gruppe nicht mehr an");
        return true;
      }
      return false;
    }
    boolean beratung = regeln.beratungsgruppen().contains(gruppe);
    Timestamp jetzt = Zeit.jetzt();
    // the case's responsible: the first counselling group's; where the process has no counselling group, the first group's
    boolean fallverantwortlich;
    List<Verantwortung> vorhanden = verantwortungen(aktenzeichen);
    Optional<Verantwortung> markiert = vorhanden.stream().filter(Verantwortung::fallverantwortlich).findFirst();
    if (markiert.isEmpty()) {
      fallverantwortlich = beratung || !prozessHatBeratung;
    } else {
      fallverantwortlich = beratung && !regeln.beratungsgruppen().contains(markiert.get().gruppe());
      if (fallverantwortlich) {
        jdbc.update("UPDATE ki_fallverantwortung SET fallverantwortlich = FALSE WHERE aktenzeichen = ?", aktenzeichen);
      }
    }
    try {
      jdbc.update("INSERT INTO ki_fallverantwortung (aktenzeichen, gruppe, benutzer, fallverantwortlich, seit, uebernommen_am)"
          + " VALUES (?, ?, ?, ?, ?, ?)", aktenzeichen, gruppe, benutzer, fallverantwortlich, jetzt, jetzt);
    } catch (org.springframework.dao.DuplicateKeyException gleichzeitig) {
      // two tasks of the group completed at the same moment: the other one was first
      return false;
    }
    verlauf(aktenzeichen, gruppe, benutzer, jetzt, "Erste erledigte Aufgabe der Gruppe");
    return true;
  }

  /** Moves the case's responsibility for the group from one person to another, with a log entry. */
  public boolean uebertragen(String aktenzeichen, String gruppe, String von, String an, String grund) {
    Timestamp jetzt = Zeit.jetzt();
    int geaendert = jdbc.update("UPDATE ki_fallverantwortung SET benutzer = ?, uebernommen_am = ? WHERE aktenzeichen = ? AND gruppe = ? AND benutzer = ?",
        an, jetzt, aktenzeichen, gruppe, von);
    if (geaendert == 0) {
      return false;
    }
    jdbc.update("UPDATE ki_fallverantwortung_verlauf SET bis = ? WHERE aktenzeichen = ? AND gruppe = ? AND benutzer = ? AND bis IS NULL",
        jetzt, aktenzeichen, gruppe, von);
    verlauf(aktenzeichen, gruppe, an, jetzt, grund);
    return true;
  }

  private void verlauf(String aktenzeichen, String gruppe, String benutzer, Timestamp von, String grund) {
    jdbc.update("INSERT INTO ki_fallverantwortung_verlauf (aktenzeichen, gruppe, benutzer, von, grund) VALUES (?, ?, ?, ?, ?)",
        aktenzeichen, gruppe, benutzer, von, grund.length() > 200 ? grund.substring(0, 200) : grund);
  }

  /** The log, newest first; filtered by case number and/or user when given. */
  public List<Verlaufseintrag> verlauf(String aktenzeichen, String benutzer, int hoechstens) {
    StringBuilder sql = new StringBuilder("SELECT aktenzeichen, gruppe, benutzer, von, bis, grund FROM ki_fallverantwortung_verlauf WHERE 1 = 1");
    List<Object> parameter = new ArrayList<>();
    if (aktenzeichen != null && !aktenzeichen.isBlank()) {
      sql.append(" AND aktenzeichen = ?");
      parameter.add(aktenzeichen.strip());
    }
    if (benutzer != null && !benutzer.isBlank()) {
      sql.append(" AND benutzer = ?");
      parameter.add(benutzer.strip());
    }
    sql.append(" ORDER BY von DESC, id DESC");
    var zeilen = jdbc.query(sql.toString(), (rs, i) -> new Verlaufseintrag(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getTimestamp(4), rs.getTimestamp(5), rs.getString(6)), parameter.toArray());
    return zeilen.size() > hoechstens ? zeilen.subList(0, hoechstens) : zeilen;
  }

  // ---- absences (read side; Abwesenheit writes) -----------------------------------------------------

  record LaufendeAbwesenheit(long id, String benutzer, String vertretung) {}

  Optional<LaufendeAbwesenheit> laufendeAbwesenheit(String benutzer) {
    LocalDate heute = Zeit.heute();
    return jdbc.query("SELECT id, benutzer, vertretung FROM ki_abwesenheit WHERE benutzer = ? AND status = 'LAUFEND' AND von <= ? AND bis >= ?"
        + " ORDER BY von DESC", (rs, i) -> new LaufendeAbwesenheit(rs.getLong(1), rs.getString(2), rs.getString(3)),
        benutzer, java.sql.Date.valueOf(heute), java.sql.Date.valueOf(heute)).stream().findFirst();
  }

  /** The running absence through which the stand-in holds the case's responsibility for the group, if so. */
  Optional<Long> vertretungsAbwesenheit(String aktenzeichen, String gruppe, String vertretung) {
    return jdbc.queryForList("SELECT a.id FROM ki_abwesenheit a JOIN ki_abwesenheit_uebergabe u ON u.abwesenheit = a.id"
        + " WHERE a.status = 'LAUFEND' AND a.vertretung = ? AND u.aktenzeichen = ? AND u.gruppe = ?", Long.class,
        vertretung, aktenzeichen, gruppe).stream().findFirst();
  }

  void vermerkeUebergabe(long abwesenheit, String aktenzeichen, String aufgabe, String gruppe) {
    jdbc.update("INSERT INTO ki_abwesenheit_uebergabe (abwesenheit, aktenzeichen, aufgabe, gruppe) VALUES (?, ?, ?, ?)",
        abwesenheit, aktenzeichen, aufgabe, gruppe);
  }

  // ---- erasure and retention ---------------------------------------------------------------------

  @Override
  public int loescheFall(String aktenzeichen) {
    return jdbc.update("DELETE FROM ki_fallverantwortung WHERE aktenzeichen = ?", aktenzeichen)
        + jdbc.update("DELETE FROM ki_fallverantwortung_verlauf WHERE aktenzeichen = ?", aktenzeichen)
        + jdbc.update("DELETE FROM ki_abwesenheit_uebergabe WHERE aktenzeichen = ?", aktenzeichen);
  }

  /**
   * Rows of cases the engine's history cleanup has removed (after their time to live) go too, and
   * absences that ended longer ago than the retention period. Daily after the cleanup window.
   */
  @Scheduled(cron = "0 55 5 * * *")
  public int bereinigen() {
    String ohneFall = " WHERE aktenzeichen IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = %s.aktenzeichen)";
    int geloescht = jdbc.update("DELETE FROM ki_fallverantwortung" + ohneFall.formatted("ki_fallverantwortung"));
    geloescht += jdbc.update("DELETE FROM ki_fallverantwortung_verlauf" + ohneFall.formatted("ki_fallverantwortung_verlauf"));
    geloescht += jdbc.update("DELETE FROM ki_abwesenheit_uebergabe" + ohneFall.formatted("ki_abwesenheit_uebergabe"));
    LocalDate grenze = Zeit.heute().minus(regeln.abwesenheitAufbewahrung());
    geloescht += jdbc.update("DELETE FROM ki_abwesenheit WHERE status IN ('BEENDET', 'ABGESAGT') AND bis < ?", java.sql.Date.valueOf(grenze));
    if (geloescht > 0) {
      LOG.info("{} responsibility or absence record(s) past their retention deleted", geloescht);
    }
    return geloescht;
  }
}
