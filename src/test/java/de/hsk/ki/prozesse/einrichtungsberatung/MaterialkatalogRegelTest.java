package de.hsk.ki.prozesse.einrichtungsberatung;

import static de.hsk.ki.prozesse.einrichtungsberatung.MaterialkatalogTest.BIS;
import static de.hsk.ki.prozesse.einrichtungsberatung.MaterialkatalogTest.VON;
import static de.hsk.ki.prozesse.einrichtungsberatung.MaterialkatalogTest.neueAnfrage;
import static de.hsk.ki.prozesse.einrichtungsberatung.MaterialkatalogTest.neuesMaterial;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.formular.EingabePruefung;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reservation form's rule: the item must be free for the period, and the period plausible. */
@KiSpringTest
class MaterialkatalogRegelTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired Reservierungsregel regel;
  @Autowired Materialkatalog katalog;

  private static Map<String, JsonNode> eingaben(long material, LocalDate von, LocalDate bis) {
    return Map.of(Reservierungsregel.MATERIAL, JSON.createObjectNode().put("value", String.valueOf(material)),
        Reservierungsregel.VON, JSON.createObjectNode().put("value", von.toString()),
        Reservierungsregel.BIS, JSON.createObjectNode().put("value", bis.toString()));
  }

  /** The task's variables as the rule sees them: only the case number matters. */
  private static VariableScope fall(String aktenzeichen) {
    return (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(), new Class<?>[] {VariableScope.class},
        (proxy, methode, argumente) -> "getVariable".equals(methode.getName()) && "aktenzeichen".equals(argumente[0]) ? aktenzeichen : null);
  }

  @Test
  void giltNurFuerDasReservierungsformular() {
    assertThat(regel.gilt("form_eb_reservierung")).isTrue();
    assertThat(regel.gilt("form_eb_anfrage")).isFalse();
  }

  @Test
  void einBelegtesMaterialWirdAmFeldMaterialAbgelehnt() {
    long material = neuesMaterial(katalog, "DaZ-Box Grundschule");
    String andere = neueAnfrage();
    katalog.reservieren(andere, material, VON, BIS);

    List<EingabePruefung.Fehler> fehler = regel.pruefe(eingaben(material, VON.plusDays(2), BIS.plusDays(2)), fall(neueAnfrage()));

    assertThat(fehler).singleElement().satisfies(f -> {
      assertThat(f.feld()).isEqualTo("material");
      assertThat(f.meldung()).startsWith("Material: „DaZ-Box Grundschule").endsWith("für Anfrage " + andere + " reserviert.");
    });
  }

  @Test
  void dieEigeneReservierungUndEinFreierZeitraumSindInOrdnung() {
    long material = neuesMaterial(katalog, "Lesekoffer Mehrsprachigkeit");
    String anfrage = neueAnfrage();
    katalog.reservieren(anfrage, material, VON, BIS);

    assertThat(regel.pruefe(eingaben(material, VON, BIS), fall(anfrage))).isEmpty();
    assertThat(regel.pruefe(eingaben(material, BIS.plusDays(1), BIS.plusDays(3)), null)).isEmpty();
  }

  @Test
  void einUmgekehrterOderZuLangerZeitraumWirdAmEndeAbgelehnt() {
    long material = neuesMaterial(katalog, "Sprachstandsverfahren-Koffer");

    assertThat(regel.pruefe(eingaben(material, BIS, VON), null)).singleElement().satisfies(f -> {
      assertThat(f.feld()).isEqualTo("ausleiheBis");
      assertThat(f.meldung()).contains("liegt vor ihrem Beginn").contains("TT.MM.JJJJ");
    });
    assertThat(regel.pruefe(eingaben(material, VON, VON.plusWeeks(13)), null)).singleElement()
        .satisfies(f -> assertThat(f.feld()).isEqualTo("ausleiheBis"));
  }
}
