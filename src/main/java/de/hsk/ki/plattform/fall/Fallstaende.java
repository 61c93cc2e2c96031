package de.hsk.ki.plattform.fall;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.prozess.Prozesse;
import de.hsk.ki.plattform.zeit.Zeit;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Where cases stand, across every process (issue 17): the open tasks with the groups or persons that
 * hold them, what the case waits for and since when, and its next deadline (a task's due date or a
 * timer). Read in a few queries for many cases at once, for "Meine Vorgänge" and the family file.
 * Reads the engine's tables directly; the pages decide who may see what.
 */
@Service
public class Fallstaende {

  /** An open task of a case. */
  public record OffeneAufgabe(String id, String name, String bearbeitung, Set<String> gruppen, Instant seit, Instant faellig) {
    /** The person may take it up now: it is theirs, or unassigned for one of their groups. */
    public boolean fuer(String benutzer, Collection<String> meineGruppen) {
      return benutzer.equals(bearbeitung) || (bearbeitung == null && gruppen.stream().anyMatch(meineGruppen::contains));
    }

    public long tageOffen() {
      return Math.max(0, ChronoUnit.DAYS.between(seit.atZone(Zeit.ZONE).toLocalDate(), Zeit.heute()));
    }
  }

  /**
   * @param prozess the process key of the case (its root instance)
   * @param beendet the case has ended (no instance runs)
   * @param naechsteFrist the earliest due date of an open task or timer, null if none
   */
  public record Fallstand(String aktenzeichen, String prozess, String prozessname, boolean beendet, Instant begonnen, Instant geendet,
      List<OffeneAufgabe> aufgaben, Instant naechsteFrist, String kommune) {

    public boolean ueberfaellig() {
      return naechsteFrist != null && naechsteFrist.isBefore(Zeit.jetzt().toInstant());
    }

    public LocalDate fristTag() {
      return naechsteFrist == null ? null : naechsteFrist.atZone(Zeit.ZONE).toLocalDate();
    }

    /** What the case waits for, in German ("Schulamt seit 9 Tagen"), from the view of a person in the given groups. */
    public String wartetAuf(String benutzer, Collection<String> meineGruppen, java.util.function.Function<String, String> namen) {
      if (beendet) {
        return "abgeschlossen";
      }
      if (aufgaben.isEmpty()) {
        return naechsteFrist == null ? "keine offene Aufgabe" : "wartet auf eine Frist";
      }
      List<String> teile = new ArrayList<>();
      for (OffeneAufgabe a : aufgaben) {
        boolean bei = a.fuer(benutzer, meineGruppen);
        String wer = bei ? (benutzer.equals(a.bearbeitung()) ? "bei mir" : "bei meiner Gruppe")
            : a.bearbeitung() != null ? "bei " + namen.apply(a.bearbeitung())
            : a.gruppen().isEmpty() ? "offen" : String.join(", ", a.gruppen().stream().map(Fallstaende::gruppenname).toList());
        long tage = a.tageOffen();
        teile.add(wer + (tage == 0 ? " seit heute" : tage == 1 ? " seit 1 Tag" : " seit " + tage + " Tagen"));
      }
      return String.join("; ", new TreeSet<>(teile));
    }
  }

  /** A group as staff call it; a partner institution's group as "Partner". */
  static String gruppenname(String gruppe) {
    return de.hsk.ki.plattform.identitaet.Partnergruppen.istPartnergruppe(gruppe) ? "Partner" : KiGruppen.name(gruppe);
  }

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate benannt;
  private final Prozesse prozesse;

  public Fallstaende(JdbcTemplate jdbc, Prozesse prozesse) {
    this.jdbc = jdbc;
    this.benannt = new NamedParameterJdbcTemplate(jdbc);
    this.prozesse = prozesse;
  }

  /** The state of each case named, in the order given; unknown case numbers are left out. */
  public List<Fallstand> von(Collection<String> aktenzeichen) {
    Map<String, Fallstand> staende = new LinkedHashMap<>();
    List<String> liste = List.copyOf(new java.util.LinkedHashSet<>(aktenzeichen));
    for (int i = 0; i < liste.size(); i += 500) {
      staende.putAll(teil(liste.subList(i, Math.min(liste.size(), i + 500))));
    }
    List<Fallstand> ergebnis = new ArrayList<>();
    for (String az : liste) {
      if (staende.containsKey(az)) {
        ergebnis.add(staende.get(az));
      }
    }
    return ergebnis;
  }

  /**
   * Case numbers of open cases with an open task for the person or one of the groups (unassigned or
   * held by someone else), at most {@code hoechstens}.
   */
  public List<String> mitAufgabenFuer(String benutzer, Collection<String> gruppen, int hoechstens) {
    var p = new MapSqlParameterSource("benutzer", benutzer).addValue("gruppen", gruppen.isEmpty() ? List.of("-") : gruppen)
        .addValue("hoechstens", hoechstens);
    // the earliest deadlines first, so the cut-off never hides an overdue case
    return benannt.queryForList("SELECT e.business_key_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_"
        + " WHERE e.business_key_ IS NOT NULL AND (t.assignee_ = :benutzer OR EXISTS (SELECT 1 FROM act_ru_identitylink l"
        + " WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ IN (:gruppen)))"
        + " GROUP BY e.business_key_ ORDER BY MIN(t.due_date_) ASC NULLS LAST, e.business_key_ LIMIT :hoechstens", p, String.class);
  }

