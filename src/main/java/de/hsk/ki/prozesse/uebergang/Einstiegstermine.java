package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Next intake of the school-track courses, from the table Decision_Einstiegstermine (review U1):
 * the person choosing the track sees every course's next date, so that a newcomer arriving mid-year
 * is not told to wait for 1 August when "Fit für mehr" starts next quarter.
 */
@Component("einstiegstermine")
public class Einstiegstermine {

  /** Task-local text on "Schulischen Anschluss festlegen". */
  static final String AUFNAHMETERMINE = "aufnahmetermine";
  static final Map<String, String> BILDUNGSGAENGE = new LinkedHashMap<>();
  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  static {
    BILDUNGSGAENGE.put("FIT_FUER_MEHR", "„Fit für mehr“");
    BILDUNGSGAENGE.put("IFK", "Internationale Förderklasse");
    BILDUNGSGAENGE.put("BERUFSKOLLEG", "Berufskolleg, anderer Bildungsgang");
  }

  private final DecisionService entscheidungen;

  public Einstiegstermine(@Lazy DecisionService entscheidungen) {
    this.entscheidungen = entscheidungen;
  }

  public String bezeichnung(Object bildungsgang) {
    return bildungsgang == null ? "–" : BILDUNGSGAENGE.getOrDefault(bildungsgang.toString(), bildungsgang.toString());
  }

  /** The next intake of a course on or after {@code heute}; null when the table lists none. */
  public LocalDate naechster(String bildungsgang, LocalDate heute) {
    return naechster(termine(bildungsgang), heute);
  }

  static LocalDate naechster(List<MonthDay> termine, LocalDate heute) {
    LocalDate naechster = null;
    for (MonthDay termin : termine) {
      LocalDate kandidat = termin.atYear(heute.getYear());
      if (kandidat.isBefore(heute)) {
        kandidat = kandidat.plusYears(1);
      }
      if (naechster == null || kandidat.isBefore(naechster)) {
        naechster = kandidat;
      }
    }
    return naechster;
  }

  /** One line per course, soonest first: "„Fit für mehr“: 01.02.2027 · Internationale Förderklasse: 01.08.2027 · …". */
  public String uebersicht(VariableScope fall) {
    LocalDate heute = Zeit.heute();
    List<Map.Entry<String, LocalDate>> liste = new ArrayList<>();
    BILDUNGSGAENGE.forEach((schluessel, name) -> {
      LocalDate termin = naechster(schluessel, heute);
      if (termin != null) {
        liste.add(Map.entry(name, termin));
      }
    });
    liste.sort(Map.Entry.comparingByValue());
    List<String> teile = new ArrayList<>();
    liste.forEach(e -> teile.add(e.getKey() + ": " + e.getValue().format(DATUM)));
    return String.join(" · ", teile);
  }

  /** Create listener of "Schulischen Anschluss festlegen". */
  public void anzeigen(DelegateTask task) {
    task.setVariableLocal(AUFNAHMETERMINE, uebersicht(task));
  }

  private List<MonthDay> termine(String bildungsgang) {
    List<MonthDay> termine = new ArrayList<>();
    if (bildungsgang == null) {
      return termine;
    }
    var ergebnis = de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung.ausfuehren(() -> entscheidungen.evaluateDecisionTableByKey(
        "Decision_Einstiegstermine", Variables.createVariables().putValue("bildungsgang", bildungsgang)));
    ergebnis.collectEntries("termin").forEach(t -> termine.add(MonthDay.parse("--" + t)));
    return termine;
  }
}
