package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.prozesse.seiteneinstieg.meldeliste.Spaltenzuordnung.Ziel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpaltenzuordnungTest {

  @Test
  void ueberschriftenDerAemterWerdenErkannt() {
    assertThat(Spaltenzuordnung.erkennen("Geb.-Datum")).isEqualTo(Ziel.GEBURTSDATUM);
    assertThat(Spaltenzuordnung.erkennen("Geburtsdatum")).isEqualTo(Ziel.GEBURTSDATUM);
    assertThat(Spaltenzuordnung.erkennen("Name")).isEqualTo(Ziel.NACHNAME);
    assertThat(Spaltenzuordnung.erkennen("Familienname")).isEqualTo(Ziel.NACHNAME);
    assertThat(Spaltenzuordnung.erkennen("Vorname(n)")).isEqualTo(Ziel.VORNAME);
    assertThat(Spaltenzuordnung.erkennen("Straße")).isEqualTo(Ziel.STRASSE);
    assertThat(Spaltenzuordnung.erkennen("Name Erziehungsberechtigte")).isEqualTo(Ziel.ERZIEHUNGSBERECHTIGTE);
    assertThat(Spaltenzuordnung.erkennen("Telefon-Nr.")).isEqualTo(Ziel.TELEFON);
    assertThat(Spaltenzuordnung.erkennen("Staatsangehörigkeit")).isEqualTo(Ziel.STAATSANGEHOERIGKEIT);
    assertThat(Spaltenzuordnung.erkennen("Zuzug am")).isEqualTo(Ziel.ZUZUGSDATUM);
    assertThat(Spaltenzuordnung.erkennen("E-Mail")).isEqualTo(Ziel.EMAIL);
    assertThat(Spaltenzuordnung.erkennen("Religion")).isNull();
  }

  @Test
  void gemerkteZuordnungGehtVorUndAbgewaehlteSpaltenBleibenAbgewaehlt() {
    List<String> kopf = List.of("Kind", "Vorname", "Geboren", "Mutter", "Wohnung");
    Spaltenzuordnung gemerkt = new Spaltenzuordnung(Map.of("Kind", Ziel.NACHNAME, "Wohnung", Ziel.ANSCHRIFT), java.util.Set.of("Mutter"),
        "ELTERN", "noch zu klären");

    Spaltenzuordnung z = Spaltenzuordnung.vorschlagen(kopf, gemerkt);

    assertThat(z.ziel("Kind")).isEqualTo(Ziel.NACHNAME);
    assertThat(z.ziel("Wohnung")).isEqualTo(Ziel.ANSCHRIFT);
    assertThat(z.ziel("Vorname")).isEqualTo(Ziel.VORNAME);
    assertThat(z.ziel("Geboren")).isEqualTo(Ziel.GEBURTSDATUM);
    assertThat(z.ziel("Mutter")).as("abgewählt beim letzten Mal").isNull();
    assertThat(z.sprache()).isEqualTo("noch zu klären");
    assertThat(Spaltenzuordnung.ausJson(z.alsJson())).isEqualTo(z);
  }

  @Test
  void fehlendeNamenUndDoppelteZieleWerdenBenannt() {
    Spaltenzuordnung z = new Spaltenzuordnung(Map.of("A", Ziel.VORNAME, "B", Ziel.VORNAME), "ELTERN", "");
    assertThat(z.maengel()).anyMatch(m -> m.contains("zwei Spalten")).anyMatch(m -> m.contains("Nachname"))
        .anyMatch(m -> m.contains("Geburtsdatum")).anyMatch(m -> m.contains("Anschrift"));
  }
}
