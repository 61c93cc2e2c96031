package de.hsk.ki.betrieb;

import de.hsk.ki.security.Fehlerantwort;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
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
    FehlerPuffer puffer = new FehlerPuffer(response);
    try {
      chain.doFilter(request, puffer);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!verbindungsfehler(e) || response.isCommitted()) {
        throw e;
      }
      ablehnen(response);
      return;
    }
    if (puffer.gepuffert == null) {
      return;
    }
    if (puffer.schreiber != null) {
      puffer.schreiber.flush();
    }
    String text = puffer.gepuffert.toString(StandardCharsets.UTF_8);
    if (MERKMALE.stream().anyMatch(text::contains)) {
      response.resetBuffer();
      ablehnen(response);
    } else {
      response.getOutputStream().write(puffer.gepuffert.toByteArray());
    }
  }

  private static void ablehnen(HttpServletResponse response) throws IOException {
    LOG.warn("Datenbank nicht erreichbar: Anfrage mit 503 beantwortet");
    response.setHeader("Retry-After", "60");
    Fehlerantwort.schreiben(response, 503, "DatenbankNichtErreichbar", MELDUNG, Map.of());
  }

  static boolean verbindungsfehler(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      // SQLSTATE class 08: connection exception; 57P01..03: server shutting down / starting up
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
      String text = String.valueOf(t.getMessage());
      if (MERKMALE.stream().anyMatch(text::contains)) {
        return true;
      }
    }
    return false;
  }

  /** Buffers the body only of server errors (status set before the body), so normal answers stream as before. */
  private static final class FehlerPuffer extends HttpServletResponseWrapper {
    ByteArrayOutputStream gepuffert;
    private PrintWriter schreiber;

    FehlerPuffer(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (getStatus() < 500) {
        return super.getOutputStream();
      }
      if (gepuffert == null) {
        gepuffert = new ByteArrayOutputStream();
      }
      return new ServletOutputStream() {
        @Override
        public void write(int b) {
          gepuffert.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          gepuffert.write(b, off, len);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (getStatus() < 500) {
        return super.getWriter();
      }
      if (schreiber == null) {
        schreiber = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
      }
      return schreiber;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (schreiber != null) {
        schreiber.flush();
      }
      if (gepuffert == null) {
        super.flushBuffer();
      }
    }
  }
}
