package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.frist.Frist;
import de.hsk.ki.plattform.frist.Fristensatz;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Deadlines of the funding year (settings ki.prozesse.programmjahr.fristen.*, ISO-8601). The dates
 * themselves (state and local application deadline, implementation period, proof-of-use deadline)
 * come from the forms; these are the periods before or after them.
 */
@Validated
@Component("programmjahrFristen")
@ConfigurationProperties(prefix = "ki.prozesse.programmjahr.fristen")
public class ProgrammjahrFristen extends Fristensatz {

  /** Landesantrag vorbereiten: so long before the state's deadline, so that coordination can sign */
  @Frist private String landesantragVorlauf = "P14D";
  /** Förderaufruf versenden: so long before the local deadline, so that associations can apply */
  @Frist private String aufrufVorlauf = "P28D";
  /** Zuwendungsbescheid des Landes erfassen: the state usually decides within this time */
  @Frist private String bescheid = "P3M";
  /** Budget anpassen */
  @Frist private String budget = "P14D";
  /** Verteilungsvorschlag after the local deadline */
  @Frist private String verteilungsvorschlag = "P14D";
  /** Verteilung beschließen */
  @Frist private String beschluss = "P7D";
  /** Mittelabruf beim Land: one call-off per cycle, to be sent within this time */
  @Frist private String mittelabruf = "P5D";
  /** how often funds are called off from the state during the implementation period */
  @Frist private String mittelabrufZyklus = "P1M";
  /** Sammel-Verwendungsnachweis erstellen: so long before its deadline, so that coordination can sign */
  @Frist private String sammelnachweisVorlauf = "P14D";
  /** Prüfmitteilung des Landes erfassen: the state's review usually takes this long */
  @Frist private String pruefmitteilung = "P12M";
  /** Rückzahlung an das Land anweisen */
  @Frist private String rueckzahlung = "P30D";

  public String getLandesantragVorlauf() { return landesantragVorlauf; }
  public void setLandesantragVorlauf(String v) { landesantragVorlauf = v; }
  public String getAufrufVorlauf() { return aufrufVorlauf; }
  public void setAufrufVorlauf(String v) { aufrufVorlauf = v; }
  public String getBescheid() { return bescheid; }
  public void setBescheid(String v) { bescheid = v; }
  public String getBudget() { return budget; }
  public void setBudget(String v) { budget = v; }
  public String getVerteilungsvorschlag() { return verteilungsvorschlag; }
  public void setVerteilungsvorschlag(String v) { verteilungsvorschlag = v; }
  public String getBeschluss() { return beschluss; }
  public void setBeschluss(String v) { beschluss = v; }
  public String getMittelabruf() { return mittelabruf; }
  public void setMittelabruf(String v) { mittelabruf = v; }
  public String getMittelabrufZyklus() { return mittelabrufZyklus; }
  public void setMittelabrufZyklus(String v) { mittelabrufZyklus = v; }
  public String getSammelnachweisVorlauf() { return sammelnachweisVorlauf; }
  public void setSammelnachweisVorlauf(String v) { sammelnachweisVorlauf = v; }
  public String getPruefmitteilung() { return pruefmitteilung; }
  public void setPruefmitteilung(String v) { pruefmitteilung = v; }
  public String getRueckzahlung() { return rueckzahlung; }
  public void setRueckzahlung(String v) { rueckzahlung = v; }
}
