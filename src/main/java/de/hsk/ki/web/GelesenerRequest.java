package de.hsk.ki.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Replays a request body that a filter has already read, for the servlets behind it. */
public final class GelesenerRequest extends HttpServletRequestWrapper {

  /** The largest request body our filters read (form submissions, queries). */
  public static final int MAX_BYTES = 256 * 1024;

  private final byte[] inhalt;

  public GelesenerRequest(HttpServletRequest request, byte[] inhalt) {
    super(request);
    this.inhalt = inhalt;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(inhalt);
    return new ServletInputStream() {
      @Override public boolean isFinished() { return in.available() == 0; }
      @Override public boolean isReady() { return true; }
      @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException(); }
      @Override public int read() { return in.read(); }
      @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public int getContentLength() {
    return inhalt.length;
  }

  @Override
  public long getContentLengthLong() {
    return inhalt.length;
  }
}
