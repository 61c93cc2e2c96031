package de.hsk.ki.plattform.prozess;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Lookups a process or the platform makes on behalf of the case, not of the person whose click runs
 * it (a decision table, the members of a group, the grants on a task). Inside the engine's command
 * they would be checked against that person's rights (staff may neither evaluate decisions nor list
 * users), so they run without the check; outside a command nothing is checked anyway.
 */
public final class OhneBerechtigungspruefung {

  private OhneBerechtigungspruefung() {}

  public static <T> T ausfuehren(Supplier<T> abfrage) {
    var kontext = Context.getCommandContext();
    return kontext == null ? abfrage.get() : kontext.runWithoutAuthorization(abfrage::get);
  }
}
