package de.hsk.ki.plattform.datenschutz;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators erase a case on request: {@code DELETE /ki/betrieb/faelle/{aktenzeichen}?grund=CODE} with
 * HTTP Basic of a member of camunda-admin. Basic only, no session: a cookie cannot trigger it.
 */
@RestController
public class LoeschungController {

  private static final Pattern AKTENZEICHEN = Pattern.compile("^[A-Z]{2,3}-\\d{4}-\\d{4,}$");
  /** Reasons as codes: free text could carry the applicant's name into the permanent log. */
  public static final java.util.Set<String> GRUENDE =
      java.util.Set.of("ANTRAG_BETROFFENE", "ANTRAG_SORGEBERECHTIGTE", "FEHLERFASSUNG", "SONSTIGES");

  private final FallLoeschung loeschung;
  private final IdentityService identity;

  public LoeschungController(FallLoeschung loeschung, ProcessEngine engine) {
    this.loeschung = loeschung;
    this.identity = engine.getIdentityService();
  }

  @DeleteMapping("/ki/betrieb/faelle/{aktenzeichen}")
  public ResponseEntity<Map<String, Object>> loeschen(@PathVariable String aktenzeichen,
      @RequestParam(defaultValue = "ANTRAG_BETROFFENE") String grund, HttpServletRequest request) {
    String benutzer = basicBenutzer(request, identity);
    if (benutzer == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Basic realm=\"ki-betrieb\"")
          .body(Map.of("message", "Anmeldung erforderlich."));
    }
    if (identity.createUserQuery().userId(benutzer).memberOfGroup(KiGruppen.BETRIEB).count() == 0) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", "Nur der Betrieb darf Fälle löschen."));
    }
    if (!AKTENZEICHEN.matcher(aktenzeichen).matches() || !GRUENDE.contains(grund)) {
      return ResponseEntity.badRequest().body(Map.of("message",
          "Ungültiges Aktenzeichen oder Grund (erlaubt: " + String.join(", ", new java.util.TreeSet<>(GRUENDE)) + ")."));
    }
    FallLoeschung.Ergebnis ergebnis = loeschung.loesche(aktenzeichen, benutzer, grund);
    if (ergebnis.instanzen() == 0) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "Kein Fall mit diesem Aktenzeichen."));
    }
    return ResponseEntity.ok(Map.of("aktenzeichen", aktenzeichen, "instanzen", ergebnis.instanzen(),
        "prozesse", ergebnis.prozesse(), "message", "Der Fall wurde vollständig gelöscht."));
  }

  /** The operator named by HTTP Basic whose password is right, or null. */
  public static String basicBenutzer(HttpServletRequest request, IdentityService identity) {
    String kopf = request.getHeader("Authorization");
    if (kopf == null || !kopf.startsWith("Basic ")) {
      return null;
    }
    String[] teile;
    try {
      teile = new String(Base64.getDecoder().decode(kopf.substring(6).trim()), StandardCharsets.UTF_8).split(":", 2);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return teile.length == 2 && identity.checkPassword(teile[0], teile[1]) ? teile[0] : null;
  }
}
