package de.hsk.ki.prozesse.einrichtungsberatung;

import de.hsk.ki.plattform.frist.Frist;
import de.hsk.ki.plattform.frist.Fristensatz;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/** Deadlines of the advice process as ISO-8601 periods (settings ki.prozesse.einrichtungsberatung.fristen.*). The first-contact deadline comes from Decision_EB_Triage. */
@Validated
@Component("einrichtungsberatungFristen")
@ConfigurationProperties(prefix = "ki.prozesse.einrichtungsberatung.fristen")
public class EinrichtungsberatungFristen extends Fristensatz {

  /** Weiterverweisen */
  @Frist private String verweis = "P5D";
  /** Beratung zur Förderung durch die Förderberatung */
  @Frist private String foerderberatung = "P10D";
  /** so lange nach der Erstkontaktfrist klärt die Leitung */
  @Frist private String nachfristErstkontakt = "P3D";
  /** Frist der Leitung für diese Klärung */
  @Frist private String klaerung = "P5D";
  /** Priorisieren durch die Leitung */
  @Frist private String priorisierung = "P5D";
  /** Angebot vereinbaren */
  @Frist private String vereinbarung = "P14D";
  /** Honorarvereinbarung vorbereiten und unterzeichnen */
  @Frist private String honorar = "P7D";
  /** Erinnerung mit Frage nach der Teilnehmendenzahl so lange vor dem Termin */
  @Frist private String erinnerungVorTermin = "P7D";
  /** Dokumentation nach dem Termin */
  @Frist private String dokumentation = "P7D";
  /** Teilnahmebescheinigungen ausstellen */
  @Frist private String bescheinigungen = "P7D";
  /** Erinnerung an den Evaluationsbogen so lange nach dem Versand */
  @Frist private String evaluationErinnerung = "P14D";
  /** danach gilt „keine Rückmeldung“ */
  @Frist private String evaluationSchluss = "P28D";
  /** Material reservieren */
  @Frist private String reservierung = "P3D";
  /** Erinnerung so lange vor dem Rückgabedatum */
  @Frist private String erinnerungVorRueckgabe = "P3D";
  /** so lange nach dem Rückgabedatum klärt die Leitung */
  @Frist private String rueckgabeUeberfaellig = "P14D";
  /** eine Anfrage, die dann noch offen ist (z. B. Prozessbegleitung), wird geschlossen */
  @Frist private String hoechstdauer = "P2Y";

  public String getVerweis() { return verweis; }
  public void setVerweis(String v) { verweis = v; }
  public String getFoerderberatung() { return foerderberatung; }
  public void setFoerderberatung(String v) { foerderberatung = v; }
  public String getNachfristErstkontakt() { return nachfristErstkontakt; }
  public void setNachfristErstkontakt(String v) { nachfristErstkontakt = v; }
  public String getKlaerung() { return klaerung; }
  public void setKlaerung(String v) { klaerung = v; }
  public String getPriorisierung() { return priorisierung; }
  public void setPriorisierung(String v) { priorisierung = v; }
  public String getVereinbarung() { return vereinbarung; }
  public void setVereinbarung(String v) { vereinbarung = v; }
  public String getHonorar() { return honorar; }
  public void setHonorar(String v) { honorar = v; }
  public String getErinnerungVorTermin() { return erinnerungVorTermin; }
  public void setErinnerungVorTermin(String v) { erinnerungVorTermin = v; }
  public String getDokumentation() { return dokumentation; }
  public void setDokumentation(String v) { dokumentation = v; }
  public String getBescheinigungen() { return bescheinigungen; }
  public void setBescheinigungen(String v) { bescheinigungen = v; }
  public String getEvaluationErinnerung() { return evaluationErinnerung; }
  public void setEvaluationErinnerung(String v) { evaluationErinnerung = v; }
  public String getEvaluationSchluss() { return evaluationSchluss; }
  public void setEvaluationSchluss(String v) { evaluationSchluss = v; }
  public String getReservierung() { return reservierung; }
  public void setReservierung(String v) { reservierung = v; }
  public String getErinnerungVorRueckgabe() { return erinnerungVorRueckgabe; }
  public void setErinnerungVorRueckgabe(String v) { erinnerungVorRueckgabe = v; }
  public String getRueckgabeUeberfaellig() { return rueckgabeUeberfaellig; }
  public void setRueckgabeUeberfaellig(String v) { rueckgabeUeberfaellig = v; }
  public String getHoechstdauer() { return hoechstdauer; }
  public void setHoechstdauer(String v) { hoechstdauer = v; }
}
