package de.hsk.ki.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** W1: one case of the bench model, either through the Java API or through the REST API, as real users. */
final class Last {

  static final String PROZESS = "Process_BenchAufgabenzyklus";
  static final String PASSWORT = "Sauerland-2026";
  static final ObjectMapper JSON = new ObjectMapper();

  /** One client: start a case, complete its two tasks; completion latencies go to the recorder (µs). */
  interface Fall {
    void durchlaufen(String aktenzeichen, Recorder abschluesse) throws Exception;
  }

  /** BENCH_OHNE_ANMELDUNG=1: no authenticated user, so no authorization checks (diagnosis only). */
  static final boolean OHNE_ANMELDUNG = "1".equals(System.getenv("BENCH_OHNE_ANMELDUNG"));

  static Fall java(ProcessEngine engine) {
    return java(engine, OHNE_ANMELDUNG);
  }

  /** ohneAnmeldung: no authenticated user, so neither authorization checks nor form rules (diagnosis only). */
  static Fall java(ProcessEngine engine, boolean ohneAnmeldung) {
    IdentityService ids = ohneAnmeldung ? ohne(engine.getIdentityService()) : engine.getIdentityService();
    TaskService tasks = engine.getTaskService();
    return (az, rec) -> {
      try {
        ids.setAuthentication("pschneider", List.of("kiVerwaltung"));
        String fall = engine.getRuntimeService().startProcessInstanceByKey(PROZESS, az).getId();
        abschliessen(ids, tasks, fall, "Task_Erstberatung", "tbecker", "kiLehrkraefte", rec);
        abschliessen(ids, tasks, fall, "Task_Zuweisung", "jklein", "schulamt", rec);
      } finally {
        ids.clearAuthentication();
      }
    };
  }

  private static IdentityService ohne(IdentityService echt) {
    return (IdentityService) java.lang.reflect.Proxy.newProxyInstance(Last.class.getClassLoader(), new Class<?>[] {IdentityService.class},
        (proxy, m, args) -> m.getName().equals("setAuthentication") ? null : m.invoke(echt, args));
  }

  private static void abschliessen(IdentityService ids, TaskService tasks, String fall, String schritt, String benutzer,
      String gruppe, Recorder rec) {
    ids.setAuthentication(benutzer, List.of(gruppe));
    Task t = tasks.createTaskQuery().processInstanceId(fall).taskDefinitionKey(schritt).singleResult();
    long s = System.nanoTime();
    tasks.complete(t.getId());
    rec.recordValue((System.nanoTime() - s) / 1000);
  }

