package de.hsk.ki.plattform.identitaet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Successful password checks for a short while. HTTP Basic on /engine-rest checks the password on
 * every request, and a slow hash (Kennworthash, about a quarter second) would slow every call by
 * as much. Only successes are kept, keyed by an HMAC of user and password under a key drawn at
 * each start (no password, nor a hash a guesser could use after a restart, stays in memory); an
 * entry counts only while the stored password hash is the one it was made for, so a new password
 * ends it at once. The caller checks the account's lock before asking here.
 */
final class Anmeldecache {

  private static final int HOECHSTENS = 10_000;

  private record Eintrag(String gespeichert, long bisNanos) {}

  private final byte[] schluessel = new byte[32];
  private final long dauerNanos;
  private final ConcurrentHashMap<String, Eintrag> eintraege = new ConcurrentHashMap<>();

  Anmeldecache(Duration dauer) {
    new SecureRandom().nextBytes(schluessel);
    this.dauerNanos = dauer.toNanos();
  }

  /** True if this user logged in with this password within the period, against the same stored hash. */
  boolean bestaetigt(String benutzer, String passwort, String gespeichert) {
    if (dauerNanos <= 0 || gespeichert == null) {
      return false;
    }
    Eintrag e = eintraege.get(schluessel(benutzer, passwort));
    return e != null && e.gespeichert().equals(gespeichert) && System.nanoTime() - e.bisNanos() < 0;
  }

  void merken(String benutzer, String passwort, String gespeichert) {
    if (dauerNanos <= 0 || gespeichert == null) {
      return;
    }
    long jetzt = System.nanoTime();
    if (eintraege.size() >= HOECHSTENS) {
      eintraege.values().removeIf(e -> jetzt - e.bisNanos() >= 0);
      if (eintraege.size() >= HOECHSTENS) {
        eintraege.clear();
      }
    }
    eintraege.put(schluessel(benutzer, passwort), new Eintrag(gespeichert, jetzt + dauerNanos));
  }

  private String schluessel(String benutzer, String passwort) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(schluessel, "HmacSHA256"));
      // the NUL keeps "ab"+"c" apart from "a"+"bc"; user ids never contain it
      return Base64.getEncoder().encodeToString(mac.doFinal((benutzer + '\u0000' + passwort).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
