package de.hsk.ki.web;

import jakarta.servlet.http.HttpServletRequest;

/** The request path as the servlet container mapped it: decoded, path parameters (;…) and dot segments removed. */
public final class Pfade {

  /** The engine's REST API and the webapps' copy of it, as a regex prefix. */
  public static final String ENGINE_API = "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)";

  private Pfade() {}

  public static String von(HttpServletRequest request) {
    String servlet = request.getServletPath() == null ? "" : request.getServletPath();
    String info = request.getPathInfo() == null ? "" : request.getPathInfo();
    return (servlet + info).replaceAll("/{2,}", "/");
  }

  /**
   * A request's text as it may go into a log line: control characters and Unicode line breaks
   * (a %0A in a path is decoded into one) become "_", so nobody writes a line of their own into the log.
   */
  public static String fuerProtokoll(String text) {
    if (text == null) {
      return "-";
    }
    String ohne = text.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", "_");
    return ohne.length() > 300 ? ohne.substring(0, 300) + "…" : ohne;
  }
}
