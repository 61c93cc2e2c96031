package de.hsk.ki.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.FileSystemUtils;

/**
 * The application's benchmark (docs/benchmarks.md): the whole application on embedded PostgreSQL
 * as in production (profile postgres, history full, authorization on), driven through the Java API
 * and the REST API. Started by bench/run.sh; sizes and windows from the environment.
 */
public final class Bench {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path ARBEIT = Path.of("target", "bench").toAbsolutePath();
  static final Path MODELLE = Path.of("bench", "modelle").toAbsolutePath();
  static final String[] GRUPPEN = {"kiVerwaltung", "kiLehrkraefte", "kiSozialarbeit", "kiLeitung", "kiFoerderung", "schulamt"};

  static int zahl(String name, int vorgabe) {
    String w = System.getenv(name);
    return w == null || w.isBlank() ? vorgabe : Integer.parseInt(w.trim());
  }

  final int warmup = zahl("BENCH_WARMUP_S", 10);
  final int mess = zahl("BENCH_MESS_S", 30);
  final int w2Mess = zahl("BENCH_W2_MESS_S", 15);
  final int w3Anzahl = zahl("BENCH_W3", 10000);
  final int w4Anzahl = zahl("BENCH_W4", 1_000_000);
  final List<Integer> bestaende = Arrays.stream(System.getenv().getOrDefault("BENCH_BESTAND",
      "w5".equals(System.getenv("BENCH_NUR")) ? "10000" : "0,10000,100000,1000000").split(",")).map(String::trim).map(Integer::parseInt).toList();
  /** W5 (a working morning) runs at these backlog sizes of W2; BENCH_W5=0 leaves it out. */
  final List<Integer> w5Bestaende = Arbeitsmorgen.zahlen("BENCH_W5_BESTAND", "100000,1000000");
  final boolean w5 = zahl("BENCH_W5", 1) != 0;
  final ObjectNode ergebnis = JSON.createObjectNode();

