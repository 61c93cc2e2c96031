package de.hsk.ki.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.web.Fehlerantwort;
import de.hsk.ki.web.GelesenerRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes two known holes of Camunda 7.24 CE in front of the engine (what staff may call at all is
 * the allow-list's business, {@link Freigabeliste}):
 *
 * <ul>
 *   <li>task and filter queries whose {@code orQueries} (or any other part) carry {@code …Expression}
 *       keys: the engine evaluates those expressions for any logged-in user; only operators may send
 *       them;
 *   <li>the webapps' admin set-up endpoint, which creates an administrator while the admin group has
 *       no direct member: our administrator comes from configuration, so it is always closed.
 * </ul>
 */
public class AbfrageSchutzFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(AbfrageSchutzFilter.class);
  private static final String API = de.hsk.ki.web.Pfade.ENGINE_API;
  private static final Pattern ABFRAGE =
      Pattern.compile(API + "/(?:task(?:/count)?|history/task(?:/count)?|filter/[^/]+/(?:list|count|singleResult))/?$");
  private static final Pattern EINRICHTUNG = Pattern.compile("^/camunda/api/admin/setup/.*");
  /** Completing a task or starting a case can ask for every variable of the case in the answer. */
  private static final Pattern MIT_VARIABLEN = Pattern.compile(
      API + "/(?:task/[^/]+/(?:complete|submit-form)|process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form))/?$");
  /**
   * Lists of case data staff reach: at most {@link #HOECHSTENS} entries a page, one such page without
   * a page size. (Tasklist asks for its filters and process names in pages of 2000; they hold none.)
   */
  private static final Pattern LISTE = Pattern.compile(API + "/(?:task|filter/[^/]+/list|history/user-operation)/?$");
  static final int HOECHSTENS = 1000;
  static final int SUCHWERT = 4000;
  private static final java.util.List<String> VARIABLENBEDINGUNGEN = java.util.List.of("processVariables", "taskVariables", "caseInstanceVariables");
  /** The case data staff may search and sort tasks by: what every task card shows. */
  static final java.util.Set<String> SUCHBAR = java.util.Set.of("aktenzeichen");
  /**
   * The child's surname, found only as a whole ("eq", Tasklist's criterion "Nachname des Kindes"), so a
   * name is found by who already knows it and cannot be spelled out letter by letter; only by the KI
   * groups whose forms show the child's name (not the Schulamt or funding staff, who see no names),
   * and only among the tasks each may see anyway (issue 19, point 9; docs/datenschutz.md).
   */
  static final java.util.Set<String> NAMENSSUCHE = java.util.Set.of("nachname");
  private static final Pattern COCKPIT = Pattern.compile("^/camunda/api/cockpit/.*");
  private final ProcessEngine engine;
  private final AngemeldeteBenutzer angemeldet;
  private final ObjectMapper json;

  public AbfrageSchutzFilter(ProcessEngine engine, AngemeldeteBenutzer angemeldet, ObjectMapper json) {
    this.engine = engine;
    this.angemeldet = angemeldet;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String pfad = de.hsk.ki.web.Pfade.von(request);
    if (EINRICHTUNG.matcher(pfad).matches()) {
      LOG.warn("Admin set-up endpoint refused: {}", Pfade.fuerProtokoll(pfad));
      ablehnen(response, 403, "Die Ersteinrichtung ist abgeschaltet; der Administrationszugang wird über die Konfiguration angelegt.");
      return;
    }
    if (COCKPIT.matcher(pfad).matches() && !istBetrieb(request)) {
      ablehnen(response, 403, "Cockpit ist dem Betrieb vorbehalten.");
      return;
    }
    if (request.getQueryString() != null && request.getQueryString().length() > SUCHWERT && !istBetrieb(request)
        && request.getParameterMap().values().stream().flatMap(java.util.Arrays::stream).anyMatch(w -> w.length() > SUCHWERT)) {
      LOG.warn("Query parameter with an overlong value refused on {}", Pfade.fuerProtokoll(pfad));
      ablehnen(response, 400, "Ein Suchwert darf höchstens " + SUCHWERT + " Zeichen lang sein.");
      return;
    }
    if (LISTE.matcher(pfad).matches() && !istBetrieb(request)) {
      String seite = request.getParameter("maxResults");
      if (seite != null && !seite.matches("\\d{1,4}") || seite != null && Integer.parseInt(seite) > HOECHSTENS) {
        LOG.warn("Page size {} refused on {}", Pfade.fuerProtokoll(seite), Pfade.fuerProtokoll(pfad));
        ablehnen(response, 400, "Eine Abfrage liefert höchstens " + HOECHSTENS + " Einträge; bitte seitenweise abfragen.");
        return;
      }
      if (seite == null) {
        request = new MitSeitengroesse(request);
      }
    }
    if (MIT_VARIABLEN.matcher(pfad).matches() && "POST".equals(request.getMethod())) {
      variablenInDerAntwortPruefen(request, response, chain);
      return;
    }
    if (!ABFRAGE.matcher(pfad).matches()) {
      chain.doFilter(request, response);
      return;
    }
    boolean ausdruck = Collections.list(request.getParameterNames()).stream().anyMatch(AbfrageSchutzFilter::istAusdruck);
    boolean alleVariablen = false;
    for (String schalter : ALLE_VARIABLEN) {
      alleVariablen |= "true".equalsIgnoreCase(request.getParameter(schalter));
    }
    java.util.Set<String> variablen = new java.util.TreeSet<>();
    for (String art : VARIABLENBEDINGUNGEN) {
      for (String wert : request.getParameterValues(art) == null ? new String[0] : request.getParameterValues(art)) {
        for (String bedingung : wert.split(",")) {
          String[] teile = bedingung.split("_", 3);
          variablen.add(teile[0] + (teile.length > 1 ? " " + teile[1] : ""));
        }
      }
    }
    byte[] inhalt = new byte[0];
    if ("POST".equals(request.getMethod())) {
      inhalt = koerper(request);
      JsonNode body = json(inhalt, response);
      if (body == null) {
        return;
      }
      ausdruck |= enthaeltAusdruck(body);
      alleVariablen |= fragtAlleVariablen(body);
      variablenbedingungen(body, variablen);
      // no stored text is longer (the engine's text column), so a longer search value finds nothing and only fills logs
      if (laengsterText(body) > SUCHWERT && !istBetrieb(request)) {
        LOG.warn("Query with an overlong value refused on {}", Pfade.fuerProtokoll(pfad));
        ablehnen(response, 400, "Ein Suchwert darf höchstens " + SUCHWERT + " Zeichen lang sein.");
        return;
      }
    }
    if (alleVariablen && !istBetrieb(request)) {
      // every variable of the case behind each listed task, past the form's limits and the access log
      LOG.warn("Task query with variables in the answer refused on {}", Pfade.fuerProtokoll(pfad));
      ablehnen(response, 403, "Falldaten gibt es nur im Formular der Aufgabe, nicht in der Aufgabenliste.");
      return;
    }
    if (ausdruck && !istBetrieb(request)) {
      LOG.warn("Query with expressions refused on {}", Pfade.fuerProtokoll(pfad));
      ablehnen(response, 403, "Ausdrücke in Abfragen sind nur für den Betrieb erlaubt.");
      return;
    }
    boolean namensuche = darfNamenSuchen(request);
    variablen.removeIf(b -> SUCHBAR.contains(b.split(" ", 2)[0])
        || namensuche && NAMENSSUCHE.contains(b.split(" ", 2)[0]) && b.endsWith(" eq"));
    variablen = variablen.stream().map(b -> b.split(" ", 2)[0]).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    if (!variablen.isEmpty() && !istBetrieb(request)) {
      // a count of tasks whose note contains a word tells the word: variable conditions would read
      // what the form does not show (issue 18, point 3)
      LOG.warn("Query on case variables {} refused on {}", Pfade.fuerProtokoll(String.join(",", variablen)), Pfade.fuerProtokoll(pfad));
      ablehnen(response, 403, "Suchen und Sortieren nach Falldaten ist nur über das Aktenzeichen möglich.");
      return;
    }
    chain.doFilter(inhalt.length > 0 ? new GelesenerRequest(request, inhalt) : request, response);
  }

  /**
   * "withVariablesInReturn" answers with every variable of the case, unchecked and without an
   * access-log entry; Tasklist never asks for it, so only operators may (issue 18, point 8).
   */
  private void variablenInDerAntwortPruefen(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] inhalt = koerper(request);
    JsonNode body = json(inhalt, response);
    if (body == null) {
      return;
    }
    if (body.path("withVariablesInReturn").asBoolean(false) && !istBetrieb(request)) {
      LOG.warn("Variables in return refused on {}", Pfade.fuerProtokoll(Pfade.von(request)));
      ablehnen(response, 403, "Die Variablen eines Falls gibt es nicht in der Antwort; was eine Aufgabe braucht, zeigt ihr Formular.");
      return;
    }
    chain.doFilter(inhalt.length > 0 ? new GelesenerRequest(request, inhalt) : request, response);
  }

  /** The body read once (the engine reads it again from the copy); its size is limited by KoerperGrenze. */
  private static byte[] koerper(HttpServletRequest request) throws IOException {
    return request.getInputStream().readAllBytes();
  }

  /** The body as JSON (an empty body as an empty object); null when it is none, answered with 400. */
  private JsonNode json(byte[] inhalt, HttpServletResponse response) throws IOException {
    if (inhalt.length == 0) {
      return json.createObjectNode();
    }
    try {
      JsonNode body = json.readTree(inhalt);
      return body == null ? json.createObjectNode() : body;
    } catch (IOException e) {
      ablehnen(response, 400, "Die Anfrage ist kein gültiges JSON.");
      return null;
    }
  }

  /** Task-query switches (7.24) that return the case's variables with each task. */
  static final java.util.Set<String> ALLE_VARIABLEN = java.util.Set.of("withTaskVariablesInReturn", "withTaskLocalVariablesInReturn");

  static boolean fragtAlleVariablen(JsonNode knoten) {
    return irgendwo(knoten, (schluessel, wert) -> ALLE_VARIABLEN.contains(schluessel)
        && (wert.isBoolean() ? wert.asBoolean() : "true".equalsIgnoreCase(wert.asText())));
  }

  private static boolean istAusdruck(String schluessel) {
    return schluessel.endsWith("Expression");
  }

  static boolean enthaeltAusdruck(JsonNode knoten) {
    return irgendwo(knoten, (schluessel, wert) -> istAusdruck(schluessel));
  }

  /** Whether a field anywhere in the body, or-queries and nested objects included, matches. */
  private static boolean irgendwo(JsonNode knoten, java.util.function.BiPredicate<String, JsonNode> treffer) {
    if (knoten == null) {
      return false;
    }
    if (knoten.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = knoten.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> feld = it.next();
        if (treffer.test(feld.getKey(), feld.getValue()) || irgendwo(feld.getValue(), treffer)) {
          return true;
        }
      }
    } else if (knoten.isArray()) {
      for (JsonNode element : knoten) {
        if (irgendwo(element, treffer)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Variables a query's body conditions ("name operator") or sorts on ("name sort"), in or-queries too. */
  private static void variablenbedingungen(JsonNode knoten, java.util.Set<String> namen) {
    if (knoten.isObject()) {
      for (String art : VARIABLENBEDINGUNGEN) {
        knoten.path(art).forEach(b -> namen.add(b.path("name").asText("") + " " + b.path("operator").asText("")));
      }
      knoten.path("sorting").forEach(s -> {
        if (s.path("parameters").has("variable")) {
          namen.add(s.path("parameters").path("variable").asText("") + " sort");
        }
      });
      knoten.path("orQueries").forEach(o -> variablenbedingungen(o, namen));
    }
  }

  private static int laengsterText(JsonNode knoten) {
    if (knoten.isTextual()) {
      return knoten.asText().length();
    }
    int laengster = 0;
    for (JsonNode kind : knoten) {
      laengster = Math.max(laengster, laengsterText(kind));
    }
    return laengster;
  }

  /** The request with a page size added: the REST layer reads paging from the query string. */
  private static final class MitSeitengroesse extends jakarta.servlet.http.HttpServletRequestWrapper {
    MitSeitengroesse(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getQueryString() {
      String bisher = super.getQueryString();
      return (bisher == null || bisher.isEmpty() ? "" : bisher + "&") + "maxResults=" + HOECHSTENS;
    }

    @Override
    public String getParameter(String name) {
      return "maxResults".equals(name) ? String.valueOf(HOECHSTENS) : super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, String[]> werte = new java.util.HashMap<>(super.getParameterMap());
      werte.put("maxResults", new String[] {String.valueOf(HOECHSTENS)});
      return werte;
    }

    @Override
    public java.util.Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return getParameterMap().get(name);
    }
  }

  private boolean darfNamenSuchen(HttpServletRequest request) {
    return angemeldet.aufrufer(request, engine.getIdentityService())
        .map(b -> b.gruppen().stream().anyMatch(KiGruppen.KINDERNAMEN::contains)).orElse(false);
  }

  private boolean istBetrieb(HttpServletRequest request) {
    return angemeldet.aufrufer(request, engine.getIdentityService())
        .map(b -> b.gruppen().contains(KiGruppen.BETRIEB)).orElse(false);
  }

  private void ablehnen(HttpServletResponse response, int status, String meldung) throws IOException {
    Fehlerantwort.schreiben(response, status, "Zugriffsfehler", meldung, Map.of());
  }
}
