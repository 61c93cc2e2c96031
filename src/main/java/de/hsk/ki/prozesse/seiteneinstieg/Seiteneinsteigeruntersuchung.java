package de.hsk.ki.prozesse.seiteneinstieg;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The school-medical examination of newcomers (Seiteneinsteigeruntersuchung, review S3): in the
 * county every newcomer aged 6 to 18 must attend it (§ 54 Abs. 4 SchulG NRW), so the health office is
 * always asked; only the management may record, with a reason, that it is not needed. The KI records
 * the appointment's outcome – attended, missed with a new date, or no longer needed with a reason –
 * never findings: the health office reports what matters for school to the school itself.
 */
@Component("seiteneinsteigeruntersuchung")
public class Seiteneinsteigeruntersuchung implements Formularregel {

  static final String ERSTBERATUNG = "form_se_erstberatung";
  static final String ERFASSUNG = "form_se_untersuchung";
  static final long AB = 6;
  static final long BIS = 18;
  static final java.util.Set<String> SCHULPFLICHTIGE_STUFEN = java.util.Set.of("PRIMAR", "SEK_I", "SEK_II");
  /** Latest new appointment after a missed one, from today. */
  static final java.time.Period NEUER_TERMIN_HOECHSTENS = java.time.Period.ofMonths(6);
  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final IdentityService identitaet;

  public Seiteneinsteigeruntersuchung(@Lazy IdentityService identitaet) {
    this.identitaet = identitaet;
  }

  /**
   * Gateway "Seiteneinsteigeruntersuchung nötig?": every schulpflichtig stage of the shared table
   * (a child who turns 6 by 30 September included); cases without the table's result by age.
   */
  public boolean erforderlich(DelegateExecution fall) {
    String grund = Seiteneinstieg.UNTERSUCHUNG_ENTFAELLT_GRUND.von(fall);
    if (grund != null && !grund.isBlank()) {
      return false;
    }
    if (fall.getVariable(Seiteneinstieg.SCHULPFLICHT.name()) instanceof Map<?, ?> schulpflicht && schulpflicht.get("stufe") != null) {
      return SCHULPFLICHTIGE_STUFEN.contains(schulpflicht.get("stufe").toString());
    }
    Long alter = Seiteneinstieg.ALTER.von(fall);
    return alter != null && alter >= AB && alter <= BIS;
  }

  /** Flow "Termin versäumt": a line in the history, the next record starts empty on the new date. */
  public void versaeumt(DelegateExecution fall) {
    LocalDate am = Seiteneinstieg.UNTERSUCHUNG_AM.von(fall);
    LocalDate neu = Seiteneinstieg.NEUER_UNTERSUCHUNGSTERMIN.von(fall);
    // the note is not repeated in the history the next task shows (it may name why); as a case variable
    // it is kept with the case's history like every field, hence the form's "keine Gesundheitsdaten"
    Verlauf.anhaengen(fall, Seiteneinstieg.UNTERSUCHUNGSVERLAUF, "Termin am " + (am == null ? "–" : am.format(DATUM))
        + " versäumt, neuer Termin " + (neu == null ? "–" : neu.format(DATUM)));
    fall.removeVariable(Seiteneinstieg.UNTERSUCHUNGSSTAND.name());
    fall.removeVariable(Seiteneinstieg.UNTERSUCHUNG_AM.name());
    fall.removeVariable(Seiteneinstieg.UNTERSUCHUNGSNOTIZ.name());
  }

  @Override
  public boolean gilt(String formularId) {
    return ERSTBERATUNG.equals(formularId) || ERFASSUNG.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    if (Formularregel.text(eingaben, Seiteneinstieg.UNTERSUCHUNG_ENTFAELLT_GRUND.name()) != null && !leitung()) {
      return List.of(new EingabePruefung.Fehler(Seiteneinstieg.UNTERSUCHUNG_ENTFAELLT_GRUND.name(),
          "Untersuchung entfällt: das kann nur die Leitung festhalten. Bitte das Feld leer lassen."));
    }
    // a case of a model before 1.4.0 has no path for a no-show: its form hides the choice, and so does the server
    if ("NICHT_ERSCHIENEN".equals(Formularregel.text(eingaben, Seiteneinstieg.ERSTBERATUNG_ERGEBNIS.name()))
        && !Boolean.TRUE.equals(fall.getVariable(Seiteneinstieg.NICHT_ERSCHIENEN_MOEGLICH.name()))) {
      return List.of(new EingabePruefung.Fehler(Seiteneinstieg.ERSTBERATUNG_ERGEBNIS.name(),
          "Termin: „nicht erschienen“ gibt es in diesem älteren Fall nicht. Bitte die Familie erneut einladen oder den Fall über "
              + "„Prozess starten“ → „Fall vorzeitig beenden“ schließen."));
    }
    LocalDate termin = fall == null ? null : Seiteneinstieg.TERMIN_DATUM.von(fall);
    if ("NICHT_ERSCHIENEN".equals(Formularregel.text(eingaben, Seiteneinstieg.ERSTBERATUNG_ERGEBNIS.name()))
        && termin != null && termin.isAfter(Zeit.heute())) {
      return List.of(new EingabePruefung.Fehler(Seiteneinstieg.ERSTBERATUNG_ERGEBNIS.name(),
          "Termin: der Termin am " + termin.format(DATUM) + " liegt noch in der Zukunft – „nicht erschienen“ erst ab diesem Tag."));
    }
    String neu = Formularregel.text(eingaben, Seiteneinstieg.NEUER_UNTERSUCHUNGSTERMIN.name());
    if (neu != null && !Zeit.datum(neu).isAfter(Zeit.heute())) {
      return List.of(new EingabePruefung.Fehler(Seiteneinstieg.NEUER_UNTERSUCHUNGSTERMIN.name(),
          "Neuer Termin: bitte ein Datum nach heute eintragen."));
    }
    if (neu != null && Zeit.datum(neu).isAfter(Zeit.heute().plus(NEUER_TERMIN_HOECHSTENS))) {
      return List.of(new EingabePruefung.Fehler(Seiteneinstieg.NEUER_UNTERSUCHUNGSTERMIN.name(),
          "Neuer Termin: höchstens 6 Monate ab heute (bis " + Zeit.heute().plus(NEUER_TERMIN_HOECHSTENS).format(DATUM) + ")."));
    }
    return List.of();
  }

  private boolean leitung() {
    Authentication wer = identitaet.getCurrentAuthentication();
    return wer != null && wer.getGroupIds() != null && wer.getGroupIds().contains(KiGruppen.LEITUNG);
  }
}
