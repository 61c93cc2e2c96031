package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.fall.Fallnummern;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Runs when a report starts a case: gives it its case number (business key SE-&lt;year&gt;-&lt;number&gt;,
 * replacing whatever a client sent, so no personal data can end up in the key) and derives the age
 * that the routing table needs.
 */
@Component("meldungAufnehmen")
public class MeldungAufnehmen implements ExecutionListener {

  static final String PRAEFIX = "SE";

  private final Fallnummern fallnummern;

  public MeldungAufnehmen(Fallnummern fallnummern) {
    this.fallnummern = fallnummern;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String aktenzeichen = fallnummern.naechste(PRAEFIX);
    execution.setProcessBusinessKey(aktenzeichen);
    execution.setVariable("aktenzeichen", aktenzeichen);
    Object geburtsdatum = execution.getVariable("geburtsdatum");
    if (geburtsdatum != null) {
      execution.setVariable("alter", alterAm(geburtsdatum.toString(), heute()));
    }
  }

  static int alterAm(String geburtsdatum, LocalDate stichtag) {
    return Period.between(Zeit.datum(geburtsdatum), stichtag).getYears();
  }

  private static LocalDate heute() {
    return Zeit.heute();
  }
}
