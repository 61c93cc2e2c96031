package de.hsk.ki.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** docs/benchmarks.md's tables from one run's results (target/bench/ergebnis.json). */
final class Bericht {

  private Bericht() {}

  static String z(double d) {
    return String.format(Locale.GERMANY, d >= 100 ? "%.0f" : d >= 10 ? "%.1f" : "%.2f", d);
  }

  static String markdown(JsonNode e) {
    StringBuilder s = new StringBuilder();
    s.append("<!-- erzeugt von bench/run.sh (de.hsk.ki.bench.Bench) -->\n");
    s.append("Umgebung: ").append(e.path("kerne").asInt()).append(" Kerne, Java ").append(e.path("java").asText())
        .append(", PostgreSQL ").append(e.path("postgres").asText()).append(", Heap höchstens ").append(e.path("heapMaxMb").asInt())
        .append(" MB, Pool 20 Verbindungen (Vergleichssysteme 10), Historie FULL, Autorisierung an.\n\n");

    JsonNode st = e.path("start");
    s.append("### Start und Speicher\n\n| Messgröße | Wert |\n|---|---|\n");
    s.append("| Spring-Kontext mit Engine bereit | ").append(st.path("kontextMs").asLong()).append(" ms |\n");
    s.append("| Tasklist antwortet (200) | ").append(st.path("tasklistBereitMs").asLong()).append(" ms |\n");
    s.append("| Heap nach dem Start (nach GC) | ").append(st.path("heapNachStartMb").asLong()).append(" MB |\n");
    s.append("| RSS nach dem Start | ").append(st.path("rssNachStartMb").asLong()).append(" MB |\n");
    s.append("| RSS unter W1 (4 Threads) | ").append(st.path("rssUnterW1Mb").asLong()).append(" MB |\n\n");

    s.append("### W1 – Aufgabenzyklus, geschlossene Last\n\n");
    s.append("| System | Schnittstelle | Threads | Fälle/s | Abschlüsse/s | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|---|\n");
    zeilen(s, "KI-Anwendung (Camunda 7.24, abgestimmt)", "Java-API", e.path("w1Java"));
    zeilen(s, "KI-Anwendung (Camunda 7.24, abgestimmt)", "REST", e.path("w1Rest"));
    for (JsonNode p : e.path("peers")) {
      zeilen(s, p.path("engine").asText() + " " + p.path("version").asText(), "Java-API", p.path("w1"));
    }
    if (e.has("w1OhneFlush")) {
      s.append("\nDiagnose: die Anwendung mit 1 Thread, ohne auf den Flush des Commits zu warten (`synchronous_commit = off`, nur hier): ")
          .append(z(e.path("w1OhneFlush").path("faelleProSekunde").asDouble())).append(" Fälle/s statt ")
          .append(z(Bericht.faelle(e.path("w1Java"), 1))).append(".\n");
    }
    if (e.has("w1OhneAnmeldung")) {
      s.append("\nDiagnose: die Anwendung mit 4 Threads ohne angemeldete Benutzer, also ohne Berechtigungsprüfungen und"
          + " Eingaberegeln (nur hier): ").append(z(e.path("w1OhneAnmeldung").path("faelleProSekunde").asDouble()))
          .append(" Fälle/s statt ").append(z(Bericht.faelle(e.path("w1Java"), 4))).append(", CPU der JVM je Fall ")
          .append(z(e.path("w1OhneAnmeldung").path("jvmCpuMsJeFall").asDouble())).append(" ms.\n");
    }
    JsonNode pr = e.path("w1Pruefung");
    s.append("\nPrüfung nach W1: ").append(pr.path("faelleBeendet").asLong()).append(" Fälle beendet, ")
        .append(pr.path("emails").asLong()).append(" E-Mails empfangen, ").append(pr.path("offeneJobs").asLong()).append(" Jobs offen.\n\n");
    if (e.path("peers").size() > 0) {
      s.append("| Vergleichssystem | Start ms | Heap nach Start MB | RSS MB |\n|---|---|---|---|\n");
      for (JsonNode p : e.path("peers")) {
        s.append("| ").append(p.path("engine").asText()).append(" ").append(p.path("version").asText()).append(" | ")
            .append(p.path("startupMs").asLong()).append(" | ").append(p.path("heapNachStartMb").asLong()).append(" | ")
            .append(p.path("rssMb").asLong()).append(" |\n");
      }
      s.append("\n");
    }

    s.append("### W1 – offene Last (feste Rate, Latenz ab Soll-Zeitpunkt)\n\n| Soll/s | Ist/s | p50 ms | p95 ms | p99 ms | max ms | Fehler |\n|---|---|---|---|---|---|---|\n");
    for (JsonNode o : e.path("w1Offen")) {
      s.append("| ").append(z(o.path("sollProSekunde").asDouble())).append(" | ").append(z(o.path("istProSekunde").asDouble()))
          .append(" | ").append(z(o.path("p50Ms").asDouble())).append(" | ").append(z(o.path("p95Ms").asDouble())).append(" | ")
          .append(z(o.path("p99Ms").asDouble())).append(" | ").append(z(o.path("maxMs").asDouble())).append(" | ")
          .append(o.path("fehler").asLong()).append(" |\n");
    }

    JsonNode b = e.path("boden");
    s.append("\n### SQL-Boden (pgbench mit den Anweisungen eines Falls)\n\n");
    s.append("Ein Fall = ").append(b.path("anweisungenJeFall").asLong()).append(" SQL-Anweisungen in ")
        .append(b.path("transaktionenJeFall").asLong()).append(" Transaktionen (").append(b.path("transaktionenMitarbeitende").asLong())
        .append(" im Thread der Mitarbeitenden, ").append(b.path("transaktionenJobs").asLong()).append(" in den Job-Threads); ")
        .append("der Job-Teil läuft mit ").append(b.path("jobClients").asInt()).append(" pgbench-Clients gleichzeitig, so viele Threads hat der Job-Executor.\n\n");
    s.append("| Clients (+ Job-Clients) | Boden Fälle/s | Anwendung Fälle/s (Java-API) | Anteil am Boden | Boden überschritten? |\n|---|---|---|---|---|\n");
    for (JsonNode l : b.path("pgbench")) {
      int c = l.path("clients").asInt();
      double app = faelle(e.path("w1Java"), c);
      double boden = l.path("faelleProSekunde").asDouble();
      s.append("| ").append(c).append(" (+ ").append(l.path("jobClients").asInt()).append(") | ").append(z(boden)).append(" | ")
          .append(z(app)).append(" | ").append(boden > 0 ? Math.round(100 * app / boden) + " %" : "–").append(" | ")
          .append(boden <= 0 ? "–" : app > boden ? "**ja**" : "nein").append(" |\n");
    }
    s.append(Vergleich.markdown(e));

    s.append("\n### W2 – Bestand offener Aufgaben\n\n");
    s.append("| offene Aufgaben | erste Seite p50/p95 ms | Anzahl p50/p95 ms | W1 Abschlüsse/s (4 Threads) | zu leerem Bestand |\n|---|---|---|---|---|\n");
    double leer = -1;
    for (JsonNode w : e.path("w2")) {
      double a = w.path("w1").path("abschluesseProSekunde").asDouble();
      if (leer < 0) {
        leer = a;
      }
      s.append("| ").append(w.path("offeneAufgaben").asLong()).append(" | ").append(pp(w.path("ersteSeite"))).append(" | ")
          .append(pp(w.path("anzahl"))).append(" | ").append(z(a)).append(" | ")
          .append(leer > 0 ? Math.round(100 * a / leer) + " %" : "–").append(" |\n");
    }

    for (JsonNode w : e.path("w2")) {
      for (JsonNode ohne : w.path("w1OhneIndex")) {
        double mit = w.path("w1").path("abschluesseProSekunde").asDouble();
        s.append("\nBei ").append(w.path("offeneAufgaben").asLong()).append(" offenen Aufgaben ohne den Index auf `")
            .append(ohne.path("spalte").asText()).append("` (Migration ").append(ohne.path("migration").asText()).append("): ")
            .append(z(ohne.path("abschluesseProSekunde").asDouble())).append(" Abschlüsse/s, p95 ").append(z(ohne.path("p95Ms").asDouble()))
            .append(" ms; mit Index ").append(z(mit)).append(" Abschlüsse/s, p95 ").append(z(w.path("w1").path("p95Ms").asDouble()))
            .append(" ms. Job-Akquise im Mittel ohne Index ").append(z(ohne.path("akquiseMs").asDouble())).append(" ms, mit Index ")
            .append(z(w.path("akquiseMs").asDouble())).append(" ms.\n");
      }
    }
    for (JsonNode w : e.path("w2")) {
      if (w.has("rechteIndexMit")) {
        s.append("\nBei ").append(w.path("offeneAufgaben").asLong()).append(" offenen Aufgaben, nach VACUUM ANALYZE der Rechte-Tabelle,")
            .append(" Anzahl p50/p95 ms ohne abdeckenden Index auf `ACT_RU_AUTHORIZATION (RESOURCE_ID_, RESOURCE_TYPE_)`: ")
            .append(pp(w.path("rechteIndexOhne").path("anzahl"))).append(", mit: ").append(pp(w.path("rechteIndexMit").path("anzahl")))
            .append("; erste Seite ohne ").append(pp(w.path("rechteIndexOhne").path("ersteSeite"))).append(", mit ")
            .append(pp(w.path("rechteIndexMit").path("ersteSeite"))).append(".\n");
      }
    }
    if (e.path("w2Anweisungen").size() > 0) {
      s.append("\nLangsamste Anweisungen unter W1 beim größten Bestand (pg_stat_statements, mindestens 20 Aufrufe):\n\n")
          .append("| mittlere ms | Aufrufe | Anweisung |\n|---|---|---|\n");
      for (JsonNode a : e.path("w2Anweisungen")) {
        s.append("| ").append(z(a.path("mittelMs").asDouble())).append(" | ").append(a.path("aufrufe").asLong()).append(" | `")
            .append(a.path("anweisung").asText().replace("|", "\\|").replace("`", "'")).append("` |\n");
      }
    }

    s.append("\n").append(w3(e));

    JsonNode w4 = e.path("w4");
    if (!w4.isMissingNode()) {
      s.append("\n### W4 – Historienbereinigung\n\n| historische Fälle | ihre Zeilen | Batch | Parallelität | Fallköpfe weg nach s"
          + " | alle Zeilen weg nach s | Fälle/s | Zeilen/s |\n|---|---|---|---|---|---|---|---|\n");
      s.append("| ").append(w4.path("historischeFaelle").asLong()).append(" | ").append(w4.path("historischeZeilen").asLong()).append(" | ")
          .append(w4.path("batchGroesse").asInt()).append(" | ").append(w4.path("parallelitaet").asInt()).append(" | ")
          .append(z(w4.path("sekundenBisFallkoepfeWeg").asDouble())).append(" | ")
          .append(w4.path("zeilenUebrig").asLong() == 0 ? z(w4.path("sekundenBisAllesWeg").asDouble())
              : "nach " + z(w4.path("messSekunden").asDouble()) + " s noch " + w4.path("zeilenUebrig").asLong() + " Zeilen")
          .append(" | ").append(z(w4.path("geloeschtProSekunde").asDouble())).append(w4.path("geschaetzt").asBoolean() ? " (geschätzt)" : "")
          .append(" | ").append(z(w4.path("zeilenProSekunde").asDouble())).append(" |\n");
    }
    w5(s, e.path("w5"));
    return s.toString();
  }

