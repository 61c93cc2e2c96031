package de.hsk.ki.plattform.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The portal's address setting and how the portal's JSON becomes start form values. */
class OnlineeingangTest {

  @Test
  void dieAdressenKommenAusKiPortalAdressen() throws Exception {
    MockEnvironment umgebung = new MockEnvironment().withProperty("ki.portal.adressen", "10.1.2.3, ::1")
        .withProperty("ki.prozesse.einrichtungsberatung.portal-adressen", "10.9.9.9");

    assertThat(Onlineeingang.adressen(umgebung)).containsExactlyInAnyOrder(InetAddress.getByName("10.1.2.3"), InetAddress.getByName("::1"));
  }

  @Test
  void dieBisherigeEinstellungDerEinrichtungsberatungGiltWeiterWennDieNeueLeerIst() throws Exception {
    MockEnvironment umgebung = new MockEnvironment().withProperty("ki.portal.adressen", "")
        .withProperty("ki.prozesse.einrichtungsberatung.portal-adressen", "10.9.9.9");

    assertThat(Onlineeingang.adressen(umgebung)).containsExactly(InetAddress.getByName("10.9.9.9"));
  }

  @Test
  void ohneEinstellungSindDieEndpunkteAusUndEineUngueltigeAdresseWirdAbgelehnt() {
    assertThat(Onlineeingang.adressen(new MockEnvironment())).isEmpty();
    assertThatThrownBy(() -> Onlineeingang.adressen(new MockEnvironment().withProperty("ki.portal.adressen", "[::1")))
        .hasMessageContaining("ki.portal.adressen").hasMessageContaining("keine IP-Adresse");
  }

  @Test
  void zeilenWerdenEineJsonVariableUndEineAuswahlJsonText() {
    VariableMap werte = Onlineeingang.werte("""
        {"bausteine": [{"baustein": "A1", "menge": 2}], "erklaerungen": ["LOGO", "NETZWERK"], "foerderjahr": 2027, "traeger": "Verein"}
        """);

    assertThat(werte.getValueTyped("bausteine").getType().getName()).isEqualTo("json");
    assertThat(werte.getValueTyped("erklaerungen").getValue()).isEqualTo("[\"LOGO\",\"NETZWERK\"]");
    assertThat(werte.getValue("foerderjahr", Long.class)).isEqualTo(2027L);
    assertThat(werte.getValue("traeger", String.class)).isEqualTo("Verein");
  }
}
