package de.hsk.ki.betrieb;

import de.hsk.ki.web.Fehlerantwort;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is unreachable (restart, fail-over), requests get 503 with a German message and
 * a Retry-After instead of a 500 carrying JDBC exception texts. Nothing was written, so the user can
 * simply try again. Outermost filter: the authentication filters already need the database.
 */
public class DatenbankAusfallFilter extends OncePerRequestFilter {

  private static final String PERSISTENZ = "exception occurred in the persistence layer";

  private final java.util.function.BooleanSupplier erreichbar;

  /** @param erreichbar asked when a request failed in the persistence layer for no visible reason */
  public DatenbankAusfallFilter(java.util.function.BooleanSupplier erreichbar) {
    this.erreichbar = erreichbar;
  }

  static final String MELDUNG = "Die Datenbank ist gerade nicht erreichbar. Es wurde nichts gespeichert. "
      + "Bitte versuchen Sie es in einer Minute erneut.";

  private static final Logger LOG = LoggerFactory.getLogger(DatenbankAusfallFilter.class);

  /** Texts of the engine's mapped 500 answers (REST) when the connection is the cause. */
  private static final List<String> MERKMALE = List.of(
      "Could not open JDBC Connection", "Connection is not available", "SQLTransientConnectionException",
      "Connection refused", "This connection has been closed", "An I/O error occurred while sending to the backend",
      "terminating connection due to administrator command", "the database system is shutting down",
      "the database system is starting up", "Failed to obtain JDBC Connection", "Unable to acquire JDBC Connection");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    de.hsk.ki.web.FehlerPuffer puffer = new de.hsk.ki.web.FehlerPuffer(response, status -> status >= 500);
    try {
      chain.doFilter(request, puffer);
    } catch (IOException | ServletException | RuntimeException e) {
      boolean ausfall = verbindungsfehler(e) || (String.valueOf(e.getMessage()).contains(PERSISTENZ) && !erreichbar.getAsBoolean());
      if (!ausfall || response.isCommitted()) {
        throw e;
      }
      ablehnen(response);
      return;
    }
    if (puffer.gesendeterStatus() != null) {
      response.sendError(puffer.gesendeterStatus(), puffer.gesendeterText());
      return;
    }
    if (!puffer.festgehalten()) {
      return;
    }
    String text = new String(puffer.inhalt(), StandardCharsets.UTF_8);
    if (text.contains("\"code\":" + DatenbankFehlercode.DATENBANK_NICHT_ERREICHBAR) || MERKMALE.stream().anyMatch(text::contains)
        || (text.contains(PERSISTENZ) && (DatenbankFehlercode.kuerzlichVerloren(30_000) || !erreichbar.getAsBoolean()))) {
      response.resetBuffer();
      ablehnen(response);
    } else {
      response.getOutputStream().write(puffer.inhalt());
    }
  }

  private static void ablehnen(HttpServletResponse response) throws IOException {
    LOG.warn("Datenbank nicht erreichbar: Anfrage mit 503 beantwortet");
    response.setContentLengthLong(-1); // the engine's error answer may have set its own length already
    response.setHeader("Retry-After", "60");
    Fehlerantwort.schreiben(response, 503, "DatenbankNichtErreichbar", MELDUNG, Map.of());
  }

  static boolean verbindungsfehler(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && DatenbankFehlercode.verbindungVerloren(sql)) {
        return true;
      }
      if (t instanceof org.camunda.bpm.engine.ProcessEngineException p && p.getCode() == DatenbankFehlercode.DATENBANK_NICHT_ERREICHBAR) {
        return true;
      }
      String text = String.valueOf(t.getMessage());
      if (MERKMALE.stream().anyMatch(text::contains)) {
        return true;
      }
    }
    return false;
  }
}
