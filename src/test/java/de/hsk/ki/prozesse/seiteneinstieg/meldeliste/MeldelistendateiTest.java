package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeldelistendateiTest {

  static final LocalDate HEUTE = LocalDate.of(2026, 3, 1);
  static final List<List<String>> ZEILEN = List.of(
      Testlisten.kind("Müller", "Jörg", 8, "Anna Müller", "Hauptstraße 5", HEUTE),
      Testlisten.kind("Al-Hassan", "Aïcha", 10, "Omar Al-Hassan; Leila Al-Hassan", "Ringstraße 1, Haus B", HEUTE));

  @Test
  void csvMitSemikolonInWindows1252WirdMitUmlautenGelesen() throws Exception {
    byte[] datei = Testlisten.csvBytes(Testlisten.KOPF, ZEILEN, ';', Charset.forName("windows-1252"));

    Meldelistendatei.Tabelle t = Meldelistendatei.lese(datei, "zuzuege.csv");

    assertThat(t.kopf()).containsExactlyElementsOf(Testlisten.KOPF);
    assertThat(t.zeilen()).hasSize(2);
    assertThat(t.zeilen().get(0)).startsWith("Müller", "Jörg");
    assertThat(t.zeilen().get(1).get(1)).isEqualTo("Aïcha");
    // a quoted cell with the separator inside stays one cell
    assertThat(t.zeilen().get(1).get(8)).isEqualTo("Omar Al-Hassan; Leila Al-Hassan");
  }

  @Test
  void csvMitKommaInUtf8MitBomWirdGelesen() throws Exception {
    byte[] text = Testlisten.csvBytes(Testlisten.KOPF, ZEILEN, ',', StandardCharsets.UTF_8);
    byte[] datei = new byte[text.length + 3];
    datei[0] = (byte) 0xEF;
    datei[1] = (byte) 0xBB;
    datei[2] = (byte) 0xBF;
    System.arraycopy(text, 0, datei, 3, text.length);

    Meldelistendatei.Tabelle t = Meldelistendatei.lese(datei, "zuzuege.csv");

    assertThat(t.kopf().get(0)).isEqualTo("Name");
    assertThat(t.zeilen().get(0)).startsWith("Müller", "Jörg");
    assertThat(t.zeilen().get(1).get(5)).isEqualTo("Ringstraße 1, Haus B");
  }

  @Test
  void xlsxMitDatumszellenUndZahlenWirdAlsTextGelesen() throws Exception {
    byte[] datei = Testlisten.xlsx(Testlisten.KOPF, ZEILEN);

    Meldelistendatei.Tabelle t = Meldelistendatei.lese(datei, "Zuzüge März.xlsx");

    assertThat(t.zeilen()).hasSize(2);
    assertThat(t.zeilen().get(0).get(2)).isEqualTo(ZEILEN.get(0).get(2));
    assertThat(t.zeilen().get(0).get(6)).isEqualTo("59821");
    assertThat(t.zeilen().get(1).get(1)).isEqualTo("Aïcha");
  }

  @Test
  void gleicherInhaltGibtGleichenHash() throws Exception {
    byte[] datei = Testlisten.csvBytes(Testlisten.KOPF, ZEILEN, ';', StandardCharsets.UTF_8);
    assertThat(Meldelistendatei.lese(datei, "a.csv").hash()).isEqualTo(Meldelistendatei.lese(datei.clone(), "b.csv").hash())
        .hasSize(64);
  }

  @Test
  void zuGrosseZuLangeUndFremdeDateienWerdenAufDeutschAbgelehnt() {
    assertThatThrownBy(() -> Meldelistendatei.lese(new byte[Meldelistendatei.HOECHSTENS_BYTES + 1], "x.csv"))
        .hasMessageContaining("höchstens 2 MB");
    List<List<String>> viele = new ArrayList<>();
    for (int i = 0; i <= Meldelistendatei.HOECHSTENS_ZEILEN; i++) {
      viele.add(List.of("N" + i, "V", "01.01.2015"));
    }
    assertThatThrownBy(() -> Meldelistendatei.lese(Testlisten.csvBytes(List.of("Name", "Vorname", "Geburtsdatum"), viele, ';',
        StandardCharsets.UTF_8), "x.csv")).hasMessageContaining("höchstens 5000");
    assertThatThrownBy(() -> Meldelistendatei.lese("x".getBytes(), "liste.pdf")).hasMessageContaining("Unbekanntes Dateiformat");
    assertThatThrownBy(() -> Meldelistendatei.lese(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11}, "alt.xls"))
        .hasMessageContaining(".xls");
    assertThatThrownBy(() -> Meldelistendatei.lese("Name;Vorname\r\n".getBytes(), "x.csv")).hasMessageContaining("keine Kinder");
  }
}
