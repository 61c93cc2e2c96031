package de.hsk.ki.plattform.einwilligung;

/**
 * A process names the partners for which, with a minor, only the guardians may consent whatever the
 * young person's capacity to understand (e.g. KAoA-kompakt: the statewide consent form is for parents
 * and guardians). The rule itself is a row of Decision_Einwilligungsberechtigt; this only feeds its
 * input, so the building block need not know any process.
 */
public interface SorgeberechtigtePflicht {

  /** @return whether a consent of this case for this partner must come from the guardians while the person is a minor */
  boolean gilt(String aktenzeichen, String partner);
}
