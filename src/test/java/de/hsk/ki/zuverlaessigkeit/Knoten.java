package de.hsk.ki.zuverlaessigkeit;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One application node: the packaged jar in a JVM of its own on the shared PostgreSQL database, as
 * in production (profile postgres, secrets from the environment). Killing it is a real SIGKILL.
 */
final class Knoten implements AutoCloseable {

  static final String ADMIN_PASSWORT = "Pruefstand-7-Test";
  static final Path TESTMODELL = Path.of("src/test/resources/testmodelle/erinnerungslast.bpmn").toAbsolutePath();

  final String name;
  final int port;
  final int managementPort;
  final Path log;
  private final Process prozess;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Knoten(String name, int port, int managementPort, Path log, Process prozess) {
    this.name = name;
    this.port = port;
    this.managementPort = managementPort;
    this.log = log;
    this.prozess = prozess;
  }

  static Knoten starte(String name, int datenbankPort, int smtpPort, String... weitere) throws IOException {
    String jar = System.getProperty("ki.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException("ki.jar fehlt: die Fehlertests laufen nach dem Paketieren (mvn -Pzuverlaessigkeit verify)");
    }
    int port = freierPort();
    int managementPort = freierPort();
    List<String> befehl = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar,
        "--spring.profiles.active=postgres",
        "--server.port=" + port,
        "--management.server.port=" + managementPort,
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--camunda.bpm.deployment-resource-pattern[0]=classpath*:processes/**/*.bpmn",
        "--camunda.bpm.deployment-resource-pattern[1]=classpath*:processes/**/*.dmn",
        "--camunda.bpm.deployment-resource-pattern[2]=classpath*:forms/**/*.form",
        "--camunda.bpm.deployment-resource-pattern[3]=file:" + TESTMODELL));
    befehl.addAll(List.of(weitere));
    Path log = Path.of("target", name + ".log").toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder(befehl).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(Map.of(
        "KI_DB_HOST", "localhost", "KI_DB_PORT", String.valueOf(datenbankPort), "KI_DB_NAME", "postgres",
        "KI_DB_USER", "postgres", "KI_DB_PASSWORD", "unbenutzt",
        "KI_ADMIN_PASSWORD", ADMIN_PASSWORT,
        "KI_MAIL_HOST", "127.0.0.1", "KI_MAIL_PORT", String.valueOf(smtpPort),
        "KI_PARTNER_IMPORT", "classpath:demo/partnerverzeichnis.csv"));
    Knoten knoten = new Knoten(name, port, managementPort, log, pb.start());
    knoten.warteBisBereit(Duration.ofMinutes(4));
    return knoten;
  }

  static int freierPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void warteBisBereit(Duration hoechstens) {
    long ende = System.nanoTime() + hoechstens.toNanos();
    while (System.nanoTime() < ende) {
      if (!prozess.isAlive()) {
        throw new IllegalStateException("Knoten " + name + " ist beim Start beendet worden, siehe " + log);
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      schlafe(500);
    }
    throw new IllegalStateException("Knoten " + name + " wurde nicht rechtzeitig bereit, siehe " + log);
  }

  HttpResponse<String> rest(String methode, String pfad, String body) throws IOException, InterruptedException {
    String token = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORT).getBytes(StandardCharsets.UTF_8));
    HttpRequest anfrage = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest" + pfad))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Authorization", "Basic " + token)
        .method(methode, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(anfrage, HttpResponse.BodyHandlers.ofString());
  }

  /** Starts one case of the fault-test model; true if the node acknowledged it (200). */
  HttpResponse<String> starteFall(String aktenzeichen) throws IOException, InterruptedException {
    return rest("POST", "/process-definition/key/Process_TestErinnerungslast/start", "{\"businessKey\":\"" + aktenzeichen + "\"}");
  }

  void toeten() throws InterruptedException {
    prozess.destroyForcibly();
    prozess.waitFor();
  }

  boolean laeuft() {
    return prozess.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (prozess.isAlive()) {
      prozess.destroy();
      if (!prozess.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        toeten();
      }
    }
  }

  static void schlafe(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
