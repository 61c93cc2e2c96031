package de.hsk.ki.prozesse.einrichtungsberatung;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hsk.ki.KiSpringTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reservations, hand-out, return and erasure of the lending catalogue, on the real database. */
@KiSpringTest
class MaterialkatalogTest {

  static final LocalDate VON = LocalDate.of(2027, 2, 3);
  static final LocalDate BIS = LocalDate.of(2027, 2, 17);

  @Autowired Materialkatalog katalog;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transaktionen;
  @Autowired ProcessEngine engine;

  /** A fresh item per test, so tests never share one. */
  static long neuesMaterial(Materialkatalog katalog, String bezeichnung) {
    return katalog.anlegen("T-" + UUID.randomUUID().toString().substring(0, 8), bezeichnung, null);
  }

  static String neueAnfrage() {
    return "EB-2026-T" + UUID.randomUUID().toString().substring(0, 6);
  }

  private String anzeige(long material) {
    return "„" + katalog.eintraege().stream().filter(e -> e.material().id() == material).findFirst().orElseThrow().material().anzeige() + "“";
  }

  @Test
  void eineReservierungSperrtDenZeitraumFuerAndereAnfragen() {
    // given item reserved for one case
    long material = neuesMaterial(katalog, "DaZ-Box Grundschule");
    String erste = neueAnfrage();
    katalog.reservieren(erste, material, VON, BIS);

    // when another case asks for an overlapping period
    var konflikt = katalog.konflikt(material, BIS.minusDays(1), BIS.plusDays(5), neueAnfrage());

    // then it is told who holds it and when, and reserving fails the same way
    assertThat(konflikt).hasValue(anzeige(material) + " ist vom 03.02.2027 bis 17.02.2027 für Anfrage " + erste + " reserviert.");
    assertThatThrownBy(() -> katalog.reservieren(neueAnfrage(), material, VON.minusDays(3), VON))
        .isInstanceOf(Ausleihkonflikt.class).hasMessage(konflikt.get());
  }

  @Test
  void angrenzendeZeitraeumeSindFrei() {
    long material = neuesMaterial(katalog, "Lesekoffer Mehrsprachigkeit");
    katalog.reservieren(neueAnfrage(), material, VON, BIS);

    assertThat(katalog.konflikt(material, BIS.plusDays(1), BIS.plusDays(10), neueAnfrage())).isEmpty();
    assertThat(katalog.konflikt(material, VON.minusDays(10), VON.minusDays(1), neueAnfrage())).isEmpty();
    katalog.reservieren(neueAnfrage(), material, BIS.plusDays(1), BIS.plusDays(10));
  }

  @Test
  void dieEigeneReservierungIstKeinKonfliktUndWirdErsetzt() {
    long material = neuesMaterial(katalog, "Sprachstandsverfahren-Koffer");
    String anfrage = neueAnfrage();
    katalog.reservieren(anfrage, material, VON, BIS);

    assertThat(katalog.konflikt(material, VON, BIS, anfrage)).isEmpty();
    katalog.reservieren(anfrage, material, VON.plusDays(1), BIS.plusDays(1));

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_eb_ausleihe WHERE aktenzeichen = ?", Long.class, anfrage)).isEqualTo(1L);
    assertThat(katalog.ausleihe(anfrage)).hasValueSatisfying(a -> assertThat(a.von()).isEqualTo(VON.plusDays(1)));
  }

  @Test
  void ausgegebenesMaterialBleibtBisZurRueckgabeBelegt() {
    // given a reserved item handed out
    long material = neuesMaterial(katalog, "Erzähltheater Kamishibai mit Bildkarten");
    String anfrage = neueAnfrage();
    katalog.reservieren(anfrage, material, VON, BIS);
    katalog.ausgeben(anfrage, VON);

    // then the loan says so, and the item is held even after its planned end
    assertThat(katalog.ausleihe(anfrage)).hasValue(new Materialkatalog.Ausleihe(material, "Erzähltheater Kamishibai mit Bildkarten",
        katalog.ausleihe(anfrage).get().inventarnummer(), VON, BIS, Materialkatalog.AUSGEGEBEN));
    assertThat(jdbc.queryForObject("SELECT ausgegeben_am FROM ki_eb_ausleihe WHERE aktenzeichen = ?", java.sql.Date.class, anfrage)
        .toLocalDate()).isEqualTo(VON);
    assertThat(katalog.konflikt(material, BIS.plusWeeks(2), BIS.plusWeeks(3), neueAnfrage()))
        .hasValue(anzeige(material) + " ist an Anfrage " + anfrage + " ausgegeben (vereinbart bis 17.02.2027) und noch nicht zurückgegeben.");
  }

