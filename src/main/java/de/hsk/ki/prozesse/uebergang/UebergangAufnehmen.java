package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.schulpflicht.Schulpflicht;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Intake of a transition case (the case number comes from the platform, see Aktenzeichenvergabe): age,
 * and the facts of the shared compulsory-schooling table, computed as in every process.
 */
@Component("uebergangAufnehmen")
public class UebergangAufnehmen implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate geburtsdatum = Uebergang.GEBURTSDATUM.von(execution);
    LocalDate heute = Zeit.heute();
    Uebergang.ALTER.setze(execution, (long) Period.between(geburtsdatum, heute).getYears());
    Schulpflicht.fakten(execution, geburtsdatum, Uebergang.AUSBILDUNGSBEGINN.von(execution), heute);
    Uebergang.EINWILLIGUNGEN_UEBERSICHT.setze(execution, "Keine Einwilligungen erfasst.");
  }
}
