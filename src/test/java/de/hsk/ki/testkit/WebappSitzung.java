package de.hsk.ki.testkit;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser-like session with the Camunda webapps for tests: keeps cookies (also the Secure ones,
 * which a browser sends to localhost but Java's CookieManager does not over http) and the CSRF token.
 */
public final class WebappSitzung {

  private final String basis;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public WebappSitzung(int port) {
    this.basis = "http://localhost:" + port;
  }

  public String cookie(String name) {
    return cookies.get(name);
  }

  public HttpResponse<String> get(String pfad) throws Exception {
    return sende(HttpRequest.newBuilder(URI.create(basis + pfad)).GET(), Map.of());
  }

  /** For answers that are not text (PDF). */
  public HttpResponse<byte[]> getBytes(String pfad) throws Exception {
    return sende(HttpRequest.newBuilder(URI.create(basis + pfad)).GET(), Map.of(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> post(String pfad, String inhaltstyp, String body, Map<String, String> kopf) throws Exception {
    return sende(HttpRequest.newBuilder(URI.create(basis + pfad)).header("Content-Type", inhaltstyp)
        .POST(HttpRequest.BodyPublishers.ofString(body)), kopf);
  }

  public HttpResponse<String> put(String pfad, String body, Map<String, String> kopf) throws Exception {
    return sende(HttpRequest.newBuilder(URI.create(basis + pfad)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)), kopf);
  }

  /** Logs in to Tasklist as the login page does; returns the login response. */
  public HttpResponse<String> anmelden(String benutzer, String passwort) throws Exception {
    return anmelden(benutzer, passwort, "tasklist");
  }

  /** Logs in to one of the webapps (tasklist, cockpit, admin) as its login page does. */
  public HttpResponse<String> anmelden(String benutzer, String passwort, String app) throws Exception {
    get("/camunda/app/" + app + "/default/");
    String formular = "username=" + URLEncoder.encode(benutzer, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(passwort, StandardCharsets.UTF_8);
    HttpResponse<String> login = post("/camunda/api/admin/auth/user/default/login/" + app, "application/x-www-form-urlencoded",
        formular, Map.of("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
    // the login starts a new session; its CSRF token comes with the next read, as in Tasklist
    get("/camunda/api/admin/auth/user/default");
    return login;
  }

  private HttpResponse<String> sende(HttpRequest.Builder anfrage, Map<String, String> kopf) throws Exception {
    return sende(anfrage, kopf, HttpResponse.BodyHandlers.ofString());
  }

  private <T> HttpResponse<T> sende(HttpRequest.Builder anfrage, Map<String, String> kopf, HttpResponse.BodyHandler<T> inhalt)
      throws Exception {
    if (!cookies.isEmpty()) {
      anfrage.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
    }
    kopf.forEach(anfrage::header);
    HttpResponse<T> antwort = http.send(anfrage.build(), inhalt);
    for (String setCookie : antwort.headers().allValues("Set-Cookie")) {
      String[] paar = setCookie.split(";", 2)[0].split("=", 2);
      cookies.put(paar[0].trim(), paar.length > 1 ? paar[1].trim() : "");
    }
    return antwort;
  }
}
