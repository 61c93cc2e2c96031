package de.hsk.ki.prozesse.abstimmung;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Lookups the process makes on behalf of the case, not of the person whose click runs it: the
 * decision table of participants and the list of possible moderators. Inside the engine's command
 * they would be checked against that person's rights (staff may neither evaluate decisions nor list
 * users), so they run without the check; outside a command nothing is checked anyway.
 */
final class OhneBerechtigungspruefung {

  private OhneBerechtigungspruefung() {}

  static <T> T ausfuehren(Supplier<T> abfrage) {
    var kontext = Context.getCommandContext();
    return kontext == null ? abfrage.get() : kontext.runWithoutAuthorization(abfrage::get);
  }
}
