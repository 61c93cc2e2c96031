package de.hsk.ki.testkit;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/** Completes a task as a signed-in person of a group, as Tasklist does: the form's server rules apply to it. */
public final class AlsPerson {

  private AlsPerson() {}

  public static void erledige(ProcessEngine engine, String benutzer, String gruppe, String aufgabe, Map<String, Object> werte) {
    engine.getIdentityService().setAuthentication(benutzer, List.of(gruppe));
    try {
      engine.getTaskService().complete(aufgabe, werte);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
