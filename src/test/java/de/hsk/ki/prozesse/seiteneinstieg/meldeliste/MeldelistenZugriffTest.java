package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.WebappSitzung;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The lists name children: kiVerwaltung works with them, kiLeitung may look, nobody else. */
@KiSpringTest
class MeldelistenZugriffTest {

  @LocalServerPort int port;

  WebappSitzung als(String benutzer) throws Exception {
    WebappSitzung s = new WebappSitzung(port);
    s.anmelden(benutzer, Rest.DEMO_PASSWORT);
    return s;
  }

  @ParameterizedTest
  @ValueSource(strings = {"fyilmaz", "tbecker", "ademir", "jklein", "gsommer", "rkoch", "lwagner", "bschmitt"})
  void andereRollenSehenWederSeiteNochStandNochFehlerbericht(String benutzer) throws Exception {
    WebappSitzung s = als(benutzer);

    var seite = s.get("/ki/meldelisten");
    assertThat(seite.statusCode()).isEqualTo(403);
    assertThat(seite.body()).contains("der Verwaltung und der Leitung des KI vorbehalten").doesNotContain("Bisherige Listen");
    assertThat(s.get("/ki/meldelisten/1").statusCode()).isEqualTo(403);
    assertThat(s.get("/ki/meldelisten/1/stand").statusCode()).isEqualTo(403);
    assertThat(s.get("/ki/meldelisten/1/fehlerbericht.csv").statusCode()).isEqualTo(403);
    assertThat(s.get("/ki/meldelisten/1/einladungsschreiben").statusCode()).isEqualTo(403);
  }

  @Test
  void ohneAnmeldungNichts() throws Exception {
    assertThat(new WebappSitzung(port).get("/ki/meldelisten").statusCode()).isEqualTo(401);
  }

  @Test
  void dieLeitungSiehtDieSeiteKannAberNichtsHochladen() throws Exception {
    WebappSitzung s = als("mhoffmann");
    var seite = s.get("/ki/meldelisten");
    assertThat(seite.statusCode()).isEqualTo(200);
    assertThat(seite.body()).contains("Bisherige Listen").doesNotContain("Liste hochladen");

    var hochladen = s.post("/ki/meldelisten", "application/x-www-form-urlencoded", "kommune=ARNSBERG", Map.of());
    assertThat(hochladen.statusCode()).isEqualTo(403);
  }

  @Test
  void dieVerwaltungSiehtDasHochladen() throws Exception {
    var seite = als("pschneider").get("/ki/meldelisten");
    assertThat(seite.statusCode()).isEqualTo(200);
    assertThat(seite.body()).contains("Liste hochladen").contains("Arnsberg");
  }
}
