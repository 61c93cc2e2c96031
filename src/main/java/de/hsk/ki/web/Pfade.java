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
}
