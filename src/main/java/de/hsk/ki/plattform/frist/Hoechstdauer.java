package de.hsk.ki.plattform.frist;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * No case closes silently at its maximum duration (review S5): some days before the timer of the
 * process's maximum-duration event subprocess fires, the management gets a task and decides – let
 * it close on that day, keep it open until a later date, or close it now; the two latter with a
 * reason. The decision moves the due date of that timer, so the case closes the way every case does
 * (its end event, its retention). The model names the timer's start event in the task's input
 * parameter {@code zeitgeber}; the period before it is the setting {@code hoechstdauerVorwarnung}.
 */
@Component("hoechstdauerPruefung")
public class Hoechstdauer implements Formularregel {

  static final String FORMULAR = "form_baustein_hoechstdauer";
  static final String ZEITGEBER = "zeitgeber";
  static final String ENTSCHEIDUNG = "hoechstdauerEntscheidung";
  static final String BIS = "hoechstdauerBis";
  static final String BEGRUENDUNG = "hoechstdauerBegruendung";
  /** Task-local: the day the case would close, for the form. */
  static final String SCHLIESST_AM = "hoechstdauerSchliesstAm";
  /** Longest extension from the day the case would close. */
  static final Period HOECHSTENS = Period.ofYears(1);
  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** Timer of the warning: the case's start plus the maximum duration minus the warning period. */
  public Date vorwarnung(Fristensatz fristen) {
    Map<String, String> alle = fristen.alle();
    ZonedDateTime jetzt = ZonedDateTime.now(Zeit.UHR);
    ZonedDateTime schluss = jetzt.plus(Period.parse(alle.get("hoechstdauer")));
    ZonedDateTime warnung = schluss.minus(Period.parse(alle.get("hoechstdauerVorwarnung")));
    // a maximum duration shorter than the warning period: halfway, so the task comes before the close
    return Date.from((warnung.isAfter(jetzt) ? warnung : jetzt.plus(java.time.Duration.between(jetzt, schluss).dividedBy(2))).toInstant());
  }

  /** Create listener: the form shows when the case would close. */
  public void anzeigen(DelegateTask task) {
    Job zeitgeber = zeitgeber(task);
    task.setVariableLocal(SCHLIESST_AM, zeitgeber == null ? null
        : LocalDate.ofInstant(zeitgeber.getDuedate().toInstant(), Zeit.ZONE).format(DATUM));
  }

  /** Complete listener: moves the maximum-duration timer as decided. */
  public void entscheiden(DelegateTask task) {
    Job zeitgeber = zeitgeber(task);
    String entscheidung = (String) task.getVariable(ENTSCHEIDUNG);
    if (zeitgeber == null || entscheidung == null || "ABLAUFEN_LASSEN".equals(entscheidung)) {
      return;
    }
    Date neu = "VERLAENGERN".equals(entscheidung) ? Zeit.morgens(Zeit.datum(task.getVariable(BIS))) : new Date(Zeit.jetzt().getTime());
    Context.getCommandContext().runWithoutAuthorization(() -> {
      task.getProcessEngineServices().getManagementService().setJobDuedate(zeitgeber.getId(), neu);
      return null;
    });
  }

  private static Job zeitgeber(DelegateTask task) {
    Object aktivitaet = task.getVariable(ZEITGEBER); // an input parameter: on the activity execution, not the task
    if (aktivitaet == null) {
      return null;
    }
    return Context.getCommandContext().runWithoutAuthorization(() -> task.getProcessEngineServices().getManagementService()
        .createJobQuery().processInstanceId(task.getProcessInstanceId()).activityId(aktivitaet.toString()).timers().singleResult());
  }

  /** The closing day shown on the task plus {@link #HOECHSTENS}; without it, from today. */
  private static LocalDate spaetestens(VariableScope fall, LocalDate heute) {
    LocalDate basis = schliesstAm(fall);
    return (basis == null ? heute : basis).plus(HOECHSTENS);
  }

  private static LocalDate schliesstAm(VariableScope fall) {
    Object schliesst = fall == null ? null : fall.getVariableLocal(SCHLIESST_AM);
    return schliesst == null ? null : LocalDate.parse(schliesst.toString(), DATUM);
  }

  @Override
  public boolean gilt(String formularId) {
    return FORMULAR.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    List<EingabePruefung.Fehler> fehler = new ArrayList<>();
    String entscheidung = Formularregel.text(eingaben, ENTSCHEIDUNG);
    if (entscheidung == null || "ABLAUFEN_LASSEN".equals(entscheidung)) {
      return fehler;
    }
    if (Formularregel.text(eingaben, BEGRUENDUNG) == null) {
      fehler.add(new EingabePruefung.Fehler(BEGRUENDUNG, "Begründung: Pflichtfeld, wenn der Fall länger offen bleibt oder jetzt geschlossen wird"));
    }
    if ("VERLAENGERN".equals(entscheidung)) {
      String bis = Formularregel.text(eingaben, BIS);
      LocalDate heute = Zeit.heute();
      if (bis == null) {
        fehler.add(new EingabePruefung.Fehler(BIS, "Offen bis: Pflichtfeld"));
      } else if (!Zeit.datum(bis).isAfter(heute)) {
        fehler.add(new EingabePruefung.Fehler(BIS, "Offen bis: bitte ein Datum nach heute"));
      } else if (schliesstAm(fall) != null && !Zeit.datum(bis).isAfter(schliesstAm(fall))) {
        fehler.add(new EingabePruefung.Fehler(BIS, "Offen bis: bitte ein Datum nach dem bisherigen Abschluss ("
            + schliesstAm(fall).format(DATUM) + "); früher schließen heißt „Jetzt schließen“"));
      } else if (Zeit.datum(bis).isAfter(spaetestens(fall, heute))) {
        fehler.add(new EingabePruefung.Fehler(BIS, "Offen bis: höchstens ein Jahr über den bisherigen Abschluss hinaus ("
            + spaetestens(fall, heute).format(DATUM) + ")"));
      }
    }
    return fehler;
  }
}
