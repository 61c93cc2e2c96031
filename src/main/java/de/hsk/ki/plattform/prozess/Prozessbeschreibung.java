package de.hsk.ki.plattform.prozess;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the platform needs to know of a process, contributed by its module as a bean: identity
 * set-up, case numbers, Tasklist filters and erasure loop over these instead of naming processes.
 *
 * @param schluessel the process definition key in the BPMN file
 * @param praefix the case-number prefix ({@code SE} gives SE-2026-0001)
 * @param name the German name staff read
 * @param starten groups that may start a case (and so work its first task)
 * @param lesen groups that only see the process name beside tasks routed to them (e.g. the Schulamt)
 * @param aufsicht groups that oversee every task and case of the process (escalations, reassignment)
 * @param partner kinds of partner (directory types) that answer tasks of the process themselves in
 *     Tasklist; each institution of such a type gets its own group (Partnergruppen, ADR 0006)
 */
public record Prozessbeschreibung(String schluessel, String praefix, String name, Set<String> starten, Set<String> lesen,
    Set<String> aufsicht, Set<de.hsk.ki.plattform.partner.PartnerTyp> partner) {

  private static final Pattern PRAEFIX = Pattern.compile("[A-Z]{2,3}");

  public Prozessbeschreibung {
    Objects.requireNonNull(schluessel, "schluessel");
    Objects.requireNonNull(name, "name");
    if (praefix == null || !PRAEFIX.matcher(praefix).matches()) {
      throw new IllegalArgumentException("Aktenzeichen-Präfix von " + schluessel + " muss aus 2–3 Großbuchstaben bestehen: " + praefix);
    }
    starten = Set.copyOf(starten);
    lesen = Set.copyOf(lesen);
    aufsicht = Set.copyOf(aufsicht);
    partner = Set.copyOf(partner);
  }

  /** A process no partner answers in Tasklist. */
  public Prozessbeschreibung(String schluessel, String praefix, String name, Set<String> starten, Set<String> lesen,
      Set<String> aufsicht) {
    this(schluessel, praefix, name, starten, lesen, aufsicht, Set.of());
  }

  /** Every group that works with the process in Tasklist. */
  public Set<String> gruppen() {
    var alle = new java.util.TreeSet<String>(starten);
    alle.addAll(lesen);
    alle.addAll(aufsicht);
    return alle;
  }
}
