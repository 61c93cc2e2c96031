package de.hsk.ki.plattform.datenschutz;

/**
 * Data a module keeps per case outside the engine (consents, e-mail register, later ones). Every
 * such module implements this, so that erasure on request ({@link FallLoeschung}) reaches it
 * without the erasure knowing the module.
 */
public interface Falldaten {

  /** Deletes everything this module keeps for the case, in the caller's transaction; returns the number of rows. */
  int loescheFall(String aktenzeichen);
}
