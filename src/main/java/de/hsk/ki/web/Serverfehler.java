package de.hsk.ki.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
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
    Erfasst erfasst = new Erfasst(response);
    de.hsk.ki.plattform.prozess.Ablehnung.vergessen();
    try {
      chain.doFilter(request, erfasst);
    } finally {
      var ablehnung = de.hsk.ki.plattform.prozess.Ablehnung.zuletzt();
      de.hsk.ki.plattform.prozess.Ablehnung.vergessen();
      if (erfasst.fehler && ablehnung.isPresent() && !response.isCommitted()) {
        // a rule refused the request: the person learns why
        erfasst.fehler = false;
        response.resetBuffer();
        response.setContentLengthLong(-1);
        Fehlerantwort.schreiben(response, 400, "Ablehnung", ablehnung.get(), Map.of());
        return;
      }
    }
    if (!erfasst.fehler) {
      return;
    }
    String kennung = UUID.randomUUID().toString().substring(0, 8);
    String text = erfasst.puffer.toString(StandardCharsets.UTF_8);
    LOG.error("Server error {} on {} {} (status {}): {}", kennung, request.getMethod(), Pfade.fuerProtokoll(Pfade.von(request)),
        erfasst.status, Pfade.fuerProtokoll(text.length() > HOECHSTENS_ZEICHEN ? text.substring(0, HOECHSTENS_ZEICHEN) + " …" : text));
    if (!response.isCommitted()) {
      response.resetBuffer();
      response.setContentLengthLong(-1); // the error answer may have set its own length
      response.setHeader("X-Fehlerkennung", kennung);
      Fehlerantwort.schreiben(response, erfasst.status, "Serverfehler",
          "Ein interner Fehler ist aufgetreten; Ihre Eingaben wurden nicht gespeichert. Bitte versuchen Sie es später erneut "
              + "oder nennen Sie dem Betrieb die Fehlerkennung " + kennung + ".", Map.of("fehlerkennung", kennung));
    }
  }

  /** Passes every answer through, except the body of a 5xx answer, which it keeps. */
  private static final class Erfasst extends HttpServletResponseWrapper {
    final ByteArrayOutputStream puffer = new ByteArrayOutputStream();
    boolean fehler;
    int status = 200;
    private ServletOutputStream strom;
    private PrintWriter schreiber;

    Erfasst(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      // 503 is the database outage's own German answer (betrieb/DatenbankAusfallFilter)
      fehler = sc >= 500 && sc != 503;
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
      setStatus(sc);
      if (!fehler) {
        super.sendError(sc);
      }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      setStatus(sc);
      if (!fehler) {
        super.sendError(sc, msg);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!fehler) {
        return super.getOutputStream();
      }
      if (strom == null) {
        strom = new ServletOutputStream() {
          @Override public void write(int b) { puffer.write(b); }
          @Override public void write(byte[] b, int off, int len) { puffer.write(b, off, len); }
          @Override public boolean isReady() { return true; }
          @Override public void setWriteListener(WriteListener l) { }
        };
      }
      return strom;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!fehler) {
        return super.getWriter();
      }
      if (schreiber == null) {
        schreiber = new PrintWriter(new java.io.OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
      }
      return schreiber;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (schreiber != null) {
        schreiber.flush();
      }
      if (!fehler) {
        super.flushBuffer();
      }
    }
  }
}
