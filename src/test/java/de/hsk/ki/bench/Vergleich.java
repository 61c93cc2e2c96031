package de.hsk.ki.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one table of docs/benchmarks.md (application, bare engine, Operaton, Flowable, floor) and
 * the statements the application sends per case beyond the bare engine, each with its reason.
 */
final class Vergleich {

  private Vergleich() {}

  /** Why the application sends a statement the bare engine does not (pattern on the normalised SQL). */
  private static final Map<Pattern, String> GRUENDE = new LinkedHashMap<>();

  static {
    grund("(?i)^(insert into ACT_RU_AUTHORIZATION|SELECT \\* FROM ACT_RU_AUTHORIZATION WHERE TYPE_)",
        "Rechte der Kandidatengruppe je Aufgabe (Aufgabe und ihre Historie), solange sie offen ist: Zugriff nach Rolle");
    grund("(?i)^delete from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_",
        "Rechte enden mit Aufgabe und Fall (Engine; Historie der Aufgabe: Zuweisungsregel, eine Anweisung)");
    grund("(?i)from ACT_RU_TASK RES", "Aufgabenabfrage des Treibers mit Berechtigungsprüfung statt ohne (gleiche Zahl, teurer)");
    grund("(?i)^SELECT RES\\.\\*, \\( case when RES.TASK_ID_", "Aktenzeichen an der Aufgabe: die Engine liest vor dem Setzen die Variablen der neuen Aufgabe");
    grund("(?i)^update ACT_RU_AUTHORIZATION set REMOVAL_TIME_", "Löschzeit der Rechte am Fall beim Fallende (Aufbewahrung)");
    grund("(?i)ACT_RU_AUTHORIZATION", "Berechtigungsprüfung (Start, Abschluss, Aufgabenabfrage)");
    grund("(?i)ACT_HI_OP_LOG", "Benutzeroperationsprotokoll: wer hat gestartet und abgeschlossen (Nachvollziehbarkeit)");
    grund("(?i)ACT_RU_VARIABLE", "Aktenzeichen als Aufgabenvariable (Tasklist-Karte ohne Leserecht am ganzen Fall; ohne Historie)");
    grund("(?i)ki_entwurf", "Entwurf der Aufgabe endet mit ihr (Datenschutz)");
    grund("(?i)ki_mailausgang", "E-Mail-Register: keine E-Mail doppelt");
    grund("(?i)ki_partner", "Partnerverzeichnis: Empfänger aktiv?");
    grund("(?i)count\\(RES.ID_\\) FROM ACT_HI_ACTINST", "Sendeschlüssel: der wievielte Besuch des Schritts");
    grund("(?i)ACT_RE_PROCDEF", "neueste Version zum Schlüssel, mit Mandantenbedingung statt ohne (gleiche Zahl)");
    grund("(?i)^BEGIN$", "Transaktionen: das E-Mail-Register schreibt in zwei eigenen");
    grund("(?i)from ACT_RU_JOB RES where", "Job-Akquise: Leerlauf-Abfragen, ihre Zahl hängt vom Zeitpunkt ab");
  }

  private static void grund(String muster, String text) {
    GRUENDE.put(Pattern.compile(muster), text);
  }

  static String grund(String sql) {
    return GRUENDE.entrySet().stream().filter(g -> g.getKey().matcher(sql).find()).map(Map.Entry::getValue).findFirst().orElse("–");
  }

  record Zaehlung(double anweisungen, double transaktionen, double walSync, double dbMs, double planMs) {}

  static Zaehlung zaehlung(JsonNode z) {
    double anweisungen = 0;
    double transaktionen = 0;
    double dbMs = 0;
    double planMs = 0;
    for (JsonNode a : z.path("anweisungen")) {
      dbMs += a.path("msJeFall").asDouble();
      planMs += a.path("planungMsJeFall").asDouble();
      String sql = a.path("sql").asText().trim();
      if (sql.equalsIgnoreCase("BEGIN")) {
        transaktionen += a.path("jeFall").asDouble();
      } else if (!sql.equalsIgnoreCase("COMMIT") && !sql.equalsIgnoreCase("ROLLBACK")) {
        anweisungen += a.path("jeFall").asDouble();
      }
    }
    return new Zaehlung(anweisungen, transaktionen, z.path("walSyncJeFall").asDouble(), dbMs, planMs);
  }

