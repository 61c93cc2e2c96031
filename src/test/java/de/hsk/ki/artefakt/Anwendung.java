package de.hsk.ki.artefakt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar started as the Dockerfile starts it ({@code java -jar}, configuration from the
 * environment only), in a working directory of its own (the embedded H2 lives in ./data there).
 */
final class Anwendung implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  final int port;
  final int managementPort;
  final Path log;
  private final Process prozess;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Anwendung(int port, int managementPort, Path log, Process prozess) {
    this.port = port;
    this.managementPort = managementPort;
    this.log = log;
    this.prozess = prozess;
  }

  static Anwendung starte(String name, Path arbeitsverzeichnis, Map<String, String> umgebung, String... argumente)
      throws IOException {
    String jar = System.getProperty("ki.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException("ki.jar fehlt: der Artefakttest läuft nach dem Paketieren (mvn verify)");
    }
    int port = freierPort();
    int managementPort = freierPort();
    List<String> befehl = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar));
    befehl.addAll(List.of(argumente));
    Path log = Path.of("target", "artefakt-" + name + ".log").toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder(befehl).directory(arbeitsverzeichnis.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    pb.environment().keySet().removeIf(k -> k.startsWith("KI_") || k.startsWith("SPRING_"));
    pb.environment().put("PORT", String.valueOf(port));
    pb.environment().put("KI_MANAGEMENT_PORT", String.valueOf(managementPort));
    pb.environment().putAll(umgebung);
    return new Anwendung(port, managementPort, log, pb.start());
  }

  static int freierPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Waits until readiness answers 200. */
  void warteAufBereitschaft(Duration hoechstens) throws InterruptedException {
    long ende = System.nanoTime() + hoechstens.toNanos();
    HttpResponse<String> letzte = null;
    while (System.nanoTime() < ende) {
      if (!prozess.isAlive()) {
        throw new IllegalStateException("Die Anwendung hat sich beim Start beendet, siehe " + log);
      }
      try {
        letzte = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (letzte.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Die Anwendung wurde nicht rechtzeitig bereit (" + (letzte == null ? "keine Antwort"
        : letzte.statusCode() + " " + letzte.body()) + "), siehe " + log);
  }

  /** Waits until the process ends by itself (a refused start) and returns its exit code. */
  int warteAufEnde(Duration hoechstens) throws InterruptedException {
    if (!prozess.waitFor(hoechstens.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("Die Anwendung lief weiter, statt den Start abzulehnen, siehe " + log);
    }
    return prozess.exitValue();
  }

  HttpResponse<String> bereitschaft() throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> rest(String methode, String pfad, String benutzer, String passwort, HttpRequest.BodyPublisher body,
      String inhaltstyp) throws IOException, InterruptedException {
    String token = Base64.getEncoder().encodeToString((benutzer + ":" + passwort).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest" + pfad))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + token)
        .method(methode, body == null ? HttpRequest.BodyPublishers.noBody() : body);
    if (inhaltstyp != null) {
      b.header("Content-Type", inhaltstyp);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> rest(String methode, String pfad, String benutzer, String passwort, String json)
      throws IOException, InterruptedException {
    return rest(methode, pfad, benutzer, passwort, json == null ? null : HttpRequest.BodyPublishers.ofString(json),
        "application/json");
  }

  /** A JSON answer that must have the expected status. */
  JsonNode json(int erwartet, String methode, String pfad, String benutzer, String passwort, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> r = rest(methode, pfad, benutzer, passwort, body);
    if (r.statusCode() != erwartet) {
      throw new AssertionError(methode + " " + pfad + " als " + benutzer + ": " + r.statusCode() + " " + r.body());
    }
    return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
  }

  void beenden() throws InterruptedException {
    if (prozess.isAlive()) {
      prozess.destroy();
      if (!prozess.waitFor(60, TimeUnit.SECONDS)) {
        prozess.destroyForcibly();
        prozess.waitFor();
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    beenden();
  }
}
