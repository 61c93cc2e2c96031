package de.hsk.ki.uebergang;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Deadlines of the transition counselling as ISO-8601 periods (settings ki.uebergang.fristen.*). */
@Component("uebergangFristen")
@ConfigurationProperties(prefix = "ki.uebergang.fristen")
public class UebergangFristen {

  private String erstgespraech = "P7D";
  private String einwilligung = "P14D";
  private String sitzung = "P7D";
  private String sitzungUeberfaellig = "P14D";
  private String ergebnis = "P7D";
  private String nachfrage = "P6M";
  private String nachfrageAufgabe = "P14D";
  private String hoechstdauer = "P3Y";

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
  public void setHoechstdauer(String v) { hoechstdauer = v; }
  public String getNachfrageAufgabe() { return nachfrageAufgabe; }
  public void setNachfrageAufgabe(String v) { nachfrageAufgabe = v; }
}
