package de.hsk.ki.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The webapps' start pages (the login page among them) name the Camunda version three ways: the
 * footer, the cache-busting parameter of every script, and nothing else a stranger needs. Both are
 * replaced by a value derived from the version, so caches still refresh after an upgrade; the page
 * is marked German, the language staff read.
 */
public class WebappSeiten extends OncePerRequestFilter {

  private static final Pattern STARTSEITE = Pattern.compile("^/camunda/app/[a-z]+/(?:[a-z]+/)?(?:index\\.html)?$");
  private final String version;
  private final String kennung;

  public WebappSeiten(String version) {
    this.version = version;
    this.kennung = Integer.toHexString(("ki-" + version).hashCode());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !STARTSEITE.matcher(Pfade.von(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper antwort = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, antwort);
    String typ = antwort.getContentType();
    if (antwort.getStatus() == 200 && typ != null && typ.startsWith("text/html")) {
      String seite = new String(antwort.getContentAsByteArray(), StandardCharsets.UTF_8)
          .replace("version=\"v" + version + "\"", "version=\"\"")
          .replace("?bust=" + version, "?bust=" + kennung)
          .replace("<html lang=\"en\">", "<html lang=\"de\">");
      antwort.resetBuffer();
      byte[] inhalt = seite.getBytes(StandardCharsets.UTF_8);
      response.setContentLength(inhalt.length);
      response.getOutputStream().write(inhalt);
      return;
    }
    antwort.copyBodyToResponse();
  }
}
