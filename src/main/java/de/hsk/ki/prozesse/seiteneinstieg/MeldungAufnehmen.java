package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.schulpflicht.Schulpflicht;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Runs when a report starts a case (the case number comes from the platform, see
 * Aktenzeichenvergabe) and derives the age and the facts of the shared compulsory-schooling table.
 */
@Component("meldungAufnehmen")
public class MeldungAufnehmen implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate geburtsdatum = Seiteneinstieg.GEBURTSDATUM.von(execution);
    if (geburtsdatum != null) {
      Seiteneinstieg.ALTER.setze(execution, (long) alterAm(geburtsdatum.toString(), heute()));
      // an apprenticeship start comes only with a hand-over from the transition process
      Schulpflicht.fakten(execution, geburtsdatum, Seiteneinstieg.AUSBILDUNGSBEGINN.von(execution), heute());
    }
  }

  static int alterAm(String geburtsdatum, LocalDate stichtag) {
    return Period.between(Zeit.datum(geburtsdatum), stichtag).getYears();
  }

  private static LocalDate heute() {
    return Zeit.heute();
  }
}
