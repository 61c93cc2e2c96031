package de.hsk.ki.web;

import de.hsk.ki.web.GelesenerRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs every login to the webapps and every failed HTTP Basic login to the REST API, with the user
 * name and the client address (staff accounts only; no case data). Logger "ki.anmeldung".
 */
public class AnmeldeProtokoll extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger("ki.anmeldung");
  private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/([^/]+)$");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String pfad = de.hsk.ki.web.Pfade.von(request);
    Matcher login = WEBAPP_LOGIN.matcher(pfad);
    boolean webappLogin = "POST".equals(request.getMethod()) && login.matches();
    String benutzer = basicBenutzer(request);
    if (webappLogin) {
      // read the form ourselves and replay it: getParameter() would consume the body before Jersey
      byte[] inhalt = request.getInputStream().readNBytes(8192);
      benutzer = formularWert(new String(inhalt, StandardCharsets.UTF_8), "username");
      request = new GelesenerRequest(request, inhalt);
    }
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (webappLogin) {
      if (status == 200) {
        LOG.info("Login successful: user={} app={} client={}", sauber(benutzer), login.group(1), request.getRemoteAddr());
      } else {
        LOG.warn("Login failed: user={} app={} status={} client={}", sauber(benutzer), login.group(1), status, request.getRemoteAddr());
      }
    } else if (benutzer != null && status == 401) {
      LOG.warn("REST login failed: user={} client={}", sauber(benutzer), request.getRemoteAddr());
    }
  }

  private static String formularWert(String formular, String name) {
    for (String paar : formular.split("&")) {
      String[] teile = paar.split("=", 2);
      if (teile.length == 2 && teile[0].equals(name)) {
        return java.net.URLDecoder.decode(teile[1], StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String basicBenutzer(HttpServletRequest request) {
    String kopf = request.getHeader("Authorization");
    if (kopf == null || !kopf.startsWith("Basic ")) {
      return null;
    }
    try {
      return new String(Base64.getDecoder().decode(kopf.substring(6).trim()), StandardCharsets.UTF_8).split(":", 2)[0];
    } catch (IllegalArgumentException e) {
      return "(unlesbar)";
    }
  }

  /** No log forging: user names are shown without control characters and cut to 64 characters. */
  static String sauber(String benutzer) {
    if (benutzer == null) {
      return "-";
    }
    String ohne = Pfade.fuerProtokoll(benutzer);
    return ohne.length() > 64 ? ohne.substring(0, 64) : ohne;
  }
}
