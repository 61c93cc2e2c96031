package de.hsk.ki.bench.peers.gemeinsam;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Workload W1 (closed loop): each client thread starts a case, completes its two user tasks and
 * starts the next; the async e-mail step runs on the engine's own executor. One engine per JVM,
 * with its own embedded PostgreSQL and GreenMail.
 *
 * <p>System properties: bench.warmupS (10), bench.messS (30), bench.threads (1,2,4), bench.drainS
 * (60), bench.modell (model file), bench.ausgabe (JSON directory), bench.arbeit (working directory).
 */
public final class W1Driver {

  private static final String TASK_1 = "Task_Erstberatung";
  private static final String TASK_2 = "Task_Zuweisung";
  private static final int POOL_SIZE = 10;
  private static final int CORES = Runtime.getRuntime().availableProcessors();
  private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux

  private W1Driver() {}

  /**
   * True (default, bench.ids=uuid): every engine uses its StrongUuidGenerator. The engines' default
   * DbIdGenerator fetches id blocks in a nested transaction on a second connection while holding the
   * generator's lock; with 4 clients plus executor threads on a pool of 10 this deadlocks until the
   * pool's 30 s timeout. bench.ids=db keeps the engines' default to reproduce that.
   */
  public static boolean uuidIds() {
    return !"db".equals(System.getProperty("bench.ids", "uuid"));
  }

  /** Result of one measured phase. */
  record Phase(int threads, double seconds, long cases, long completions, long iterations,
      long emails, long errors, long drainMs, Histogram completion, Histogram iteration) {

    double casesPerSecond() {
      return cases / seconds;
    }

    double completionsPerSecond() {
      return completions / seconds;
    }
  }

