package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.prozess.Variable;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Runs when a school refuses (flow back to the assignment): the school is remembered as refusing, so
 * that the next assignment neither offers nor accepts it, and the refusal is kept as a read-only
 * line for the next task. The assignment fields themselves are task-local (empty input parameters),
 * so the next task starts empty.
 */
@Component("zuweisungAbgelehnt")
public class ZuweisungAbgelehnt implements ExecutionListener {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final PartnerVerzeichnis verzeichnis;

  public ZuweisungAbgelehnt(PartnerVerzeichnis verzeichnis) {
    this.verzeichnis = verzeichnis;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String schule = Seiteneinstieg.ZUGEWIESENE_SCHULE.von(execution);
    if (schule == null) {
      return;
    }
    Set<String> abgelehnt = abgelehnteSchulen(execution);
    abgelehnt.add(schule);
    Seiteneinstieg.ABGELEHNTE_SCHULEN.setze(execution, String.join(",", abgelehnt));

    String name = verzeichnis.finde(schule).map(Partner::name).orElse(schule);
    String grund = Seiteneinstieg.ABLEHNUNGSGRUND.von(execution);
    Verlauf.anhaengen(execution, Seiteneinstieg.BISHERIGE_ZUWEISUNGEN, name + " – abgelehnt am " + Zeit.heute().format(DATUM)
        + (grund == null || grund.isBlank() ? "" : ", Grund: " + grund.replace('\n', ' ')));
    // the refused school's first day and contact must not reach the letter of the next school
    // nor its support form and transport (the grade stays: it belongs to the child, not the school)
    for (Variable<?> variable : List.of(Seiteneinstieg.ZUGEWIESENE_SCHULE, Seiteneinstieg.SCHULBEGINN, Seiteneinstieg.ANSPRECHPERSON,
        Seiteneinstieg.ERSTFOERDERUNGSFORM, Seiteneinstieg.SCHUELERBEFOERDERUNG)) {
      execution.removeVariable(variable.name());
    }
  }

  /** The keys of the schools that refused this case (empty set if none). */
  static Set<String> abgelehnteSchulen(VariableScope fall) {
    String liste = Seiteneinstieg.ABGELEHNTE_SCHULEN.von(fall);
    Set<String> schulen = new LinkedHashSet<>();
    if (liste != null && !liste.isBlank()) {
      schulen.addAll(Arrays.asList(liste.split(",")));
    }
    return schulen;
  }
}
