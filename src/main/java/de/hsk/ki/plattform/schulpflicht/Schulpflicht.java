package de.hsk.ki.plattform.schulpflicht;

import de.hsk.ki.plattform.prozess.Variable;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The date facts the shared compulsory-schooling table (processes/_bausteine/schulpflicht.dmn,
 * Decision_Schulpflicht) decides on, computed the same way for every process. NRW school years run
 * from 1 August to 31 July; a child who turns 6 by 30 September is schulpflichtig from 1 August of
 * that year (§35 SchulG NRW), so the age that counts is the age on 30 September of the current
 * school year, not the age today.
 */
public final class Schulpflicht {

  /** Age on 30 September of the current school year. */
  public static final Variable<Long> ALTER_AM_STICHTAG = Variable.zahl("alterAmStichtag");
  /** Has the school year in which the 18th birthday fell ended? */
  public static final Variable<Boolean> SCHULJAHR_MIT18_BEENDET = Variable.jaNein("schuljahrMit18Beendet");
  /** An apprenticeship begun before the 21st birthday keeps the duty to attend the Berufsschule. */
  public static final Variable<Boolean> AUSBILDUNG_VOR21_BEGONNEN = Variable.jaNein("ausbildungVor21Begonnen");
  /** Name of the decision's result (a map: stufe, schulpflichtig, grund) in every process. */
  public static final String ERGEBNIS = "schulpflicht";

  private static final MonthDay SCHULJAHRESBEGINN = MonthDay.of(8, 1);
  private static final MonthDay STICHTAG = MonthDay.of(9, 30);

  private Schulpflicht() {}

  /** Sets the facts on a case; called at intake and whenever the birth date changes. */
  public static void fakten(VariableScope fall, LocalDate geburtsdatum, LocalDate ausbildungsbeginn, LocalDate heute) {
    ALTER_AM_STICHTAG.setze(fall, (long) alterAmStichtag(geburtsdatum, heute));
    SCHULJAHR_MIT18_BEENDET.setze(fall, heute.isAfter(endeDesSchuljahresMit18(geburtsdatum)));
    AUSBILDUNG_VOR21_BEGONNEN.setze(fall, ausbildungVor21Begonnen(geburtsdatum, ausbildungsbeginn));
  }

  /** 1 August on which the school year containing {@code heute} began. */
  public static LocalDate schuljahresbeginn(LocalDate heute) {
    LocalDate beginn = SCHULJAHRESBEGINN.atYear(heute.getYear());
    return heute.isBefore(beginn) ? beginn.minusYears(1) : beginn;
  }

  public static int alterAmStichtag(LocalDate geburtsdatum, LocalDate heute) {
    LocalDate stichtag = STICHTAG.atYear(schuljahresbeginn(heute).getYear());
    return Math.max(0, Period.between(geburtsdatum, stichtag).getYears());
  }

  /** 31 July of the school year in which the 18th birthday falls. */
  public static LocalDate endeDesSchuljahresMit18(LocalDate geburtsdatum) {
    return schuljahresbeginn(geburtsdatum.plusYears(18)).plusYears(1).minusDays(1);
  }

  public static boolean ausbildungVor21Begonnen(LocalDate geburtsdatum, LocalDate ausbildungsbeginn) {
    return ausbildungsbeginn != null && ausbildungsbeginn.isBefore(geburtsdatum.plusYears(21));
  }
}