  @Test
  void vollstaendigeRueckgabeGibtFrei() {
    long material = neuesMaterial(katalog, "Bildwörterbuch Deutsch–Arabisch (Klassensatz)");
    String anfrage = neueAnfrage();
    katalog.reservieren(anfrage, material, VON, BIS);
    katalog.ausgeben(anfrage, VON);

    katalog.zuruecknehmen(anfrage, BIS.plusDays(3), "VOLLSTAENDIG");

    assertThat(katalog.ausleihe(anfrage).orElseThrow().status()).isEqualTo(Materialkatalog.ZURUECK);
    assertThat(katalog.konflikt(material, VON, BIS, neueAnfrage())).isEmpty();
    assertThat(katalog.optionen()).containsKey(String.valueOf(material));
  }

  @Test
  void fehlendesMaterialWirdAusgesondertBeschaedigtesNicht() {
    long fehlt = neuesMaterial(katalog, "Rucksack-Elternmaterial (mehrsprachig)");
    long beschaedigt = neuesMaterial(katalog, "Rucksack-Elternmaterial (mehrsprachig)");
    String a = neueAnfrage();
    String b = neueAnfrage();
    katalog.reservieren(a, fehlt, VON, BIS);
    katalog.reservieren(b, beschaedigt, VON, BIS);
    katalog.ausgeben(a, VON);
    katalog.ausgeben(b, VON);

    katalog.zuruecknehmen(a, BIS, "FEHLT");
    katalog.zuruecknehmen(b, BIS, "BESCHAEDIGT");

    assertThat(katalog.optionen()).doesNotContainKey(String.valueOf(fehlt)).containsKey(String.valueOf(beschaedigt));
    assertThat(katalog.konflikt(fehlt, BIS.plusDays(5), BIS.plusDays(9), neueAnfrage()))
        .hasValue(anzeige(fehlt) + " ist ausgesondert und kann nicht ausgeliehen werden.");
    assertThat(katalog.konflikt(beschaedigt, BIS.plusDays(5), BIS.plusDays(9), neueAnfrage())).isEmpty();
  }

  @Test
  void stornierenGibtEineReservierungFrei() {
    long material = neuesMaterial(katalog, "DaZ-Box Grundschule");
    String anfrage = neueAnfrage();
    katalog.reservieren(anfrage, material, VON, BIS);

    katalog.stornieren(anfrage);

    assertThat(katalog.ausleihe(anfrage)).isEmpty();
    assertThat(katalog.konflikt(material, VON, BIS, neueAnfrage())).isEmpty();
  }

  @Test
  void zeitraumUndUnbekanntesMaterial() {
    long material = neuesMaterial(katalog, "DaZ-Box Grundschule");
    assertThat(katalog.konflikt(material, BIS, VON, null)).hasValue("Das Ende der Ausleihe (03.02.2027) liegt vor ihrem Beginn (17.02.2027).");
    assertThat(katalog.konflikt(material, VON, VON.plus(Materialkatalog.LAENGSTE_AUSLEIHE).plusDays(1), null))
        .hasValue("Eine Ausleihe dauert höchstens 12 Wochen; bitte einen kürzeren Zeitraum wählen.");
    assertThat(katalog.konflikt(material, VON, VON.plus(Materialkatalog.LAENGSTE_AUSLEIHE), null)).isEmpty();
    assertThat(katalog.konflikt(Long.MAX_VALUE, VON, BIS, null)).hasValueSatisfying(m -> assertThat(m).contains("gibt es im Katalog nicht"));
  }

  @Test
  void optionenNennenBezeichnungUndInventarnummerSortiert() {
    long zweites = neuesMaterial(katalog, "ZZ Zuletzt im Katalog");
    long erstes = neuesMaterial(katalog, "AAA Zuerst im Katalog");

    Map<String, String> optionen = katalog.optionen();

    List<String> schluessel = List.copyOf(optionen.keySet());
    assertThat(schluessel.indexOf(String.valueOf(erstes))).isLessThan(schluessel.indexOf(String.valueOf(zweites)));
    assertThat(optionen.get(String.valueOf(erstes))).matches("AAA Zuerst im Katalog \\(Inv\\.-Nr\\. T-[0-9a-f]{8}\\)");
  }

