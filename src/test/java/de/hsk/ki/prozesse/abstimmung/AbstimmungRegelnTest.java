package de.hsk.ki.prozesse.abstimmung;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which free texts the coordination forms refuse as a person's birth date, and which ordinary wording they keep. */
class AbstimmungRegelnTest {

  final AbstimmungRegeln regeln = new AbstimmungRegeln(new AbstimmungFristen(), null);

  private boolean abgelehnt(String text) {
    Map<String, JsonNode> eingaben = Map.of("beschreibung", new ObjectMapper().createObjectNode().put("value", text));
    return !regeln.pruefe(eingaben, null).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Ahmad K., geb. 03.04.2009, findet keinen Platz.",
      "Amina (geb.03.04.2011)",
      "geboren am 1.2.2010 in Aleppo",
      "Geburtsdatum: 12.05.2008",
      "Amina K. * 03.04.2009",
      "Schüler (*3.4.09)"})
  void geburtsdatenWerdenZurueckgewiesen(String text) {
    assertThat(abgelehnt(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Unterricht im Geb. C des Berufskollegs",
      "Kreishaus Meschede, Geb. 2, Raum 101",
      "* 01.02.2027 Beginn der Klasse",
      "Termine:\n* 01.02.2027 Auftakt\n* 15.03.2027 Bilanz",
      "in Deutschland geborene Kinder ohne Schulplatz",
      "Schulen fragen nach dem Geburtsdatum der Kinder",
      "Seit dem Erlass vom 28.06.2016 fehlen Plätze"})
  void gewoehnlicheFormulierungenBleibenErlaubt(String text) {
    assertThat(abgelehnt(text)).isFalse();
  }

  private java.util.List<String> fehler(Map<String, Object> werte) {
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> eingaben = new java.util.HashMap<>();
    werte.forEach((k, v) -> eingaben.put(k, json.createObjectNode().set("value", json.valueToTree(v))));
    return regeln.pruefe(eingaben, null).stream().map(f -> f.meldung()).toList();
  }

  @org.junit.jupiter.api.Test
  void uhrzeitImFormatHHMMMitDeutscherMeldung() {
    assertThat(fehler(Map.of("uhrzeit", "10 Uhr"))).containsExactly("Uhrzeit: bitte im Format HH:MM, z. B. 10:00.");
    assertThat(fehler(Map.of("uhrzeit", "09:30"))).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void zielNichtErreichtVerlangtNachsteuern() {
    assertThat(fehler(Map.of("zielErreicht", "NEIN", "wirkung", "ZIEL_ERREICHT"))).singleElement().asString().contains("nachsteuern");
    assertThat(fehler(Map.of("zielErreicht", "NEIN", "wirkung", "NACHSTEUERN"))).isEmpty();
    assertThat(fehler(Map.of("zielErreicht", "TEILWEISE", "wirkung", "ZIEL_ERREICHT"))).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void eineStellungnahmefristUeberZwoelfWochenIstMeistEinVertauschtesDatum() {
    String weit = java.time.LocalDate.now().plus(AbstimmungRegeln.LAENGSTE_FRIST).plusDays(1).toString();
    assertThat(fehler(Map.of("stellungnahmeBis", weit))).singleElement().asString().contains("TT.MM.JJJJ");
    assertThat(fehler(Map.of("stellungnahmeBis", java.time.LocalDate.now().plusDays(14).toString()))).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void anonymisiertNimmtKeineAngabenZurPerson() {
    assertThat(fehler(Map.of("rechtsgrundlage", "ANONYMISIERT", "vorname", "Max", "nachname", "", "geburtsdatum", "2012-03-04")))
        .singleElement().asString().contains("anonymisierte Besprechung");
    assertThat(fehler(Map.of("rechtsgrundlage", "ANONYMISIERT", "vorname", ""))).isEmpty();
    assertThat(fehler(Map.of("rechtsgrundlage", "EINWILLIGUNG", "vorname", "Max", "nachname", "Muster", "geburtsdatum", "2012-03-04")))
        .isEmpty();
  }
}
