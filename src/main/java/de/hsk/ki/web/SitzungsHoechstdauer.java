package de.hsk.ki.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute lifetime of a webapp session: the servlet container ends a session only after 30
 * idle minutes, so a session in use would live for ever (and a stolen cookie with it). After
 * {@code ki.sitzung.hoechstdauer} (a working day) the session ends and the person logs in again.
 */
public class SitzungsHoechstdauer extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger("ki.anmeldung");

  private final Duration hoechstdauer;

  public SitzungsHoechstdauer(Duration hoechstdauer) {
    this.hoechstdauer = hoechstdauer;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession sitzung = request.getSession(false);
    if (sitzung != null && System.currentTimeMillis() - sitzung.getCreationTime() >= hoechstdauer.toMillis()) {
      try {
        sitzung.invalidate();
        LOG.info("Sitzung nach ihrer Höchstdauer {} beendet", hoechstdauer);
      } catch (IllegalStateException schonBeendet) {
        // ended by a parallel request
      }
    }
    chain.doFilter(request, response);
  }
}
