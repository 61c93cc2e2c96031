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
}
