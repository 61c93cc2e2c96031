package de.hsk.ki.prozesse.foerderung;

import static de.hsk.ki.prozesse.foerderung.Foerderfall.*;
import static de.hsk.ki.prozesse.foerderung.Foerderung.Element.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.datenschutz.FallLoeschung;
import de.hsk.ki.testkit.Datenbanksuche;
import de.hsk.ki.testkit.Testpostfach;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole funding year as the issue asks for it: several applications, approvals, a refusal, a
 * withdrawn approval, payouts in two tranches, proofs, one reclaim with interest – and the
 * coordinator's report adds it up to the cent. Its own year, so other tests' cases do not count.
 */
@KiSpringTest
class FoerderjahrAbnahmeTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final long JAHR2 = JAHR + 1;

  @Autowired ProcessEngine engine;
  @Autowired Foerderbericht bericht;
  @Autowired FallLoeschung loeschung;
  @Autowired JdbcTemplate jdbc;

  Foerderfall antrag(String traeger, String kommune, List<Map<String, Object>> bausteine) {
    Map<String, Object> v = Foerderfall.antrag(traeger, bausteine);
    v.put("foerderjahr", JAHR2);
    v.put("kommune", kommune);
    return Foerderfall.eingang(engine, v);
  }

  @Test
  void einFoerderjahrMitAllenWegenUndDenSummenAufDenCent() {
    // Arnsberg: 2 rooms (2.000) + 20 escorts (700), approved, paid in two tranches, fully proven
    Foerderfall arnsberg = antrag("Treffpunkt Arnsberg e.V.", "ARNSBERG", List.of(baustein("A1", 2), baustein("B1", 20)));
    arnsberg.bewilligtMitVertrag("2700,00");
    arnsberg.tranche("A1", "2000,00");
    arnsberg.tranche("B1", "700,00");
    arnsberg.nachweis(2, 20);
    arnsberg.erledige(Task_PruefvermerkGegenzeichnen, "kwolf", FOERDERUNG, Map.of("gegenzeichnung", "BESTAETIGT"));
    assertThat(arnsberg.historisch("status")).isEqualTo("ABGESCHLOSSEN");

    // Brilon: refused
    Foerderfall brilon = antrag("Begegnung Brilon", "BRILON", List.of(baustein("B2", 2)));
    brilon.erledige(Task_VollstaendigkeitPruefen, "fyilmaz", FOERDERUNG, Map.of("vorhandeneUnterlagen", brilon.unterlagen(), "vollstaendigkeit", "VOLLSTAENDIG"));
    brilon.erledige(Task_FachlichPruefen, "fyilmaz", FOERDERUNG, pruefung("ABLEHNEN", "0,00"));
    brilon.erledige(Task_BewilligungEntscheiden, "mhoffmann", LEITUNG,
        Map.of("entscheidung", "ABGELEHNT", "begruendung", "Doppelförderung durch die Stadt.", "entscheidungNichtBefangen", true));

    // Meschede: a year of running costs (12 × 400), paid three months ago, only six months proven: reclaim with interest
    Foerderfall meschede = antrag("Ankommen Meschede e.V.", "MESCHEDE", List.of(baustein("A2", 12)));
    meschede.bewilligtMitVertrag("4800,00");
    LocalDate gebucht = LocalDate.now().minusDays(90);
    meschede.erledige(Task_MittelabrufErfassen, "fyilmaz", FOERDERUNG,
        Map.of("abrufArt", "ABRUF", "abrufBaustein", "A2", "abrufbetrag", "4800,00", "zweiMonate", true, "kostenplanGeprueft", true));
    meschede.erledige(Task_SachlichRichtig, "fyilmaz", FOERDERUNG, Map.of("sachlichRichtig", true));
    meschede.erledige(Task_AuszahlungAnordnen, "mhoffmann", LEITUNG, Map.of("anordnung", true));
    meschede.erledige(Task_ZahlungBuchen, "pschneider", VERWALTUNG, Map.of("gebuchtAm", gebucht.toString()));
    meschede.nachweis(6);
    assertThat(meschede.variable("pruefergebnis")).isEqualTo("TEILWEISE");
    meschede.erledige(Task_PruefvermerkGegenzeichnen, "kwolf", FOERDERUNG, Map.of("gegenzeichnung", "BESTAETIGT"));
    meschede.timerFeuert(Event_AnhoerungAbgelaufen);
    meschede.erledige(Task_RueckforderungEntscheiden, "mhoffmann", LEITUNG, Map.of("rueckforderungEntscheidung", "FESTSETZEN",
        "festgesetzterBetrag", "2400,00", "begruendung", "Betrieb nur sechs Monate.", "rueckforderungNichtBefangen", true));
    // 2.400,00 × (1,27 + 5) % × 90 / 365 = 37,1046… → 37,10 (base rate of the test settings from 1 July 2026)
    BigDecimal erwartet = new BigDecimal("2400.00").multiply(new BigDecimal("6.27")).multiply(BigDecimal.valueOf(90))
        .divide(new BigDecimal("36500"), 2, RoundingMode.HALF_UP);
    assertThat(erwartet).isEqualByComparingTo("37.10");
    assertThat(meschede.betrag("zinsen")).isEqualByComparingTo(erwartet);
    meschede.erledige(Task_ZahlungseingangErfassen, "pschneider", VERWALTUNG,
        Map.of("zahlungEingangAm", LocalDate.now().toString(), "zahlungBetrag", "2437,10"));
    assertThat(meschede.historisch("status")).isEqualTo("ZURUECKGEZAHLT");

    // Sundern: approved, the contract never came back: withdrawn
    Foerderfall sundern = antrag("Sundern verbindet", "SUNDERN", List.of(baustein("C1", 1)));
    sundern.vollstaendigUndGeprueft("500,00");
    sundern.erledige(Task_BewilligungEntscheiden, "mhoffmann", LEITUNG, Map.of("entscheidung", "BEWILLIGT", "entscheidungNichtBefangen", true));
    sundern.timerFeuert(Event_VertragNichtZurueck);
    sundern.timerFeuert(Event_VertragWeiterNichtZurueck);
    sundern.erledige(Task_BewilligungZurueckziehen, "mhoffmann", LEITUNG, Map.of("rueckzug", "ZURUECKZIEHEN", "begruendung", "Keine Rückmeldung."));

    // Winterberg: still being paid out
    Foerderfall winterberg = antrag("Winterberg hilft", "WINTERBERG", List.of(baustein("D2", 4)));
    winterberg.bewilligtMitVertrag("200,00");
    winterberg.tranche("D2", "50,00");

    // then the report adds up what happened
    Foerderbericht.Bericht b = bericht.erstellen("KOMM_AN_II", (int) JAHR2);
    assertThat(b.antraege()).hasSize(5);
    Foerderbericht.Summe gesamt = b.gesamt();
    assertThat(gesamt.bewilligt()).isEqualByComparingTo("7700.00"); // 2.700 + 4.800 + 200; refused and withdrawn count nothing
    assertThat(gesamt.ausgezahlt()).isEqualByComparingTo("7550.00"); // 2.700 + 4.800 + 50
    assertThat(gesamt.anerkannt()).isEqualByComparingTo("5100.00"); // 2.700 + 2.400
    assertThat(gesamt.zurueckgefordert()).isEqualByComparingTo("2400.00");
    Map<String, Foerderbericht.Summe> jeBaustein = new java.util.HashMap<>();
    b.jeBaustein().forEach(s -> jeBaustein.put(s.wert(), s));
    assertThat(summe(jeBaustein, "A1")).containsExactly("2000.00", "2000.00", "2000.00", "0.00");
    assertThat(summe(jeBaustein, "B1")).containsExactly("700.00", "700.00", "700.00", "0.00");
    assertThat(summe(jeBaustein, "A2")).containsExactly("4800.00", "4800.00", "2400.00", "2400.00");
    assertThat(summe(jeBaustein, "D2")).containsExactly("200.00", "50.00", "0.00", "0.00");
    // per block and per municipality add up to the total, to the cent
    assertThat(b.jeBaustein().stream().map(Foerderbericht.Summe::bewilligt).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(gesamt.bewilligt());
    assertThat(b.jeKommune().stream().map(Foerderbericht.Summe::ausgezahlt).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(gesamt.ausgezahlt());
    assertThat(b.jeKommune().stream().map(Foerderbericht.Summe::zurueckgefordert).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(gesamt.zurueckgefordert());

    // erasure of the refused application leaves nothing of the association anywhere
    assertThat(Datenbanksuche.fundstellen(jdbc, "Begegnung Brilon")).isNotEmpty();
    loeschung.loesche(brilon.aktenzeichen(), "admin", "Löschung auf Antrag");
    assertThat(Datenbanksuche.fundstellen(jdbc, "Begegnung Brilon")).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_partner WHERE schluessel = ?", Long.class, "EINR-" + brilon.aktenzeichen())).isZero();
  }

  static List<String> summe(Map<String, Foerderbericht.Summe> jeBaustein, String baustein) {
    Foerderbericht.Summe s = jeBaustein.entrySet().stream().filter(e -> e.getKey().startsWith(baustein)).findFirst().orElseThrow().getValue();
    return java.util.stream.Stream.of(s.bewilligt(), s.ausgezahlt(), s.anerkannt(), s.zurueckgefordert())
        .map(v -> v == null ? "0.00" : v.setScale(2).toPlainString()).toList();
  }
}
