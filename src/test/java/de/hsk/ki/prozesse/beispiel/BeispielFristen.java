package de.hsk.ki.prozesse.beispiel;

import de.hsk.ki.plattform.frist.Frist;
import de.hsk.ki.plattform.frist.Fristensatz;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/** Deadlines of the sample process (ki.prozesse.beispiel.fristen.*), read by its model as ${beispielFristen.…}. */
@Validated
@Component("beispielFristen")
@ConfigurationProperties(prefix = "ki.prozesse.beispiel.fristen")
public class BeispielFristen extends Fristensatz {

  @Frist private String bearbeitung = "P7D";
  @Frist private String erinnerung = "P14D";
  @Frist private String klaerung = "P3D";

  public String getBearbeitung() { return bearbeitung; }
  public void setBearbeitung(String v) { bearbeitung = v; }
  public String getErinnerung() { return erinnerung; }
  public void setErinnerung(String v) { erinnerung = v; }
  public String getKlaerung() { return klaerung; }
  public void setKlaerung(String v) { klaerung = v; }
}
