package de.hsk.ki.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A refused request, answered as the engine's REST API answers errors: {type, message}, so Tasklist shows the message. */
public final class Fehlerantwort {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Fehlerantwort() {}

  public static void schreiben(HttpServletResponse response, int status, String typ, String meldung, Map<String, Object> mehr)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    Map<String, Object> antwort = new LinkedHashMap<>();
    antwort.put("type", typ);
    antwort.put("message", meldung);
    antwort.putAll(mehr);
    JSON.writeValue(response.getOutputStream(), antwort);
  }
}
