package de.hsk.ki.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The SQL floor: the statements PostgreSQL received for one whole case (captured from its csvlog
 * with log_statement = all), turned into two pgbench scripts, one for the staff's client and one
 * for the job executor, replayed at the same time with as many clients as the application has
 * threads of each kind: the same transactions with the same overlap, without the application's
 * own time, so an upper bound of what the application can do (docs/benchmarks.md). Ids the case
 * inserted get a per-run suffix, so every run inserts, updates and deletes rows of its own, as
 * the engine does; rows that existed before (process definition, users, groups) are read as they are.
 */
final class Boden {

  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']|'')*)')");
  private static final Pattern PLATZHALTER = Pattern.compile("\\$(\\d+)");

  record Anweisung(String sitzung, String sql) {}

  /** Statements between the two markers, grouped by session (so transactions stay whole), in order. */
  static List<Anweisung> lese(Path csvlog, String startMarke, String endMarke) throws IOException {
    List<Anweisung> alle = new ArrayList<>();
    for (CSVRecord z : zwischen(csvlog, startMarke, endMarke)) {
      if (z.size() < 15) {
        continue;
      }
      String meldung = z.get(13);
      String sql;
      int doppelpunkt = meldung.indexOf(": ");
      if (meldung.startsWith("execute ") && doppelpunkt > 0) {
        sql = meldung.substring(doppelpunkt + 2);
      } else if (meldung.startsWith("statement: ")) {
        sql = meldung.substring("statement: ".length());
      } else {
        continue;
      }
      if (sql.startsWith("ALTER SYSTEM") || sql.startsWith("SELECT pg_reload_conf") || sql.contains("/*bench*/") || sql.isBlank()) {
        continue; // the harness's own statements
      }
      sql = sql.replaceAll("--[^\n]*", ""); // MyBatis mappings carry line comments; the script is one line per statement
      String detail = z.get(14);
      if (detail.startsWith("parameters: ")) {
        Map<Integer, String> werte = new LinkedHashMap<>();
        Matcher m = PARAMETER.matcher(detail);
        while (m.find()) {
          werte.put(Integer.parseInt(m.group(1)), m.group(2).equals("NULL") ? "NULL" : "'" + m.group(3) + "'");
        }
        sql = PLATZHALTER.matcher(sql).replaceAll(mr -> Matcher.quoteReplacement(werte.getOrDefault(Integer.parseInt(mr.group(1)), mr.group())));
      }
      alle.add(new Anweisung(z.get(5), sql.replaceAll("\\s+", " ").trim()));
    }
    // Whole transactions in the order they committed: a transaction only ever saw what was committed before it.
    Map<String, List<Anweisung>> offen = new LinkedHashMap<>();
    List<Anweisung> geordnet = new ArrayList<>();
    for (Anweisung a : alle) {
      String befehl = a.sql().toUpperCase(java.util.Locale.ROOT);
      List<Anweisung> tx = offen.get(a.sitzung());
      if (befehl.equals("BEGIN")) {
        offen.put(a.sitzung(), new ArrayList<>(List.of(a)));
      } else if (tx != null && (befehl.equals("COMMIT") || befehl.equals("ROLLBACK"))) {
        tx.add(a);
        geordnet.addAll(tx);
        offen.remove(a.sitzung());
      } else if (tx != null) {
        tx.add(a);
      } else {
        geordnet.add(a);
      }
    }
    return geordnet;
  }

  /** auto_explain's plans between the two markers (message "duration: … plan: …"). */
  static List<String> plaene(Path csvlog, String startMarke, String endMarke) throws IOException {
    List<String> plaene = new ArrayList<>();
    for (CSVRecord z : zwischen(csvlog, startMarke, endMarke)) {
      String meldung = z.get(13);
      if (meldung.startsWith("duration: ") && meldung.contains("plan:")) {
        plaene.add(meldung);
      }
    }
    return plaene;
  }

  /** The csvlog's records (those with a message) strictly between the two markers. */
  private static List<CSVRecord> zwischen(Path csvlog, String startMarke, String endMarke) throws IOException {
    List<CSVRecord> zeilen = new ArrayList<>();
    boolean innen = false;
    try (Reader r = Files.newBufferedReader(csvlog, StandardCharsets.UTF_8)) {
      for (CSVRecord z : CSVFormat.DEFAULT.parse(r)) {
        if (z.size() < 14) {
          continue;
        }
        String meldung = z.get(13);
        if (meldung.contains(startMarke)) {
          innen = true;
        } else if (meldung.contains(endMarke)) {
          break;
        } else if (innen) {
          zeilen.add(z);
        }
      }
    }
    return zeilen;
  }

  /** The id with its last ten characters replaced by the run's number: unique per run, same length (VARCHAR(64)). */
  static String eindeutig(String id) {
    return "(" + ohneDoppelpunkt("'" + id.substring(0, id.length() - 10) + "'") + " || lpad(:r::text, 10, '0'))";
  }

  /** Table through which the job clients take up the cases the case clients got to the job (bench only). */
  static final String WARTESCHLANGE = "bench_boden_fertig";

  /**
   * Two pgbench scripts for one case, split where the application splits it: what the staff's
   * client thread does (start, two completions; ends by handing the case to the job clients) and
   * what the job executor's threads do afterwards (acquisition, e-mail job, e-mail register). Ids
   * the case inserted get the run's number {@code :r}; the job script takes the number of a case
   * the client script finished, so it works on that case's rows as the job executor does.
   */
  static String[] skripte(List<Anweisung> fall, List<Anweisung> job) {
    // the rows the case inserted: the first value of each INSERT is the row's own ID_
    Set<String> neu = new HashSet<>();
    Pattern ersterWert = Pattern.compile("(?i)\\bvalues\\s*\\(\\s*'((?:[^']|'')*)'");
    for (List<Anweisung> teil : List.of(fall, job)) {
      for (Anweisung a : teil) {
        if (a.sql().regionMatches(true, 0, "insert", 0, 6)) {
          Matcher m = ersterWert.matcher(a.sql());
          if (m.find() && m.group(1).length() > 10) {
            neu.add(m.group(1));
          }
        }
      }
    }
    List<String> a = zeilen(fall, neu);
    int letztesCommit = a.lastIndexOf("COMMIT;");
    // handing over in the case's last transaction, as the engine's job row is committed with the completion
    a.add(letztesCommit < 0 ? a.size() : letztesCommit, "INSERT INTO " + WARTESCHLANGE + " (r) VALUES (:r);");
    StringBuilder s1 = new StringBuilder("\\set r random(1, 2000000000)\n");
    a.forEach(z -> s1.append(z).append('\n'));

    List<String> b = zeilen(job, neu);
    String nehmen = "WITH x AS (DELETE FROM " + WARTESCHLANGE + " WHERE r = (SELECT r FROM " + WARTESCHLANGE
        + " ORDER BY r LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING r) SELECT coalesce(max(r), 0) AS r FROM x \\gset";
    StringBuilder s2 = new StringBuilder();
    boolean inTransaktion = !b.isEmpty() && b.get(0).equalsIgnoreCase("BEGIN;");
    if (inTransaktion) {
      s2.append("BEGIN;\n");
      b = b.subList(1, b.size());
    }
    s2.append(nehmen).append('\n');
    // nothing handed over yet: the job executor's idle round, a short pause
    s2.append("\\if :r = 0\n").append(inTransaktion ? "COMMIT;\n" : "").append("\\sleep 1 ms\n\\else\n");
    b.forEach(z -> s2.append(z).append('\n'));
    s2.append("\\endif\n");
    return new String[] {s1.toString(), s2.toString()};
  }

  private static List<String> zeilen(List<Anweisung> anweisungen, Set<String> neu) {
    List<String> zeilen = new ArrayList<>();
    for (Anweisung a : anweisungen) {
      String sql = Pattern.compile("'((?:[^']|'')*)'").matcher(a.sql()).replaceAll(mr -> Matcher.quoteReplacement(
          neu.contains(mr.group(1)) ? eindeutig(mr.group(1)) : ohneDoppelpunkt(mr.group())));
      zeilen.add(sql + ";");
    }
    return zeilen;
  }

  /**
   * pgbench takes ":name" for a variable even inside a string literal (a time of day "10:00:00")
   * when it prepares statements; the literal is written as an escape string with the colon as \072.
   */
  static String ohneDoppelpunkt(String literal) {
    if (!literal.contains(":")) {
      return literal;
    }
    return "E" + literal.replace("\\", "\\\\").replace(":", "\\072");
  }
}
