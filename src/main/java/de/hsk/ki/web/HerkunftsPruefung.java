package de.hsk.ki.web;

import de.hsk.ki.web.Fehlerantwort;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses changing requests to the webapps and our pages that a browser sends from a foreign
 * origin (in addition to Camunda's CSRF token and SameSite cookies).
 */
public class HerkunftsPruefung extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(HerkunftsPruefung.class);
  private static final Set<String> LESEND = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String herkunft = request.getHeader("Origin");
    if (!LESEND.contains(request.getMethod()) && herkunft != null && !gleicheHerkunft(herkunft, request)
        && !eigeneSeiteOhneReferrer(herkunft, request)) {
      LOG.warn("Request from foreign origin refused: {} {}", request.getMethod(), Pfade.fuerProtokoll(request.getRequestURI()));
      Fehlerantwort.schreiben(response, 403, "Zugriffsfehler", "Anfrage von fremder Herkunft abgelehnt.", java.util.Map.of());
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Our pages send "Referrer-Policy: no-referrer", so a browser posts their forms with "Origin: null";
   * it also says "Sec-Fetch-Site: same-origin", a header no page script can set.
   */
  private static boolean eigeneSeiteOhneReferrer(String herkunft, HttpServletRequest request) {
    return "null".equals(herkunft) && "same-origin".equals(request.getHeader("Sec-Fetch-Site"));
  }

  private static boolean gleicheHerkunft(String herkunft, HttpServletRequest request) {
    try {
      URI uri = URI.create(herkunft);
      int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
      return request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
