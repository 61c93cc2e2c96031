package de.hsk.ki.prozesse.abstimmung;

import de.hsk.ki.plattform.frist.Frist;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/** Deadlines of the coordination process as ISO-8601 periods (settings ki.prozesse.abstimmung.fristen.*). */
@Validated
@Component("abstimmungFristen")
@ConfigurationProperties(prefix = "ki.prozesse.abstimmung.fristen")
public class AbstimmungFristen extends de.hsk.ki.plattform.frist.Fristensatz {

  /** Vorprüfung durch die Leitung */
  @Frist private String vorpruefung = "P5D";
  @Frist private String rechtsgrundlage = "P14D";
  @Frist private String beteiligte = "P5D";
  /** Vorgabe für die Frist der Stellungnahmen (im Formular änderbar) */
  @Frist private String stellungnahme = "P14D";
  /** Erinnerung so lange vor der Frist */
  @Frist private String erinnerungVorFrist = "P4D";
  /** so lange nach der Frist klärt die Leitung, dann „keine Rückmeldung“ */
  @Frist private String nachfrist = "P7D";
  /** Frist der Leitung für diese Klärung */
  @Frist private String klaerung = "P5D";
  @Frist private String einwilligung = "P14D";
  @Frist private String konsolidierung = "P14D";
  @Frist private String terminvorbereitung = "P7D";
  /** Erinnerung so lange vor dem Termin */
  @Frist private String terminErinnerung = "P7D";
  @Frist private String eskalation = "P7D";
  @Frist private String vereinbarung = "P7D";
  @Frist private String standErfassen = "P7D";
  /** nach der letzten Maßnahme */
  @Frist private String wirkungspruefung = "P3M";
  @Frist private String wirkungAufgabe = "P14D";
  /** a case still open after this is closed, so that its data can age out */
  @Frist private String hoechstdauer = "P3Y";

  public String getVorpruefung() { return vorpruefung; }
  public void setVorpruefung(String v) { vorpruefung = v; }
  public String getRechtsgrundlage() { return rechtsgrundlage; }
  public void setRechtsgrundlage(String v) { rechtsgrundlage = v; }
  public String getBeteiligte() { return beteiligte; }
  public void setBeteiligte(String v) { beteiligte = v; }
  public String getStellungnahme() { return stellungnahme; }
  public void setStellungnahme(String v) { stellungnahme = v; }
  public String getErinnerungVorFrist() { return erinnerungVorFrist; }
  public void setErinnerungVorFrist(String v) { erinnerungVorFrist = v; }
  public String getNachfrist() { return nachfrist; }
  public void setNachfrist(String v) { nachfrist = v; }
  public String getKlaerung() { return klaerung; }
  public void setKlaerung(String v) { klaerung = v; }
  public String getEinwilligung() { return einwilligung; }
  public void setEinwilligung(String v) { einwilligung = v; }
  public String getKonsolidierung() { return konsolidierung; }
  public void setKonsolidierung(String v) { konsolidierung = v; }
  public String getTerminvorbereitung() { return terminvorbereitung; }
  public void setTerminvorbereitung(String v) { terminvorbereitung = v; }
  public String getTerminErinnerung() { return terminErinnerung; }
  public void setTerminErinnerung(String v) { terminErinnerung = v; }
  public String getEskalation() { return eskalation; }
  public void setEskalation(String v) { eskalation = v; }
  public String getVereinbarung() { return vereinbarung; }
  public void setVereinbarung(String v) { vereinbarung = v; }
  public String getStandErfassen() { return standErfassen; }
  public void setStandErfassen(String v) { standErfassen = v; }
  public String getWirkungspruefung() { return wirkungspruefung; }
  public void setWirkungspruefung(String v) { wirkungspruefung = v; }
  public String getWirkungAufgabe() { return wirkungAufgabe; }
  public void setWirkungAufgabe(String v) { wirkungAufgabe = v; }
  public String getHoechstdauer() { return hoechstdauer; }
  public void setHoechstdauer(String v) { hoechstdauer = v; }
}