  /** Case numbers of open cases in which the person holds a task. */
  public List<String> mitAufgabenBei(String benutzer, int hoechstens) {
    return jdbc.queryForList("SELECT e.business_key_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_"
        + " WHERE e.business_key_ IS NOT NULL AND t.assignee_ = ? GROUP BY e.business_key_"
        + " ORDER BY MIN(t.due_date_) ASC NULLS LAST, e.business_key_ LIMIT ?", String.class, benutzer, hoechstens);
  }

  private Map<String, Fallstand> teil(List<String> aktenzeichen) {
    var p = new MapSqlParameterSource("az", aktenzeichen);
    record Instanz(String id, String az, String schluessel, Instant begonnen, Instant geendet, boolean laeuft, boolean wurzel) {}
    List<Instanz> instanzen = benannt.query("SELECT id_, business_key_, proc_def_key_, start_time_, end_time_, super_process_instance_id_"
        + " FROM act_hi_procinst WHERE business_key_ IN (:az)", p, (rs, i) -> new Instanz(rs.getString(1), rs.getString(2),
        rs.getString(3), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), rs.getTimestamp(5) == null, rs.getString(6) == null));
    Map<String, List<OffeneAufgabe>> aufgaben = new java.util.HashMap<>();
    Map<String, OffeneAufgabe> nachId = new LinkedHashMap<>();
    Map<String, String> aufgabeZuFall = new java.util.HashMap<>();
    benannt.query("SELECT t.id_, t.name_, t.assignee_, t.create_time_, t.due_date_, e.business_key_, l.group_id_"
        + " FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_"
        + " LEFT JOIN act_ru_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ IS NOT NULL"
        + " WHERE e.business_key_ IN (:az)", p, (java.sql.ResultSet rs) -> {
          String id = rs.getString(1);
          OffeneAufgabe a = nachId.computeIfAbsent(id, k -> {
            try {
              aufgabeZuFall.put(k, rs.getString(6));
              return new OffeneAufgabe(k, rs.getString(2), rs.getString(3), new TreeSet<>(), instant(rs.getTimestamp(4)),
                  instant(rs.getTimestamp(5)));
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
          if (rs.getString(7) != null) {
            a.gruppen().add(rs.getString(7));
          }
        });
    nachId.forEach((id, a) -> aufgaben.computeIfAbsent(aufgabeZuFall.get(id), k -> new ArrayList<>()).add(a));
    Map<String, Instant> timer = new java.util.HashMap<>();
    benannt.query("SELECT e.business_key_, MIN(j.duedate_) FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.process_instance_id_"
        + " WHERE j.type_ = 'timer' AND e.business_key_ IN (:az) GROUP BY e.business_key_", p, (java.sql.ResultSet rs) -> {
          timer.put(rs.getString(1), instant(rs.getTimestamp(2)));
        });
    Map<String, String> kommunen = new java.util.HashMap<>();
    benannt.query("SELECT p.business_key_, v.text_ FROM act_hi_varinst v JOIN act_hi_procinst p ON p.id_ = v.proc_inst_id_"
        + " WHERE v.name_ = 'kommune' AND p.business_key_ IN (:az) AND p.super_process_instance_id_ IS NULL", p,
        (java.sql.ResultSet rs) -> {
          kommunen.put(rs.getString(1), rs.getString(2));
        });
    Map<String, Fallstand> staende = new java.util.HashMap<>();
    for (String az : aktenzeichen) {
      List<Instanz> eigene = instanzen.stream().filter(i -> az.equals(i.az())).toList();
      Instanz wurzel = eigene.stream().filter(Instanz::wurzel).min(Comparator.comparing(Instanz::begonnen)).orElse(null);
      if (wurzel == null) {
        continue;
      }
      boolean laeuft = eigene.stream().anyMatch(Instanz::laeuft);
      List<OffeneAufgabe> offen = aufgaben.getOrDefault(az, List.of()).stream().sorted(Comparator.comparing(OffeneAufgabe::seit)).toList();
      Instant frist = timer.get(az);
      for (OffeneAufgabe a : offen) {
        if (a.faellig() != null && (frist == null || a.faellig().isBefore(frist))) {
          frist = a.faellig();
        }
      }
      String name = prozesse.zu(wurzel.schluessel()).map(b -> b.name()).orElse(wurzel.schluessel());
      staende.put(az, new Fallstand(az, wurzel.schluessel(), name, !laeuft, wurzel.begonnen(), laeuft ? null : wurzel.geendet(), offen,
          laeuft ? frist : null, kommunen.get(az)));
    }
    return staende;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