  /** Cases per second of the run with the given number of threads, or 0. */
  static double faelle(JsonNode laeufe, int threads) {
    for (JsonNode w : laeufe) {
      if (w.path("threads").asInt() == threads) {
        return w.path("faelleProSekunde").asDouble();
      }
    }
    return 0;
  }

  /** W5: p50 / p95 / p99 ms per click type and staff count, for each backlog. */
  static void w5(StringBuilder s, JsonNode w5) {
    if (w5.size() == 0) {
      return;
    }
    s.append("\n### W5 – ein Arbeitsmorgen (Gatling, Tasklist-Aufrufe, Denkzeit 2–8 s)\n\n");
    s.append("Je Klickart p50 / p95 / p99 in ms. „anzahl“ ist eine einzelne Filterzählung (das Skript zählt alle 10 s jeden Filter).\n\n");
    for (JsonNode lauf : w5) {
      s.append("**Bestand ").append(lauf.path("bestand").asLong()).append("** (").append(lauf.path("offeneAufgaben").asLong())
          .append(" offene Aufgaben, Fenster ").append(lauf.path("fensterS").asInt()).append(" s nach ").append(lauf.path("rampeS").asInt())
          .append(" s Anlauf): höchstes Personal mit jedem p95 unter 300 ms: ").append(lauf.path("hoechstesPersonalP95Unter300").asInt())
          .append(", ohne die Anmeldung (absichtlich langsamer Kennwort-Hash) ").append(lauf.path("hoechstesPersonalP95Unter300OhneAnmelden").asInt())
          .append("; Heap nach vollem GC ").append(lauf.path("heapNachGcMb").asLong()).append(" MB.\n\n");
      s.append("| Personal |");
      for (String k : Arbeitsmorgen.KLICKS) {
        s.append(" ").append(k).append(" |");
      }
      s.append(" Anfragen/s | Fehler | übernommen / abgesendet | RSS max MB | CPU Anwendung / Gatling s | Last (1 min) |\n|---|");
      s.append("---|".repeat(Arbeitsmorgen.KLICKS.size() + 6)).append("\n");
      for (JsonNode st : lauf.path("stufen")) {
        s.append("| ").append(st.path("personal").asInt()).append(" |");
        for (String k : Arbeitsmorgen.KLICKS) {
          JsonNode q = st.path("klicks").path(k);
          s.append(" ").append(q.isMissingNode() ? "–" : z(q.path("p50Ms").asDouble()) + " / " + z(q.path("p95Ms").asDouble()) + " / "
              + z(q.path("p99Ms").asDouble())).append(" |");
        }
        s.append(" ").append(z(st.path("anfragenProSekunde").asDouble())).append(" | ").append(st.path("anfragenFehler").asLong())
            .append(" | ").append(st.path("uebernahmen").asLong()).append(" / ").append(st.path("abgesendet").asLong()).append(" | ")
            .append(st.path("rssMaxMb").asLong()).append(" | ").append(z(st.path("anwendungCpuS").asDouble())).append(" / ")
            .append(z(st.path("gatlingCpuS").asDouble())).append(" | ").append(z(st.path("maschinenlast").asDouble())).append(" |\n");
      }
      s.append("\n");
    }
  }

