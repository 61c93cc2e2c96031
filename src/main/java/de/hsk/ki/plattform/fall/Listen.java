package de.hsk.ki.plattform.fall;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/** Tasklist submits checklists as JSON variables, Java callers as lists: both become a list of strings. */
public final class Listen {

  private Listen() {}

  public static List<String> alsStrings(Object wert) {
    List<String> liste = new ArrayList<>();
    if (wert == null) {
      return liste;
    }
    if (wert instanceof Collection<?> c) {
      c.forEach(e -> liste.add(String.valueOf(e)));
    } else {
      SpinJsonNode json = wert instanceof SpinJsonNode node ? node : Spin.JSON(wert.toString());
      if (json.isArray()) {
        json.elements().forEach(e -> liste.add(e.isString() ? e.stringValue() : e.toString()));
      }
    }
    return liste;
  }
}
