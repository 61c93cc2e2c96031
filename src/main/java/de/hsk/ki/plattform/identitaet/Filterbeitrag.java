package de.hsk.ki.plattform.identitaet;

import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A shared Tasklist filter a process module contributes as a bean, beside the platform's own
 * (IdentitaetEinrichtung creates or updates it by name at each start and lets the groups read it).
 *
 * @param name the German name in Tasklist's filter list; the filter is found again by it
 * @param beschreibung the tooltip
 * @param prioritaet the place in the list (Tasklist opens the lowest; the platform's lie below 0)
 * @param farbe the filter's colour as {@code #rrggbb}
 * @param abfrage the stored task query; no expression inside an or-query (DESIGN.md, known traps)
 * @param leser the groups that see the filter
 */
public record Filterbeitrag(String name, String beschreibung, int prioritaet, String farbe, TaskQuery abfrage, Set<String> leser) {

  public Filterbeitrag {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(abfrage, "abfrage");
    if (farbe == null || !farbe.matches("#[0-9a-fA-F]{6}")) {
      throw new IllegalArgumentException("Farbe des Filters " + name + " muss #rrggbb sein: " + farbe);
    }
    if (leser == null || leser.isEmpty()) {
      throw new IllegalArgumentException("Filter " + name + " braucht mindestens eine Gruppe, die ihn sieht.");
    }
    leser = Set.copyOf(leser);
  }
}
