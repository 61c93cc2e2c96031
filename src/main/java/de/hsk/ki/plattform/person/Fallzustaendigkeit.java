package de.hsk.ki.plattform.person;

import java.util.Optional;

/** Who is responsible for a case (the responsible caseworker), contributed by the module that keeps it. */
public interface Fallzustaendigkeit {

  /** The user id of the responsible caseworker, if one is set. */
  Optional<String> zustaendig(String aktenzeichen);

  /** The stand-in of a person absent today. */
  default Optional<String> vertretungFuer(String benutzer) {
    return Optional.empty();
  }

  /** Case numbers of the open cases the user is responsible for. */
  java.util.List<String> faelleVon(String benutzer);
}
