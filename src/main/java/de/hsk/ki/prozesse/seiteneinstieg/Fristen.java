package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.frist.Frist;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Deadlines of the lateral-entry process as ISO-8601 periods (due dates and timers accept them as they are), read by the model as {@code ${fristen.…}}.
 * Settings, not model constants, so that the KI can change them without a new model version.
 */
@Validated
@Component("fristen")
@ConfigurationProperties(prefix = "ki.prozesse.seiteneinstieg.fristen")
public class Fristen extends de.hsk.ki.plattform.frist.Fristensatz {

  @Frist private String einladung = "P3D";
  /** Second attempt to reach a family that could not be reached. */
  @Frist private String zweiterKontaktversuch = "P14D";
  @Frist(nurKalender = true) private String erstberatungNachTermin = "P1D";
  @Frist private String zuweisung = "P14D";
  /** After this period without a school place a case appears in the supervision's daily overview. */
  @Frist(nurKalender = true) private String zuweisungErinnerung = "P14D";
  @Frist private String zuweisungEskalation = "P28D";
  @Frist private String aufnahmeRueckmeldung = "P7D";
  @Frist private String zuweisungsschreiben = "P3D";
  @Frist private String klaerung = "P5D";
  /** Consent to the AO-SF hint to the Schulamt (consent building block). */
  @Frist private String einwilligung = "P7D";
  /** How long the AO-SF hint waits for the consent; then it is dropped (the placement never waits for it). */
  @Frist(nurKalender = true) private String aosfEinwilligungHoechstens = "P30D";
  /** Answer of the counselling to a query of the school supervision. */
  @Frist private String rueckfrage = "P5D";
  /** The latest date the supervision may set for a waiting list; then it decides again. */
  @Frist(nurKalender = true) private String wartelisteHoechstens = "P6M";
  /** Calendar period: the warning before it is computed from it. */
  @Frist(nurKalender = true) private String hoechstdauer = "P1Y";
  /** The management decides this long before the maximum duration closes a case. */
  @Frist(nurKalender = true) private String hoechstdauerVorwarnung = "P14D";
  /** Until the KI records that the newcomer examination took place (or a missed appointment). */
  @Frist private String untersuchung = "P6W";
  /** The school confirms the first school day this long after the school start the supervision set. */
  @Frist(nurKalender = true) private String schulbesuchNachBeginn = "P7D";
  /**
   * A partner (school, Bezirksregierung, health office, Schulträger) may still answer its task this
   * long after its deadline; then its access ends and the KI's group keeps the task (ADR 0006).
   */
  @Frist(nurKalender = true) private String partnerzugang = "P30D";

  /** Due date for the first counselling: the day after the agreed appointment. */
  public Date nachTermin(Object termin) {
    LocalDate tag = termin == null ? Zeit.heute() : Zeit.datum(termin);
    return Date.from(tag.plus(Period.parse(erstberatungNachTermin)).atTime(23, 59)
        .atZone(Zeit.ZONE).toInstant());
  }

  /** Due date of an interpreter's confirmation: noon the day before the appointment, today at the latest. */
  public Date vorTermin(Object termin) {
    LocalDate tag = termin == null ? Zeit.heute() : Zeit.datum(termin).minusDays(1);
    LocalDate frueh = tag.isBefore(Zeit.heute()) ? Zeit.heute() : tag;
    return Date.from(frueh.atTime(12, 0).atZone(Zeit.ZONE).toInstant());
  }

  /** Due date of the first-school-day confirmation: a week after the school start (at the end of that day). */
  public Date nachSchulbeginn(Object schulbeginn) {
    LocalDate beginn = schulbeginn == null ? Zeit.heute() : Zeit.datum(schulbeginn);
    return Date.from(beginn.plus(Period.parse(schulbesuchNachBeginn)).atTime(23, 59).atZone(Zeit.ZONE).toInstant());
  }

