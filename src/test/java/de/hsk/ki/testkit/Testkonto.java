package de.hsk.ki.testkit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Local test accounts with the demo password; ids without hyphens (the engine's id pattern). */
public final class Testkonto {

  private Testkonto() {}

  /** Creates the account with its memberships unless it exists; returns its id. */
  public static String anlegen(IdentityService identity, String id, String vorname, String nachname, String... gruppen) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setFirstName(vorname);
      u.setLastName(nachname);
      u.setPassword(Rest.DEMO_PASSWORT);
      identity.saveUser(u);
      for (String gruppe : gruppen) {
        identity.createMembership(id, gruppe);
      }
    }
    return id;
  }
}
