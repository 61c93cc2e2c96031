package de.hsk.ki.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the database with many cases quickly: a few template cases are created by the engine
 * itself, then their rows (runtime, history, authorizations, jobs) are copied in the database with
 * fresh ids, so that the copies are indistinguishable from cases the engine made. Due dates are
 * spread so that sorting and "overdue" see a realistic mix. PostgreSQL only.
 */
final class Bestand {

  /** Tables of one case and which of their rows belong to it; every row is found by its own ID_. */
  static final List<String> TABELLEN = List.of(
      "act_ru_execution", "act_ru_task", "act_ru_variable", "act_ru_identitylink", "act_ru_authorization", "act_ru_job",
      "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail", "act_hi_identitylink",
      "act_hi_job_log");

  private final JdbcTemplate jdbc;
  private final DataSource ds;

  Bestand(DataSource ds) {
    this.ds = ds;
    this.jdbc = new JdbcTemplate(ds);
  }

  /** Every id that belongs to the case: row ids, business key, activity instance ids. */
  List<String> idsVon(String fall) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(fall);
    List<String> aufgaben = jdbc.queryForList("SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = ?", String.class, fall);
    aufgaben.addAll(jdbc.queryForList("SELECT id_ FROM act_hi_taskinst WHERE proc_inst_id_ = ?", String.class, fall));
    ids.addAll(aufgaben);
    String[] inhaber = aufgaben.toArray(new String[0]);
    ids.addAll(jdbc.queryForList("SELECT id_ FROM act_ru_execution WHERE proc_inst_id_ = ?", String.class, fall));
    ids.addAll(jdbc.queryForList("SELECT id_ FROM act_ru_variable WHERE proc_inst_id_ = ?", String.class, fall));
    ids.addAll(jdbc.queryForList("SELECT id_ FROM act_ru_job WHERE process_instance_id_ = ?", String.class, fall));
    ids.addAll(jdbc.queryForList("SELECT id_ FROM act_hi_actinst WHERE proc_inst_id_ = ?", String.class, fall));
    ids.addAll(jdbc.queryForList("SELECT id_ FROM act_hi_varinst WHERE proc_inst_id_ = ?", String.class, fall));
    ids.addAll(jdbc.queryForList("SELECT id_ FROM act_hi_detail WHERE proc_inst_id_ = ?", String.class, fall));
    ids.addAll(jdbc.queryForList("SELECT id_ FROM act_hi_job_log WHERE process_instance_id_ = ?", String.class, fall));
    ids.addAll(jdbc.queryForList("SELECT business_key_ FROM act_hi_procinst WHERE id_ = ? AND business_key_ IS NOT NULL", String.class, fall));
    try (Connection c = ds.getConnection()) {
      Array a = c.createArrayOf("varchar", inhaber);
      ids.addAll(jdbc.queryForList("SELECT id_ FROM act_ru_identitylink WHERE task_id_ = ANY(?)", String.class, a));
      ids.addAll(jdbc.queryForList("SELECT id_ FROM act_hi_identitylink WHERE task_id_ = ANY(?)", String.class, a));
      ids.addAll(jdbc.queryForList("SELECT id_ FROM act_ru_authorization WHERE resource_id_ = ANY(?) OR resource_id_ = ?",
          String.class, a, fall));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return new ArrayList<>(ids);
  }

  /**
   * Copies the case {@code anzahl} times (copy numbers from {@code ab}); ids get the suffix "-n" (long ids cut to 55 characters first).
   *
   * @param verschiebung SQL added to due dates per copy number g, e.g. "((g % 120) - 40) * interval '1 day'"
   * @param entfernung removal time for history rows (null: as in the template)
   */
  void kopiere(String fall, int ab, int anzahl, String verschiebung, java.sql.Timestamp entfernung) {
    List<String> ids = idsVon(fall);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(true);
      try (var st = c.createStatement()) {
        st.execute("SET synchronous_commit = off"); // bulk load only; the measured work keeps the server's setting
        st.execute("SET statement_timeout = 0"); // one copy statement inserts up to 100 000 cases
      }
      Array idArray = c.createArrayOf("varchar", ids.toArray());
      for (String tabelle : TABELLEN) {
        List<Map<String, Object>> spalten = jdbc.queryForList(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
                + " ORDER BY ordinal_position", tabelle);
        // only columns that hold one of the case's ids in the template rows need mapping (much cheaper than all)
        Set<String> mitIds = new java.util.HashSet<>();
        Set<String> idMenge = new java.util.HashSet<>(ids);
        for (Map<String, Object> zeile : jdbc.queryForList("SELECT * FROM " + tabelle + " WHERE id_ = ANY(?)", idArray)) {
          zeile.forEach((k, v) -> {
            if (v instanceof String text && idMenge.contains(text)) {
              mitIds.add(k.toLowerCase(java.util.Locale.ROOT));
            }
          });
        }
        List<String> namen = new ArrayList<>();
        List<String> ausdruecke = new ArrayList<>();
        int idParameter = 0;
        for (Map<String, Object> s : spalten) {
          String name = (String) s.get("column_name");
          String typ = (String) s.get("data_type");
          namen.add(name);
          if (typ.startsWith("character varying") && mitIds.contains(name)) {
            // ids are VARCHAR(64): long ones ("Activity_…:uuid") keep their first 55 characters
            ausdruecke.add("CASE WHEN " + name + " = ANY(?) THEN left(" + name + ", 55) || '-' || g ELSE " + name + " END");
            idParameter++;
          } else if (verschiebung != null && name.equals("due_date_")) {
            ausdruecke.add(name + " + " + verschiebung);
          } else if (verschiebung != null && name.equals("duedate_")) {
            // reminder timers only forward: an overdue one would have fired long ago
            ausdruecke.add(name + " + (g % 120) * interval '1 day'");
          } else if (entfernung != null && name.equals("removal_time_")) {
            ausdruecke.add("?::timestamp");
          } else {
            ausdruecke.add(name);
          }
        }
        String sql = "INSERT INTO " + tabelle + " (" + String.join(", ", namen) + ") SELECT " + String.join(", ", ausdruecke)
            + " FROM " + tabelle + " CROSS JOIN generate_series(?, ?) g WHERE id_ = ANY(?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          int i = 1;
          for (String name : namen) {
            int pos = namen.indexOf(name);
            String ausdruck = ausdruecke.get(pos);
            if (ausdruck.startsWith("CASE")) {
              ps.setArray(i++, idArray);
            } else if (ausdruck.startsWith("?::timestamp")) {
              ps.setTimestamp(i++, entfernung);
            }
          }
          ps.setInt(i++, ab);
          ps.setInt(i++, ab + anzahl - 1);
          ps.setArray(i, idArray);
          ps.executeUpdate();
        }
      }
      try (var st = c.createStatement()) {
        st.execute("RESET synchronous_commit"); // the connection goes back to the engine's pool
        st.execute("RESET statement_timeout");
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void analysieren() {
    for (String tabelle : TABELLEN) {
      jdbc.execute("VACUUM ANALYZE " + tabelle);
    }
  }
}
