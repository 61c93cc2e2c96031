package de.hsk.ki.plattform.identitaet;

import de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** How forms and answers name a member of staff: first and last name, the id where the directory has none. */
public final class Personenname {

  private Personenname() {}

  /** Looked up on behalf of the case: staff may not list users themselves. */
  public static String von(IdentityService identitaet, String benutzer) {
    if (benutzer == null) {
      return "";
    }
    User person = OhneBerechtigungspruefung.ausfuehren(() -> identitaet.createUserQuery().userId(benutzer).singleResult());
    if (person == null) {
      return benutzer;
    }
    String name = ((person.getFirstName() == null ? "" : person.getFirstName()) + " "
        + (person.getLastName() == null ? "" : person.getLastName())).trim();
    return name.isEmpty() ? benutzer : name;
  }
}