  EmbeddedPostgres postgres;
  GreenMail mail;
  ConfigurableApplicationContext app;
  ProcessEngine engine;
  JdbcTemplate jdbc;
  DataSource ds;
  int port;

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    Bench b = new Bench();
    if ("w3".equals(System.getenv("BENCH_NUR"))) {
      // only the reminder burst (docs/benchmarks.md, W3): its own result file
      try {
        b.starten();
        b.w3();
        Files.createDirectories(ARBEIT);
        JSON.writerWithDefaultPrettyPrinter().writeValue(ARBEIT.resolve("w3.json").toFile(), b.ergebnis);
        Files.writeString(ARBEIT.resolve("w3.md"), Bericht.w3(b.ergebnis));
      } finally {
        b.beenden();
      }
      System.exit(0);
    }
    if ("meldeliste".equals(System.getenv("BENCH_NUR"))) {
      // only the report-list scenario (docs/benchmarks.md, "Meldeliste"): its own result file
      try {
        b.starten();
        MeldelistenLast.messen(b, b.ergebnis);
        Files.createDirectories(ARBEIT);
        JSON.writerWithDefaultPrettyPrinter().writeValue(ARBEIT.resolve("meldeliste.json").toFile(), b.ergebnis);
      } finally {
        b.beenden();
      }
      System.exit(0);
    }
    if ("anweisungen".equals(System.getenv("BENCH_NUR"))) {
      // only the statement count per case (docs/benchmarks.md, "Anweisungen je Fall")
      try {
        b.starten();
        Last.geschlossen(Last.java(b.engine), "WARM", 1, 5, 1);
        b.zaehlen(zahl("BENCH_ZAEHLEN", 200));
      } finally {
        b.beenden();
      }
      System.exit(0);
    }
    if ("w5".equals(System.getenv("BENCH_NUR"))) {
      // only the working morning (W5) on one backlog (BENCH_BESTAND, one size; small for a quick try)
      try {
        b.starten();
        int ziel = b.bestaende.get(b.bestaende.size() - 1);
        b.bestandBis(ziel);
        new Arbeitsmorgen(b).messen(ziel);
      } finally {
        b.schreiben();
        b.beenden();
      }
      System.exit(0);
    }
    if ("w2".equals(System.getenv("BENCH_NUR"))) {
      // only the backlog queries (W2), e.g. to compare connection options (BENCH_DB_OPTIONEN)
      try {
        b.starten();
        b.w2();
      } finally {
        b.schreiben();
        b.beenden();
      }
      System.exit(0);
    }
    boolean nurW1 = "w1".equals(System.getenv("BENCH_NUR"));
    try {
      b.starten();
      b.w1();
      b.zaehlen(zahl("BENCH_ZAEHLEN", 200));
      b.boden();
      // BENCH_NUR=w1: W1, the statement count and the floor only, the quick check of a change on the hot path
      if (!nurW1) {
        b.w3();
        b.w2();
        b.w4();
      }
      // diagnosis: keep database and application up to look at them by hand (ports in the log)
      Thread.sleep(zahl("BENCH_HALTEN_S", 0) * 1000L);
    } finally {
      b.schreiben();
      b.beenden();
    }
    System.exit(0);
  }

  void log(String text) {
    System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + text);
  }

  static int freierPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  void starten() throws Exception {
    FileSystemUtils.deleteRecursively(ARBEIT.resolve("pg-daten"));
    FileSystemUtils.deleteRecursively(ARBEIT.resolve("pg-log"));
    Files.createDirectories(ARBEIT.resolve("pg-log"));
    postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(ARBEIT.resolve("pg").toFile())
        .setDataDirectory(ARBEIT.resolve("pg-daten")).setCleanDataDirectory(true)
        .setServerConfig("max_connections", "200")
        // as in production: the embedded server's defaults (fsync off, asynchronous commit) would flatter every figure
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
        .setServerConfig("pg_stat_statements.track_planning", "on")
        .setServerConfig("logging_collector", "on")
        .setServerConfig("log_destination", "csvlog")
        .setServerConfig("log_directory", ARBEIT.resolve("pg-log").toString())
        .setServerConfig("log_filename", "postgres.log")
        .start();
    mail = new GreenMail(new ServerSetup(freierPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    port = freierPort();
    Map<String, Object> p = new HashMap<>();
    p.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
    p.put("spring.datasource.username", "postgres");
    p.put("spring.datasource.password", "unbenutzt");
    // the production default (KI_DB_POOL); W1 keeps at most 8 busy, so the peer engines' 10 are not a disadvantage
    p.put("spring.datasource.hikari.maximum-pool-size", 20);
    p.put("server.port", port);
    p.put("management.server.port", freierPort());
    p.put("camunda.bpm.admin-user.password", "Pruefstand-7-Test");
    p.put("spring.mail.host", "127.0.0.1");
    p.put("spring.mail.port", mail.getSmtp().getPort());
    // a throw-away embedded database: demo users allowed there
    p.put("KI_DEMO_MIT_POSTGRES", true);
    // diagnosis: other connection options than application-postgres.yaml's, e.g. "-c plan_cache_mode=force_custom_plan"
    if (System.getenv("BENCH_DB_OPTIONEN") != null) {
      p.put("spring.datasource.hikari.data-source-properties.options", System.getenv("BENCH_DB_OPTIONEN"));
    }
    // plain HTTP on 127.0.0.1: W5's load generator, unlike a browser, keeps Secure cookies from http://
    p.put("KI_COOKIE_SECURE", false);
    // diagnosis: settings to try without a rebuild, e.g. BENCH_APP_ARGS="camunda.bpm.job-execution.max-pool-size=8"
    for (String a : System.getenv().getOrDefault("BENCH_APP_ARGS", "").trim().split("\\s+")) {
      if (a.contains("=")) {
        p.put(a.substring(0, a.indexOf('=')).replaceFirst("^--", ""), a.substring(a.indexOf('=') + 1));
      }
    }
    long t0 = System.nanoTime();
    // command-line arguments: above the profile files, as in production (environment)
    String[] argumente = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    app = new SpringApplicationBuilder(de.hsk.ki.Application.class).profiles("postgres", "demo").logStartupInfo(false).run(argumente);
    long kontext = System.nanoTime();
    HttpClient http = HttpClient.newHttpClient();
    while (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
      Thread.sleep(20);
    }
    long bereit = System.nanoTime();
    engine = app.getBean(ProcessEngine.class);
    ds = app.getBean(DataSource.class);
    jdbc = new JdbcTemplate(ds);
    System.gc();
    Thread.sleep(500);
    System.gc();
    ObjectNode start = ergebnis.putObject("start");
    start.put("kontextMs", (kontext - t0) / 1_000_000);
    start.put("tasklistBereitMs", (bereit - t0) / 1_000_000);
    start.put("heapNachStartMb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1_048_576);
    start.put("rssNachStartMb", rssMb());
    log("gestartet: " + start);

    for (String datei : List.of("aufgabenzyklus.bpmn", "bestand.bpmn")) {
      engine.getRepositoryService().createDeployment().name("bench").enableDuplicateFiltering(true)
          .addInputStream(datei, Files.newInputStream(MODELLE.resolve(datei))).deploy();
    }
    for (String key : List.of(Last.PROZESS, "Process_BenchBestand")) {
      var a = engine.getAuthorizationService().createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
      a.setGroupId("kiVerwaltung");
      a.setResource(Resources.PROCESS_DEFINITION);
      a.setResourceId(key);
      a.addPermission(ProcessDefinitionPermissions.READ);
      a.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
      engine.getAuthorizationService().saveAuthorization(a);
    }
    jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    ergebnis.put("postgres", jdbc.queryForObject("SHOW server_version", String.class));
    ergebnis.put("java", System.getProperty("java.version"));
    ergebnis.put("kerne", Runtime.getRuntime().availableProcessors());
    ergebnis.put("heapMaxMb", Runtime.getRuntime().maxMemory() / 1_048_576);
  }

  /** CPU ticks (1/100 s) this JVM has used so far. */
  static long jvmTicks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (Exception e) {
      return 0;
    }
  }

  static long rssMb() {
    try {
      for (String z : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (z.startsWith("VmRSS:")) {
          return Long.parseLong(z.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return -1;
  }

  long wartenBisJobsErledigt(String prozess, int sekunden) throws InterruptedException {
    long ende = System.currentTimeMillis() + sekunden * 1000L;
    long offen;
    while ((offen = jdbc.queryForObject("/*bench*/ SELECT count(*) FROM act_ru_job WHERE process_def_key_ = ? AND (duedate_ IS NULL OR duedate_ <= now())",
        Long.class, prozess)) > 0 && System.currentTimeMillis() < ende) {
      Thread.sleep(200);
    }
    return offen;
  }

  ObjectNode alsJson(Last.Ergebnis e) {
    ObjectNode o = JSON.valueToTree(e);
    return o;
  }

  void w1() throws Exception {
    ArrayNode java = ergebnis.putArray("w1Java");
    ArrayNode rest = ergebnis.putArray("w1Rest");
    int mailsVorher = mail.getReceivedMessages().length;
    long faelleVorher = faelle();
    for (int threads : List.of(1, 2, 4)) {
      long cpu0 = jvmTicks();
      Last.Ergebnis e = Last.geschlossen(Last.java(engine), "W1J" + threads, threads, warmup, mess);
      // CPU of this JVM (application, its job threads, the driver, GreenMail) per case, as bench/peers measures
      // it; warm-up and window together, at the window's rate
      java.add(alsJson(e).put("jvmCpuMsJeFall", (jvmTicks() - cpu0) * 10.0 / (warmup + mess) / Math.max(0.001, e.faelleProSekunde())));
      log("W1 Java " + threads + ": " + e);
      if (threads == 4) {
        ergebnis.with("start").put("rssUnterW1Mb", rssMb());
      }
    }
    // diagnosis: the same at 1 thread without waiting for the commit's flush to disk; what is left is
    // the statements' and the application's own time (docs/benchmarks.md, why the application is slower)
    jdbc.execute("ALTER SYSTEM SET synchronous_commit = off");
    jdbc.execute("SELECT pg_reload_conf()");
    Thread.sleep(500);
    Last.Ergebnis ohneFlush = Last.geschlossen(Last.java(engine), "W1J1A", 1, warmup, mess);
    jdbc.execute("ALTER SYSTEM RESET synchronous_commit");
    jdbc.execute("SELECT pg_reload_conf()");
    Thread.sleep(500);
    ergebnis.set("w1OhneFlush", alsJson(ohneFlush));
    log("W1 Java 1 ohne Warten auf den Flush: " + ohneFlush);
    // diagnosis: 4 threads without an authenticated user, so without authorization checks and form rules
    long cpu0 = jvmTicks();
    Last.Ergebnis ohneAnmeldung = Last.geschlossen(Last.java(engine, true), "W1J4O", 4, warmup, mess);
    ergebnis.set("w1OhneAnmeldung", alsJson(ohneAnmeldung).put("jvmCpuMsJeFall",
        (jvmTicks() - cpu0) * 10.0 / (warmup + mess) / Math.max(0.001, ohneAnmeldung.faelleProSekunde())));
    log("W1 Java 4 ohne Anmeldung: " + ohneAnmeldung);
    for (int threads : List.of(1, 2, 4)) {
      Last.Ergebnis e = Last.geschlossen(Last.rest(port), "W1R" + threads, threads, warmup, mess);
      rest.add(alsJson(e));
      log("W1 REST " + threads + ": " + e);
    }
    long offen = wartenBisJobsErledigt(Last.PROZESS, 300);
    Thread.sleep(1000);
    ObjectNode pruefung = ergebnis.putObject("w1Pruefung");
    pruefung.put("faelleBeendet", faelle() - faelleVorher);
    pruefung.put("emails", mail.getReceivedMessages().length - mailsVorher);
    pruefung.put("offeneJobs", offen);
    log("W1 Prüfung: " + pruefung);

    // open loop: completions at fixed rates, below and near the closed-loop capacity
    double kapazitaet = java.get(2).get("abschluesseProSekunde").asDouble();
    ArrayNode offenLast = ergebnis.putArray("w1Offen");
    for (double anteil : new double[] {0.5, 0.8}) {
      double rate = Math.max(1, Math.floor(kapazitaet * anteil));
      List<String> aufgaben = vorbereiten((int) Math.ceil(rate * mess));
      Last.OffenErgebnis o = Last.offen(engine, aufgaben, rate, mess);
      offenLast.add(JSON.valueToTree(o));
      log("W1 offen " + rate + "/s: " + o);
    }
    wartenBisJobsErledigt(Last.PROZESS, 300);
  }

  /**
   * Statements, commits and WAL flushes per case for cases run one after another with the e-mail
   * job (pg_stat_statements, pg_stat_wal), in the peers' format (bench/peers W1Driver.zaehlen): the
   * table of what the application adds to the bare engine.
   */
  void zaehlen(int anzahl) throws Exception {
    wartenBisJobsErledigt(Last.PROZESS, 60);
    jdbc.execute("/*bench*/ SELECT pg_stat_statements_reset(), pg_stat_reset_shared('wal')");
    Last.Fall fall = Last.java(engine);
    for (int i = 0; i < anzahl; i++) {
      fall.durchlaufen("ZAEHLEN-" + i, new org.HdrHistogram.Recorder(3));
    }
    wartenBisJobsErledigt(Last.PROZESS, 60);
    Thread.sleep(11_000); // pg_stat_wal is flushed by idle backends within 10 s
    ObjectNode z = JSON.createObjectNode();
    z.put("engine", "ki-anwendung");
    z.put("faelle", anzahl);
    Map<String, Object> wal = jdbc.queryForMap("/*bench*/ SELECT wal_records, wal_sync FROM pg_stat_wal");
    z.put("walSaetzeJeFall", ((Number) wal.get("wal_records")).doubleValue() / anzahl);
    z.put("walSyncJeFall", ((Number) wal.get("wal_sync")).doubleValue() / anzahl);
    ArrayNode liste = z.putArray("anweisungen");
    for (Map<String, Object> a : jdbc.queryForList("/*bench*/ SELECT calls, total_exec_time, total_plan_time, regexp_replace(query, '\\s+', ' ', 'g') AS sql"
        + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
        + " AND query NOT LIKE '%/*bench*/%' AND query NOT LIKE '%pg_stat%' ORDER BY calls DESC, query")) {
      liste.addObject().put("jeFall", ((Number) a.get("calls")).doubleValue() / anzahl)
          .put("msJeFall", ((Number) a.get("total_exec_time")).doubleValue() / anzahl)
          .put("planungMsJeFall", ((Number) a.get("total_plan_time")).doubleValue() / anzahl).put("sql", (String) a.get("sql"));
    }
    Files.createDirectories(ARBEIT);
    JSON.writerWithDefaultPrettyPrinter().writeValue(ARBEIT.resolve("anweisungen.json").toFile(), z);
    ergebnis.set("anweisungen", z);
    log("Anweisungen je Fall: " + ARBEIT.resolve("anweisungen.json"));
  }

  long faelle() {
    return jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = ? AND end_time_ IS NOT NULL", Long.class,
        Last.PROZESS);
  }

  List<String> vorbereiten(int anzahl) {
    List<String> aufgaben = new ArrayList<>();
    for (int i = 0; i < anzahl; i++) {
      String fall = engine.getRuntimeService().startProcessInstanceByKey(Last.PROZESS, "OFFEN-" + System.nanoTime()).getId();
      aufgaben.add(engine.getTaskService().createTaskQuery().processInstanceId(fall).singleResult().getId());
    }
    return aufgaben;
  }

  /**
   * The SQL floor: captures the statements of one case, the staff's part and the job executor's
   * part apart, and replays both at once with pgbench (docs/benchmarks.md, "SQL-Boden"): the
   * staff's part with as many clients as W1 has threads, the job part with as many clients as the
   * job executor has threads. Cases per second = cases whose job part ran within the window.
   */
  void boden() throws Exception {
    ObjectNode boden = ergebnis.putObject("boden");
    Path log = ARBEIT.resolve("pg-log").resolve("postgres.csv");
    JobExecutor je = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    int jobThreads = app.getBean("camundaTaskExecutor", ThreadPoolTaskExecutor.class).getMaxPoolSize();
    jdbc.execute("ALTER SYSTEM SET log_statement = 'all'");
    jdbc.execute("SELECT pg_reload_conf()");
    Thread.sleep(500);
    String marke = "bench-boden-" + System.currentTimeMillis();
    je.shutdown(); // the job part apart: the job waits until the staff's part is captured
    jdbc.execute("SELECT '" + marke + "-start'");
    Last.java(engine).durchlaufen("BODEN-1", new org.HdrHistogram.Recorder(3));
    jdbc.execute("SELECT '" + marke + "-mitte'");
    je.start();
    wartenBisJobsErledigt(Last.PROZESS, 60);
    jdbc.execute("SELECT '" + marke + "-ende'");
    jdbc.execute("ALTER SYSTEM RESET log_statement");
    jdbc.execute("SELECT pg_reload_conf()");
    Thread.sleep(1000);
    List<Boden.Anweisung> fall = Boden.lese(log, marke + "-start", marke + "-mitte");
    List<Boden.Anweisung> job = Boden.lese(log, marke + "-mitte", marke + "-ende");
    String[] skripte = Boden.skripte(fall, job);
    Path dateiFall = ARBEIT.resolve("boden-fall.sql");
    Path dateiJob = ARBEIT.resolve("boden-job.sql");
    Files.writeString(dateiFall, skripte[0]);
    Files.writeString(dateiJob, skripte[1]);
    List<Boden.Anweisung> alle = new ArrayList<>(fall);
    alle.addAll(job);
    boden.put("anweisungenJeFall", alle.stream().filter(a -> !a.sql().equals("BEGIN") && !a.sql().equals("COMMIT")).count());
    boden.put("transaktionenJeFall", alle.stream().filter(a -> a.sql().equals("COMMIT")).count());
    boden.put("transaktionenMitarbeitende", fall.stream().filter(a -> a.sql().equals("COMMIT")).count());
    boden.put("transaktionenJobs", job.stream().filter(a -> a.sql().equals("COMMIT")).count());
    boden.put("jobClients", jobThreads);
    log("Boden: " + alle.size() + " Anweisungen erfasst, Skripte " + dateiFall + ", " + dateiJob);
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + Boden.WARTESCHLANGE + " (r BIGINT PRIMARY KEY)");
    // the replay writes real job rows, due at once: the application's job executor must leave them to pgbench
    je.shutdown();
    ArrayNode laeufe = boden.putArray("pgbench");
    for (int c : List.of(1, 2, 4)) {
      jdbc.execute("TRUNCATE " + Boden.WARTESCHLANGE);
      Process pFall = pgbench(dateiFall, c);
      Process pJob = pgbench(dateiJob, jobThreads);
      String ausFall = new String(pFall.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String ausJob = new String(pJob.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      pFall.waitFor();
      pJob.waitFor();
      long uebrig = jdbc.queryForObject("/*bench*/ SELECT count(*) FROM " + Boden.WARTESCHLANGE, Long.class);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("number of transactions actually processed: (\\d+)").matcher(ausFall);
      java.util.regex.Matcher d = java.util.regex.Pattern.compile("duration: (\\d+) s").matcher(ausFall);
      ObjectNode l = laeufe.addObject();
      l.put("clients", c);
      l.put("jobClients", jobThreads);
      if (m.find() && d.find()) {
        long begonnen = Long.parseLong(m.group(1));
        l.put("faelleBegonnen", begonnen);
        l.put("jobsOffenAmEnde", uebrig);
        l.put("faelleProSekunde", (begonnen - uebrig) / Double.parseDouble(d.group(1)));
      } else {
        l.put("faelleProSekunde", -1);
      }
      l.put("fehlgeschlagen", fehlgeschlagen(ausFall) + fehlgeschlagen(ausJob));
      if (!ausFall.contains("tps =") || !ausJob.contains("tps =")) {
        l.put("ausgabe", (ausFall + "\n" + ausJob).substring(0, Math.min(4000, ausFall.length() + ausJob.length() + 1)));
      }
      log("pgbench " + c + " + " + jobThreads + " Job-Clients: " + l);
      // the jobs of cases the window cut off stay unrun: never the job executor's
      jdbc.update("DELETE FROM act_ru_job WHERE right(id_, 10) IN (SELECT lpad(r::text, 10, '0') FROM " + Boden.WARTESCHLANGE + ")");
    }
    je.start();
  }

  private Process pgbench(Path skript, int clients) throws Exception {
    // prepared statements, as the JDBC driver uses them for every repeated statement
    return new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-f", skript.toString(), "-c", String.valueOf(clients),
        "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(mess), "-h", "127.0.0.1", "-p",
        String.valueOf(postgres.getPort()), "-U", "postgres", "postgres").redirectErrorStream(true).start();
  }

  private static long fehlgeschlagen(String ausgabe) {
    java.util.regex.Matcher f = java.util.regex.Pattern.compile("number of failed transactions: (\\d+)").matcher(ausgabe);
    return f.find() ? Long.parseLong(f.group(1)) : -1;
  }

  /**
   * 10k reminders due at once, with the engine's job executor defaults and with the application's settings; meanwhile a
   * teacher's Tasklist requests (group filter: count and first page) run continuously, compared with the same requests idle.
   */
  void w3() throws Exception {
    if (w3Anzahl <= 0) {
      return;
    }
    ArrayNode w3 = ergebnis.putArray("w3");
    // durability as in production: every reminder's commit waits for the disk
    ergebnis.put("fsync", jdbc.queryForObject("SHOW fsync", String.class) + "/" + jdbc.queryForObject("SHOW synchronous_commit", String.class));
    JobExecutor je = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    ThreadPoolTaskExecutor pool = app.getBean("camundaTaskExecutor", ThreadPoolTaskExecutor.class);
    int[] anwendung = {je.getMaxJobsPerAcquisition(), je.getWaitTimeInMillis(), (int) je.getMaxWait(), pool.getCorePoolSize(),
        pool.getMaxPoolSize(), pool.getQueueCapacity()};
    // the application's own settings first: in later variants of a run (3 000 cases deleted, 3 000 new ones copied) the
    // teacher's requests were up to ten times slower already when idle, cause not yet found (docs/benchmarks.md, W3)
    List<String> varianten = Arrays.stream(System.getenv().getOrDefault("BENCH_W3_VARIANTEN", "Anwendung,Engine-Vorgaben").split(","))
        .map(String::trim).toList();
    // warm-up, not measured: the JIT compiles the timer path before the first variant's burst
    int aufwaermen = zahl("BENCH_W3_AUFWAERMEN", 500);
    if (aufwaermen > 0) {
      String vorlage = vorlage("W3A-Aufwaermen", "kiLehrkraefte", "SUNDERN");
      new Bestand(ds).kopiere(vorlage, 1, aufwaermen - 1, null, null);
      jdbc.update("UPDATE act_ru_job SET duedate_ = now() WHERE process_instance_id_ IN (SELECT id_ FROM act_hi_procinst"
          + " WHERE business_key_ LIKE 'W3A-%')");
      while (jdbc.queryForObject("/*bench*/ SELECT count(*) FROM act_ru_job j JOIN act_hi_procinst p ON p.id_ = j.process_instance_id_"
          + " WHERE p.business_key_ LIKE 'W3A-%'", Long.class) > 0) {
        Thread.sleep(500);
      }
      engine.getRuntimeService().deleteProcessInstances(
          jdbc.queryForList("SELECT id_ FROM act_hi_procinst WHERE business_key_ LIKE 'W3A-%'", String.class), "Benchmark", true, true);
    }
    for (String spezifikation : varianten) {
      // diagnosis variants: "Name:jobs=20:max=8:schlange=20:pool=20" (settings of the application otherwise)
      String[] teile = spezifikation.split(":");
      String variante = teile[0];
      Map<String, Integer> w = new HashMap<>();
      for (int i = 1; i < teile.length; i++) {
        w.put(teile[i].substring(0, teile[i].indexOf('=')), Integer.parseInt(teile[i].substring(teile[i].indexOf('=') + 1)));
      }
      je.shutdown();
      int[] e = variante.equals("Engine-Vorgaben") ? new int[] {3, 5000, 60000, 3, 10, 3}
          : new int[] {w.getOrDefault("jobs", anwendung[0]), w.getOrDefault("warten", anwendung[1]), w.getOrDefault("warten", anwendung[2]),
              w.getOrDefault("kern", anwendung[3]),
              w.getOrDefault("max", anwendung[4]), w.getOrDefault("schlange", anwendung[5])};
      einstellen(je, pool, e[0], e[1], e[2], e[3], e[4], e[5]);
      var hikari = ds.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariConfigMXBean();
      int poolVorher = hikari.getMaximumPoolSize();
      hikari.setMaximumPoolSize(w.getOrDefault("pool", poolVorher));
      if (w.containsKey("generisch")) {
        // diagnosis: PostgreSQL's default plan cache (generic plans after five executions) instead of the connection option
        // force_custom_plan, on every connection of the pool (a session's SET outranks the option until RESET)
        jedeVerbindung(hikari.getMaximumPoolSize(), "SET plan_cache_mode = auto");
      }
      var cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      var historie = cfg.getHistoryEventHandler();
      if (w.getOrDefault("ohneJoblog", 0) == 1) {
        // diagnosis: what the job log's row per fired timer costs
        cfg.setHistoryEventHandler(new org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler() {
          public void handleEvent(org.camunda.bpm.engine.impl.history.event.HistoryEvent h) {
            if (!(h instanceof org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent j && j.isSuccessLog())) {
              historie.handleEvent(h);
            }
          }

          public void handleEvents(List<org.camunda.bpm.engine.impl.history.event.HistoryEvent> l) {
            l.forEach(this::handleEvent);
          }
        });
      }
      je.start();
      String vorlage = vorlage("W3-" + variante, "kiLehrkraefte", "SUNDERN");
      Bestand bestand = new Bestand(ds);
      bestand.kopiere(vorlage, 1, w3Anzahl - 1, null, null);
      // as autovacuum would after such a change: without statistics the group filter joins task by task (seconds)
      bestand.analysieren();
      List<String> faelle = jdbc.queryForList("SELECT id_ FROM act_hi_procinst WHERE business_key_ LIKE ?", String.class,
          "W3-" + variante + "%");
      int mailsVorher = mail.getReceivedMessages().length;
      Webanfragen web = new Webanfragen();
      web.start();
      // nothing due for a while: the job executor backs off, as at night; the teacher's requests meanwhile are the idle figures
      Thread.sleep(5000);
      long leerSeit = System.nanoTime();
      long[] cpuLeer = {jvmCpuMs(), postgresCpuMs()};
      Thread.sleep(Math.max(0, zahl("BENCH_W3_LEERLAUF_S", 120) - 5) * 1000L);
      // CPU per second of the idle job executor and the teacher's requests: taken off the burst's figure below
      double leerDauerS = (System.nanoTime() - leerSeit) / 1e9;
      double[] leerJeS = {(jvmCpuMs() - cpuLeer[0]) / leerDauerS, (postgresCpuMs() - cpuLeer[1]) / leerDauerS};
      Timestamp faellig = new Timestamp(System.currentTimeMillis() + 2_000);
      int gesetzt = jdbc.update("UPDATE act_ru_job SET duedate_ = ? WHERE process_instance_id_ IN (SELECT id_ FROM act_hi_procinst"
          + " WHERE business_key_ LIKE ?)", faellig, "W3-" + variante + "%");
      jdbc.execute("SELECT pg_stat_statements_reset()");
      Thread.sleep(Math.max(0, faellig.getTime() - System.currentTimeMillis()));
      web.phase(1);
      long[] cpuVorher = {jvmCpuMs(), postgresCpuMs()};
      long burstSeit = System.nanoTime();
      // how busy the job threads were: idle threads while reminders wait point at the acquisition, not at CPU or database
      long[] belegung = new long[3];
      Thread stichprobe = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          belegung[0]++;
          belegung[1] += pool.getActiveCount();
          belegung[2] += pool.getThreadPoolExecutor().getQueue().isEmpty() ? 1 : 0;
          try {
            Thread.sleep(10);
          } catch (InterruptedException x) {
            return;
          }
        }
      });
      stichprobe.start();
      long ende = System.currentTimeMillis() + 900_000;
      long offen;
      while ((offen = jdbc.queryForObject("/*bench*/ SELECT count(*) FROM act_ru_job j JOIN act_hi_procinst p ON p.id_ = j.process_instance_id_"
          + " WHERE p.business_key_ LIKE ?", Long.class, "W3-" + variante + "%")) > 0 && System.currentTimeMillis() < ende) {
        Thread.sleep(200);
      }
      double burstS = (System.nanoTime() - burstSeit) / 1e9;
      double[] cpu = {jvmCpuMs() - cpuVorher[0] - leerJeS[0] * burstS, postgresCpuMs() - cpuVorher[1] - leerJeS[1] * burstS};
      stichprobe.interrupt();
      stichprobe.join();
      web.beenden();
      String last = Files.readString(Path.of("/proc/loadavg")).trim();
      Thread.sleep(1000);
      // when each reminder ran: the end event behind the boundary timer (the job log may leave out successful timer jobs)
      Map<String, Object> zeiten = jdbc.queryForMap("SELECT min(a.start_time_) AS erster, max(a.start_time_) AS letzter FROM act_hi_actinst a"
          + " JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_ WHERE p.business_key_ LIKE ? AND a.act_id_ = 'Event_Erinnert'",
          "W3-" + variante + "%");
      ObjectNode o = w3.addObject();
      o.put("variante", variante);
      o.put("erinnerungen", gesetzt);
      o.put("nichtErledigt", offen);
      o.put("emails", mail.getReceivedMessages().length - mailsVorher);
      // the machine's load while the burst ran (shared machine: other benchmarks show here)
      o.put("lastDanach", last);
      // CPU time the burst cost (the teacher's requests included): two cores bound the rate
      o.put("mittlereAktiveJobThreads", (double) belegung[1] / Math.max(1, belegung[0]));
      o.put("anteilWarteschlangeLeer", (double) belegung[2] / Math.max(1, belegung[0]));
      o.put("cpuMsJeErinnerungAnwendung", (double) cpu[0] / Math.max(1, gesetzt));
      o.put("cpuMsJeErinnerungPostgres", (double) cpu[1] / Math.max(1, gesetzt));
      o.put("einstellungen", e[0] + " Jobs je Abruf, " + e[3] + "–" + e[4] + " Threads, Warteschlange " + e[5]
          + ", Leerlauf bis " + e[2] / 1000 + " s, Pool " + hikari.getMaximumPoolSize());
      hikari.setMaximumPoolSize(poolVorher);
      cfg.setHistoryEventHandler(historie);
      if (w.containsKey("generisch")) {
        jedeVerbindung(hikari.getMaximumPoolSize(), "RESET plan_cache_mode");
        o.put("einstellungen", o.path("einstellungen").asText() + ", plan_cache_mode auto");
      }
      if (w.getOrDefault("ohneJoblog", 0) == 1) {
        o.put("einstellungen", o.path("einstellungen").asText() + ", ohne Job-Log-Zeile je Erfolg");
      }
      if (zeiten.get("letzter") != null) {
        long erster = ((Timestamp) zeiten.get("erster")).getTime();
        long letzter = ((Timestamp) zeiten.get("letzter")).getTime();
        o.put("ersteVerspaetungS", (erster - faellig.getTime()) / 1000.0);
        o.put("letzteVerspaetungS", (letzter - faellig.getTime()) / 1000.0);
        o.put("abbauProSekunde", gesetzt / Math.max(0.001, (letzter - erster) / 1000.0));
      }
      web.ergebnis(o.putObject("webanfragen"));
      // what the database did during the burst: statements per reminder, the costliest first
      ArrayNode teuer = o.putArray("anweisungen");
      long summe = 0;
      for (Map<String, Object> z : jdbc.queryForList("SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS anweisung, calls,"
          + " round(total_exec_time::numeric, 1) AS gesamt_ms FROM pg_stat_statements WHERE query NOT LIKE '%/*bench*/%'"
          + " ORDER BY total_exec_time DESC")) {
        summe += ((Number) z.get("calls")).longValue();
        if (teuer.size() < 15) {
          ObjectNode t = teuer.addObject();
          t.put("anweisung", (String) z.get("anweisung"));
          t.put("aufrufe", ((Number) z.get("calls")).longValue());
          t.put("gesamtMs", ((Number) z.get("gesamt_ms")).doubleValue());
        }
      }
      o.put("anweisungenJeErinnerung", (double) summe / Math.max(1, gesetzt));
      log("W3 " + o);
      // the W3 cases stay open (their tasks) but leave the backlog of W2 alone
      jdbc.update("DELETE FROM act_ru_job WHERE process_instance_id_ IN (SELECT id_ FROM act_hi_procinst WHERE business_key_ LIKE ?)",
          "W3-" + variante + "%");
      engine.getRuntimeService().deleteProcessInstances(faelle, "Benchmark", true, true);
    }
    je.shutdown();
    einstellen(je, pool, anwendung[0], anwendung[1], anwendung[2], anwendung[3], anwendung[4], anwendung[5]);
    je.start();
  }

  /**
   * W3's web requests: one teacher (tbecker) asks the group filter for its count and first page, one after the other with a
   * short pause (BENCH_W3_WEB_PAUSE_MS), as Tasklist does when its list refreshes; phase 0 idle, phase 1 during the burst.
   */
  final class Webanfragen extends Thread {
    final String[] namen = {"anzahl", "ersteSeite"};
    final Histogram[][] h = {{new Histogram(3), new Histogram(3)}, {new Histogram(3), new Histogram(3)}};
    final int[] fehler = new int[2];
    volatile int phase = 0;
    volatile boolean weiter = true;

    Webanfragen() {
      super("w3-web");
      setDaemon(true);
    }

    void phase(int p) {
      phase = p;
    }

    @Override
    public void run() {
      try {
        HttpClient http = HttpClient.newHttpClient();
        String filter = engine.getFilterService().createFilterQuery()
            .filterName(de.hsk.ki.plattform.identitaet.IdentitaetEinrichtung.FILTER_GRUPPE).singleResult().getId();
        String basis = "http://127.0.0.1:" + port + "/engine-rest/filter/" + filter;
        // as Tasklist asks: count and list with the filter's extension body (GET …/count is not on the allow-list)
        String[][] anfragen = {{"POST", basis + "/count", "{}"},
            {"POST", basis + "/list?firstResult=0&maxResults=15", "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}"}};
        int pause = zahl("BENCH_W3_WEB_PAUSE_MS", 200);
        for (int i = 0; weiter; i++) {
          int a = i % 2;
          int p = phase;
          long s = System.nanoTime();
          try {
            Last.senden(http, anfragen[a][0], anfragen[a][1], "tbecker", anfragen[a][2], 200);
            // the first requests warm up the caches (password check, filter)
            if (i >= 10) {
              h[p][a].recordValue((System.nanoTime() - s) / 1000);
            }
          } catch (Exception e) {
            if (fehler[0] + fehler[1] == 0) {
              log("W3 Webanfrage gescheitert: " + e);
            }
            fehler[p]++;
          }
          Thread.sleep(pause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void beenden() throws InterruptedException {
      weiter = false;
      join(120_000);
    }

    void ergebnis(ObjectNode o) {
      String[] phasen = {"leerlauf", "waehrend"};
      for (int p = 0; p < 2; p++) {
        ObjectNode ph = o.putObject(phasen[p]);
        for (int a = 0; a < 2; a++) {
          ObjectNode q = ph.putObject(namen[a]);
          q.put("anfragen", h[p][a].getTotalCount());
          q.put("p50Ms", Last.ms(h[p][a], 50));
          q.put("p95Ms", Last.ms(h[p][a], 95));
          q.put("maxMs", h[p][a].getMaxValue() / 1000.0);
        }
        ph.put("fehler", fehler[p]);
      }
    }
  }

  /** Runs a statement on every connection of the pool: holds them all at once, so each is a different one. */
  void jedeVerbindung(int anzahl, String sql) throws Exception {
    List<java.sql.Connection> alle = new ArrayList<>();
    try {
      for (int i = 0; i < anzahl; i++) {
        java.sql.Connection c = ds.getConnection();
        alle.add(c);
        try (var st = c.createStatement()) {
          st.execute(sql);
        }
      }
    } finally {
      for (java.sql.Connection c : alle) {
        c.close();
      }
    }
  }

  static long jvmCpuMs() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
  }

  /** CPU time of the embedded PostgreSQL: its postmaster and every backend (Linux /proc; -1 elsewhere). */
  long postgresCpuMs() {
    try {
      String postmaster = Files.readAllLines(ARBEIT.resolve("pg-daten").resolve("postmaster.pid")).get(0).trim();
      long ticks = 0;
      try (var prozesse = Files.list(Path.of("/proc"))) {
        for (Path p : prozesse.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
          try {
            String stat = Files.readString(p.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the name: state, ppid, …; utime and stime are the 12th and 13th
            if (p.getFileName().toString().equals(postmaster) || f[1].equals(postmaster)) {
              ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
          } catch (Exception e) {
            // the process ended meanwhile
          }
        }
      }
      return ticks * 10; // USER_HZ 100
    } catch (Exception e) {
      return -1;
    }
  }

  static void einstellen(JobExecutor je, ThreadPoolTaskExecutor pool, int jobsJeAbruf, int warten, int maxWarten, int kern, int max,
      int schlange) {
    je.setMaxJobsPerAcquisition(jobsJeAbruf);
    je.setWaitTimeInMillis(warten);
    je.setMaxWait(maxWarten);
    pool.setMaxPoolSize(Math.max(max, pool.getMaxPoolSize()));
    pool.setCorePoolSize(kern);
    pool.setMaxPoolSize(max);
    pool.setQueueCapacity(schlange);
  }

  /** A template case of the backlog model, made by the engine. */
  String vorlage(String aktenzeichen, String gruppe, String kommune) {
    return engine.getRuntimeService().startProcessInstanceByKey("Process_BenchBestand", aktenzeichen,
        Map.of("gruppe", gruppe, "kommune", kommune)).getId();
  }

  /** The backlog's templates (this county's groups and the other centres'), made once; copies are added up to a size. */
  List<String> hier;
  List<String> andere;
  int vorhanden;
  int naechste = 1;

  void vorlagenAnlegen() {
    // One installation for all 54 integration centres of NRW: this county's six groups and twelve
    // municipalities hold 1/54 of the backlog, 53 other centres (groups of their own) the rest.
    List<String> kommunen = jdbc.queryForList("SELECT schluessel FROM ki_kommune ORDER BY schluessel", String.class);
    // business keys by group number: with the copy number they stay within the 32 characters of an
    // Aktenzeichen (the access log of a task's form stores it)
    hier = new ArrayList<>();
    for (int i = 0; i < GRUPPEN.length; i++) {
      for (String k : kommunen) {
        hier.add(vorlage("BESTAND-" + i + "-" + k, GRUPPEN[i], k));
      }
    }
    andere = new ArrayList<>();
    for (int z = 2; z <= 54; z++) {
      for (int i = 0; i < GRUPPEN.length; i++) {
        andere.add(vorlage(String.format("BESTAND-Z%02d-%d", z, i), String.format("z%02d%s", z, GRUPPEN[i]), String.format("Z%02d", z)));
      }
    }
    vorhanden = hier.size() + andere.size();
  }

  void bestandBis(int ziel) {
    if (hier == null) {
      vorlagenAnlegen();
    }
    if (ziel > vorhanden) {
      long t = System.nanoTime();
      int dazu = ziel - vorhanden;
      int jeHier = Math.max(1, (int) Math.round(dazu / 54.0 / hier.size()));
      int jeAndere = Math.max(1, (int) Math.round(dazu * 53 / 54.0 / andere.size()));
      Bestand bestand = new Bestand(ds);
      for (String v : hier) {
        bestand.kopiere(v, naechste, jeHier, "((g % 120) - 40) * interval '1 day'", null);
      }
      for (String v : andere) {
        bestand.kopiere(v, naechste, jeAndere, "((g % 120) - 40) * interval '1 day'", null);
      }
      naechste += Math.max(jeHier, jeAndere);
      vorhanden += jeHier * hier.size() + jeAndere * andere.size();
      bestand.analysieren();
      log("Bestand " + vorhanden + " offene Aufgaben in " + (System.nanoTime() - t) / 1_000_000_000 + " s");
    }
  }

  /** Backlog sizes: the Tasklist queries of a group member and W1's completions at each size. */
  void w2() throws Exception {
    ArrayNode w2 = ergebnis.putArray("w2");
    Arbeitsmorgen morgen = new Arbeitsmorgen(this);
    for (int ziel : bestaende) {
      bestandBis(ziel);
      ObjectNode o = w2.addObject();
      o.put("offeneAufgaben", jdbc.queryForObject("SELECT count(*) FROM act_ru_task", Long.class));
      abfragen(o);
      boolean groesster = ziel == bestaende.get(bestaende.size() - 1);
      if (groesster) {
        plaene();
        rechteIndexVersuch(o);
        jdbc.execute("SELECT pg_stat_statements_reset()");
      }
      Last.Ergebnis e = Last.geschlossen(Last.java(engine), "W2-" + ziel, 4, Math.min(warmup, 5), w2Mess);
      o.set("w1", alsJson(e));
      log("W2 " + o);
      wartenBisJobsErledigt(Last.PROZESS, 300);
      if (groesster) {
        // the statements of W1 at this size, slowest first: where the time goes
        ArrayNode teuer = ergebnis.putArray("w2Anweisungen");
        for (Map<String, Object> z : jdbc.queryForList("SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS anweisung, calls,"
            + " round(mean_exec_time::numeric, 3) AS mittel_ms FROM pg_stat_statements WHERE calls >= 20"
            + " ORDER BY mean_exec_time DESC LIMIT 8")) {
          ObjectNode t = teuer.addObject();
          t.put("anweisung", (String) z.get("anweisung"));
          t.put("aufrufe", ((Number) z.get("calls")).longValue());
          t.put("mittelMs", ((Number) z.get("mittel_ms")).doubleValue());
        }
        o.put("akquiseMs", akquiseMs());
        // each index of our own migrations against the same W1 without it
        ObjectNode ohne = o.putObject("w1OhneIndex");
        for (String[] index : new String[][] {
            {"ki_idx_ru_task_parent", "CREATE INDEX ki_idx_ru_task_parent ON act_ru_task (parent_task_id_)", "V6", "ACT_RU_TASK.PARENT_TASK_ID_"},
            {"ki_idx_ru_job_faellig", "CREATE INDEX ki_idx_ru_job_faellig ON act_ru_job (duedate_)", "V8", "ACT_RU_JOB.DUEDATE_"}}) {
          if (jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = ?", Long.class, index[0]) == 0) {
            continue;
          }
          jdbc.execute("DROP INDEX " + index[0]);
          jdbc.execute("SELECT pg_stat_statements_reset()");
          Last.Ergebnis e2 = Last.geschlossen(Last.java(engine), "W2-ohne-" + index[2] + "-" + ziel, 4, Math.min(warmup, 5), w2Mess);
          jdbc.execute(index[1]);
          ObjectNode x = alsJson(e2);
          x.put("migration", index[2]);
          x.put("spalte", index[3]);
          x.put("akquiseMs", akquiseMs());
          ohne.set(index[0], x);
          log("W2 ohne " + index[0] + ": " + e2);
          wartenBisJobsErledigt(Last.PROZESS, 300);
        }
      }
      if (w5 && w5Bestaende.contains(ziel)) {
        morgen.messen(ziel);
      }
    }
  }

  /**
   * The lever for the group count (docs/benchmarks.md, W2): the count checks the grants of every
   * task of the group with index lookups on ACT_RU_AUTHORIZATION and a heap visit each; a covering
   * index lets them stay in the index. Measured with and without on the same backlog, then dropped.
   */
  void rechteIndexVersuch(ObjectNode o) throws Exception {
    jdbc.execute("VACUUM ANALYZE act_ru_authorization");
    abfragen(o.putObject("rechteIndexOhne"));
    jdbc.execute("CREATE INDEX bench_idx_auth_abdeckend ON act_ru_authorization (resource_id_, resource_type_)"
        + " INCLUDE (type_, user_id_, group_id_, perms_)");
    jdbc.execute("VACUUM ANALYZE act_ru_authorization");
    abfragen(o.putObject("rechteIndexMit"));
    jdbc.execute("DROP INDEX bench_idx_auth_abdeckend");
    log("W2 Rechte-Index: ohne " + o.path("rechteIndexOhne") + ", mit " + o.path("rechteIndexMit"));
  }

  /** Mean time of the job executor's acquisition query since the last reset of pg_stat_statements. */
  double akquiseMs() {
    List<Double> t = jdbc.queryForList("SELECT mean_exec_time FROM pg_stat_statements"
        + " WHERE regexp_replace(query, '\\s+', ' ', 'g') LIKE '%select RES.ID\\_, RES.REV\\_, RES.DUEDATE\\_%ACT\\_RU\\_JOB%'"
        + " ORDER BY calls DESC LIMIT 1", Double.class);
    return t.isEmpty() ? -1 : t.get(0);
  }

  /** Plans of the Tasklist queries and the job acquisition at the largest backlog, from auto_explain. */
  void plaene() throws Exception {
    String marke = "bench-plaene-" + System.currentTimeMillis();
    jdbc.execute("ALTER SYSTEM SET auto_explain.log_min_duration = '" + zahl("BENCH_PLAN_MS", 20) + "ms'");
    jdbc.execute("ALTER SYSTEM SET auto_explain.log_analyze = on");
    jdbc.execute("ALTER SYSTEM SET auto_explain.log_buffers = on");
    jdbc.execute("SELECT pg_reload_conf()");
    Thread.sleep(500);
    logMarke(marke + "-start");
    abfragen(JSON.createObjectNode(), 3);
    Thread.sleep(6000); // at least one job acquisition of the idle job executor
    logMarke(marke + "-ende");
    jdbc.execute("ALTER SYSTEM RESET auto_explain.log_min_duration");
    jdbc.execute("ALTER SYSTEM RESET auto_explain.log_analyze");
    jdbc.execute("ALTER SYSTEM RESET auto_explain.log_buffers");
    jdbc.execute("SELECT pg_reload_conf()");
    Thread.sleep(1000);
    List<String> plaene = Boden.plaene(ARBEIT.resolve("pg-log").resolve("postgres.csv"), marke + "-start", marke + "-ende");
    Files.writeString(ARBEIT.resolve("w2-plaene.txt"), String.join("\n\n", plaene));
    log("W2: " + plaene.size() + " Pläne langsamer Anweisungen in " + ARBEIT.resolve("w2-plaene.txt"));
  }

  /** A line in the server log whatever log_statement says (the plans are logged without their statements). */
  void logMarke(String text) {
    jdbc.execute("DO $$BEGIN RAISE LOG '" + text + "'; END$$");
  }

  void abfragen(ObjectNode o) throws Exception {
    abfragen(o, zahl("BENCH_W2_ABFRAGEN", 100));
  }

  void abfragen(ObjectNode o, int wiederholungen) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String filter = engine.getFilterService().createFilterQuery().filterName(de.hsk.ki.plattform.identitaet.IdentitaetEinrichtung.FILTER_GRUPPE)
        .singleResult().getId();
    String basis = "http://127.0.0.1:" + port + "/engine-rest/filter/" + filter;
    String sortiert = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
    Map<String, String[]> abfragen = new java.util.LinkedHashMap<>();
    abfragen.put("ersteSeite", new String[] {"POST", basis + "/list?firstResult=0&maxResults=15", sortiert});
    abfragen.put("anzahl", new String[] {"POST", basis + "/count", "{}"});
    // a filter on a case variable (e.g. kommune) is refused to staff since the query protection (AbfrageSchutzFilter)
    for (var a : abfragen.entrySet()) {
      Histogram h = new Histogram(3);
      String antwort = null;
      for (int i = 0; i < wiederholungen + 5; i++) {
        long s = System.nanoTime();
        antwort = Last.senden(http, a.getValue()[0], a.getValue()[1], "tbecker", a.getValue()[2], 200);
        if (i >= 5) {
          h.recordValue((System.nanoTime() - s) / 1000);
        }
      }
      ObjectNode q = o.putObject(a.getKey());
      q.put("p50Ms", Last.ms(h, 50));
      q.put("p95Ms", Last.ms(h, 95));
      JsonNode j = JSON.readTree(antwort);
      q.put("treffer", j.isArray() ? j.size() : j.path("count").asLong());
    }
  }

  /** History clean-up at a million historic cases whose removal time has passed. */
  void w4() throws Exception {
    if (w4Anzahl <= 0) {
      return;
    }
    ObjectNode w4 = ergebnis.putObject("w4");
    String vorlage = jdbc.queryForObject("SELECT id_ FROM act_hi_procinst WHERE proc_def_key_ = ? AND end_time_ IS NOT NULL LIMIT 1",
        String.class, Last.PROZESS);
    Timestamp vorbei = new Timestamp(System.currentTimeMillis() - 86_400_000L);
    // inside the clean-up window the clean-up would remove the copies while they are written
    for (var job : engine.getHistoryService().findHistoryCleanupJobs()) {
      engine.getManagementService().suspendJobById(job.getId());
    }
    long t = System.nanoTime();
    Bestand bestand = new Bestand(ds);
    int schritt = 100_000;
    for (int ab = 1; ab <= w4Anzahl; ab += schritt) {
      bestand.kopiere(vorlage, ab, Math.min(schritt, w4Anzahl - ab + 1), null, vorbei);
    }
    bestand.analysieren();
    long historisch = jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE removal_time_ < now()", Long.class);
    log("W4: " + historisch + " historische Fälle zum Löschen in " + (System.nanoTime() - t) / 1_000_000_000 + " s angelegt");
    w4.put("historischeFaelle", historisch);
    var cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    w4.put("batchGroesse", cfg.getHistoryCleanupBatchSize());
    w4.put("parallelitaet", cfg.getHistoryCleanupDegreeOfParallelism());
    // a case is removed when its rows are gone from every history table, not only its head row
    List<String> historie = Bestand.TABELLEN.stream().filter(x -> x.startsWith("act_hi_")).toList();
    long zeilen = historischeZeilen(historie);
    w4.put("historischeZeilen", zeilen);
    long beginn = System.nanoTime();
    engine.getHistoryService().cleanUpHistoryAsync(true);
    for (var job : engine.getHistoryService().findHistoryCleanupJobs()) {
      engine.getManagementService().activateJobById(job.getId());
    }
    long ende = System.currentTimeMillis() + zahl("BENCH_W4_MESS_S", 1800) * 1000L;
    double koepfeWeg = -1;
    long rest = zeilen;
    while (rest > 0 && System.currentTimeMillis() < ende) {
      Thread.sleep(10_000);
      if (koepfeWeg < 0 && jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE removal_time_ < now()", Long.class) == 0) {
        koepfeWeg = (System.nanoTime() - beginn) / 1e9;
      }
      rest = historischeZeilen(historie);
      log("W4: noch " + rest + " von " + zeilen + " Zeilen");
    }
    double sekunden = (System.nanoTime() - beginn) / 1e9;
    w4.put("sekundenBisAllesWeg", rest == 0 ? sekunden : -1);
    w4.put("sekundenBisFallkoepfeWeg", koepfeWeg);
    w4.put("zeilenUebrig", rest);
    // cases per second: all their rows gone; while rows remain, estimated from the rows per case
    w4.put("geloeschtProSekunde", rest == 0 ? historisch / sekunden : (zeilen - rest) / sekunden / ((double) zeilen / historisch));
    w4.put("geschaetzt", rest > 0);
    w4.put("zeilenProSekunde", (zeilen - rest) / sekunden);
    w4.put("messSekunden", sekunden);
    log("W4 " + w4);
  }

  long historischeZeilen(List<String> tabellen) {
    long summe = 0;
    for (String t : tabellen) {
      summe += jdbc.queryForObject("/*bench*/ SELECT count(*) FROM " + t + " WHERE removal_time_ < now()", Long.class);
    }
    return summe;
  }

  void schreiben() throws Exception {
    Path peers = Path.of("bench", "peers", "target", "ergebnisse");
    if (Files.isDirectory(peers)) {
      ArrayNode p = ergebnis.putArray("peers");
      try (var dateien = Files.list(peers)) {
        ObjectNode anweisungen = ergebnis.putObject("peerAnweisungen");
        for (Path d : dateien.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          JsonNode j = JSON.readTree(d.toFile());
          if (d.getFileName().toString().endsWith("-anweisungen.json")) {
            anweisungen.set(j.path("engine").asText(), j);
          } else {
            p.add(j);
          }
        }
      }
    }
    Files.createDirectories(ARBEIT);
    JSON.writerWithDefaultPrettyPrinter().writeValue(ARBEIT.resolve("ergebnis.json").toFile(), ergebnis);
    Files.writeString(ARBEIT.resolve("benchmarks.md"), Bericht.markdown(ergebnis));
    log("Ergebnis: " + ARBEIT.resolve("ergebnis.json") + " und " + ARBEIT.resolve("benchmarks.md"));
  }

  void beenden() {
    try {
      if (app != null) {
        app.close();
      }
      if (mail != null) {
        mail.stop();
      }
      if (postgres != null) {
        postgres.close();
      }
    } catch (Exception e) {
      log("Beenden: " + e);
    }
  }
}
