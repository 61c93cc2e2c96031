package de.hsk.ki.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

/**
 * Holds back the body of the error answers a filter wants to rewrite (status set before the body),
 * so every other answer streams as before. Such an error sent with sendError is held back too:
 * Jersey sends it before it rethrows the exception, and a sent error would leave no room for the
 * filter's own answer.
 */
public final class FehlerPuffer extends HttpServletResponseWrapper {

  private final IntPredicate festhalten;
  private ByteArrayOutputStream gepuffert;
  private PrintWriter schreiber;
  private Integer fehlerStatus;
  private String fehlerText;

  /** @param festhalten the statuses whose answer is held back */
  public FehlerPuffer(HttpServletResponse response, IntPredicate festhalten) {
    super(response);
    this.festhalten = festhalten;
  }

  /** Whether the answer is one of those held back (by its status, a body or a sendError). */
  public boolean festgehalten() {
    return gepuffert != null || fehlerStatus != null || festhalten.test(getStatus());
  }

  /** The status of the held-back answer. */
  public int fehlerStatus() {
    return fehlerStatus != null ? fehlerStatus : getStatus();
  }

  /** The status and message of a held-back sendError, or null. */
  public Integer gesendeterStatus() {
    return fehlerStatus;
  }

  public String gesendeterText() {
    return fehlerText;
  }

  /** The held-back body (empty after a sendError). */
  public byte[] inhalt() {
    if (schreiber != null) {
      schreiber.flush();
    }
    return gepuffert == null ? new byte[0] : gepuffert.toByteArray();
  }

  @Override
  public void sendError(int sc) throws IOException {
    sendError(sc, null);
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    if (!festhalten.test(sc)) {
      super.sendError(sc, msg);
      return;
    }
    fehlerStatus = sc;
    fehlerText = msg;
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (!festhalten.test(getStatus())) {
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
    if (!festhalten.test(getStatus())) {
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