  /** W3: the burst of reminders and the teacher's requests meanwhile, compared with the same requests idle. */
  static String w3(JsonNode e) {
    StringBuilder s = new StringBuilder();
    s.append("### W3 – ").append(e.path("w3").path(0).path("erinnerungen").asLong()).append(" Erinnerungen gleichzeitig fällig\n\n")
        .append("| Job-Executor | Einstellungen | Erinnerungen | E-Mails | erste verspätet s | letzte verspätet s | Abbau/s | nicht erledigt"
            + " | Anzahl p95 ms leer / Burst | erste Seite p95 ms leer / Burst | Anfragen (Fehler) im Burst |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (JsonNode w : e.path("w3")) {
      JsonNode leer = w.path("webanfragen").path("leerlauf");
      JsonNode burst = w.path("webanfragen").path("waehrend");
      s.append("| ").append(w.path("variante").asText()).append(" | ").append(w.path("einstellungen").asText()).append(" | ")
          .append(w.path("erinnerungen").asLong()).append(" | ").append(w.path("emails").asLong()).append(" | ")
          .append(z(w.path("ersteVerspaetungS").asDouble())).append(" | ")
          .append(z(w.path("letzteVerspaetungS").asDouble())).append(" | ").append(z(w.path("abbauProSekunde").asDouble()))
          .append(" | ").append(w.path("nichtErledigt").asLong()).append(" | ")
          .append(z(leer.path("anzahl").path("p95Ms").asDouble())).append(" / ").append(z(burst.path("anzahl").path("p95Ms").asDouble()))
          .append(" | ").append(z(leer.path("ersteSeite").path("p95Ms").asDouble())).append(" / ")
          .append(z(burst.path("ersteSeite").path("p95Ms").asDouble())).append(" | ")
          .append(burst.path("anzahl").path("anfragen").asLong() + burst.path("ersteSeite").path("anfragen").asLong())
          .append(" (").append(burst.path("fehler").asLong()).append(") |\n");
    }
    return s.toString();
  }

  static String pp(JsonNode q) {
    return z(q.path("p50Ms").asDouble()) + " / " + z(q.path("p95Ms").asDouble());
  }

  static void zeilen(StringBuilder s, String system, String api, JsonNode liste) {
    for (JsonNode w : liste) {
      s.append("| ").append(system).append(" | ").append(api).append(" | ").append(w.path("threads").asInt()).append(" | ")
          .append(z(w.path("faelleProSekunde").asDouble())).append(" | ").append(z(w.path("abschluesseProSekunde").asDouble()))
          .append(" | ").append(z(w.path("p50Ms").asDouble())).append(" | ").append(z(w.path("p95Ms").asDouble())).append(" | ")
          .append(z(w.path("p99Ms").asDouble())).append(" | ").append(z(w.path("maxMs").asDouble())).append(" |\n");
    }
  }
}
