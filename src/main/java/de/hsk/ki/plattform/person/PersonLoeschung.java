package de.hsk.ki.plattform.person;

import de.hsk.ki.plattform.datenschutz.FallLoeschung;
import de.hsk.ki.plattform.datenschutz.LoeschungController;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of a person on request (DSGVO Art. 17): every case of the person in every process, as
 * the erasure of a case does it, and then the person itself; the family goes with its last person.
 * {@code DELETE /ki/betrieb/personen/{nr}?grund=CODE} with HTTP Basic of an operator, like the
 * erasure of a case.
 */
@RestController
public class PersonLoeschung {

  private final Personenregister register;
  private final FallLoeschung faelle;
  private final IdentityService identity;

  public PersonLoeschung(Personenregister register, FallLoeschung faelle, ProcessEngine engine) {
    this.register = register;
    this.faelle = faelle;
    this.identity = engine.getIdentityService();
  }

  /** Erases the person's cases and the person; returns the case numbers erased. */
  @Transactional
  public List<String> loesche(long person, String betrieb, String grund) {
    List<String> aktenzeichen = register.faelleDerPerson(person);
    for (String az : aktenzeichen) {
      faelle.loesche(az, betrieb, grund);
    }
    register.personLoeschenWennOhneFall(person);
    return aktenzeichen;
  }

  @DeleteMapping("/ki/betrieb/personen/{nr}")
  public ResponseEntity<Map<String, Object>> loeschen(@PathVariable String nr,
      @RequestParam(defaultValue = "ANTRAG_BETROFFENE") String grund, HttpServletRequest request) {
    String benutzer = LoeschungController.basicBenutzer(request, identity);
    if (benutzer == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Basic realm=\"ki-betrieb\"")
          .body(Map.of("message", "Anmeldung erforderlich."));
    }
    if (identity.createUserQuery().userId(benutzer).memberOfGroup(KiGruppen.BETRIEB).count() == 0) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", "Nur der Betrieb darf Personen löschen."));
    }
    long person;
    try {
      person = Long.parseLong(nr);
    } catch (NumberFormatException e) {
      person = -1;
    }
    if (person < 0 || !LoeschungController.GRUENDE.contains(grund)) {
      return ResponseEntity.badRequest().body(Map.of("message", "Ungültige Personennummer oder Grund (erlaubt: "
          + String.join(", ", new java.util.TreeSet<>(LoeschungController.GRUENDE)) + ")."));
    }
    if (register.person(person).isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "Keine Person mit dieser Nummer."));
    }
    List<String> geloescht = loesche(person, benutzer, grund);
    return ResponseEntity.ok(Map.of("person", person, "faelle", geloescht,
        "message", "Die Person und alle ihre Fälle wurden vollständig gelöscht."));
  }
}
