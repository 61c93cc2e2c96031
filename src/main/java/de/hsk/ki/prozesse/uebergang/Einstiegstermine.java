package de.hsk.ki.prozesse.uebergang;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * Next intake of the school-track courses: International Support Class (IFK) and Berufskolleg on
 * 1 August, "Fit für mehr" on 1 November, 1 February and 1 May.
 */
final class Einstiegstermine {

  private static final List<MonthDay> SCHULJAHRESBEGINN = List.of(MonthDay.of(8, 1));
  private static final List<MonthDay> FIT_FUER_MEHR = List.of(MonthDay.of(11, 1), MonthDay.of(2, 1), MonthDay.of(5, 1));

  private Einstiegstermine() {}

  static LocalDate naechster(String bildungsgang, LocalDate heute) {
    List<MonthDay> termine = "FIT_FUER_MEHR".equals(bildungsgang) ? FIT_FUER_MEHR : SCHULJAHRESBEGINN;
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
}
