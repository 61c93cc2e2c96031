package de.hsk.ki.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** The engine's REST API as one demo user (HTTP Basic), for tests that act as staff or a portal would. */
public final class Rest {

  public static final String DEMO_PASSWORT = "Sauerland-2026";
  public static final ObjectMapper JSON = new ObjectMapper();

  private final String basis;
  private final String kopf;
  private final HttpClient http = HttpClient.newHttpClient();

  private Rest(int port, String benutzer, String passwort) {
    this.basis = "http://localhost:" + port + "/engine-rest";
    this.kopf = "Basic " + Base64.getEncoder().encodeToString((benutzer + ":" + passwort).getBytes(StandardCharsets.UTF_8));
  }

  public static Rest als(int port, String benutzer) {
    return new Rest(port, benutzer, DEMO_PASSWORT);
  }

  /** Someone with a password other than the demo one (a directory account, a wrong password). */
  public static Rest mit(int port, String benutzer, String passwort) {
    return new Rest(port, benutzer, passwort);
  }

  public static Rest alsBetrieb(int port) {
    return new Rest(port, "admin", "Pruefstand-7-Test");
  }

  public HttpResponse<String> get(String pfad) throws Exception {
    return sende("GET", pfad, null);
  }

  public HttpResponse<String> post(String pfad, Object body) throws Exception {
    return sende("POST", pfad, body instanceof String s ? s : JSON.writeValueAsString(body));
  }

  public HttpResponse<String> put(String pfad, Object body) throws Exception {
    return sende("PUT", pfad, body instanceof String s ? s : JSON.writeValueAsString(body));
  }

  public HttpResponse<String> delete(String pfad) throws Exception {
    return sende("DELETE", pfad, null);
  }

  public JsonNode json(HttpResponse<String> antwort) throws Exception {
    return JSON.readTree(antwort.body());
  }

  private HttpResponse<String> sende(String methode, String pfad, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(basis + pfad)).header("Authorization", kopf)
        .header("Content-Type", "application/json")
        .method(methode, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A form submission as Tasklist sends it: {"variables": {name: {"value": …}}}. */
  public static ObjectNode formular(Map<String, Object> werte) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode variablen = body.putObject("variables");
    werte.forEach((k, v) -> variablen.putObject(k).set("value", JSON.valueToTree(v)));
    return body;
  }
}
