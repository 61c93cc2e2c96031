package de.hsk.ki.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An internal error is answered in German with a reference number instead of the exception's text
 * (which can name tables, SQL parameters or case data), and logged as one line with that number:
 * the operator finds the line from the number a person reports.
 */
public class Serverfehler extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger("ki.serverfehler");
  /** A log line stays a line, also when the exception's message carries a whole query. */
  static final int HOECHSTENS_ZEICHEN = 500;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // 503 is the database outage's own German answer (betrieb/DatenbankAusfallFilter)
    FehlerPuffer erfasst = new FehlerPuffer(response, status -> status >= 500 && status != 503);
    de.hsk.ki.plattform.prozess.Ablehnung.vergessen();
    try {
      chain.doFilter(request, erfasst);
    } finally {
      var ablehnung = de.hsk.ki.plattform.prozess.Ablehnung.zuletzt();
      de.hsk.ki.plattform.prozess.Ablehnung.vergessen();
      if (erfasst.festgehalten() && ablehnung.isPresent() && !response.isCommitted()) {
        // a rule refused the request: the person learns why
        response.resetBuffer();
        response.setContentLengthLong(-1);
        Fehlerantwort.schreiben(response, 400, "Ablehnung", ablehnung.get(), Map.of());
        return;
      }
    }
    if (!erfasst.festgehalten()) {
      return;
    }
    int status = erfasst.fehlerStatus();
    String kennung = UUID.randomUUID().toString().substring(0, 8);
    String text = erfasst.gesendeterStatus() != null ? String.valueOf(erfasst.gesendeterText())
        : new String(erfasst.inhalt(), StandardCharsets.UTF_8);
    LOG.error("Server error {} on {} {} (status {}): {}", kennung, request.getMethod(), Pfade.fuerProtokoll(Pfade.von(request)),
        status, Pfade.fuerProtokoll(text.length() > HOECHSTENS_ZEICHEN ? text.substring(0, HOECHSTENS_ZEICHEN) + " …" : text));
    if (!response.isCommitted()) {
      response.resetBuffer();
      response.setContentLengthLong(-1); // the error answer may have set its own length
      response.setHeader("X-Fehlerkennung", kennung);
      Fehlerantwort.schreiben(response, status, "Serverfehler",
          "Ein interner Fehler ist aufgetreten; Ihre Eingaben wurden nicht gespeichert. Bitte versuchen Sie es später erneut "
              + "oder nennen Sie dem Betrieb die Fehlerkennung " + kennung + ".", Map.of("fehlerkennung", kennung));
    }
  }
}