  @Test
  void vonZweiGleichzeitigenReservierungenGewinntGenauEine() throws Exception {
    // given two cases that reserve the same item for overlapping periods at the same moment
    long material = neuesMaterial(katalog, "Lesekoffer Mehrsprachigkeit");
    TransactionTemplate tx = new TransactionTemplate(transaktionen);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> ergebnisse = List.of(neueAnfrage(), neueAnfrage()).stream().map(anfrage -> threads.submit(() -> {
        start.await();
        try {
          tx.executeWithoutResult(status -> {
            katalog.reservieren(anfrage, material, VON, BIS);
            pause(300); // keep the transaction open: the other one must wait for the lock, not slip past
          });
          return "reserviert";
        } catch (Ausleihkonflikt e) {
          return e.getMessage();
        }
      })).toList();

      // when both run
      start.countDown();

      // then exactly one wins and the other is told the item is reserved
      List<String> antworten = List.of(ergebnisse.get(0).get(20, TimeUnit.SECONDS), ergebnisse.get(1).get(20, TimeUnit.SECONDS));
      assertThat(antworten).filteredOn("reserviert"::equals).hasSize(1);
      assertThat(antworten).filteredOn(a -> a.contains("reserviert.") && a.contains("vom 03.02.2027 bis 17.02.2027")).hasSize(1);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_eb_ausleihe WHERE material_id = ?", Long.class, material)).isEqualTo(1L);
    } finally {
      threads.shutdownNow();
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void loeschungEntferntAlleAusleihenDesFalls() {
    long material = neuesMaterial(katalog, "DaZ-Box Grundschule");
    String anfrage = neueAnfrage();
    katalog.reservieren(anfrage, material, VON, BIS);
    katalog.ausgeben(anfrage, VON);
    katalog.zuruecknehmen(anfrage, BIS, "VOLLSTAENDIG");
    katalog.reservieren(anfrage, material, BIS.plusWeeks(4), BIS.plusWeeks(5));

    assertThat(katalog.loescheFall(anfrage)).isEqualTo(2);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_eb_ausleihe WHERE aktenzeichen = ?", Long.class, anfrage)).isZero();
    assertThat(katalog.konflikt(material, BIS.plusWeeks(4), BIS.plusWeeks(5), neueAnfrage())).isEmpty();
  }

  @Test
  void dieTaeglicheBereinigungEntferntAusleihenVonFaellenOhneHistorie() {
    // given a loan of a case the engine knows and one of a case whose history is gone
    String bekannt = engine.getRuntimeService().startProcessInstanceByKey("Process_Beispiel", Map.of("anliegen", "Materialtest"))
        .getBusinessKey();
    String vergangen = neueAnfrage();
    katalog.reservieren(bekannt, neuesMaterial(katalog, "DaZ-Box Grundschule"), VON, BIS);
    katalog.reservieren(vergangen, neuesMaterial(katalog, "DaZ-Box Grundschule"), VON, BIS);

    // when the daily cleanup runs
    katalog.bereinigen();

    // then only the loan of the known case remains
    assertThat(katalog.ausleihe(bekannt)).isPresent();
    assertThat(katalog.ausleihe(vergangen)).isEmpty();
  }

  @Test
  void derDemoKatalogLaesstSichLadenUndLaedtNichtsDoppelt() throws Exception {
    DemoMaterial demo = new DemoMaterial(katalog, new org.springframework.core.io.DefaultResourceLoader(), "classpath:demo/materialkatalog.csv");
    var datei = new org.springframework.core.io.ClassPathResource("demo/materialkatalog.csv");
    try {
      try (var reader = new java.io.InputStreamReader(datei.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
        assertThat(demo.importiere(reader)).isEqualTo(6);
      }
      assertThat(katalog.optionen()).containsValue("DaZ-Box Grundschule (Inv.-Nr. DAZ-002)");
      try (var reader = new java.io.InputStreamReader(datei.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
        assertThat(demo.importiere(reader)).isZero();
      }
    } finally {
      jdbc.update("DELETE FROM ki_eb_material WHERE inventarnummer LIKE 'DAZ-00_'");
    }
  }
}