  public static void run(Engine engine) throws Exception {
    // quiet logging unless asked otherwise; must happen before the first logger is created
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    int warmupS = Integer.getInteger("bench.warmupS", 10);
    int messS = Integer.getInteger("bench.messS", 30);
    int drainS = Integer.getInteger("bench.drainS", 60);
    int[] threadCounts = Arrays.stream(System.getProperty("bench.threads", "1,2,4").split(","))
        .map(String::trim).mapToInt(Integer::parseInt).toArray();
    Path model = modelPath();
    Path out = Path.of(System.getProperty("bench.ausgabe", "target/ergebnisse"));
    Path work = Path.of(System.getProperty("bench.arbeit", "target/pg/" + engine.name()));

    System.out.printf("== %s %s: warm-up %d s, measurement %d s, threads %s, ids %s, model %s%n",
        engine.name(), engine.version(), warmupS, messS, Arrays.toString(threadCounts),
        uuidIds() ? "StrongUuidGenerator" : "DbIdGenerator (engine default)", model);

    GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    int smtpPort = greenMail.getSmtp().getPort();

    Files.createDirectories(work);
    // fresh cluster per run; working and data directory under target/ (the binaries unpack there)
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(work.resolve("work").toFile())
        .setDataDirectory(work.resolve("data").toFile())
        .setCleanDataDirectory(true)
        // durable commits as in the application's own bench: the embedded defaults would flatter
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .setServerConfig("pg_stat_statements.track_planning", "on")
        .start();

    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    hc.setUsername("postgres");
    hc.setPassword("");
    hc.setMaximumPoolSize(POOL_SIZE);
    hc.setPoolName("bench-" + engine.name());
    HikariDataSource dataSource = new HikariDataSource(hc);

    try {
      long t0 = System.nanoTime();
      engine.build(dataSource, new PartnerMail("127.0.0.1", smtpPort));
      long startupMs = (System.nanoTime() - t0) / 1_000_000;
      engine.deploy(model);
      System.gc();
      double heapMb = mb(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
      System.out.printf("start-up %d ms (engine build incl. schema), heap after start-up %.1f MB%n",
          startupMs, heapMb);

      List<Phase> phases = new ArrayList<>();
      java.util.Map<Integer, Double> jvmCpuMsJeFall = new java.util.TreeMap<>();
      double rssMb = -1;
      for (int threads : threadCounts) {
        String warmPrefix = "w1-" + threads + "-warm-";
        runClients(engine, threads, warmupS, warmPrefix);
        drain(engine, drainS); // the warm-up backlog must not spill into the measurement
        greenMail.purgeEmailFromAllMailboxes();

        String prefix = "w1-" + threads + "-mess-";
        double[] cpu0 = cpuSeconds(work);
        long jvm0 = ticks(ProcessHandle.current().pid());
        Phase p = runClients(engine, threads, messS, prefix);
        long jvm1 = ticks(ProcessHandle.current().pid());
        double[] cpu1 = cpuSeconds(work);
        jvmCpuMsJeFall.put(threads, (jvm1 - jvm0) * 1000.0 / CLOCK_TICKS / Math.max(1, p.iterations()));
        long drainMs = drain(engine, drainS);
        long cases = engine.countFinished(prefix);
        long emails = countEmails(greenMail, prefix);
        p = new Phase(threads, p.seconds(), cases, p.completions(), p.iterations(), emails,
            p.errors(), drainMs, p.completion(), p.iteration());
        phases.add(p);
        print(p);
        // 2 shared cores: CPU used outside this JVM and its PostgreSQL distorts the numbers
        System.out.printf(Locale.ROOT, "  CPU: bench %.0f%%, other processes %.0f%% of %d cores%n",
            100 * (cpu1[1] - cpu0[1]) / p.seconds() / CORES,
            // tick accounting is coarse: clamp the small negative remainders to 0
            Math.max(0, 100 * ((cpu1[0] - cpu0[0]) - (cpu1[1] - cpu0[1])) / p.seconds() / CORES), CORES);
        if (emails != cases) {
          System.out.printf("WARNING: %s, %d threads: %d e-mails received but %d cases completed%n",
              engine.name(), threads, emails, cases);
        }
        if (cases != p.iterations()) {
          System.out.printf("WARNING: %s, %d threads: %d client iterations but %d cases completed%n",
              engine.name(), threads, p.iterations(), cases);
        }
        if (threads == threadCounts[threadCounts.length - 1]) {
          rssMb = rssMb();
        }
        greenMail.purgeEmailFromAllMailboxes();
      }
      // diagnosis as in the application's run: 1 thread without waiting for the commit's flush
      double ohneFlush = -1;
      if (Boolean.parseBoolean(System.getProperty("bench.ohneFlush", "true"))) {
        flush(dataSource, false);
        runClients(engine, 1, Math.min(5, warmupS), "w1-async-warm-");
        drain(engine, drainS);
        Phase p = runClients(engine, 1, messS, "w1-async-");
        drain(engine, drainS);
        flush(dataSource, true);
        ohneFlush = p.iterations() / p.seconds();
        System.out.printf(Locale.ROOT, "1 thread without waiting for the flush: %.2f cases/s%n", ohneFlush);
      }
      int zaehlen = Integer.getInteger("bench.zaehlen", 200);
      if (zaehlen > 0) {
        zaehlen(engine, dataSource, out, zaehlen);
      }
      System.out.printf("RSS at the end of the %d-thread run: %.1f MB%n",
          threadCounts[threadCounts.length - 1], rssMb);
      writeJson(out, engine, startupMs, heapMb, rssMb, phases, ohneFlush, jvmCpuMsJeFall);
    } finally {
      engine.close();
      dataSource.close();
      postgres.close();
      greenMail.stop();
    }
  }

  /** Closed loop for the given time; per-thread histograms (no sharing), merged at the end. */
  private static Phase runClients(Engine engine, int threads, int seconds, String prefix)
      throws InterruptedException {
    Histogram[] completion = new Histogram[threads];
    Histogram[] iteration = new Histogram[threads];
    long[] completions = new long[threads];
    long[] iterations = new long[threads];
    AtomicLong errors = new AtomicLong();
    Thread[] clients = new Thread[threads];
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(seconds).toNanos();
    for (int i = 0; i < threads; i++) {
      int nr = i;
      completion[i] = new Histogram(3); // auto-resizing, values in microseconds
      iteration[i] = new Histogram(3);
      clients[i] = new Thread(() -> {
        long n = 0;
        while (System.nanoTime() < deadline) {
          String businessKey = prefix + nr + "-" + n++;
          long it0 = System.nanoTime();
          try {
            // no variables: the model's due dates are the duration P14D, as in the application's run
            String pid = engine.startInstance(businessKey, Map.of());
            for (String key : new String[] {TASK_1, TASK_2}) {
              String taskId = engine.findTask(pid, key);
              long c0 = System.nanoTime();
              engine.completeTask(taskId);
              completion[nr].recordValue((System.nanoTime() - c0) / 1_000);
              completions[nr]++;
            }
            iteration[nr].recordValue((System.nanoTime() - it0) / 1_000);
            iterations[nr]++;
          } catch (RuntimeException e) {
            if (errors.incrementAndGet() <= 5) {
              System.out.println("client error (" + businessKey + "): " + e);
            }
          }
        }
      }, "w1-client-" + i);
      clients[i].start();
    }
    for (Thread t : clients) {
      t.join();
    }
    // window = until the last client finished its running iteration (at most one iteration longer)
    double elapsed = (System.nanoTime() - start) / 1e9;
    Histogram c = new Histogram(3);
    Histogram it = new Histogram(3);
    long comp = 0;
    long iters = 0;
    for (int i = 0; i < threads; i++) {
      c.add(completion[i]);
      it.add(iteration[i]);
      comp += completions[i];
      iters += iterations[i];
    }
    return new Phase(threads, elapsed, 0, comp, iters, 0, errors.get(), 0, c, it);
  }

  /**
   * Statements, commits and WAL flushes per case (pg_stat_statements, pg_stat_wal) for a number of
   * cases one after another, e-mail job included: the comparison with the application's count
   * (docs/benchmarks.md). The driver's own queries carry the comment bench and are left out.
   */
  private static void zaehlen(Engine engine, DataSource ds, Path out, int cases) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      offeneJobs(s, 60);
      s.execute("SELECT pg_stat_statements_reset(), pg_stat_reset_shared('wal')");
    }
    for (int i = 0; i < cases; i++) {
      String pid = engine.startInstance("zaehlen-" + i, Map.of());
      for (String key : new String[] {TASK_1, TASK_2}) {
        engine.completeTask(engine.findTask(pid, key));
      }
    }
    StringBuilder j = new StringBuilder();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      offeneJobs(s, 60);
      Thread.sleep(11_000); // pg_stat_wal is flushed by idle backends within 10 s
      try (ResultSet r = s.executeQuery("/*bench*/ SELECT wal_records, wal_sync FROM pg_stat_wal")) {
        r.next();
        j.append(String.format(Locale.ROOT, "{\"engine\":\"%s\",\"faelle\":%d,\"walSaetzeJeFall\":%.2f,\"walSyncJeFall\":%.2f,"
            + "\"anweisungen\":[", engine.name(), cases, r.getLong(1) / (double) cases, r.getLong(2) / (double) cases));
      }
      try (ResultSet r = s.executeQuery("/*bench*/ SELECT calls, total_exec_time, total_plan_time, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements"
          + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
          + " AND query NOT LIKE '%/*bench*/%' AND query NOT LIKE '%pg_stat%' ORDER BY calls DESC, query")) {
        boolean erste = true;
        while (r.next()) {
          j.append(erste ? "" : ",").append(String.format(Locale.ROOT, "{\"jeFall\":%.3f,\"msJeFall\":%.4f,\"planungMsJeFall\":%.4f,\"sql\":\"%s\"}",
              r.getLong(1) / (double) cases, r.getDouble(2) / cases, r.getDouble(3) / cases, r.getString(4).replace("\\", "\\\\").replace("\"", "\\\"")));
          erste = false;
        }
      }
    }
    j.append("]}\n");
    Path file = out.resolve(engine.name() + "-anweisungen.json");
    Files.createDirectories(out);
    Files.writeString(file, j);
    System.out.println("statements per case: " + file.toAbsolutePath().normalize());
  }

  private static void flush(DataSource ds, boolean an) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(an ? "/*bench*/ ALTER SYSTEM RESET synchronous_commit" : "/*bench*/ ALTER SYSTEM SET synchronous_commit = off");
      s.execute("/*bench*/ SELECT pg_reload_conf()");
    }
    Thread.sleep(500);
  }

  private static void offeneJobs(Statement s, int timeoutS) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(timeoutS).toNanos();
    while (System.nanoTime() < deadline) {
      try (ResultSet r = s.executeQuery("/*bench*/ SELECT count(*) FROM act_ru_job")) {
        r.next();
        if (r.getLong(1) == 0) {
          return;
        }
      }
      Thread.sleep(100);
    }
  }

  /** Waits until the executor has run every open job; returns the time it took. */
  private static long drain(Engine engine, int timeoutS) throws InterruptedException {
    long t0 = System.nanoTime();
    long deadline = t0 + Duration.ofSeconds(timeoutS).toNanos();
    long open;
    while ((open = engine.countOpenJobs()) > 0) {
      if (System.nanoTime() > deadline) {
        System.out.printf("WARNING: %d jobs still open after %d s%n", open, timeoutS);
        break;
      }
      Thread.sleep(100);
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static long countEmails(GreenMail greenMail, String prefix) throws MessagingException {
    long n = 0;
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      String[] h = m.getHeader(PartnerMail.HEADER);
      if (h != null && h.length > 0 && h[0].startsWith(prefix)) {
        n++;
      }
    }
    return n;
  }

  private static Path modelPath() {
    String p = System.getProperty("bench.modell");
    if (p != null) {
      return Path.of(p);
    }
    // started from bench/peers, a module directory or the repository root
    for (String c : new String[] {"../modelle/aufgabenzyklus.bpmn", "../../modelle/aufgabenzyklus.bpmn",
        "bench/modelle/aufgabenzyklus.bpmn"}) {
      if (Files.isRegularFile(Path.of(c))) {
        return Path.of(c).toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("model not found; pass -Dbench.modell=<path>");
  }

  private static double rssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0; // value is in kB
      }
    }
    return -1;
  }

  /** CPU seconds so far: {whole machine busy, this JVM plus its PostgreSQL processes}. */
  private static double[] cpuSeconds(Path work) throws IOException {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long busy = 0;
    for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
      busy += Long.parseLong(f[i]);
    }
    long own = ticks(ProcessHandle.current().pid());
    // pg_ctl detaches the postmaster from this JVM: find it through its pid file
    long postmaster = Long.parseLong(
        Files.readAllLines(work.resolve("data").resolve("postmaster.pid")).get(0).trim());
    own += ticks(postmaster);
    for (ProcessHandle h : ProcessHandle.of(postmaster).map(ProcessHandle::descendants)
        .orElseGet(java.util.stream.Stream::empty).toList()) {
      own += ticks(h.pid());
    }
    return new double[] {busy / CLOCK_TICKS, own / CLOCK_TICKS};
  }

  /** utime + stime of a process in clock ticks; 0 if it has gone. */
  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of stat
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
  }

  private static void print(Phase p) {
    System.out.printf(Locale.ROOT,
        "threads %d: %.1f s, %d cases (%.2f/s), %d completions (%.2f/s), e-mails %d, errors %d, drain %d ms%n"
            + "  complete  p50 %.2f  p95 %.2f  p99 %.2f  max %.2f ms%n"
            + "  iteration p50 %.2f  p95 %.2f  p99 %.2f  max %.2f ms%n",
        p.threads(), p.seconds(), p.cases(), p.casesPerSecond(), p.completions(),
        p.completionsPerSecond(), p.emails(), p.errors(), p.drainMs(),
        ms(p.completion(), 50), ms(p.completion(), 95), ms(p.completion(), 99),
        p.completion().getMaxValue() / 1000.0,
        ms(p.iteration(), 50), ms(p.iteration(), 95), ms(p.iteration(), 99),
        p.iteration().getMaxValue() / 1000.0);
  }

  private static void writeJson(Path dir, Engine engine, long startupMs, double heapMb, double rssMb,
      List<Phase> phases, double ohneFlush, java.util.Map<Integer, Double> jvmCpu) throws IOException {
    StringBuilder j = new StringBuilder();
    j.append(String.format(Locale.ROOT,
        "{\"engine\":\"%s\",\"version\":\"%s\",\"startupMs\":%d,\"heapNachStartMb\":%.1f,\"rssMb\":%.1f,"
            + "\"ohneFlushFaelleProSekunde\":%.2f,\"w1\":[",
        engine.name(), engine.version(), startupMs, heapMb, rssMb, ohneFlush));
    for (int i = 0; i < phases.size(); i++) {
      Phase p = phases.get(i);
      j.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
          "{\"threads\":%d,\"jvmCpuMsJeFall\":%.2f,\"faelleProSekunde\":%.2f,\"abschluesseProSekunde\":%.2f,\"p50Ms\":%.3f,"
              + "\"p95Ms\":%.3f,\"p99Ms\":%.3f,\"maxMs\":%.3f,\"faelle\":%d,\"emails\":%d}",
          p.threads(), jvmCpu.getOrDefault(p.threads(), -1.0), p.casesPerSecond(), p.completionsPerSecond(), ms(p.completion(), 50),
          ms(p.completion(), 95), ms(p.completion(), 99), p.completion().getMaxValue() / 1000.0,
          p.cases(), p.emails()));
    }
    j.append("]}\n");
    Files.createDirectories(dir);
    Path file = dir.resolve(engine.name() + ".json");
    Files.writeString(file, j);
    System.out.println("written " + file.toAbsolutePath().normalize());
  }
}
