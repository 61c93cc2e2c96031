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
 * the appointment's outcome – attended, or missed with a new date – never findings: the health office
 * reports what matters for school to the school itself.
 */
@Component("seiteneinsteigeruntersuchung")
public class Seiteneinsteigeruntersuchung implements Formularregel {

  static final String ERSTBERATUNG = "form_se_erstberatung";
  static final String ERFASSUNG = "form_se_untersuchung";
  static final long AB = 6;
  static final long BIS = 18;
  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final IdentityService identitaet;

  public Seiteneinsteigeruntersuchung(@Lazy IdentityService identitaet) {
    this.identitaet = identitaet;
  }

  /** Gateway "Seiteneinsteigeruntersuchung nötig?". */
  public boolean erforderlich(DelegateExecution fall) {
    Long alter = Seiteneinstieg.ALTER.von(fall);
    String grund = Seiteneinstieg.UNTERSUCHUNG_ENTFAELLT_GRUND.von(fall);
    return alter != null && alter >= AB && alter <= BIS && (grund == null || grund.isBlank());
  }

  /** Flow "Termin versäumt": a line in the history, the next record starts empty on the new date. */
  public void versaeumt(DelegateExecution fall) {
    LocalDate am = Seiteneinstieg.UNTERSUCHUNG_AM.von(fall);
    LocalDate neu = Seiteneinstieg.NEUER_UNTERSUCHUNGSTERMIN.von(fall);
    String notiz = Seiteneinstieg.UNTERSUCHUNGSNOTIZ.von(fall);
    Verlauf.anhaengen(fall, Seiteneinstieg.UNTERSUCHUNGSVERLAUF, "Termin am " + (am == null ? "–" : am.format(DATUM))
        + " versäumt, neuer Termin " + (neu == null ? "–" : neu.format(DATUM))
        + (notiz == null || notiz.isBlank() ? "" : " – " + notiz.strip().replace('\n', ' ')));
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
    String neu = Formularregel.text(eingaben, Seiteneinstieg.NEUER_UNTERSUCHUNGSTERMIN.name());
    if (neu != null && !Zeit.datum(neu).isAfter(Zeit.heute())) {
      return List.of(new EingabePruefung.Fehler(Seiteneinstieg.NEUER_UNTERSUCHUNGSTERMIN.name(),
          "Neuer Termin: bitte ein Datum nach heute eintragen."));
    }
    return List.of();
  }

  private boolean leitung() {
    Authentication wer = identitaet.getCurrentAuthentication();
    return wer != null && wer.getGroupIds() != null && wer.getGroupIds().contains(KiGruppen.LEITUNG);
  }
}
