package de.hsk.ki.prozesse.foerderung;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.WebappSitzung;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The funding report over synthetic applications. The application model (Process_Foerderantrag) is
 * written on another branch; until it is merged, cases with its variables come from a stand-in model
 * with the same key (src/test/resources/foerderung/antrag-attrappe.bpmn), deployed here and removed
 * with its cases afterwards, so the report is tested on exactly what it reads: the cases' variables.
 * Year 2019, which no process test uses, so cases other tests start do not change the sums.
 */
@KiSpringTest
class FoerderberichtTest {

  private static final int JAHR = 2019;
  private static final String SEITE = "/ki/foerderung/bericht?programm=KOMM_AN_II&jahr=" + JAHR;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired Foerderbericht bericht;

  Deployment attrappe;
  ProcessDefinition antrag;
  final Map<String, String> aktenzeichen = new HashMap<>();

  @BeforeEach
  void antraegeAnlegen() {
    attrappe = engine.getRepositoryService().createDeployment().name("test-foerderantrag-attrappe")
        .addClasspathResource("foerderung/antrag-attrappe.bpmn").deploy();
    antrag = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(attrappe.getId()).singleResult();

    // A: approved, partly paid, overdue; ten small amounts that do not add up with doubles
    List<Map<String, Object>> bausteineA = new ArrayList<>();
    bausteineA.add(zeile("A1 Renovierung/Ausstattung Ankommenstreffpunkt", "1000,00", "1.000,00", "", ""));
    for (int i = 0; i < 5; i++) {
      bausteineA.add(zeile("D2 Austauschtreffen Ehrenamtliche", "0,10", "0,10", "", ""));
      bausteineA.add(zeile("D2 Austauschtreffen Ehrenamtliche", "0,20", "0,20", "", ""));
    }
    Map<String, Object> a = fall("KOMM_AN_II", JAHR, "Verein Ankommen Arnsberg e. V.", "ARNSBERG", "AUSZAHLUNG", "2019-02-01");
    a.put(Foerderung.BEWILLIGTER_BETRAG.name(), "1.001,50");
    a.put(Foerderung.AUSGEZAHLTER_BETRAG.name(), "500,20");
    a.put(Foerderung.EHRENAMTLICHE.name(), 5L);
    a.put(Foerderung.TEILNEHMENDE.name(), 30L);
    a.put(Foerderung.BAUSTEINE.name(), Zeilen.alsJson(bausteineA));
    a.put(Foerderung.AUSZAHLUNGEN.name(), Zeilen.alsJson(List.of(
        zahlung(1, "A1 Renovierung/Ausstattung Ankommenstreffpunkt", "500,20", "mhoffmann", "2019-05-02"),
        zahlung(2, "D2 Austauschtreffen Ehrenamtliche", "0,30", "mhoffmann", ""),
        zahlung(3, "D2 Austauschtreffen Ehrenamtliche", "0,40", "", ""))));
    starte("A", a, false);

    // B: closed with a partial reclaim
    Map<String, Object> b = fall("KOMM_AN_II", JAHR, "Initiative Willkommen", "ARNSBERG", "ABGESCHLOSSEN", null);
    b.put(Foerderung.BEWILLIGTER_BETRAG.name(), "0,20");
    b.put(Foerderung.AUSGEZAHLTER_BETRAG.name(), "0,20");
    b.put(Foerderung.ANERKANNTER_BETRAG.name(), "0,10");
    b.put(Foerderung.RUECKFORDERUNGSBETRAG.name(), "0,10");
    b.put(Foerderung.ZINSEN.name(), "0,01");
    b.put(Foerderung.EHRENAMTLICHE.name(), 2L);
    b.put(Foerderung.TEILNEHMENDE.name(), 7L);
    b.put(Foerderung.BAUSTEINE.name(), Zeilen.alsJson(List.of(zeile("D2 Austauschtreffen Ehrenamtliche", "0,20", "0,20", "0,10", "0,10"))));
    b.put(Foerderung.AUSZAHLUNGEN.name(), Zeilen.alsJson(List.of(zahlung(1, "D2 Austauschtreffen Ehrenamtliche", "0,20", "mhoffmann", "2019-06-01"))));
    starte("B", b, true);

    // C: in review, deadline ahead; its volunteers do not count before an approval
    Map<String, Object> c = fall("KOMM_AN_II", JAHR, "Migrantenverein Brilon", "BRILON", "IN_PRUEFUNG",
        Zeit.heute().plusDays(10).toString());
    c.put(Foerderung.BERECHNETER_BETRAG.name(), "250,00");
    c.put(Foerderung.EHRENAMTLICHE.name(), 100L);
    c.put(Foerderung.TEILNEHMENDE.name(), 100L);
    c.put(Foerderung.BAUSTEINE.name(), Zeilen.alsJson(List.of(zeile("B2 Maßnahme Zusammenkommen/Orientierung", "250,00", "", "", ""))));
    starte("C", c, false);

    // F: the oldest overdue deadline; its year came from a number field as Integer
    Map<String, Object> f = fall("KOMM_AN_II", JAHR, "Familienzentrum Brilon", "BRILON", "ZUR_ENTSCHEIDUNG", "2019-01-15");
    f.put(Foerderung.FOERDERJAHR.name(), JAHR);
    f.put(Foerderung.BERECHNETER_BETRAG.name(), "1.000,10");
    starte("F", f, false);

    // neither another year nor another programme counts
    Map<String, Object> d = fall("KOMM_AN_II", JAHR + 1, "Anderes Jahr", "ARNSBERG", "BEWILLIGT", null);
    d.put(Foerderung.BEWILLIGTER_BETRAG.name(), "7.777,77");
    starte("D", d, false);
    Map<String, Object> e = fall("IFKUF", JAHR, "Anderes Programm", "ARNSBERG", "BEWILLIGT", null);
    e.put(Foerderung.BEWILLIGTER_BETRAG.name(), "8.888,88");
    starte("E", e, false);
  }

