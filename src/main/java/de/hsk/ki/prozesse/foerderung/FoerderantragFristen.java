package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.frist.Frist;
import de.hsk.ki.plattform.frist.Fristensatz;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Deadlines of an application (settings ki.prozesse.foerderung.fristen.*, ISO-8601). Deadlines that
 * differ by programme (request for documents, last call-off, proof of use) come from Decision_FA_Fristen.
 */
@Validated
@Component("foerderantragFristen")
@ConfigurationProperties(prefix = "ki.prozesse.foerderung.fristen")
public class FoerderantragFristen extends Fristensatz {

  /** Entscheidungen der Leitung (verspäteter Antrag, Fristverlängerung, Bewilligung, Widerruf) */
  @Frist private String entscheidung = "P5D";
  /** Vollständigkeit prüfen */
  @Frist private String vollstaendigkeit = "P5D";
  /** Fachlich prüfen */
  @Frist private String pruefung = "P14D";
  /** neue Frist nach der Erinnerung an fehlende Unterlagen */
  @Frist private String erinnerung = "P7D";
  /** Erinnerung, wenn der Vertrag so lange nach dem Versand nicht zurück ist */
  @Frist private String vertragErinnerung = "P28D";
  /** danach (ab dem Versand) entscheidet die Leitung über das Zurückziehen */
  @Frist private String vertragRueckzug = "P56D";
  /** Frist, in der ein unterzeichneter Vertrag erfasst werden soll */
  @Frist private String vertragZurueck = "P28D";
  /** so lange vor dem letzten Abruftag erfährt der Träger den Restbetrag */
  @Frist private String abrufErinnerung = "P14D";
  /** Bescheinigen, Anordnen und Buchen einer Auszahlung */
  @Frist private String auszahlung = "P5D";
  /** Verwendungsnachweis prüfen und gegenzeichnen */
  @Frist private String vnPruefung = "P14D";
  /** zweite Erinnerung so lange nach der Frist des Verwendungsnachweises */
  @Frist private String vnMahnung = "P14D";
  /** danach entscheidet die Leitung über den Widerruf */
  @Frist private String vnWiderruf = "P28D";
  /** Frist zur Stellungnahme in der Anhörung */
  @Frist private String anhoerung = "P14D";
  /** Zahlungsfrist einer Rückforderung */
  @Frist private String zahlung = "P1M";

  private final Foerderbetraege betraege;

  public FoerderantragFristen(Foerderbetraege betraege) {
    this.betraege = betraege;
  }

  /** The end of a deadline day as a timer date. */
  public Date tagesende(Object tag) {
    return Zeit.tagesende(Zeit.datum(tag));
  }

  public String datum(Object tag) {
    LocalDate d = Zeit.datum(tag);
    return d == null ? "" : d.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
  }

  /** A period of this set counted from when the contract was sent (the variable vertragVersandtAm). */
  public Date nachVersand(DelegateExecution execution, String frist) {
    LocalDate versandt = Foerderung.VERTRAG_VERSANDT_AM.von(execution);
    return Zeit.morgens((versandt == null ? Zeit.heute() : versandt).plus(Period.parse(alle().get(frist))));
  }

  /** After the Leitung chose to wait: until its date; before, the period from the dispatch. */
  public Date vertragWarten(DelegateExecution execution) {
    LocalDate bis = Foerderung.VERTRAG_WARTEN_BIS.von(execution);
    return bis != null ? Zeit.tagesende(bis) : nachVersand(execution, "vertragRueckzug");
  }

  /** The last day for funds requests in the funding year (Decision_FA_Fristen), as a due date. */
  public Date letzterMittelabruf(DelegateExecution execution) {
    return Zeit.tagesende(letzterAbruftag(execution));
  }

  /**
   * Two weeks before the last day for funds requests, once per case: after the notice the timer lies
   * behind the last day, where the task it waits on is gone.
   */
  public Date vorLetztemMittelabruf(DelegateExecution execution) {
    LocalDate letzter = letzterAbruftag(execution);
    return Boolean.TRUE.equals(Foerderung.ABRUF_ANGEKUENDIGT.von(execution)) ? Zeit.morgens(letzter.plusDays(2))
        : Zeit.morgens(letzter.minus(Period.parse(abrufErinnerung)));
  }

