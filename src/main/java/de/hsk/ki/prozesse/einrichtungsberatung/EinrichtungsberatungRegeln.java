package de.hsk.ki.prozesse.einrichtungsberatung;

import static de.hsk.ki.prozesse.einrichtungsberatung.Einrichtungsberatung.*;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.formular.Personenbezug;
import de.hsk.ki.plattform.prozess.Variable;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Rules of the advice forms that a form cannot express: free texts name institutions, not children
 * or families (a birth date is refused); dates a German typist may have entered as month/day are
 * caught by their distance; counts by function do not exceed the total; a fee contract is signed
 * only when prepared and checked; damage or loss is described.
 */
@Component
public class EinrichtungsberatungRegeln implements Formularregel {

  static final String PRAEFIX = "form_eb_";
  /** Sessions and waiting lists are planned within a year; a later date is a German date typed as month/day. */
  static final Period LAENGSTE_PLANUNG = Period.ofYears(1);
  private static final String DATUMSHINWEIS = " Bitte das Datum prüfen – die Datumsauswahl erwartet TT.MM.JJJJ.";
  private static final List<Variable<Long>> NACH_FUNKTION = List.of(TEILNEHMENDE_LEITUNG, TEILNEHMENDE_LEHRKRAEFTE,
      TEILNEHMENDE_FACHKRAEFTE, TEILNEHMENDE_VERWALTUNG, TEILNEHMENDE_ELTERN);

  @Override
  public boolean gilt(String formularId) {
    return formularId != null && formularId.startsWith(PRAEFIX);
  }

  private static String text(Map<String, JsonNode> eingaben, Variable<?> feld) {
    JsonNode e = eingaben.get(feld.name());
    return e == null || e.path("value").isNull() ? null : e.path("value").asText();
  }

  private static LocalDate datum(Map<String, JsonNode> eingaben, Variable<?> feld) {
    String t = text(eingaben, feld);
    try {
      return t == null || t.isBlank() ? null : LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      return null; // the field check names a malformed date
    }
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    List<EingabePruefung.Fehler> fehler = new ArrayList<>();
    // participants' names are employees of the institution, for the certificates; everything else names no person
    eingaben.forEach((feld, eintrag) -> {
      JsonNode wert = eintrag.path("value");
      if (wert.isTextual() && Personenbezug.nenntGeburtsdatum(wert.asText())) {
        fehler.add(new EingabePruefung.Fehler(feld, "Bitte keine personenbezogenen Daten von Kindern oder Familien eintragen – "
            + "der Text enthält offenbar ein Geburtsdatum. Die Beratung gilt der Einrichtung; sie kommt ohne Daten einzelner Kinder aus."));
      }
    });
    LocalDate grenze = Zeit.heute().plus(LAENGSTE_PLANUNG);
    for (Variable<LocalDate> feld : List.of(TERMIN, NAECHSTER_TERMIN, WARTE_BIS, AUSLEIHE_VON)) {
      LocalDate d = datum(eingaben, feld);
      if (d != null && d.isAfter(grenze)) {
        fehler.add(new EingabePruefung.Fehler(feld.name(), "Das Datum liegt mehr als ein Jahr in der Zukunft." + DATUMSHINWEIS));
      }
    }
    if (eingaben.containsKey(TEILNEHMENDE_GESAMT.name())) {
      long gesamt = eingaben.get(TEILNEHMENDE_GESAMT.name()).path("value").asLong();
      long summe = 0;
      for (Variable<Long> feld : NACH_FUNKTION) {
        JsonNode e = eingaben.get(feld.name());
        summe += e == null ? 0 : e.path("value").asLong();
      }
      if (summe > gesamt) {
        fehler.add(new EingabePruefung.Fehler(TEILNEHMENDE_GESAMT.name(), "Teilnehmende gesamt: die Zahlen nach Funktion ergeben "
            + summe + ", mehr als die Gesamtzahl " + gesamt + "."));
      }
    }
    if ("NEIN".equals(text(eingaben, STATTGEFUNDEN)) && !"true".equals(text(eingaben, WEITERER_TERMIN))) {
      fehler.add(new EingabePruefung.Fehler(WEITERER_TERMIN.name(), "Der Termin hat nicht stattgefunden: bitte einen neuen Termin "
          + "vereinbaren und eintragen. Entfällt das Angebot ganz, bitte die Leitung bitten, die Anfrage zu schließen."));
    }
    LocalDate durchgefuehrt = datum(eingaben, DURCHGEFUEHRT_AM);
    LocalDate termin = fall == null ? null : TERMIN.von(fall);
    if (durchgefuehrt != null && termin != null && durchgefuehrt.isBefore(termin.minusDays(30))) {
      fehler.add(new EingabePruefung.Fehler(DURCHGEFUEHRT_AM.name(), "Durchgeführt am: liegt weit vor dem vereinbarten Termin ("
          + termin.format(Beratungstermine.DATUM) + ")." + DATUMSHINWEIS));
    }
    if (eingaben.containsKey(VERTRAG_VORBEREITET.name()) || eingaben.containsKey(SCHEINSELBSTSTAENDIGKEIT_GEPRUEFT.name())) {
      if (!"true".equals(text(eingaben, VERTRAG_VORBEREITET)) || !"true".equals(text(eingaben, SCHEINSELBSTSTAENDIGKEIT_GEPRUEFT))) {
        fehler.add(new EingabePruefung.Fehler(VERTRAG_VORBEREITET.name(), "Die Leitung unterzeichnet erst, wenn der Vertrag nach dem "
            + "Muster vorbereitet und die Scheinselbständigkeit geprüft ist: bitte beides bestätigen."));
      }
    }
    String zustand = text(eingaben, ZUSTAND);
    String notiz = text(eingaben, RUECKGABE_NOTIZ);
    if (zustand != null && !"VOLLSTAENDIG".equals(zustand) && (notiz == null || notiz.isBlank())) {
      fehler.add(new EingabePruefung.Fehler(RUECKGABE_NOTIZ.name(), "Bitte beschreiben, was beschädigt ist oder fehlt."));
    }
    return fehler;
  }
}
