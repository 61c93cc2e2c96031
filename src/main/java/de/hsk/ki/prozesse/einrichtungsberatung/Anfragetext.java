package de.hsk.ki.prozesse.einrichtungsberatung;

import static de.hsk.ki.prozesse.einrichtungsberatung.Einrichtungsberatung.*;

import de.hsk.ki.plattform.fall.Listen;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** The request in German words for the forms that follow it (no persons beyond the institution's contact). */
@Component
public class Anfragetext {

  private final Anfrageangaben angaben;

  public Anfragetext(Anfrageangaben angaben) {
    this.angaben = angaben;
  }

  /** An optional field left empty in Tasklist arrives as "" or not at all. */
  private static String gefuellt(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  String uebersicht(VariableScope fall) {
    String typ = angaben.bezeichnung(EINRICHTUNGSTYP.von(fall));
    String schulform = gefuellt(SCHULFORM.von(fall));
    Long erwartet = TEILNEHMENDE_ERWARTET.von(fall);
    String zeitraum = gefuellt(WUNSCHZEITRAUM.von(fall));
    String funktion = gefuellt(FUNKTION.von(fall));
    String telefon = gefuellt(TELEFON.von(fall));
    String team = TEAM.von(fall);
    String zielgruppe = Listen.alsStrings(fall.getVariable(ZIELGRUPPE.name())).stream().map(angaben::bezeichnung)
        .collect(Collectors.joining(", "));
    return typ + (schulform == null ? "" : " (" + angaben.bezeichnung(schulform) + ")") + " in " + angaben.bezeichnung(KOMMUNE.von(fall))
        + " · Thema: " + angaben.bezeichnung(THEMA.von(fall)) + " · Format: " + angaben.bezeichnung(FORMAT.von(fall))
        + "\n\nZielgruppe: " + (zielgruppe.isEmpty() ? "–" : zielgruppe) + (erwartet == null ? "" : " (etwa " + erwartet + " Personen)")
        + (zeitraum == null ? "" : " · Wunschzeitraum: " + zeitraum)
        + "\n\nAnsprechperson: " + ANSPRECHPERSON.von(fall) + (funktion == null ? "" : ", " + funktion)
        + " · " + EMAIL.von(fall) + (telefon == null ? "" : " · " + telefon)
        + (team == null ? "" : " · zuständig: " + KiGruppen.name(team))
        + "\n\nAnliegen: " + ANLIEGEN.von(fall);
  }
}
