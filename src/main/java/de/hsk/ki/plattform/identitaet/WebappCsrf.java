package de.hsk.ki.plattform.identitaet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Camunda's CSRF token of the webapp session, for our own endpoints and for filters that answer a
 * webapp call before Camunda's CsrfPreventionFilter would see it: Tasklist sends it as X-XSRF-TOKEN.
 */
public final class WebappCsrf {

  static final String ATTRIBUT = "CAMUNDA_CSRF_TOKEN";

  private WebappCsrf() {}

  public static boolean gueltig(HttpServletRequest request) {
    HttpSession sitzung = request.getSession(false);
    Object token = sitzung == null ? null : sitzung.getAttribute(ATTRIBUT);
    String kopf = request.getHeader("X-XSRF-TOKEN");
    return token != null && kopf != null
        && MessageDigest.isEqual(token.toString().getBytes(StandardCharsets.UTF_8), kopf.getBytes(StandardCharsets.UTF_8));
  }
}