  /**
   * When a partner's access to a task ends: its deadline (a date, or a period from now as the model's
   * due dates give it) plus the period partnerzugang.
   */
  public Date partnerzugangBis(Object faelligkeit) {
    java.time.ZonedDateTime frist = faelligkeit instanceof Date datum ? datum.toInstant().atZone(Zeit.ZONE)
        : plus(Zeit.jetzt().toInstant().atZone(Zeit.ZONE), String.valueOf(faelligkeit));
    return Date.from(plus(frist, partnerzugang).toInstant());
  }

  private static java.time.ZonedDateTime plus(java.time.ZonedDateTime ab, String iso) {
    // periods with date parts (P7D, P6W) or with time parts (PT12H): the catalogue allows both
    return iso.contains("T") ? ab.plus(java.time.Duration.parse(iso)) : ab.plus(Period.parse(iso));
  }

  /** The waiting list's date as a timer: the morning of that day in the county's time zone. */
  public Date morgensAm(Object tag) {
    return Zeit.morgens(Zeit.datum(tag));
  }

  /** The last day the supervision may put a case on the waiting list until. */
  public LocalDate letzterWartelistentag() {
    return Zeit.heute().plus(Period.parse(wartelisteHoechstens));
  }

  /** Due date of the invitation task: the first attempt, or the second after "nicht erreichbar". */
  public String einladungsfrist(Object kontaktversuche) {
    return kontaktversuche instanceof Number n && n.longValue() > 0 ? zweiterKontaktversuch : einladung;
  }

  public String getEinladung() { return einladung; }
  public String getZweiterKontaktversuch() { return zweiterKontaktversuch; }
  public void setZweiterKontaktversuch(String v) { zweiterKontaktversuch = v; }
  public void setEinladung(String v) { einladung = v; }
  public String getErstberatungNachTermin() { return erstberatungNachTermin; }
  public void setErstberatungNachTermin(String v) { erstberatungNachTermin = v; }
  public String getZuweisung() { return zuweisung; }
  public void setZuweisung(String v) { zuweisung = v; }
  public String getZuweisungErinnerung() { return zuweisungErinnerung; }
  public void setZuweisungErinnerung(String v) { zuweisungErinnerung = v; }
  public String getZuweisungEskalation() { return zuweisungEskalation; }
  public void setZuweisungEskalation(String v) { zuweisungEskalation = v; }
  public String getAufnahmeRueckmeldung() { return aufnahmeRueckmeldung; }
  public void setAufnahmeRueckmeldung(String v) { aufnahmeRueckmeldung = v; }
  public String getZuweisungsschreiben() { return zuweisungsschreiben; }
  public void setZuweisungsschreiben(String v) { zuweisungsschreiben = v; }
  public String getUntersuchung() { return untersuchung; }
  public String getSchulbesuchNachBeginn() { return schulbesuchNachBeginn; }
  public void setSchulbesuchNachBeginn(String v) { schulbesuchNachBeginn = v; }
  public String getPartnerzugang() { return partnerzugang; }
  public void setPartnerzugang(String v) { partnerzugang = v; }
  public void setUntersuchung(String v) { untersuchung = v; }
  public String getHoechstdauer() { return hoechstdauer; }
  public String getHoechstdauerVorwarnung() { return hoechstdauerVorwarnung; }
  public void setHoechstdauerVorwarnung(String v) { hoechstdauerVorwarnung = v; }
  public void setHoechstdauer(String v) { hoechstdauer = v; }
  public String getKlaerung() { return klaerung; }
  public String getEinwilligung() { return einwilligung; }
  public void setEinwilligung(String v) { einwilligung = v; }
  public String getAosfEinwilligungHoechstens() { return aosfEinwilligungHoechstens; }
  public void setAosfEinwilligungHoechstens(String v) { aosfEinwilligungHoechstens = v; }
  public String getRueckfrage() { return rueckfrage; }
  public void setRueckfrage(String v) { rueckfrage = v; }
  public String getWartelisteHoechstens() { return wartelisteHoechstens; }
  public void setWartelisteHoechstens(String v) { wartelisteHoechstens = v; }
  public void setKlaerung(String v) { klaerung = v; }
}