  static Fall rest(int port) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String basis = "http://127.0.0.1:" + port + "/engine-rest";
    return (az, rec) -> {
      JsonNode start = JSON.readTree(senden(http, "POST", basis + "/process-definition/key/" + PROZESS + "/start", "pschneider",
          "{\"businessKey\":\"" + az + "\"}", 200));
      String fall = start.get("id").asText();
      restAbschliessen(http, basis, fall, "Task_Erstberatung", "tbecker", rec);
      restAbschliessen(http, basis, fall, "Task_Zuweisung", "jklein", rec);
    };
  }

  private static void restAbschliessen(HttpClient http, String basis, String fall, String schritt, String benutzer, Recorder rec)
      throws Exception {
    JsonNode liste = JSON.readTree(senden(http, "GET", basis + "/task?processInstanceId=" + fall + "&taskDefinitionKey=" + schritt,
        benutzer, null, 200));
    String id = liste.get(0).get("id").asText();
    long s = System.nanoTime();
    senden(http, "POST", basis + "/task/" + id + "/complete", benutzer, "{}", 204);
    rec.recordValue((System.nanoTime() - s) / 1000);
  }

  static String senden(HttpClient http, String methode, String url, String benutzer, String body, int erwartet) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((benutzer + ":" + PASSWORT).getBytes(StandardCharsets.UTF_8)))
        .method(methode, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != erwartet) {
      throw new IllegalStateException(methode + " " + url + " -> " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  record Ergebnis(int threads, double faelleProSekunde, double abschluesseProSekunde, double p50Ms, double p95Ms, double p99Ms,
      double maxMs, long faelle, List<String> fehler) {}

  /** Closed loop: each thread runs cases back to back; warm-up first, then the measured window. */
  static Ergebnis geschlossen(Fall fall, String praefix, int threads, int warmupS, int messS) throws Exception {
    Recorder rec = new Recorder(3);
    AtomicBoolean messen = new AtomicBoolean(false);
    AtomicBoolean weiter = new AtomicBoolean(true);
    AtomicLong gemessen = new AtomicLong();
    AtomicLong nummer = new AtomicLong();
    ConcurrentLinkedQueue<String> fehler = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      pool.submit(() -> {
        while (weiter.get()) {
          boolean zaehlt = messen.get();
          try {
            fall.durchlaufen(praefix + "-" + nummer.incrementAndGet(), rec);
            if (zaehlt && messen.get()) {
              gemessen.incrementAndGet();
            }
          } catch (Exception e) {
            if (fehler.size() < 20) {
              fehler.add(String.valueOf(e));
            }
          }
        }
      });
    }
    Thread.sleep(warmupS * 1000L);
    rec.reset();
    messen.set(true);
    long beginn = System.nanoTime();
    Thread.sleep(messS * 1000L);
    messen.set(false);
    double sekunden = (System.nanoTime() - beginn) / 1e9;
    Histogram h = rec.getIntervalHistogram();
    weiter.set(false);
    pool.shutdown();
    pool.awaitTermination(2, TimeUnit.MINUTES);
    long n = gemessen.get();
    return new Ergebnis(threads, n / sekunden, h.getTotalCount() / sekunden, ms(h, 50), ms(h, 95), ms(h, 99),
        h.getMaxValue() / 1000.0, n, new ArrayList<>(fehler));
  }

  record OffenErgebnis(double sollProSekunde, double istProSekunde, double p50Ms, double p95Ms, double p99Ms, double maxMs, long fehler) {}

  /**
   * Open loop: completions of prepared tasks at a fixed rate; the latency counts from the moment a
   * completion was due, so a stalled engine shows in the figures (no coordinated omission).
   */
  static OffenErgebnis offen(ProcessEngine engine, List<String> aufgaben, double rate, int messS) throws Exception {
    Histogram h = new Histogram(3);
    int anzahl = (int) Math.min(aufgaben.size(), Math.round(rate * messS));
    long intervall = (long) (1e9 / rate);
    long beginn = System.nanoTime() + 100_000_000L;
    AtomicLong naechster = new AtomicLong();
    AtomicLong fehler = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    IdentityService ids = engine.getIdentityService();
    for (int w = 0; w < 16; w++) {
      pool.submit(() -> {
        long i;
        while ((i = naechster.getAndIncrement()) < anzahl) {
          long soll = beginn + i * intervall;
          long warten = soll - System.nanoTime();
          if (warten > 0) {
            try {
              TimeUnit.NANOSECONDS.sleep(warten);
            } catch (InterruptedException e) {
              return;
            }
          }
          try {
            ids.setAuthentication("tbecker", List.of("kiLehrkraefte"));
            engine.getTaskService().complete(aufgaben.get((int) i));
          } catch (RuntimeException e) {
            fehler.incrementAndGet();
          } finally {
            ids.clearAuthentication();
          }
          synchronized (h) {
            h.recordValue(Math.max(0, (System.nanoTime() - soll) / 1000));
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    double sekunden = (System.nanoTime() - beginn) / 1e9;
    return new OffenErgebnis(rate, anzahl / sekunden, ms(h, 50), ms(h, 95), ms(h, 99), h.getMaxValue() / 1000.0, fehler.get());
  }

  static double ms(Histogram h, double perzentil) {
    return h.getValueAtPercentile(perzentil) / 1000.0;
  }
}