  /** The morning after the last day for funds requests: what is left is released. */
  public Date nachLetztemMittelabruf(DelegateExecution execution) {
    return Zeit.morgens(letzterAbruftag(execution).plusDays(1));
  }

  public LocalDate letzterAbruftag(DelegateExecution execution) {
    Map<String, Object> fristen = betraege.fristen(Foerderung.PROGRAMM.von(execution));
    return MonthDay.parse((String) fristen.get("letzterMittelabruf")).atYear(Foerderung.FOERDERJAHR.von(execution).intValue());
  }

  /** The proof of use is due in the year after the funding year, on the day of Decision_FA_Fristen. */
  LocalDate vnFaellig(String programm, long foerderjahr) {
    Map<String, Object> fristen = betraege.fristen(programm);
    return MonthDay.parse((String) fristen.get("vnFaellig")).atYear((int) foerderjahr + 1);
  }

  /** Timers around the proof-of-use deadline: HINWEIS before, ERINNERUNG on the day, MAHNUNG and WIDERRUF after. */
  public Date vn(DelegateExecution execution, String stufe) {
    LocalDate faellig = Foerderung.VN_FAELLIG_AM.von(execution);
    LocalDate tag = switch (stufe) {
      case "HINWEIS" -> faellig.minus(Period.parse((String) betraege.fristen(Foerderung.PROGRAMM.von(execution)).get("vnHinweisVorher")));
      case "ERINNERUNG" -> faellig.plusDays(1);
      case "MAHNUNG" -> faellig.plus(Period.parse(vnMahnung));
      case "WIDERRUF" -> faellig.plus(Period.parse(vnWiderruf));
      default -> throw new IllegalArgumentException(stufe);
    };
    return Zeit.morgens(tag);
  }

  /** In words, how long after the second reminder the Leitung decides on revocation (what that reminder announces). */
  public String bisZumWiderruf() {
    return inWorten(Period.parse(vnWiderruf).minus(Period.parse(vnMahnung)).normalized().toString());
  }

  /** Which reminder is due now (the mail says it): before the deadline a notice, then a reminder, then the second one. */
  public String vnStufe(DelegateExecution execution) {
    LocalDate faellig = Foerderung.VN_FAELLIG_AM.von(execution);
    LocalDate heute = Zeit.heute();
    if (!heute.isAfter(faellig)) {
      return "HINWEIS";
    }
    return heute.isBefore(faellig.plus(Period.parse(vnMahnung))) ? "ERINNERUNG" : "MAHNUNG";
  }

  public String getEntscheidung() { return entscheidung; }
  public void setEntscheidung(String v) { entscheidung = v; }
  public String getVollstaendigkeit() { return vollstaendigkeit; }
  public void setVollstaendigkeit(String v) { vollstaendigkeit = v; }
  public String getPruefung() { return pruefung; }
  public void setPruefung(String v) { pruefung = v; }
  public String getErinnerung() { return erinnerung; }
  public void setErinnerung(String v) { erinnerung = v; }
  public String getVertragErinnerung() { return vertragErinnerung; }
  public void setVertragErinnerung(String v) { vertragErinnerung = v; }
  public String getVertragRueckzug() { return vertragRueckzug; }
  public void setVertragRueckzug(String v) { vertragRueckzug = v; }
  public String getVertragZurueck() { return vertragZurueck; }
  public void setVertragZurueck(String v) { vertragZurueck = v; }
  public String getAbrufErinnerung() { return abrufErinnerung; }
  public void setAbrufErinnerung(String v) { abrufErinnerung = v; }
  public String getAuszahlung() { return auszahlung; }
  public void setAuszahlung(String v) { auszahlung = v; }
  public String getVnPruefung() { return vnPruefung; }
  public void setVnPruefung(String v) { vnPruefung = v; }
  public String getVnMahnung() { return vnMahnung; }
  public void setVnMahnung(String v) { vnMahnung = v; }
  public String getVnWiderruf() { return vnWiderruf; }
  public void setVnWiderruf(String v) { vnWiderruf = v; }
  public String getAnhoerung() { return anhoerung; }
  public void setAnhoerung(String v) { anhoerung = v; }
  public String getZahlung() { return zahlung; }
  public void setZahlung(String v) { zahlung = v; }
}
