package de.hsk.ki.plattform.identitaet;

import java.util.Set;

/**
 * A page of the application beside Tasklist that a module offers to some groups; Tasklist shows the
 * links above the task list (scripts/ki/vorgaenge.js), so staff need not know addresses.
 *
 * @param reihenfolge lower first
 */
public record Seitenverweis(String titel, String pfad, Set<String> gruppen, int reihenfolge) {

  public Seitenverweis {
    gruppen = Set.copyOf(gruppen);
  }
}
