package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.frist.Frist;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/** Deadlines of the transition counselling as ISO-8601 periods (settings ki.prozesse.uebergang.fristen.*). */
@Validated
@Component("uebergangFristen")
@ConfigurationProperties(prefix = "ki.prozesse.uebergang.fristen")
public class UebergangFristen extends de.hsk.ki.plattform.frist.Fristensatz {

  @Frist private String erstgespraech = "P7D";
  @Frist private String einwilligung = "P14D";
  @Frist private String sitzung = "P7D";
  @Frist private String sitzungUeberfaellig = "P14D";
  @Frist private String ergebnis = "P7D";
  @Frist private String nachfrage = "P6M";
  @Frist private String nachfrageAufgabe = "P14D";
  /** Calendar period: the warning before it is computed from it. */
  @Frist(nurKalender = true) private String hoechstdauer = "P3Y";
  /** The management decides this long before the maximum duration closes a case. */
  @Frist(nurKalender = true) private String hoechstdauerVorwarnung = "P14D";
  /** Until the registration at the Berufskolleg is recorded. */
  @Frist private String anmeldung = "P14D";
  /** Until the Bezirksregierung's assignment to a Berufskolleg is recorded. */
  @Frist private String zuweisung = "P14D";
  /** A referral partner answers in Tasklist within this (issue 16). */
  @Frist private String rueckmeldung = "P14D";
  /** Without an answer by then the partner's step ends with "keine Rückmeldung" (and its access with it). */
  @Frist(nurKalender = true) private String rueckmeldungHoechstens = "P6W";

  public String getErstgespraech() { return erstgespraech; }
  public void setErstgespraech(String v) { erstgespraech = v; }
  public String getEinwilligung() { return einwilligung; }
  public void setEinwilligung(String v) { einwilligung = v; }
  public String getSitzung() { return sitzung; }
  public void setSitzung(String v) { sitzung = v; }
  public String getSitzungUeberfaellig() { return sitzungUeberfaellig; }
  public void setSitzungUeberfaellig(String v) { sitzungUeberfaellig = v; }
  public String getErgebnis() { return ergebnis; }
  public void setErgebnis(String v) { ergebnis = v; }
  public String getNachfrage() { return nachfrage; }
  public void setNachfrage(String v) { nachfrage = v; }
  public String getHoechstdauer() { return hoechstdauer; }
  public String getHoechstdauerVorwarnung() { return hoechstdauerVorwarnung; }
  public void setHoechstdauerVorwarnung(String v) { hoechstdauerVorwarnung = v; }
  public void setHoechstdauer(String v) { hoechstdauer = v; }
  public String getAnmeldung() { return anmeldung; }
  public void setAnmeldung(String v) { anmeldung = v; }
  public String getZuweisung() { return zuweisung; }
  public void setZuweisung(String v) { zuweisung = v; }
  public String getRueckmeldung() { return rueckmeldung; }
  public void setRueckmeldung(String v) { rueckmeldung = v; }
  public String getRueckmeldungHoechstens() { return rueckmeldungHoechstens; }
  public void setRueckmeldungHoechstens(String v) { rueckmeldungHoechstens = v; }
  public String getNachfrageAufgabe() { return nachfrageAufgabe; }
  public void setNachfrageAufgabe(String v) { nachfrageAufgabe = v; }
}
