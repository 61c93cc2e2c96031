package de.hsk.ki.eingabe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.web.GelesenerRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards task completion and process start on the engine REST API and on the webapps' API: the
 * submitted variables must be exactly what the task's Camunda Form declares, in the form's limits.
 * A refused submission gets 400 with a German message and never reaches the engine, so the task
 * and the case stay as they were.
 */
public class EingabePruefungFilter extends OncePerRequestFilter {

  /** Larger bodies are refused outright: no form of ours comes near this. */
  private static final int MAX_BYTES = GelesenerRequest.MAX_BYTES;

  private static final String API = de.hsk.ki.web.Pfade.ENGINE_API;
  private static final Pattern AUFGABE = Pattern.compile(API + "/task/([^/]+)/(?:complete|submit-form)/?$");
  private static final Pattern START =
      Pattern.compile(API + "/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)/?$");
  private static final Set<String> START_ERLAUBT = Set.of("variables", "businessKey", "withVariablesInReturn");
  private static final Set<String> AUFGABE_ERLAUBT = Set.of("variables", "withVariablesInReturn");

  private final ProcessEngine engine;
  private final ObjectMapper json;

  public EingabePruefungFilter(ProcessEngine engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String pfad = de.hsk.ki.web.Pfade.von(request);
    Matcher aufgabe = AUFGABE.matcher(pfad);
    Matcher start = START.matcher(pfad);
    if (!aufgabe.matches() && !start.matches()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] inhalt = request.getInputStream().readNBytes(MAX_BYTES + 1);
    if (inhalt.length > MAX_BYTES) {
      ablehnen(response, 413, "Die Anfrage ist zu groß (höchstens 256 KB).", List.of());
      return;
    }
    JsonNode body;
    try {
      body = inhalt.length == 0 ? json.createObjectNode() : json.readTree(inhalt);
    } catch (IOException e) {
      ablehnen(response, 400, "Die Anfrage ist kein gültiges JSON.", List.of());
      return;
    }
    if (body == null || !body.isObject()) {
      body = json.createObjectNode();
    }
    Optional<Pruefung> pruefung;
    List<EingabePruefung.Fehler> fehler;
    try {
      pruefung = aufgabe.matches() ? fuerAufgabe(aufgabe.group(1), body) : fuerStart(start.group(1), start.group(2), body);
      fehler = pruefung.isPresent() ? pruefen(pruefung.get(), body) : List.of();
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      if (!aufgabe.matches() || !aufgabeWeg(aufgabe.group(1))) {
        throw e;
      }
      // someone else completed the task while we were reading its form and options
      ablehnen(response, 409, GLEICHZEITIG, List.of());
      return;
    }
    if (pruefung.isPresent()) {
      Pruefung p = pruefung.get();
      for (java.util.Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!p.erlaubteSchluessel().contains(name)) {
          ablehnen(response, 400, "Der Parameter „" + name + "“ ist hier nicht erlaubt.", List.of());
          return;
        }
      }
      if (!fehler.isEmpty()) {
        String meldung = "Die Eingaben wurden nicht gespeichert. "
            + String.join(" ", fehler.stream().map(EingabePruefung.Fehler::meldung).toList());
        ablehnen(response, 400, meldung, fehler);
        return;
      }
    }
    if (!aufgabe.matches()) {
      chain.doFilter(new GelesenerRequest(request, inhalt), response);
      return;
    }
    // Two people at once: the engine answers with its exception text; staff get a German message.
    org.springframework.web.util.ContentCachingResponseWrapper antwort =
        new org.springframework.web.util.ContentCachingResponseWrapper(response);
    chain.doFilter(new GelesenerRequest(request, inhalt), antwort);
    String text = antwort.getStatus() >= 400 ? new String(antwort.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8) : "";
    if (antwort.getStatus() >= 400 && (gleichzeitigGeaendert(text)
        // the task is gone: completed by someone else a moment ago (its grants went with it, so 403 or 404)
        || aufgabeWeg(aufgabe.group(1)))) {
      antwort.resetBuffer();
      ablehnen(antwort, 409, GLEICHZEITIG, List.of());
    }
    antwort.copyBodyToResponse();
  }

  /** The engine's own error code for a concurrent change (REST answer field "code"), not its English text. */
  private boolean gleichzeitigGeaendert(String antwort) {
    try {
      int code = json.readTree(antwort).path("code").asInt(-1);
      return code == BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode() || code == BuiltinExceptionCode.DEADLOCK.getCode();
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether the task no longer exists at all, seen without the caller's authorization checks. */
  private boolean aufgabeWeg(String taskId) {
    var ids = engine.getIdentityService();
    var angemeldet = ids.getCurrentAuthentication();
    ids.clearAuthentication();
    try {
      return engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0;
    } finally {
      if (angemeldet != null) {
        ids.setAuthentication(angemeldet);
      }
    }
  }

  private static final String GLEICHZEITIG = "Diese Aufgabe wurde gerade von jemand anderem bearbeitet oder abgeschlossen. "
      + "Bitte laden Sie die Aufgabenliste neu; Ihre Eingaben wurden nicht gespeichert.";

  private List<EingabePruefung.Fehler> pruefen(Pruefung p, JsonNode body) {
    Map<String, JsonNode> variablen = new LinkedHashMap<>();
    body.path("variables").fields().forEachRemaining(e -> variablen.put(e.getKey(), e.getValue()));
    return EingabePruefung.pruefe(p.formular(), variablen, p.optionen()::apply, heute());
  }

  private record Pruefung(Formular formular, Set<String> erlaubteSchluessel, java.util.function.Function<String, Set<String>> optionen) {}

  private Optional<Pruefung> fuerAufgabe(String taskId, JsonNode body) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    if (task == null) {
      return Optional.empty(); // the engine refuses tasks the caller cannot see
    }
    // The deployed form is the rule, also one deployed later from Modeler; no form: no variables.
    Formular formular = task.getCamundaFormRef() == null
        ? KEIN_FORMULAR
        : lese(() -> engine.getFormService().getDeployedTaskForm(taskId));
    return Optional.of(new Pruefung(formular, AUFGABE_ERLAUBT, key -> optionenAus(engine.getTaskService().getVariable(taskId, key))));
  }

  private static final Formular KEIN_FORMULAR = new Formular("", java.util.Map.of());

  private Formular lese(java.util.function.Supplier<java.io.InputStream> formular) {
    try (java.io.InputStream in = formular.get()) {
      return Formulare.lese(json.readTree(in));
    } catch (IOException | RuntimeException e) {
      return KEIN_FORMULAR;
    }
  }

  private Optional<Pruefung> fuerStart(String key, String id, JsonNode body) {
    ProcessDefinition definition =
        key != null
            ? engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
            : engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    if (definition == null) {
      return Optional.empty();
    }
    CamundaFormRef ref = engine.getFormService().getStartFormData(definition.getId()).getCamundaFormRef();
    Formular formular = ref == null ? KEIN_FORMULAR : lese(() -> engine.getFormService().getDeployedStartForm(definition.getId()));
    return Optional.of(new Pruefung(formular, START_ERLAUBT, k -> Set.of()));
  }

  private static Set<String> optionenAus(Object wert) {
    Set<String> werte = new HashSet<>();
    if (wert instanceof Collection<?> liste) {
      for (Object o : liste) {
        werte.add(o instanceof Map<?, ?> m ? String.valueOf(m.get("value")) : String.valueOf(o));
      }
    }
    return werte;
  }

  private static LocalDate heute() {
    return Zeit.heute();
  }

  private void ablehnen(HttpServletResponse response, int status, String meldung, List<EingabePruefung.Fehler> fehler)
      throws IOException {
    de.hsk.ki.web.Fehlerantwort.schreiben(response, status, "EingabeFehler", meldung, Map.of("fehler", fehler));
  }
}
