package de.hsk.ki.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' German texts with the county's wording on top: {@code ki/uebersetzung/<app>.json}
 * holds only the keys we change (same nesting as Camunda's file), merged over the webjar's
 * {@code de.json} once, so a Camunda upgrade brings its new keys and keeps ours.
 */
public class WebappUebersetzung extends OncePerRequestFilter {

  private static final Pattern PFAD = Pattern.compile("^/camunda/app/(tasklist|cockpit|admin|welcome)/locales/de\\.json$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, byte[]> fertig = new ConcurrentHashMap<>();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !PFAD.matcher(Pfade.von(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = PFAD.matcher(Pfade.von(request));
    m.matches();
    byte[] inhalt = fertig.computeIfAbsent(m.group(1), WebappUebersetzung::zusammenfuehren);
    if (inhalt.length == 0) {
      chain.doFilter(request, response);
      return;
    }
    response.setContentType("application/json;charset=UTF-8");
    response.setHeader("Cache-Control", "no-cache");
    response.setContentLength(inhalt.length);
    response.getOutputStream().write(inhalt);
  }

  static byte[] zusammenfuehren(String app) {
    ClassLoader lader = WebappUebersetzung.class.getClassLoader();
    try (InputStream original = lader.getResourceAsStream("META-INF/resources/webjars/camunda/app/" + app + "/locales/de.json");
        InputStream eigene = lader.getResourceAsStream("ki/uebersetzung/" + app + ".json")) {
      if (original == null || eigene == null) {
        return new byte[0];
      }
      ObjectNode basis = (ObjectNode) JSON.readTree(original);
      mische(basis, (ObjectNode) JSON.readTree(eigene));
      return JSON.writeValueAsBytes(basis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mische(ObjectNode basis, ObjectNode eigene) {
    eigene.fields().forEachRemaining(e -> {
      if (e.getValue().isObject() && basis.get(e.getKey()) instanceof ObjectNode unter) {
        mische(unter, (ObjectNode) e.getValue());
      } else {
        basis.set(e.getKey(), e.getValue());
      }
    });
  }
}