  @AfterEach
  void attrappeEntfernen() {
    // cascade: its cases and their history go with it
    engine.getRepositoryService().deleteDeployment(attrappe.getId(), true);
  }

  private static Map<String, Object> fall(String programm, long jahr, String traeger, String kommune, String status, String frist) {
    Map<String, Object> v = new HashMap<>();
    v.put(Foerderung.PROGRAMM.name(), programm);
    v.put(Foerderung.FOERDERJAHR.name(), jahr);
    v.put(Foerderung.TRAEGER.name(), traeger);
    v.put(Foerderung.KOMMUNE.name(), kommune);
    v.put(Foerderung.STATUS.name(), status);
    if (frist != null) {
      v.put(Foerderung.NAECHSTE_FRIST.name(), frist);
    }
    return v;
  }

  private static Map<String, Object> zeile(String baustein, String betrag, String bewilligt, String anerkannt, String zurueck) {
    Map<String, Object> z = new HashMap<>();
    z.put("baustein", baustein);
    z.put("menge", 1);
    z.put("betrag", betrag);
    z.put("bewilligt", bewilligt);
    z.put("anerkannt", anerkannt);
    z.put("zurueckgefordert", zurueck);
    return z;
  }

  private static Map<String, Object> zahlung(int nr, String baustein, String betrag, String angeordnetVon, String gebuchtAm) {
    Map<String, Object> z = new HashMap<>();
    z.put("nr", nr);
    z.put("baustein", baustein);
    z.put("betrag", betrag);
    z.put("bescheinigtVon", "fyilmaz");
    z.put("angeordnetVon", angeordnetVon);
    z.put("gebuchtAm", gebuchtAm);
    return z;
  }

  private void starte(String name, Map<String, Object> variablen, boolean beenden) {
    var fall = engine.getRuntimeService().startProcessInstanceById(antrag.getId(), variablen);
    aktenzeichen.put(name, fall.getBusinessKey());
    if (beenden) {
      var aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
      engine.getTaskService().complete(aufgabe.getId());
    }
  }

