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
 * that year (§35 SchulG NRW), so the age that counts is the age on 30 September of the school year
 * the placement is for, not the age today. That is the current school year, except in the last
 * {@link #VORLAUF} before 1 August: a case reported then is placed for the coming school year, and
 * whether its compulsory schooling has ended is asked for that 1 August too.
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

  /** Stage as of the coming school year from this long before 1 August (from 1 May). */
  public static final Period VORLAUF = Period.ofMonths(3);
  /** "dd.MM.yyyy": the first day of compulsory schooling of a child not yet of school age, for the reason text. */
  public static final Variable<String> SCHULPFLICHT_AB = Variable.text("schulpflichtAb");

  private static final MonthDay SCHULJAHRESBEGINN = MonthDay.of(8, 1);
  private static final MonthDay STICHTAG = MonthDay.of(9, 30);

  private Schulpflicht() {}

  /** Sets the facts on a case; called at intake and whenever the birth date changes. */
  public static void fakten(VariableScope fall, LocalDate geburtsdatum, LocalDate ausbildungsbeginn, LocalDate heute) {
    LocalDate bezug = bezugstag(heute);
    ALTER_AM_STICHTAG.setze(fall, (long) alterAmStichtag(geburtsdatum, bezug));
    SCHULJAHR_MIT18_BEENDET.setze(fall, bezug.isAfter(endeDesSchuljahresMit18(geburtsdatum)));
    AUSBILDUNG_VOR21_BEGONNEN.setze(fall, ausbildungVor21Begonnen(geburtsdatum, ausbildungsbeginn));
    SCHULPFLICHT_AB.setze(fall, schulpflichtAb(geburtsdatum).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
  }

  /** The day the facts are taken on: today, or the coming 1 August when it is less than {@link #VORLAUF} away. */
  public static LocalDate bezugstag(LocalDate heute) {
    LocalDate naechsterBeginn = schuljahresbeginn(heute).plusYears(1);
    return heute.plus(VORLAUF).isBefore(naechsterBeginn) ? heute : naechsterBeginn;
  }

  /** 1 August of the year in which the 6th birthday falls on or before 30 September. */
  public static LocalDate schulpflichtAb(LocalDate geburtsdatum) {
    LocalDate sechs = geburtsdatum.plusYears(6);
    int jahr = sechs.isAfter(STICHTAG.atYear(sechs.getYear())) ? sechs.getYear() + 1 : sechs.getYear();
    return SCHULJAHRESBEGINN.atYear(jahr);
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
