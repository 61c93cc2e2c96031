package de.hsk.ki.prozesse.einrichtungsberatung;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Dates and words the model's timers, due dates and e-mails compute from the case: a deadline day
 * ends in the evening, a timer on a day fires in the morning, periods come from the settings.
 */
@Component("beratungstermine")
public class Beratungstermine {

  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final Map<String, String> ORTE = Map.of("EINRICHTUNG", "in Ihrer Einrichtung",
      "KI", "im Kommunalen Integrationszentrum, Meschede", "DIGITAL", "digital (den Zugang senden wir Ihnen vorher)");
  private static final Map<String, String> AUSGABEORTE = Map.of("KI", "Abholung im Kommunalen Integrationszentrum, Meschede",
      "EINRICHTUNG", "Lieferung an Ihre Einrichtung");

  private final EinrichtungsberatungFristen fristen;
  private final Anfrageangaben angaben;

  public Beratungstermine(EinrichtungsberatungFristen fristen, Anfrageangaben angaben) {
    this.fristen = fristen;
    this.angaben = angaben;
  }

  public Date morgens(Object tag) {
    return Zeit.morgens(Zeit.datum(tag));
  }

  public Date fristEnde(Object tag) {
    return Zeit.tagesende(Zeit.datum(tag));
  }

  /** The morning the named deadline of the settings after the day. */
  public Date nachFrist(Object tag, String frist) {
    return morgens(Zeit.datum(tag).plus(Period.parse(fristen.alle().get(frist))));
  }

  public Date erinnerungVorTermin(Object termin) {
    return morgens(Zeit.datum(termin).minus(Period.parse(fristen.getErinnerungVorTermin())));
  }

  /** A reminder only when the session is further away than the reminder's lead. */
  public boolean mitErinnerung(Object termin) {
    return erinnerungVorTermin(termin).toInstant().isAfter(Zeit.UHR.instant());
  }

  public Date dokumentationBis(Object termin) {
    return fristEnde(Zeit.datum(termin).plus(Period.parse(fristen.getDokumentation())));
  }

  public Date vorRueckgabe(Object bis) {
    return morgens(Zeit.datum(bis).minus(Period.parse(fristen.getErinnerungVorRueckgabe())));
  }

  /** The first-contact deadline of a request received (or taken off the waiting list) on that day. */
  LocalDate erstkontaktBis(LocalDate ab, String frist) {
    return ab.plus(Period.parse(frist));
  }

  public String datumText(Object tag) {
    LocalDate d = Zeit.datum(tag);
    return d == null ? "" : d.format(DATUM);
  }

  public String thema(String code) {
    return angaben.bezeichnung(code);
  }

  public String teamName(String gruppe) {
    return KiGruppen.name(gruppe);
  }

  public String ort(VariableScope fall) {
    String ort = ORTE.getOrDefault(Einrichtungsberatung.ORT.von(fall), "");
    String hinweis = Einrichtungsberatung.ORT_HINWEIS.von(fall);
    return hinweis == null || hinweis.isBlank() ? ort : ort + " (" + hinweis + ")";
  }

  public String ausgabeortText(String code) {
    return AUSGABEORTE.getOrDefault(code, "");
  }

  /** An optional field's text, empty when the form left it out. */
  public String oderLeer(VariableScope fall, String name) {
    Object wert = fall.getVariable(name);
    return wert == null ? "" : wert.toString();
  }
}
