package de.hsk.ki.plattform.partnermail;

/**
 * Answers whether a recorded, not withdrawn consent covers sending the case's data to a partner;
 * implemented by the module that keeps the consents. Asked at the moment of sending.
 */
public interface Einwilligungspruefung {

  boolean liegtVor(String aktenzeichen, String partner);

  /** How the valid consent was declared, as the e-mail says it ("schriftlich", "mündlich"), or null if not recorded. */
  default String erklaerungsform(String aktenzeichen, String partner) {
    return null;
  }
}
