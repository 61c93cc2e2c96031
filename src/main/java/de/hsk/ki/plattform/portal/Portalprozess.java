package de.hsk.ki.plattform.portal;

import java.util.Map;

/**
 * A process the county's online service portal may start through {@link Onlineeingang}: its thin
 * controller implements this, and the portal's group may start that process and nothing else.
 */
public interface Portalprozess {

  /** Key of the process the portal starts. */
  String prozessSchluessel();

  /** Values the server sets whatever the portal sends (channel, receipt date), asked at each submission. */
  Map<String, Object> vorgaben();

  /** The German answer to the portal for the new case. */
  String bestaetigung(String aktenzeichen);
}
