package de.hsk.ki.prozesse.seiteneinstieg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of both decision tables, evaluated by the DMN engine the process uses. */
class EntscheidungstabellenTest {

  static DmnEngine dmn;
  static DmnDecision zustaendigkeit;
  static DmnDecision schulaufsicht;
  static DmnDecision jugendamt;

  @BeforeAll
  static void lade() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    zustaendigkeit = decision("beratungszustaendigkeit.dmn", "Decision_Beratungszustaendigkeit");
    schulaufsicht = decision("schulaufsicht.dmn", "Decision_Schulaufsicht");
    jugendamt = decision("jugendamt.dmn", "Decision_Jugendamt");
  }

  private static DmnDecision decision(String datei, String key) throws Exception {
    try (InputStream in = EntscheidungstabellenTest.class.getResourceAsStream("/processes/seiteneinstieg/" + datei)) {
      return dmn.parseDecision(key, in);
    }
  }


  @ParameterizedTest(name = "Stufe {0}, {1} → {2} ({3}/{4})")
  @CsvSource({
    // Rule_VorDerSchulpflicht
    "VORSCHULE, ARNSBERG, KLAERUNG, kiLeitung, kiLeitung",
    "VORSCHULE, BRILON, KLAERUNG, kiLeitung, kiLeitung",
    // Rule_NichtMehrSchulpflichtig
    "NICHT_SCHULPFLICHTIG, SUNDERN, KLAERUNG, kiLeitung, kiLeitung",
    // Rule_SekundarstufeIIKreisweit
    "SEK_II, WINTERBERG, KI, kiVerwaltung, kiLehrkraefte",
    "SEK_II, ARNSBERG, KI, kiVerwaltung, kiLehrkraefte",
    // Rule_ArnsbergSundern
    "PRIMAR, ARNSBERG, KI, kiVerwaltung, kiLehrkraefte",
    "SEK_I, SUNDERN, KI, kiVerwaltung, kiLehrkraefte",
    // Rule_UebrigeKommunen
    "PRIMAR, MESCHEDE, SCHULAMT, schulamt, schulamt",
    "SEK_I, BRILON, SCHULAMT, schulamt, schulamt",
    "SEK_I, ESLOHE, SCHULAMT, schulamt, schulamt",
  })
  void beratungszustaendigkeit(String stufe, String kommune, String stelle, String sachbearbeitung, String beratung) {
    DmnDecisionTableResult result = dmn.evaluateDecisionTable(zustaendigkeit, Map.of("schulpflicht", Map.of("stufe", stufe), "kommune", kommune));
    assertThat(result.size()).isEqualTo(1);
    assertThat(result.getSingleResult().getEntryMap())
        .containsEntry("beratungsstelle", stelle)
        .containsEntry("sachbearbeitung", sachbearbeitung)
        .containsEntry("beratungGruppe", beratung);
  }

  @Test
  void jedeKommuneUndJedeStufeHatGenauEineRegel() {
    for (String kommune : new String[] {"ARNSBERG", "BESTWIG", "BRILON", "ESLOHE", "HALLENBERG", "MARSBERG",
        "MEDEBACH", "MESCHEDE", "OLSBERG", "SCHMALLENBERG", "SUNDERN", "WINTERBERG"}) {
      for (String stufe : new String[] {"VORSCHULE", "PRIMAR", "SEK_I", "SEK_II", "NICHT_SCHULPFLICHTIG"}) {
        DmnDecisionTableResult result = dmn.evaluateDecisionTable(zustaendigkeit, Map.of("schulpflicht", Map.of("stufe", stufe), "kommune", kommune));
        assertThat(result.size()).as(kommune + " " + stufe).isEqualTo(1);
      }
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "GRUNDSCHULE, SCHULAMT", "HAUPTSCHULE, SCHULAMT", "FOERDERSCHULE, SCHULAMT",
    "REALSCHULE, BEZIRKSREGIERUNG", "SEKUNDARSCHULE, BEZIRKSREGIERUNG", "GESAMTSCHULE, BEZIRKSREGIERUNG", "GYMNASIUM, BEZIRKSREGIERUNG",
    "BERUFSKOLLEG, BEZIRKSREGIERUNG", "IFK, BEZIRKSREGIERUNG", "FIT_FUER_MEHR, BEZIRKSREGIERUNG",
  })
  void schulaufsichtNachSchulform(String schulform, String aufsicht) {
    DmnDecisionTableResult result = dmn.evaluateDecisionTable(schulaufsicht, Map.of("empfohleneSchulform", schulform));
    assertThat((Object) result.getSingleEntry()).isEqualTo(aufsicht);
  }

  @Test
  void dieSchulformDerZuweisungGehtVorDieEmpfehlung() {
    assertThat((Object) dmn.evaluateDecisionTable(schulaufsicht, Map.of("empfohleneSchulform", "HAUPTSCHULE",
        "zugewieseneSchulform", "GYMNASIUM")).getSingleEntry()).isEqualTo("BEZIRKSREGIERUNG");
    assertThat((Object) dmn.evaluateDecisionTable(schulaufsicht, Map.of("empfohleneSchulform", "GYMNASIUM",
        "zugewieseneSchulform", "GRUNDSCHULE")).getSingleEntry()).isEqualTo("SCHULAMT");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "ARNSBERG, JUGENDAMT_ARNSBERG", "SUNDERN, JUGENDAMT_SUNDERN", "SCHMALLENBERG, JUGENDAMT_SCHMALLENBERG",
    "BESTWIG, JUGENDAMT_HSK", "BRILON, JUGENDAMT_HSK", "ESLOHE, JUGENDAMT_HSK", "HALLENBERG, JUGENDAMT_HSK",
    "MARSBERG, JUGENDAMT_HSK", "MEDEBACH, JUGENDAMT_HSK", "MESCHEDE, JUGENDAMT_HSK", "OLSBERG, JUGENDAMT_HSK",
    "WINTERBERG, JUGENDAMT_HSK",
  })
  void jugendamtNachWohnort(String kommune, String amt) {
    assertThat((Object) dmn.evaluateDecisionTable(jugendamt, Map.of("kommune", kommune)).getSingleEntry()).isEqualTo(amt);
  }

  @Test
  void unbekannteSchulformTrifftKeineRegel() {
    assertThat(dmn.evaluateDecisionTable(schulaufsicht, Map.of("empfohleneSchulform", "WALDORF")).size()).isZero();
  }

  @Test
  void jedeRegelIstAbgedeckt() throws Exception {
    // the parameterized cases above name each rule; this guards against a row added without a test
    try (InputStream a = getClass().getResourceAsStream("/processes/seiteneinstieg/beratungszustaendigkeit.dmn");
        InputStream b = getClass().getResourceAsStream("/processes/seiteneinstieg/schulaufsicht.dmn");
        InputStream c = getClass().getResourceAsStream("/processes/seiteneinstieg/jugendamt.dmn")) {
      DmnModelInstance z = Dmn.readModelFromStream(a);
      DmnModelInstance s = Dmn.readModelFromStream(b);
      assertThat(z.getModelElementsByType(Rule.class)).hasSize(5);
      assertThat(s.getModelElementsByType(Rule.class)).hasSize(3);
      assertThat(Dmn.readModelFromStream(c).getModelElementsByType(Rule.class)).hasSize(4);
    }
  }
}
