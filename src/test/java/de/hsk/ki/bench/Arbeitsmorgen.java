package de.hsk.ki.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.task.Task;
import org.springframework.util.FileSystemUtils;

/**
 * W5, a working morning (docs/benchmarks.md): simulated staff using Tasklist against the running
 * application, driven by Gatling (bench/gatling, its own Maven project, started as a child process
 * at each staff count). Collects p50/p95/p99 per click type, the highest staff count at which every
 * click's p95 stays under 300 ms, the application's RSS meanwhile, its heap after a full GC and the
 * CPU the load generator itself used (it shares the cores with the application and PostgreSQL).
 */
final class Arbeitsmorgen {

  static final List<String> KLICKS = List.of("anmelden", "filter", "liste", "anzahl", "aufgabe", "formular", "absenden", "brief");
  static final double GRENZE_MS = 300;
  /** Demo logins of the six groups; several virtual staff share one (own sessions). */
  static final String[][] PERSONAL = {{"pschneider", "kiVerwaltung"}, {"tbecker", "kiLehrkraefte"}, {"nkaya", "kiLehrkraefte"},
      {"ademir", "kiSozialarbeit"}, {"mhoffmann", "kiLeitung"}, {"fyilmaz", "kiFoerderung"}, {"kwolf", "kiFoerderung"},
      {"jklein", "schulamt"}};
  /** Real cases per login that has a letter: their form task and letter page are opened, never submitted. */
  static final int ECHTE_FAELLE_JE_LOGIN = 4;

  private final Bench b;
  private final List<Integer> stufen = zahlen("BENCH_W5_STUFEN", "50,100,200,300");
  private int fenster = Bench.zahl("BENCH_W5_S", 60);
  private final int rampe = Bench.zahl("BENCH_W5_RAMPE_S", 10);
  private Path personal;
  private final Map<String, Long> sollJeGruppe = new HashMap<>();
  private int nachfuellungen;
  private int runde;

  Arbeitsmorgen(Bench b) {
    this.b = b;
  }

