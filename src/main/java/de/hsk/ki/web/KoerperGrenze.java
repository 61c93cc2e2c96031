package de.hsk.ki.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One body limit for both APIs and every method, before anything else reads a body: a declared
 * length above it is refused at once, a body without one (chunked) is cut off when it gets there.
 * The filters that check form submissions and queries read bodies up to the same limit.
 */
public class KoerperGrenze extends OncePerRequestFilter {

  static final String ZU_GROSS = "Die Anfrage ist zu groß (höchstens 256 KB).";

  /**
   * Uploads of a whole file (a municipality's report list, at most 2 MB) get a larger limit on exactly
   * their path; the page itself refuses a file above 2 MB with its own German message.
   */
  static final java.util.Map<String, Long> HOCHLADEN = java.util.Map.of("/ki/meldelisten", 3L * 1024 * 1024);
  static final String ZU_GROSS_DATEI = "Die Datei ist zu groß (höchstens 2 MB).";

  private static long grenze(HttpServletRequest request) {
    Long hochladen = "POST".equals(request.getMethod()) ? HOCHLADEN.get(request.getRequestURI()) : null;
    return hochladen != null ? hochladen : GelesenerRequest.MAX_BYTES;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long grenze = grenze(request);
    String meldung = grenze == GelesenerRequest.MAX_BYTES ? ZU_GROSS : ZU_GROSS_DATEI;
    if (request.getContentLengthLong() > grenze) {
      response.setHeader("Connection", "close");
      Fehlerantwort.schreiben(response, 413, "EingabeFehler", meldung, Map.of());
      return;
    }
    try {
      chain.doFilter(new Begrenzt(request, grenze), response);
    } catch (IOException | ServletException | RuntimeException e) {
      // a body without a declared length ran over the limit while somebody read it
      if (!zuGross(e) || response.isCommitted()) {
        throw e;
      }
      response.resetBuffer();
      response.setHeader("Connection", "close");
      Fehlerantwort.schreiben(response, 413, "EingabeFehler", meldung, Map.of());
    }
  }

  private static boolean zuGross(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ZuGross) {
        return true;
      }
    }
    return false;
  }

  /** Thrown by the limited stream; recognised above however the reader wrapped it. */
  static final class ZuGross extends IOException {
    ZuGross() {
      super(ZU_GROSS);
    }
  }

  private static final class Begrenzt extends HttpServletRequestWrapper {
    private ServletInputStream strom;
    private final long grenze;

    Begrenzt(HttpServletRequest request, long grenze) {
      super(request);
      this.grenze = grenze;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (strom == null) {
        ServletInputStream innen = super.getInputStream();
        strom = new ServletInputStream() {
          private long gelesen;

          private int zaehle(int n) throws IOException {
            if (n > 0 && (gelesen += n) > grenze) {
              throw new ZuGross();
            }
            return n;
          }

          @Override public int read() throws IOException {
            int b = innen.read();
            if (b >= 0) {
              zaehle(1);
            }
            return b;
          }
          @Override public int read(byte[] b, int off, int len) throws IOException { return zaehle(innen.read(b, off, len)); }
          @Override public boolean isFinished() { return innen.isFinished(); }
          @Override public boolean isReady() { return innen.isReady(); }
          @Override public void setReadListener(ReadListener l) { innen.setReadListener(l); }
        };
      }
      return strom;
    }
  }
}
