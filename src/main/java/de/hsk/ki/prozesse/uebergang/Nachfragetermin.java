package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * When the team asks whether the transition held (review U10): at the next real transition point
 * from the table Decision_Nachfragetermin (end of probation, the school half-year), else after the
 * setting nachfrage. The timer's date expression sets the day and the reason the follow-up task
 * names, and waits for that day.
 */
@Component("nachfragetermin")
public class Nachfragetermin {

  /** A half-year change sooner than this after the outcome is too early to tell anything. */
  static final Period FRUEHESTENS = Period.ofMonths(1);

  private final DecisionService entscheidungen;
  private final UebergangFristen fristen;

  public Nachfragetermin(@Lazy DecisionService entscheidungen, UebergangFristen fristen) {
    this.entscheidungen = entscheidungen;
    this.fristen = fristen;
  }

  /** The timer's due date, the morning of the day; the day and the reason stay in the case for the task. */
  public java.util.Date am(DelegateExecution fall) {
    Termin termin = fuer(Uebergang.ERGEBNIS.von(fall), Zeit.heute());
    Uebergang.NACHFRAGE_AM.setze(fall, termin.tag());
    Uebergang.NACHFRAGE_ANLASS.setze(fall, termin.anlass());
    return Zeit.morgens(termin.tag());
  }

  record Termin(LocalDate tag, String anlass) {}

  Termin fuer(String ergebnis, LocalDate heute) {
    var zeile = ergebnis == null ? null : OhneBerechtigungspruefung.ausfuehren(() -> entscheidungen.evaluateDecisionTableByKey(
        "Decision_Nachfragetermin", Variables.createVariables().putValue("ergebnis", ergebnis)).getFirstResult());
    // an empty cell of the table is no entry at all
    java.util.Map<String, Object> werte = zeile == null ? java.util.Map.of() : zeile.getEntryMap();
    String abstand = (String) werte.get("abstand");
    String stichtage = (String) werte.get("stichtage");
    String anlass = (String) werte.get("anlass");
    if (stichtage != null && !stichtage.isBlank()) {
      List<MonthDay> tage = new ArrayList<>();
      for (String t : stichtage.split(",")) {
        tage.add(MonthDay.parse("--" + t.strip()));
      }
      return new Termin(Einstiegstermine.naechster(tage, heute.plus(FRUEHESTENS)), anlass);
    }
    if (abstand != null && !abstand.isBlank()) {
      return new Termin(heute.plus(Period.parse(abstand)), anlass);
    }
    return new Termin(heute.plus(Period.parse(fristen.getNachfrage())), "übliche Nachfrage nach dem Ergebnis");
  }
}
