package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Intake of a transition case (the case number comes from the platform, see Aktenzeichenvergabe): age,
 * and the fact the compulsory-schooling table needs: has the school year in which the person
 * turned 18 ended? (NRW school years end on 31 July.)
 */
@Component("uebergangAufnehmen")
public class UebergangAufnehmen implements ExecutionListener {

  private static final MonthDay SCHULJAHRESENDE = MonthDay.of(7, 31);

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate geburtsdatum = Uebergang.GEBURTSDATUM.von(execution);
    LocalDate heute = Zeit.heute();
    Uebergang.ALTER.setze(execution, (long) Period.between(geburtsdatum, heute).getYears());
    Uebergang.SCHULJAHR_MIT18_BEENDET.setze(execution, heute.isAfter(endeDesSchuljahresMit18(geburtsdatum)));
    Uebergang.EINWILLIGUNGEN_UEBERSICHT.setze(execution, "Keine Einwilligungen erfasst.");
  }

  /** 31 July of the school year (1 August to 31 July) in which the 18th birthday falls. */
  static LocalDate endeDesSchuljahresMit18(LocalDate geburtsdatum) {
    LocalDate achtzehn = geburtsdatum.plusYears(18);
    LocalDate ende = SCHULJAHRESENDE.atYear(achtzehn.getYear());
    return achtzehn.isAfter(ende) ? ende.plusYears(1) : ende;
  }
}
