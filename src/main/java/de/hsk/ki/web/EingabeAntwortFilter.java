package de.hsk.ki.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.plattform.formular.EingabeAbgelehnt;
import de.hsk.ki.web.Fehlerantwort;
import de.hsk.ki.web.GelesenerRequest;
import de.hsk.ki.web.Pfade;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The HTTP face of the engine's input rules ({@code plattform/formular}): the engine refuses, this
 * filter only presents. A refusal is answered with 400 and the German message alone (Camunda's REST
 * layer would prefix it in English and answer a refused start with 500); a completion that lost
 * against a concurrent one gets a German 409, recognised by the engine's error code.
 */
public class EingabeAntwortFilter extends OncePerRequestFilter {

  private static final Pattern AUFGABE = Pattern.compile(Pfade.ENGINE_API + "/task/([^/]+)/(?:complete|submit-form)/?$");
  private static final String GLEICHZEITIG = "Diese Aufgabe wurde gerade von jemand anderem bearbeitet oder abgeschlossen. "
      + "Bitte laden Sie die Aufgabenliste neu; Ihre Eingaben wurden nicht gespeichert.";

  private final ProcessEngine engine;
  private final ObjectMapper json = new ObjectMapper();

  public EingabeAntwortFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // its size is limited by KoerperGrenze, before any filter reads it
    byte[] inhalt = request.getInputStream().readAllBytes();
    ContentCachingResponseWrapper antwort = new ContentCachingResponseWrapper(response);
    EingabeAbgelehnt.vergessen();
    try {
      chain.doFilter(new GelesenerRequest(request, inhalt), antwort);
      var abgelehnt = EingabeAbgelehnt.zuletztAbgelehnt();
      Matcher aufgabe = AUFGABE.matcher(Pfade.von(request));
      if (abgelehnt.isPresent() && antwort.getStatus() >= 400) {
        antwort.resetBuffer();
        Fehlerantwort.schreiben(antwort, 400, "EingabeFehler", abgelehnt.get().getMessage(), Map.of("fehler", abgelehnt.get().fehler()));
      } else if (aufgabe.matches() && antwort.getStatus() >= 400
          && (gleichzeitigGeaendert(antwort.getContentAsByteArray()) || aufgabeWeg(aufgabe.group(1)))) {
        // the task is gone: completed by someone else a moment ago (its grants went with it, so 403 or 404)
        antwort.resetBuffer();
        Fehlerantwort.schreiben(antwort, 409, "EingabeFehler", GLEICHZEITIG, Map.of());
      }
    } finally {
      EingabeAbgelehnt.vergessen();
    }
    antwort.copyBodyToResponse();
  }

  /** The engine's own error code for a concurrent change (REST answer field "code"), not its English text. */
  private boolean gleichzeitigGeaendert(byte[] antwort) {
    try {
      int code = json.readTree(antwort).path("code").asInt(-1);
      return code == BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode() || code == BuiltinExceptionCode.DEADLOCK.getCode();
    } catch (IOException | RuntimeException e) {
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
}
