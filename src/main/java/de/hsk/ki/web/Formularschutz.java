package de.hsk.ki.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * CSRF protection of the forms of our own pages (material catalogue, partner accounts), the way Camunda's webapps protect theirs: a random
 * token bound to the login session, sent back with every POST (here as a hidden field, since a plain
 * HTML form cannot set Camunda's X-XSRF-TOKEN header) and compared in constant time. Together with
 * the SameSite=Strict session cookie and the same-origin check of web/HerkunftsPruefung.
 */
public final class Formularschutz {

  public static final String FELD = "_csrf";
  private static final String ATTRIBUT = Formularschutz.class.getName();
  private static final SecureRandom ZUFALL = new SecureRandom();

  private Formularschutz() {}

  /** The session's token, created on first use. */
  public static String token(HttpServletRequest request) {
    HttpSession sitzung = request.getSession();
    synchronized (sitzung) {
      Object token = sitzung.getAttribute(ATTRIBUT);
      if (token == null) {
        byte[] zufall = new byte[32];
        ZUFALL.nextBytes(zufall);
        token = HexFormat.of().formatHex(zufall);
        sitzung.setAttribute(ATTRIBUT, token);
      }
      return (String) token;
    }
  }

  /** Whether the submitted token is the one this session handed out. */
  public static boolean gueltig(HttpServletRequest request, String eingereicht) {
    HttpSession sitzung = request.getSession(false);
    Object token = sitzung == null ? null : sitzung.getAttribute(ATTRIBUT);
    return token != null && eingereicht != null
        && MessageDigest.isEqual(token.toString().getBytes(StandardCharsets.UTF_8), eingereicht.getBytes(StandardCharsets.UTF_8));
  }
}
