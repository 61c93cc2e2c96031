package de.hsk.ki.prozesse.foerderung;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Rows of a list variable (building blocks, payouts): Tasklist submits a dynamic list as a JSON
 * variable, Java writes it back the same way, so forms, the page and the report read one format.
 * Amounts in rows are German text as everywhere (plattform.geld.Betrag).
 */
public final class Zeilen {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Zeilen() {}

  public static List<Map<String, Object>> von(Object wert) {
    if (wert == null) {
      return new ArrayList<>();
    }
    try {
      if (wert instanceof Collection<?> c) {
        List<Map<String, Object>> zeilen = new ArrayList<>();
        for (Object e : c) {
          zeilen.add(JSON.convertValue(e, new TypeReference<LinkedHashMap<String, Object>>() {}));
        }
        return zeilen;
      }
      String text = wert instanceof SpinJsonNode node ? node.toString() : wert.toString();
      List<Map<String, Object>> zeilen = JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() {});
      return zeilen == null ? new ArrayList<>() : zeilen;
    } catch (Exception e) {
      throw new IllegalArgumentException("Liste nicht lesbar", e);
    }
  }

  /** The rows as a JSON variable, as Tasklist stores a dynamic list. */
  public static SpinJsonNode alsJson(List<Map<String, Object>> zeilen) {
    try {
      return Spin.JSON(JSON.writeValueAsString(zeilen));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