  private WebappSitzung angemeldet(String benutzer) throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    HttpResponse<String> login = sitzung.anmelden(benutzer, Rest.DEMO_PASSWORT);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return sitzung;
  }

  private static BigDecimal euro(String text) {
    return new BigDecimal(text);
  }

  @Test
  void summenAufDenCent() {
    // when
    Foerderbericht.Bericht b = bericht.erstellen("KOMM_AN_II", JAHR);

    // then: only the four applications of the programme and year, the overdue ones first, oldest deadline first
    assertThat(b.antraege()).extracting(Foerderbericht.Antrag::aktenzeichen)
        .containsExactly(aktenzeichen.get("F"), aktenzeichen.get("A"), aktenzeichen.get("C"), aktenzeichen.get("B"));
    assertThat(b.antraege()).extracting(Foerderbericht.Antrag::status)
        .containsExactly("zur Entscheidung", "Auszahlung läuft", "in Prüfung", "abgeschlossen");
    Foerderbericht.Summe g = b.gesamt();
    assertThat(g.antraege()).isEqualTo(4);
    assertThat(g.bewilligt()).isEqualTo(euro("1001.70"));
    assertThat(g.ausgezahlt()).isEqualTo(euro("500.40"));
    assertThat(g.anerkannt()).isEqualTo(euro("0.10"));
    assertThat(g.zurueckgefordert()).isEqualTo(euro("0.10"));
    assertThat(g.massnahmen()).isEqualTo(12);
    assertThat(g.ehrenamtliche()).isEqualTo(7);
    assertThat(g.teilnehmende()).isEqualTo(37);

    assertThat(b.jeBaustein()).extracting(Foerderbericht.Summe::wert).containsExactly(
        "A1 Renovierung/Ausstattung Ankommenstreffpunkt", "B2 Maßnahme Zusammenkommen/Orientierung", "D2 Austauschtreffen Ehrenamtliche");
    Foerderbericht.Summe d2 = b.jeBaustein().get(2);
    // 0,10 + 0,20 five times and 0,20: as doubles that is 1.7000000000000002
    double alsDouble = 0;
    for (int i = 0; i < 5; i++) {
      alsDouble += 0.10;
      alsDouble += 0.20;
    }
    alsDouble += 0.20;
    assertThat(alsDouble).isNotEqualTo(1.70);
    assertThat(d2.bewilligt()).isEqualTo(euro("1.70"));
    assertThat(d2.antraege()).isEqualTo(2);
    assertThat(d2.massnahmen()).isEqualTo(11);
    // booked payouts only: the ordered 0,30 of A is not yet paid
    assertThat(d2.ausgezahlt()).isEqualTo(euro("0.20"));
    assertThat(d2.anerkannt()).isEqualTo(euro("0.10"));
    assertThat(d2.zurueckgefordert()).isEqualTo(euro("0.10"));
    assertThat(d2.ehrenamtliche()).isNull();
    assertThat(b.jeBaustein().get(0).ausgezahlt()).isEqualTo(euro("500.20"));
    assertThat(b.jeBaustein().get(1).bewilligt()).isEqualTo(euro("0.00"));
    assertThat(b.jeBaustein().get(1).massnahmen()).isZero();

    // every municipality of the county has its row
    assertThat(b.jeKommune()).hasSize(12);
    Foerderbericht.Summe arnsberg = b.jeKommune().stream().filter(s -> s.wert().equals("Arnsberg")).findFirst().orElseThrow();
    assertThat(arnsberg).isEqualTo(new Foerderbericht.Summe("Arnsberg", 2, 12, euro("1001.70"), euro("500.40"), euro("0.10"),
        euro("0.10"), 7L, 37L));
    Foerderbericht.Summe brilon = b.jeKommune().stream().filter(s -> s.wert().equals("Brilon")).findFirst().orElseThrow();
    assertThat(brilon).isEqualTo(new Foerderbericht.Summe("Brilon", 2, 0, euro("0.00"), euro("0.00"), euro("0.00"),
        euro("0.00"), 0L, 0L));
  }

  @Test
  void angeordneteAuszahlungenSeitDemLetztenAbruf() {
    // when: the first payout of A was called off from the state already
    var offen = bericht.angeordnet("KOMM_AN_II", JAHR, List.of(aktenzeichen.get("A") + "/1"));

    // then: the ordered, not yet called off payouts; not the one without a second signature
    assertThat(offen).containsOnlyKeys(aktenzeichen.get("A") + "/2", aktenzeichen.get("B") + "/1");
    assertThat(offen.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(euro("0.50"));
  }

  @Test
  void dieSeiteZeigtAntraegeUndSummen() throws Exception {
    // when
    HttpResponse<String> antwort = angemeldet("fyilmaz").get(SEITE);

    // then
    assertThat(antwort.statusCode()).isEqualTo(200);
    assertThat(antwort.headers().firstValue("Cache-Control")).hasValue("no-store");
    String seite = antwort.body().replaceAll(">\\s+<", "><");
    assertThat(seite)
        .contains("Förderbericht <span>KOMM-AN NRW Programmteil II</span>")
        .contains("<td>" + aktenzeichen.get("A") + "</td><td>Verein Ankommen Arnsberg e. V.</td><td>Arnsberg</td>"
            + "<td>Auszahlung läuft</td><td><span>01.02.2019</span><strong> – überfällig</strong></td>")
        .contains("<th>Bewilligt</th><td class=\"zahl\">1.001,70 €</td>")
        .contains("<td>D2 Austauschtreffen Ehrenamtliche</td><td class=\"zahl\">2</td><td class=\"zahl\">11</td>"
            + "<td class=\"zahl\">1,70 €</td><td class=\"zahl\">0,20 €</td>")
        .contains("<td>Arnsberg</td><td class=\"zahl\">2</td><td class=\"zahl\">12</td><td class=\"zahl\">1.001,70 €</td>")
        .contains("Als CSV herunterladen").contains("Als Excel-Datei herunterladen")
        .doesNotContain("Anderes Jahr").doesNotContain("Anderes Programm");
    assertThat(seite.indexOf(aktenzeichen.get("F"))).isLessThan(seite.indexOf(aktenzeichen.get("A")));
    // it names applicants: every listed case is in the access log
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_zugriffsprotokoll WHERE benutzer = 'fyilmaz' AND aktenzeichen = ?",
        Integer.class, aktenzeichen.get("C"))).isPositive();
  }

  @Test
  void csvFuerExcel() throws Exception {
    // when
    HttpResponse<String> antwort = angemeldet("mhoffmann").get(SEITE.replace("bericht?", "bericht.csv?"));

    // then
    assertThat(antwort.statusCode()).isEqualTo(200);
    assertThat(antwort.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(antwort.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"foerderbericht-komm-an-ii-" + JAHR + ".csv\"");
    String csv = antwort.body();
    assertThat(csv).startsWith("\uFEFFGliederung;Wert;Träger;Kommune;Status;Nächste Frist;Anträge;bewilligte Maßnahmen;"
        + "Berechneter Betrag;Bewilligt;Ausgezahlt;Anerkannt;Zurückgefordert;Zinsen;Ehrenamtliche;Teilnehmende\r\n");
    assertThat(csv.split("\r\n"))
        .contains("Antrag;" + aktenzeichen.get("B") + ";Initiative Willkommen;Arnsberg;abgeschlossen;;1;1;;0,20;0,20;0,10;0,10;0,01;2;7")
        .contains("Antrag;" + aktenzeichen.get("C") + ";Migrantenverein Brilon;Brilon;in Prüfung;"
            + Zeit.heute().plusDays(10).format(FoerderberichtSeite.DATUM) + ";1;0;250,00;;;;;;100;100")
        // the total's calculated amount like each application's: 250,00 of C and 1.000,10 of F, to the cent
        .contains("Gesamt;alle Anträge;;;;;4;12;1250,10;1001,70;500,40;0,10;0,10;;7;37")
        .contains("Baustein;D2 Austauschtreffen Ehrenamtliche;;;;;2;11;;1,70;0,20;0,10;0,10;;;")
        .contains("Kommune;Arnsberg;;;;;2;12;;1001,70;500,40;0,10;0,10;;7;37")
        .contains("Kommune;Hallenberg;;;;;0;0;;0,00;0,00;0,00;0,00;;0;0");
    // header, 4 applications, the total, 3 building blocks, 12 municipalities
    assertThat(csv.split("\r\n")).hasSize(1 + 4 + 1 + 3 + 12);
  }

  @Test
  void excelMitBetraegenAlsZahlen() throws Exception {
    // when
    HttpResponse<byte[]> antwort = angemeldet("fyilmaz").getBytes(SEITE.replace("bericht?", "bericht.xlsx?"));

    // then
    assertThat(antwort.statusCode()).isEqualTo(200);
    assertThat(antwort.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (XSSFWorkbook mappe = new XSSFWorkbook(new ByteArrayInputStream(antwort.body()))) {
      assertThat(mappe.getSheetAt(0).getSheetName()).isEqualTo("Anträge");
      Sheet antraege = mappe.getSheet("Anträge");
      assertThat(antraege.getLastRowNum()).isEqualTo(4);
      Row a = antraege.getRow(2);
      assertThat(a.getCell(0).getStringCellValue()).isEqualTo(aktenzeichen.get("A"));
      assertThat(a.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2019, 2, 1));
      assertThat(a.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("dd.mm.yyyy");
      assertThat(geld(a, 6)).isEqualTo(euro("1001.50"));
      assertThat(a.getCell(5)).as("no calculated amount: an empty cell, not text").isNull();

      Row d2 = mappe.getSheet("Je Baustein").getRow(3);
      assertThat(d2.getCell(0).getStringCellValue()).isEqualTo("D2 Austauschtreffen Ehrenamtliche");
      assertThat(d2.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(d2.getCell(3).getCellStyle().getDataFormatString()).contains("0.00").contains("€");
      assertThat(geld(d2, 3)).isEqualTo(euro("1.70"));
      assertThat(d2.getCell(2).getNumericCellValue()).isEqualTo(11);

      Row gesamt = mappe.getSheet("Gesamt").getRow(1);
      assertThat(geld(gesamt, 3)).isEqualTo(euro("1001.70"));
      assertThat(geld(gesamt, 4)).isEqualTo(euro("500.40"));
      assertThat(gesamt.getCell(8).getNumericCellValue()).isEqualTo(37);
      assertThat(mappe.getSheet("Je Kommune").getLastRowNum()).isEqualTo(12);

      // every text fits its column: the longest Träger, the longest building block
      int traeger = "Verein Ankommen Arnsberg e. V.".length();
      assertThat(antraege.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Träger");
      assertThat(antraege.getColumnWidth(1)).isGreaterThan(traeger * 256);
      for (Sheet blatt : mappe) {
        for (Row row : blatt) {
          row.forEach(c -> {
            if (c.getCellType() == CellType.STRING) {
              assertThat(blatt.getColumnWidth(c.getColumnIndex())).as(blatt.getSheetName() + ": " + c.getStringCellValue())
                  .isGreaterThan(c.getStringCellValue().length() * 256);
            }
          });
        }
      }
    }
  }

  /** The cell's number as the shortest decimal that reads back to it: 1.7, not 1.7000000000000002. */
  private static BigDecimal geld(Row row, int spalte) {
    assertThat(row.getCell(spalte).getCellType()).isEqualTo(CellType.NUMERIC);
    return BigDecimal.valueOf(row.getCell(spalte).getNumericCellValue()).setScale(2, java.math.RoundingMode.UNNECESSARY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tbecker", "ademir", "pschneider", "jklein", "gsommer"})
  void andereGruppenSehenDenBerichtNicht(String benutzer) throws Exception {
    WebappSitzung sitzung = angemeldet(benutzer);

    HttpResponse<String> seite = sitzung.get(SEITE);
    assertThat(seite.statusCode()).isEqualTo(403);
    assertThat(seite.body()).contains("den Förderprogrammen und der Leitung des KI vorbehalten")
        .doesNotContain(aktenzeichen.get("A"));
    assertThat(sitzung.get(SEITE.replace("bericht?", "bericht.csv?")).statusCode()).isEqualTo(403);
    HttpResponse<String> xlsx = sitzung.get(SEITE.replace("bericht?", "bericht.xlsx?"));
    assertThat(xlsx.statusCode()).isEqualTo(403);
    assertThat(xlsx.body()).doesNotContain("Verein Ankommen");
  }

  @Test
  void ohneAnmeldungNichts() throws Exception {
    WebappSitzung niemand = new WebappSitzung(port);
    assertThat(niemand.get(SEITE).statusCode()).isEqualTo(401);
    HttpResponse<String> csv = niemand.get(SEITE.replace("bericht?", "bericht.csv?"));
    assertThat(csv.statusCode()).isEqualTo(401);
    assertThat(csv.body()).contains("Bitte melden Sie sich zuerst").doesNotContain("Gliederung");
  }

  @Test
  void unbekanntesProgrammOderJahr() throws Exception {
    WebappSitzung leitung = angemeldet("mhoffmann");
    HttpResponse<String> programm = leitung.get("/ki/foerderung/bericht?programm=GIBTESNICHT&jahr=" + JAHR);
    assertThat(programm.statusCode()).isEqualTo(400);
    assertThat(programm.body()).contains("Bitte ein Förderprogramm wählen");
    assertThat(leitung.get("/ki/foerderung/bericht.xlsx?programm=KOMM_AN_II&jahr=1800").statusCode()).isEqualTo(400);
  }
}
