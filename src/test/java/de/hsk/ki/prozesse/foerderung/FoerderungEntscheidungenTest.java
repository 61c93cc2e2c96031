package de.hsk.ki.prozesse.foerderung;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.geld.Betrag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every row of the funding decision tables (processes/foerderung/*.dmn), as deployed. */
@KiSpringTest
class FoerderungEntscheidungenTest {

  @Autowired DecisionService entscheidungen;

  List<Map<String, Object>> alle(String schluessel, VariableMap werte) {
    return entscheidungen.evaluateDecisionTableByKey(schluessel, werte).getResultList();
  }

  Map<String, Object> eine(String schluessel, VariableMap werte) {
    return entscheidungen.evaluateDecisionTableByKey(schluessel, werte).getSingleResult().getEntryMap();
  }

  @ParameterizedTest(name = "{0} {1} {2} → {3} je {4}, höchstens {5}")
  @CsvSource(delimiter = ';', nullValues = "-", value = {
      "KOMM_AN_II;2024;A1;1000,00;Raum;2", "KOMM_AN_II;2027;A2;400,00;Monat;12", "KOMM_AN_II;2027;B1;35,00;Begleitung;60",
      "KOMM_AN_II;2027;B2;250,00;Maßnahme;8", "KOMM_AN_II;2027;C1;500,00;Produkt;2", "KOMM_AN_II;2027;C2;50,00;Seite;40",
      "KOMM_AN_II;2027;D1;100,00;Stunde;24", "KOMM_AN_II;2027;D2;50,00;Treffen;6", "IFKUF;2026;GESAMT;33300,00;Jahr;1",
      "IFKUF;2027;GRUNDQUALIFIZIERUNG;7300,00;Qualifizierung;1"})
  void pauschaleJeBaustein(String programm, long jahr, String baustein, String satz, String einheit, long hoechstmenge) {
    Map<String, Object> p = eine(Foerderung.ENTSCHEIDUNG_PAUSCHALE,
        Variables.putValue("programm", programm).putValue("foerderjahr", jahr).putValue("baustein", baustein));
    assertThat(Betrag.von((String) p.get("betragJeEinheit"))).isEqualByComparingTo(Betrag.von(satz));
    assertThat(p.get("einheit")).isEqualTo(einheit);
    assertThat(((Number) p.get("hoechstmenge")).longValue()).isEqualTo(hoechstmenge);
    // every rate says whether it is confirmed or a demo value
    assertThat((String) p.get("status")).matches("belegt \\[V]|Demowert, ungeprüft.*");
  }

  @Test
  void keinePauschaleVorIhremJahrOderFuerEinenFremdenBaustein() {
    assertThat(alle(Foerderung.ENTSCHEIDUNG_PAUSCHALE, Variables.putValue("programm", "KOMM_AN_II").putValue("foerderjahr", 2023L)
        .putValue("baustein", "A1"))).isEmpty();
    assertThat(alle(Foerderung.ENTSCHEIDUNG_PAUSCHALE, Variables.putValue("programm", "IFKUF").putValue("foerderjahr", 2027L)
        .putValue("baustein", "A1"))).isEmpty();
  }

  List<Object> unterlagen(String rechtsform, boolean a1, boolean c2) {
    return alle(Foerderung.ENTSCHEIDUNG_PFLICHTUNTERLAGEN, Variables.putValue("rechtsform", rechtsform).putValue("mitA1", a1).putValue("mitC2", c2))
        .stream().map(z -> z.get("unterlage")).toList();
  }

  @Test
  void pflichtunterlagenNachRechtsformUndBausteinen() {
    List<Object> immer = List.of("Kontoverbindung", "Erklärung zum Maßnahmebeginn", "Erklärung zur Doppelförderung");
    assertThat(unterlagen("EV", false, false)).containsExactlyInAnyOrderElementsOf(
        concat(immer, "Satzung", "Vereinsregisterauszug (nicht älter als sechs Monate)"));
    assertThat(unterlagen("GGMBH", false, false)).containsExactlyInAnyOrderElementsOf(
        concat(immer, "Gesellschaftsvertrag", "Handelsregisterauszug (nicht älter als sechs Monate)"));
    assertThat(unterlagen("INITIATIVE", false, false)).containsExactlyInAnyOrderElementsOf(
        concat(immer, "Erklärung einer verantwortlichen Person", "Erklärung der Kontoinhaberin oder des Kontoinhabers"));
    assertThat(unterlagen("MSO", false, false)).containsExactlyInAnyOrderElementsOf(concat(immer, "Satzung"));
    assertThat(unterlagen("RELIGIOES", false, false)).containsExactlyInAnyOrderElementsOf(concat(immer, "Satzung"));
    assertThat(unterlagen("KOMMUNE", true, false)).containsExactlyInAnyOrderElementsOf(
        concat(immer, "Belegungsplan", "Kostenplan", "Angabe der Raumanzahl"));
    assertThat(unterlagen("KIRCHENGEMEINDE", false, true)).containsExactlyInAnyOrderElementsOf(
        concat(immer, "Ausgangstext", "Angabe der Zielsprachen"));
  }

  static List<Object> concat(List<Object> a, Object... b) {
    List<Object> alle = new java.util.ArrayList<>(a);
    alle.addAll(List.of(b));
    return alle;
  }

  List<Object> hinweise(long teilnehmende, long ehrenamtliche, long betragEuro) {
    return alle(Foerderung.ENTSCHEIDUNG_PLAUSIBILITAET, Variables.putValue("teilnehmende", teilnehmende)
        .putValue("ehrenamtliche", ehrenamtliche).putValue("betragEuro", betragEuro)).stream().map(z -> z.get("hinweis")).toList();
  }

  @Test
  void plausibilitaetshinweise() {
    assertThat(hinweise(40, 12, 2700)).isEmpty();
    assertThat(hinweise(0, 12, 2700)).containsExactly("Zielgruppe nicht belegt: keine Teilnehmenden angegeben");
    assertThat(hinweise(40, 2, 4002)).containsExactly("Verhältnismäßigkeit prüfen: mehr als 2.000 € je ehrenamtlich tätiger Person");
    assertThat(hinweise(40, 2, 4000)).isEmpty(); // exactly 2.000 € per person is fine
    assertThat(hinweise(40, 0, 2001)).hasSize(1); // no volunteers: the whole amount counts
    assertThat(hinweise(40, 20, 20001)).containsExactly("Großer Antrag: über 20.000 € – Kostenplan besonders prüfen");
  }

  @ParameterizedTest(name = "{0} € → {1}")
  @CsvSource({"1,kiLeitung", "10000,kiLeitung", "10001,fachdienstleitung", "33300,fachdienstleitung"})
  void zeichnungNachBetrag(long betragEuro, String gruppe) {
    assertThat(eine(Foerderung.ENTSCHEIDUNG_ZEICHNUNG, Variables.putValue("betragEuro", betragEuro)).get("gruppe")).isEqualTo(gruppe);
  }

  Map<String, Object> auszahlung(long abrufCent, long restCent, LocalDate datum, String baustein, boolean kostenplan) {
    return entscheidungen.evaluateDecisionTableByKey(Foerderung.ENTSCHEIDUNG_AUSZAHLUNG, Variables.putValue("abrufCent", abrufCent)
        .putValue("restCent", restCent).putValue("datum", datum).putValue("letzterMittelabruf", LocalDate.of(2027, 11, 15))
        .putValue("baustein", baustein).putValue("kostenplanGeprueft", kostenplan)).getFirstResult().getEntryMap();
  }

  @Test
  void mittelabrufErsteZutreffendeZeile() {
    LocalDate vorher = LocalDate.of(2027, 11, 15);
    assertThat(auszahlung(270001, 270000, vorher, "B1", true)).containsEntry("zulaessig", false).containsEntry("hinweis", "Der Abruf übersteigt den Restbetrag.");
    assertThat(auszahlung(100, 270000, vorher.plusDays(1), "B1", true)).containsEntry("zulaessig", false)
        .containsEntry("hinweis", "Die Abruffrist ist abgelaufen – bitte die Leitung fragen.");
    assertThat(auszahlung(100, 270000, vorher, "A1", false)).containsEntry("zulaessig", false)
        .containsEntry("hinweis", "Für Baustein A1 muss der Kostenplan geprüft sein.");
    assertThat(auszahlung(270000, 270000, vorher, "A1", true)).containsEntry("zulaessig", true);
  }

  @ParameterizedTest(name = "vollständig {0}, {1} Nachforderungen, {2} %, Auflagen {3} → {4}")
  @CsvSource({"false,0,100,true,NACHFORDERUNG", "false,1,100,true,NICHT_ANERKANNT", "true,0,100,true,ANERKANNT",
      "true,0,100,false,TEILWEISE", "true,0,99,true,TEILWEISE", "true,0,50,true,TEILWEISE", "true,0,49,true,NICHT_ANERKANNT"})
  void pruefergebnis(boolean vollstaendig, long nachforderungen, long anteil, boolean auflagen, String ergebnis) {
    assertThat(eine(Foerderung.ENTSCHEIDUNG_PRUEFERGEBNIS, Variables.putValue("vnVollstaendig", vollstaendig)
        .putValue("vnNachforderungen", nachforderungen).putValue("anteilProzent", anteil).putValue("auflagenErfuellt", auflagen))
        .get("ergebnis")).isEqualTo(ergebnis);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"KOMM_AN_II,--01-31", "IFKUF,--01-31", "SONSTIGES,--03-31"})
  void fristenJeProgramm(String programm, String vnFaellig) {
    Map<String, Object> f = eine(Foerderung.ENTSCHEIDUNG_FRISTEN, Variables.putValue("programm", programm));
    assertThat(f).containsEntry("nachforderung", "P14D").containsEntry("letzterMittelabruf", "--11-15").containsEntry("vnFaellig", vnFaellig)
        .containsEntry("vnHinweisVorher", "P28D").containsEntry("belegAufbewahrung", "P5Y");
  }

  @ParameterizedTest(name = "{0}, {1} % → {2}")
  @CsvSource({"VN_NICHT_VORGELEGT,0,VOLLWIDERRUF,5,UNWIRKSAMKEIT", "ZWECKVERFEHLUNG,60,TEILWIDERRUF,5,UNWIRKSAMKEIT",
      "MENGENUNTERSCHREITUNG,65,TEILWIDERRUF,5,UNWIRKSAMKEIT", "AUFLAGENVERSTOSS,90,TEILWIDERRUF,5,UNWIRKSAMKEIT",
      "NICHT_ALSBALD_VERWENDET,100,ZWISCHENZINSEN,5,AUSZAHLUNG", "MENGENUNTERSCHREITUNG,100,KEINE,0,KEINER",
      "AUFLAGENVERSTOSS,100,KEINE,0,KEINER"})
  void rueckforderung(String grund, long anteil, String massnahme, long aufschlag, String zinsbeginn) {
    Map<String, Object> r = entscheidungen.evaluateDecisionTableByKey(Foerderung.ENTSCHEIDUNG_RUECKFORDERUNG,
        Variables.putValue("grund", grund).putValue("anteilProzent", anteil)).getFirstResult().getEntryMap();
    assertThat(r).containsEntry("massnahme", massnahme).containsEntry("zinsbeginn", zinsbeginn);
    assertThat(((Number) r.get("zinsAufschlag")).longValue()).isEqualTo(aufschlag);
  }
}