  static List<Integer> zahlen(String name, String vorgabe) {
    String w = System.getenv(name);
    return Arrays.stream((w == null || w.isBlank() ? vorgabe : w).split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(Integer::parseInt).toList();
  }

  /** Runs W5 at every staff count on the backlog as it stands; the result goes to ergebnis.w5. */
  void messen(int bestand) throws Exception {
    // the free tasks each group has now: every step starts with as many
    sollJeGruppe.clear();
    for (String[] p : PERSONAL) {
      sollJeGruppe.computeIfAbsent(p[1], this::freieBankaufgaben);
    }
    nachfuellungen = 0;
    if (personal == null) {
      personal = echteFaelle();
      // a short unrecorded run first: the application's first requests compile its code (as W1's warm-up)
      int warm = Bench.zahl("BENCH_W5_WARMUP_S", 20);
      if (warm > 0) {
        int fensterVorher = fenster;
        fenster = warm;
        stufe(10, 0);
        fenster = fensterVorher;
      }
    }
    ArrayNode w5 = b.ergebnis.withArray("w5");
    ObjectNode lauf = w5.addObject();
    lauf.put("bestand", bestand);
    lauf.put("offeneAufgaben", b.jdbc.queryForObject("SELECT count(*) FROM act_ru_task", Long.class));
    lauf.put("fensterS", fenster);
    lauf.put("rampeS", rampe);
    ArrayNode ergebnisse = lauf.putArray("stufen");
    int hoechste = 0;
    int hoechsteOhneAnmelden = 0;
    boolean bisherGut = true;
    boolean bisherGutOhneAnmelden = true;
    for (int nutzer : stufen) {
      nachfuellen();
      ObjectNode stufe = stufe(nutzer, bestand);
      ergebnisse.add(stufe);
      bisherGut &= unter(stufe, KLICKS);
      bisherGutOhneAnmelden &= unter(stufe, KLICKS.subList(1, KLICKS.size()));
      if (bisherGut) {
        hoechste = nutzer;
      }
      if (bisherGutOhneAnmelden) {
        hoechsteOhneAnmelden = nutzer;
      }
      b.log("W5 " + bestand + "/" + nutzer + ": " + stufe.path("klicks"));
    }
    lauf.put("hoechstesPersonalP95Unter300", hoechste);
    // the login checks a deliberately slow password hash (Kennworthash, about a quarter second) once a morning
    lauf.put("hoechstesPersonalP95Unter300OhneAnmelden", hoechsteOhneAnmelden);
    lauf.put("nachgefuellteAufgaben", nachfuellungen);
    System.gc();
    Thread.sleep(500);
    System.gc();
    lauf.put("heapNachGcMb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1_048_576);
    lauf.put("rssNachW5Mb", Bench.rssMb());
    b.log("W5 " + bestand + ": höchstes Personal mit jedem p95 < 300 ms: " + hoechste);
  }

  /** Whether every one of these clicks that occurred has its p95 under 300 ms. */
  static boolean unter(ObjectNode stufe, List<String> klicks) {
    JsonNode k = stufe.path("klicks");
    return k.size() > 0 && klicks.stream().allMatch(n -> k.path(n).isMissingNode() || k.path(n).path("p95Ms").asDouble() < GRENZE_MS);
  }

  /** Unclaimed bench tasks of the group (the ones the simulated staff take and submit). */
  long freieBankaufgaben(String gruppe) {
    return b.jdbc.queryForObject("SELECT count(*) FROM act_ru_task t JOIN act_ru_identitylink i ON i.task_id_ = t.id_"
        + " WHERE i.group_id_ = ? AND i.type_ = 'candidate' AND t.task_def_key_ = 'Task_Bearbeiten' AND t.assignee_ IS NULL",
        Long.class, gruppe);
  }

  /** The staff complete bench tasks: each step starts with the group's backlog as it was, from a fresh template. */
  void nachfuellen() {
    Bestand bestand = new Bestand(b.ds);
    String kommune = b.jdbc.queryForObject("SELECT min(schluessel) FROM ki_kommune", String.class);
    for (var e : sollJeGruppe.entrySet()) {
      long fehlt = e.getValue() - freieBankaufgaben(e.getKey());
      if (fehlt > 0) {
        String vorlage = b.vorlage("W5-" + Arrays.asList(Bench.GRUPPEN).indexOf(e.getKey()) + "-" + (++runde), e.getKey(), kommune);
        bestand.kopiere(vorlage, 1, (int) fehlt, "((g % 120) - 40) * interval '1 day'", null);
        nachfuellungen += fehlt + 1;
      }
    }
  }

  /**
   * Real Seiteneinstieg cases for the logins whose steps have a letter page: the administration's
   * invitation (open step "Einladung versenden") and the teachers' data-protection notice (open step
   * "Erstberatung durchführen"). Returns the CSV the simulation feeds from: login, letter, form task.
   */
  Path echteFaelle() throws Exception {
    var runtime = b.engine.getRuntimeService();
    var tasks = b.engine.getTaskService();
    List<String> zeilen = new ArrayList<>();
    Map<String, List<String[]>> je = new LinkedHashMap<>();
    for (int i = 0; i < ECHTE_FAELLE_JE_LOGIN * 3; i++) {
      String fall = runtime.startProcessInstanceByKey("Process_Seiteneinstieg", new HashMap<>(Seiteneinstiegsfall.meldung("ARNSBERG", 9))).getId();
      String az = runtime.createProcessInstanceQuery().processInstanceId(fall).singleResult().getBusinessKey();
      Task einladung = tasks.createTaskQuery().processInstanceId(fall).taskDefinitionKey("Task_EinladungVersenden").singleResult();
      if (i < ECHTE_FAELLE_JE_LOGIN) {
        je.computeIfAbsent("pschneider", k -> new ArrayList<>()).add(new String[] {"/ki/seiteneinstieg/einladung/" + az + "?datum="
            + LocalDate.now().plusDays(3) + "&uhrzeit=10:30&ort=KREISHAUS_ARNSBERG", einladung.getId()});
        continue;
      }
      tasks.complete(einladung.getId(), Seiteneinstiegsfall.einladung());
      Task beratung = tasks.createTaskQuery().processInstanceId(fall).taskDefinitionKey("Task_ErstberatungDurchfuehren").singleResult();
      je.computeIfAbsent(i < 2 * ECHTE_FAELLE_JE_LOGIN ? "tbecker" : "nkaya", k -> new ArrayList<>())
          .add(new String[] {"/ki/seiteneinstieg/datenschutzhinweis/" + az + "?sprache=ARABISCH", beratung.getId()});
    }
    // one row per login in turn, so that each staff count spreads over all groups
    zeilen.add("login,brief,formaufgabe");
    for (int r = 0; r < ECHTE_FAELLE_JE_LOGIN; r++) {
      for (String[] p : PERSONAL) {
        List<String[]> faelle = je.get(p[0]);
        zeilen.add(p[0] + "," + (faelle == null ? "," : faelle.get(r)[0] + "," + faelle.get(r)[1]));
      }
    }
    Path datei = Bench.ARBEIT.resolve("w5-personal.csv");
    Files.createDirectories(datei.getParent());
    Files.write(datei, zeilen, StandardCharsets.UTF_8);
    return datei;
  }

  ObjectNode stufe(int nutzer, int bestand) throws Exception {
    Path ergebnisse = Bench.ARBEIT.resolve("w5").resolve(bestand + "-" + nutzer);
    FileSystemUtils.deleteRecursively(ergebnisse);
    Files.createDirectories(ergebnisse);
    List<String> befehl = List.of("mvn", "-B", "-q", "-f", Path.of("bench", "gatling", "pom.xml").toAbsolutePath().toString(),
        "test-compile", "gatling:test", "-Dbasis=http://127.0.0.1:" + b.port, "-Dnutzer=" + nutzer, "-Drampe=" + rampe,
        "-Ddauer=" + fenster, "-Dpersonal=" + personal, "-Dgatling.resultsFolder=" + ergebnisse);
    File protokoll = ergebnisse.resolve("gatling.log").toFile();
    long cpuAppVorher = cpuTicks(ProcessHandle.current().pid());
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(befehl).redirectErrorStream(true).redirectOutput(protokoll).start();
    // CPU of the load generator: mvn and the Gatling JVM it forks, last reading per process
    Map<Long, Long> cpuGatling = new HashMap<>();
    long rssMax = 0;
    long rssSumme = 0;
    int proben = 0;
    long lastAb = System.nanoTime() + rampe * 1_000_000_000L;
    while (p.isAlive()) {
      Stream.concat(Stream.of(p.toHandle()), p.descendants()).forEach(h -> {
        long c = cpuTicks(h.pid());
        if (c >= 0) {
          cpuGatling.put(h.pid(), c);
        }
      });
      if (System.nanoTime() > lastAb) {
        long rss = Bench.rssMb();
        rssMax = Math.max(rssMax, rss);
        rssSumme += rss;
        proben++;
      }
      Thread.sleep(1000);
    }
    double sekunden = (System.nanoTime() - t0) / 1e9;
    long cpuApp = cpuTicks(ProcessHandle.current().pid()) - cpuAppVorher;
    ObjectNode s = Bench.JSON.createObjectNode();
    s.put("personal", nutzer);
    s.put("exitCode", p.waitFor());
    s.put("rssMaxMb", rssMax);
    s.put("rssMittelMb", proben == 0 ? -1 : rssSumme / proben);
    s.put("laufzeitS", Math.round(sekunden));
    s.put("gatlingCpuS", cpuGatling.values().stream().mapToLong(Long::longValue).sum() / 100.0);
    s.put("anwendungCpuS", cpuApp / 100.0);
    // the machine is shared: its load average (1 min) at the end of the step, all processes counted
    s.put("maschinenlast", ladung());
    Path stats;
    try (Stream<Path> f = Files.walk(ergebnisse)) {
      stats = f.filter(x -> x.endsWith(Path.of("js", "stats.js"))).findFirst().orElse(null);
    }
    if (stats == null) {
      String log = Files.readString(protokoll.toPath());
      s.put("fehler", "kein Gatling-Bericht: " + (log.length() > 2000 ? log.substring(log.length() - 2000) : log));
      return s;
    }
    JsonNode bericht = lesen(stats);
    Map<String, JsonNode> alle = new LinkedHashMap<>();
    sammeln(bericht, alle);
    JsonNode gesamt = bericht.path("stats");
    s.put("anfragen", gesamt.path("numberOfRequests").path("total").asLong());
    s.put("anfragenFehler", gesamt.path("numberOfRequests").path("ko").asLong());
    s.put("anfragenProSekunde", gesamt.path("meanNumberOfRequestsPerSecond").path("total").asDouble());
    ObjectNode klicks = s.putObject("klicks");
    for (String k : KLICKS) {
      JsonNode st = alle.get(k);
      if (st == null) {
        continue;
      }
      ObjectNode o = klicks.putObject(k);
      o.put("anzahl", st.path("numberOfRequests").path("total").asLong());
      o.put("fehler", st.path("numberOfRequests").path("ko").asLong());
      o.put("p50Ms", st.path("percentiles1").path("total").asDouble());
      o.put("p95Ms", st.path("percentiles3").path("total").asDouble());
      o.put("p99Ms", st.path("percentiles4").path("total").asDouble());
      o.put("maxMs", st.path("maxResponseTime").path("total").asDouble());
    }
    ObjectNode anfragen = s.putObject("anfragenEinzeln");
    alle.forEach((name, st) -> {
      if (!KLICKS.contains(name)) {
        ObjectNode o = anfragen.putObject(name);
        o.put("anzahl", st.path("numberOfRequests").path("total").asLong());
        o.put("fehler", st.path("numberOfRequests").path("ko").asLong());
        o.put("p95Ms", st.path("percentiles3").path("total").asDouble());
      }
    });
    // a claim refused because a colleague took the task first (Tasklist shows it, the person picks another)
    long uebernahmen = alle.containsKey("absenden: übernehmen") ? alle.get("absenden: übernehmen").path("numberOfRequests").path("total").asLong() : 0;
    long abgesendet = alle.containsKey("absenden") ? anzahlAnfragen(bericht, "absenden") : 0;
    s.put("uebernahmen", uebernahmen);
    s.put("abgesendet", abgesendet);
    return s;
  }

  /** Requests named "absenden" (the submit itself, not its group). */
  static long anzahlAnfragen(JsonNode bericht, String name) {
    List<Long> n = new ArrayList<>();
    bericht.findParents("type").forEach(x -> {
      if (name.equals(x.path("name").asText()) && "REQUEST".equals(x.path("type").asText())) {
        n.add(x.path("stats").path("numberOfRequests").path("total").asLong());
      }
    });
    return n.stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The report's figures: Gatling 3.13 writes them only as the script js/stats.js ("var stats = {...}"
   * with unquoted keys, numbers as strings), the object before its first function.
   */
  static JsonNode lesen(Path statsJs) throws Exception {
    String text = Files.readString(statsJs);
    int ab = text.indexOf('{');
    int bis = text.indexOf("function fillStats");
    String objekt = text.substring(ab, bis < 0 ? text.length() : bis).strip();
    var mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();
    return mapper.readTree(objekt);
  }

  /** Gatling's stats: groups and requests nested under "contents"; a group's name wins over a request of the same name. */
  static void sammeln(JsonNode knoten, Map<String, JsonNode> alle) {
    for (JsonNode kind : knoten.path("contents")) {
      String name = kind.path("name").asText();
      if ("GROUP".equals(kind.path("type").asText()) || !alle.containsKey(name)) {
        alle.put(name, kind.path("stats"));
      }
      sammeln(kind, alle);
    }
  }

  static double ladung() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (Exception e) {
      return -1;
    }
  }

  /** utime + stime of a process in clock ticks (1/100 s on Linux), -1 if gone. */
  static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (Exception e) {
      return -1;
    }
  }
}