  static String markdown(JsonNode e) {
    StringBuilder s = new StringBuilder();
    JsonNode basis = null;
    for (JsonNode p : e.path("peers")) {
      if (p.path("engine").asText().equals("camunda-basis")) {
        basis = p;
      }
    }
    s.append("\n### Auf einen Blick: Fälle je Sekunde (W1, Java-API) und was ein Fall kostet\n\n");
    s.append("| System | 1 Thread | 4 Threads | zu camunda-basis (1 / 4) | 1 Thread ohne Flush-Warten | Anweisungen je Fall | Transaktionen je Fall | WAL-Flushes je Fall |"
        + " PostgreSQL je Fall: Ausführung / Planung ms | CPU der JVM je Fall ms (4 Threads) | Heap nach Start MB | RSS MB |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    double b1 = basis == null ? 0 : Bericht.faelle(basis.path("w1"), 1);
    double b4 = basis == null ? 0 : Bericht.faelle(basis.path("w1"), 4);
    List<String[]> zeilen = new ArrayList<>();
    Zaehlung app = e.has("anweisungen") ? zaehlung(e.path("anweisungen")) : null;
    zeilen.add(zeile("KI-Anwendung", Bericht.faelle(e.path("w1Java"), 1), Bericht.faelle(e.path("w1Java"), 4), b1, b4,
        e.path("w1OhneFlush").path("faelleProSekunde").asDouble(-1), cpu(e.path("w1Java")), app,
        e.path("start").path("heapNachStartMb").asLong(), e.path("start").path("rssUnterW1Mb").asLong()));
    for (JsonNode p : e.path("peers")) {
      JsonNode z = e.path("peerAnweisungen").path(p.path("engine").asText());
      zeilen.add(zeile(p.path("engine").asText() + " " + p.path("version").asText(), Bericht.faelle(p.path("w1"), 1),
          Bericht.faelle(p.path("w1"), 4), b1, b4, p.path("ohneFlushFaelleProSekunde").asDouble(-1), cpu(p.path("w1")), z.isMissingNode() ? null : zaehlung(z),
          p.path("heapNachStartMb").asLong(),
          p.path("rssMb").asLong()));
    }
    JsonNode boden = e.path("boden");
    double f1 = 0;
    double f4 = 0;
    for (JsonNode l : boden.path("pgbench")) {
      if (l.path("clients").asInt() == 1) {
        f1 = l.path("faelleProSekunde").asDouble();
      } else if (l.path("clients").asInt() == 4) {
        f4 = l.path("faelleProSekunde").asDouble();
      }
    }
    zeilen.add(zeile("SQL-Boden der Anwendung (pgbench)", f1, f4, b1, b4, -1, -1,
        new Zaehlung(boden.path("anweisungenJeFall").asDouble(), boden.path("transaktionenJeFall").asDouble(), -1, -1, -1), -1, -1));
    for (String[] z : zeilen) {
      s.append("| ").append(String.join(" | ", z)).append(" |\n");
    }
    s.append("\nRSS: Anwendung unter W1 mit 4 Threads (einschließlich Prüfstand und GreenMail im selben Prozess), "
        + "Vergleichssysteme am Ende ihres Laufs mit 4 Threads. Anweisungen, Transaktionen und WAL-Flushes: "
        + "pg_stat_statements und pg_stat_wal über ").append(e.path("anweisungen").path("faelle").asInt())
        .append(" Fälle nacheinander, E-Mail-Job eingeschlossen.\n");

    if (basis != null && e.has("anweisungen") && e.path("peerAnweisungen").has("camunda-basis")) {
      s.append("\n### Anweisungen je Fall: Anwendung gegen camunda-basis\n\n")
          .append("| Anwendung | camunda-basis | Differenz | ms in PostgreSQL, Differenz | Anweisung | Grund |\n|---|---|---|---|---|---|\n");
      // one row per statement: spellings that differ only further on (parameters, a condition) count together
      Map<String, double[]> je = new LinkedHashMap<>();
      Map<String, String> text = new LinkedHashMap<>();
      for (String[] seite : new String[][] {{"anweisungen", "0"}, {"camunda-basis", "1"}}) {
        JsonNode liste = seite[0].equals("anweisungen") ? e.path("anweisungen").path("anweisungen")
            : e.path("peerAnweisungen").path("camunda-basis").path("anweisungen");
        int i = Integer.parseInt(seite[1]);
        for (JsonNode a : liste) {
          String sql = a.path("sql").asText().trim();
          String schluessel = sql.length() > 60 ? sql.substring(0, 60) : sql;
          text.putIfAbsent(schluessel, sql);
          double[] w = je.computeIfAbsent(schluessel, k -> new double[4]);
          w[i] += a.path("jeFall").asDouble();
          w[2 + i] += a.path("msJeFall").asDouble();
        }
      }
      je.entrySet().stream().filter(x -> Math.abs(x.getValue()[0] - x.getValue()[1]) >= 0.05)
          .sorted((x, y) -> Double.compare(Math.abs(y.getValue()[0] - y.getValue()[1]), Math.abs(x.getValue()[0] - x.getValue()[1])))
          .forEach(x -> s.append("| ").append(Bericht.z(x.getValue()[0])).append(" | ").append(Bericht.z(x.getValue()[1])).append(" | ")
              .append(String.format(java.util.Locale.GERMANY, "%+.2f", x.getValue()[0] - x.getValue()[1])).append(" | ")
              .append(String.format(java.util.Locale.GERMANY, "%+.3f", x.getValue()[2] - x.getValue()[3])).append(" | `")
              .append(kurz(text.get(x.getKey()))).append("` | ").append(grund(text.get(x.getKey()))).append(" |\n"));
    }
    return s.toString();
  }

  private static String kurz(String sql) {
    String k = sql.length() > 90 ? sql.substring(0, 90) + " …" : sql;
    return k.replace("|", "\\|").replace("`", "'");
  }

  private static double cpu(JsonNode laeufe) {
    for (JsonNode w : laeufe) {
      if (w.path("threads").asInt() == 4) {
        return w.path("jvmCpuMsJeFall").asDouble(-1);
      }
    }
    return -1;
  }

  private static String[] zeile(String system, double f1, double f4, double b1, double b4, double ohneFlush, double cpu, Zaehlung z,
      long heap, long rss) {
    return new String[] {system, Bericht.z(f1), Bericht.z(f4),
        (b1 > 0 ? Math.round(100 * f1 / b1) + " %" : "–") + " / " + (b4 > 0 ? Math.round(100 * f4 / b4) + " %" : "–"),
        ohneFlush > 0 ? Bericht.z(ohneFlush) : "–",
        z == null ? "–" : Bericht.z(z.anweisungen()), z == null ? "–" : Bericht.z(z.transaktionen()),
        z == null || z.walSync() < 0 ? "–" : Bericht.z(z.walSync()), z == null || z.dbMs() < 0 ? "–" : Bericht.z(z.dbMs()) + " / " + Bericht.z(z.planMs()), cpu < 0 ? "–" : Bericht.z(cpu), heap < 0 ? "–" : String.valueOf(heap), rss < 0 ? "–" : String.valueOf(rss)};
  }
}
