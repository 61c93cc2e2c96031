package de.hsk.ki.plattform.identitaet;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * The engine's password hash: PBKDF2-HMAC-SHA256 with a 16-byte salt of its own (besides the
 * engine's salt), stored as {@code {PBKDF2-SHA256}<iterations>$<Base64(salt‖hash)>}. The engine's
 * one round of salted SHA-512 costs a guesser nothing once the table leaks; PBKDF2 needs no
 * library beyond Spring's crypto module and has no length limit (bcrypt cuts at 72 bytes, and the
 * engine appends its 24-character salt to the password). The iteration count is stored with each
 * hash, so it can be raised later: older hashes still verify and are renewed at the next login.
 */
public final class Kennworthash implements PasswordEncryptor {

  public static final String NAME = "PBKDF2-SHA256";
  /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (2023). */
  public static final int ITERATIONEN = 600_000;
  /** A hash read from the database never makes one check take minutes. */
  private static final int HOECHSTENS = 10_000_000;

  private final int iterationen;
  private final Pbkdf2PasswordEncoder kodierer;

  public Kennworthash(int iterationen) {
    if (iterationen < 100_000 || iterationen > HOECHSTENS) {
      throw new IllegalArgumentException("PBKDF2-Iterationen außerhalb 100000…" + HOECHSTENS + ": " + iterationen);
    }
    this.iterationen = iterationen;
    this.kodierer = kodierer(iterationen);
  }

  private static Pbkdf2PasswordEncoder kodierer(int iterationen) {
    Pbkdf2PasswordEncoder k = new Pbkdf2PasswordEncoder("", 16, iterationen,
        Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
    k.setEncodeHashAsBase64(true);
    return k;
  }

  @Override
  public String encrypt(String passwort) {
    return iterationen + "$" + kodierer.encode(passwort);
  }

  @Override
  public boolean check(String passwort, String gespeichert) {
    int trenner = gespeichert.indexOf('$');
    int anzahl;
    try {
      anzahl = Integer.parseInt(gespeichert.substring(0, Math.max(trenner, 0)));
    } catch (NumberFormatException e) {
      return false;
    }
    if (anzahl < 1 || anzahl > HOECHSTENS) {
      return false;
    }
    Pbkdf2PasswordEncoder k = anzahl == iterationen ? kodierer : kodierer(anzahl);
    return k.matches(passwort, gespeichert.substring(trenner + 1));
  }

  @Override
  public String hashAlgorithmName() {
    return NAME;
  }

  /** True for a stored password (with its prefix) of another algorithm or with fewer iterations than now. */
  public boolean veraltet(String gespeichert) {
    String praefix = "{" + NAME + "}";
    if (gespeichert == null || !gespeichert.startsWith(praefix)) {
      return true;
    }
    int trenner = gespeichert.indexOf('$');
    try {
      return trenner < 0 || Integer.parseInt(gespeichert.substring(praefix.length(), trenner)) < iterationen;
    } catch (NumberFormatException e) {
      return true;
    }
  }
}
