package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeldezeileTest {

  static final LocalDate HEUTE = LocalDate.of(2026, 3, 1);
  static final Spaltenzuordnung ZUORDNUNG = Spaltenzuordnung.vorschlagen(Testlisten.KOPF, null);

  static Meldezeile zeile(int nr, List<String> zellen) {
    return Meldezeile.aus(nr, Testlisten.KOPF, zellen, ZUORDNUNG, "ARNSBERG", "EINWOHNERMELDEAMT");
  }

  @Test
  void eineZeileWirdZuDenWertenDesMeldeformulars() {
    Meldezeile z = zeile(1, Testlisten.kind("Müller", "Jörg", 8, "Anna Müller", "Hauptstraße 5", HEUTE));

    assertThat(z.vorab()).isEmpty();
    assertThat(z.werte()).containsEntry("nachname", "Müller").containsEntry("vorname", "Jörg")
        .containsEntry("anschrift", "Hauptstraße 5, 59821 Arnsberg").containsEntry("kommune", "ARNSBERG")
        .containsEntry("meldendeStelle", "EINWOHNERMELDEAMT").containsEntry("sorgeform", "ELTERN")
        .containsEntry("geburtsdatum", HEUTE.minusYears(8).minusDays(100).toString());
  }

  @Test
  void einUnlesbaresDatumWirdBenanntEinUnmoeglichesGehtAnDasFormular() {
    List<String> zellen = Testlisten.kind("Müller", "Jörg", 8, "Anna Müller", "Hauptstraße 5", HEUTE);
    zellen.set(2, "irgendwann");
    zellen.set(4, "31.02.2026");

    Meldezeile z = zeile(1, zellen);

    assertThat(z.vorab()).singleElement().satisfies(f -> {
      assertThat(f.feld()).isEqualTo("geburtsdatum");
      assertThat(f.meldung()).isEqualTo("Geburtsdatum: kein Datum im Format TT.MM.JJJJ („irgendwann“).");
    });
    assertThat(z.werte()).containsEntry("zuzugsdatum", "2026-02-31").doesNotContainKey("geburtsdatum");
  }

  @Test
  void derSchluesselIgnoriertSchreibweiseUndAkzente() {
    Meldezeile a = zeile(1, Testlisten.kind("Müller", "Aïcha", 8, "X", "Y 1", HEUTE));
    Meldezeile b = zeile(2, Testlisten.kind("MÜLLER", "Aicha", 8, "Z", "W 2", HEUTE));
    Meldezeile c = zeile(3, Testlisten.kind("Müller", "Aicha", 9, "X", "Y 1", HEUTE));
    assertThat(a.schluessel()).isEqualTo(b.schluessel()).isNotEqualTo(c.schluessel());
  }

  @Test
  void familienAusGleichenElternOderGleichemNachnamenAnDerselbenAnschrift() {
    List<Meldezeile> zeilen = List.of(
        zeile(1, Testlisten.kind("Petrenko", "Olena", 8, "Iryna Petrenko", "Hauptstraße 5", HEUTE)),
        zeile(2, Testlisten.kind("Petrenko", "Taras", 10, "Iryna Petrenko", "Hauptstr. 5", HEUTE)),
        // other surname (father's), same guardians and address
        zeile(3, Testlisten.kind("Kovalenko", "Ivan", 12, "Iryna Petrenko", "Hauptstraße 5", HEUTE)),
        // same surname, other address: another family
        zeile(4, Testlisten.kind("Petrenko", "Anna", 9, "Oksana Petrenko", "Bahnhofstraße 2", HEUTE)),
        // same surname and address as 4, guardians not given
        zeile(5, Testlisten.kind("Petrenko", "Maksym", 7, "", "Bahnhofstraße 2", HEUTE)));

    int[] gruppen = Familienbildung.gruppen(zeilen);

    assertThat(gruppen).containsExactly(1, 1, 1, 2, 2);
  }
}
