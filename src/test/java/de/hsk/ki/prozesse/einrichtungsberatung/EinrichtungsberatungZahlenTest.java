package de.hsk.ki.prozesse.einrichtungsberatung;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.WebappSitzung;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The annual figures for the report to the state: counts and means of one year's requests, only
 * for coordination. A past year (2021) that no other test writes, so that the cases the process
 * tests start this year do not change the counts.
 */
@KiSpringTest
class EinrichtungsberatungZahlenTest {

  private static final int JAHR = 2021;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void registerDesJahres() {
    jdbc.update("DELETE FROM ki_eb_termin WHERE aktenzeichen LIKE 'EB-20__-99__'");
    jdbc.update("DELETE FROM ki_eb_fall WHERE aktenzeichen LIKE 'EB-20__-99__'");
    // the same school twice (other case, a stray blank), one Kita in two municipalities
    fall("EB-2021-9901", "Grundschule Am Ring", "SCHULE_GRUND", "ARNSBERG", "SEITENEINSTIEG_DAZ", LocalDate.of(2021, 1, 1), "DURCHGEFUEHRT", 5, 4);
    fall("EB-2021-9902", "grundschule am ring ", "SCHULE_GRUND", "ARNSBERG", "SEITENEINSTIEG_DAZ", LocalDate.of(2021, 6, 1), "DURCHGEFUEHRT", 4, 3);
    fall("EB-2021-9903", "Kita Sonnenschein", "KITA", "BRILON", "SPRACHBILDUNG", LocalDate.of(2021, 12, 31), null, null, null);
    fall("EB-2021-9904", "Kita Sonnenschein", "KITA", "MESCHEDE", "SPRACHBILDUNG", LocalDate.of(2021, 3, 1), "VERWIESEN", null, null);
    // the years around it do not count
    fall("EB-2020-9905", "Realschule", "SCHULE_WEITERFUEHREND", "BRILON", "ELTERNARBEIT", LocalDate.of(2020, 12, 31), "DURCHGEFUEHRT", 1, 1);
    fall("EB-2022-9906", "Realschule", "SCHULE_WEITERFUEHREND", "BRILON", "ELTERNARBEIT", LocalDate.of(2022, 1, 1), "DURCHGEFUEHRT", 1, 1);
    termin("EB-2021-9901", LocalDate.of(2021, 3, 2), "1.5", 12);
    termin("EB-2021-9901", LocalDate.of(2022, 1, 10), "2.00", 10);
    termin("EB-2021-9902", LocalDate.of(2021, 7, 1), "1", 3);
    termin("EB-2020-9905", LocalDate.of(2021, 2, 1), "8", 100);
  }

  private void fall(String aktenzeichen, String einrichtung, String typ, String kommune, String thema, LocalDate angelegt,
      String abschluss, Integer zufriedenheit, Integer nutzen) {
    jdbc.update("INSERT INTO ki_eb_fall (aktenzeichen, einrichtung, einrichtungstyp, kommune, thema, format, angelegt_am,"
        + " abschluss, zufriedenheit, nutzen) VALUES (?, ?, ?, ?, ?, 'WORKSHOP', ?, ?, ?, ?)",
        aktenzeichen, einrichtung, typ, kommune, thema, angelegt, abschluss, zufriedenheit, nutzen);
  }

  private void termin(String aktenzeichen, LocalDate datum, String stunden, int teilnehmende) {
    jdbc.update("INSERT INTO ki_eb_termin (aktenzeichen, datum, stunden, teilnehmende) VALUES (?, ?, ?, ?)",
        aktenzeichen, datum, new BigDecimal(stunden), teilnehmende);
  }

  private WebappSitzung angemeldet(String benutzer) throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    HttpResponse<String> login = sitzung.anmelden(benutzer, Rest.DEMO_PASSWORT);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return sitzung;
  }

  private static String wert(String titel, Object wert) {
    return "<th>" + titel + "</th><td class=\"zahl\">" + wert + "</td>";
  }

  @Test
  void dieLeitungSiehtDieZahlenDesJahres() throws Exception {
    HttpResponse<String> antwort = angemeldet("mhoffmann").get("/ki/einrichtungsberatung/zahlen?jahr=" + JAHR);

    assertThat(antwort.statusCode()).isEqualTo(200);
    assertThat(antwort.headers().firstValue("Cache-Control")).hasValue("no-store");
    // the pages' shared look comes from one stylesheet the page may load
    assertThat(antwort.body()).contains("<link rel=\"stylesheet\" href=\"/ki/seiten.css\">");
    HttpResponse<String> stil = angemeldet("mhoffmann").get("/ki/seiten.css");
    assertThat(stil.statusCode()).isEqualTo(200);
    assertThat(stil.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
    assertThat(stil.body()).contains("td.zahl");
    String seite = antwort.body().replaceAll(">\\s+<", "><");
    assertThat(seite)
        .contains(wert("Anfragen", 4))
        .contains(wert("verschiedene Einrichtungen", 3))
        .contains(wert("Termine", 3))
        .contains(wert("Stunden", "4,5"))
        .contains(wert("Teilnehmende", 25))
        .contains(wert("Zufriedenheit (Mittelwert, 1–5)", "4,5"))
        .contains(wert("Nutzen (Mittelwert, 1–5)", "3,5"))
        .contains(wert("Bewertungen", 2))
        .contains("<td>Arnsberg</td><td class=\"zahl\">2</td><td class=\"zahl\">3</td><td class=\"zahl\">4,5</td>"
            + "<td class=\"zahl\">25</td><td class=\"zahl\">4,5</td>")
        .contains("<td>Hallenberg</td><td class=\"zahl\">0</td>")
        .contains("<td>Kita</td><td class=\"zahl\">2</td><td class=\"zahl\">0</td>")
        .contains("<td>Sprachbildung – Mehrsprachigkeit in der Kita</td><td class=\"zahl\">2</td>")
        .contains("<td>durchgeführt</td><td class=\"zahl\">2</td>")
        .contains("<td>verwiesen</td><td class=\"zahl\">1</td>")
        .contains("<td>noch offen</td><td class=\"zahl\">1</td>")
        .contains("Als CSV herunterladen")
        .doesNotContain("EB-2021-9901").doesNotContain("Sonnenschein").doesNotContain("Am Ring");
  }

  @Test
  void csvFuerExcel() throws Exception {
    HttpResponse<String> antwort = angemeldet("mhoffmann").get("/ki/einrichtungsberatung/zahlen.csv?jahr=" + JAHR);

    assertThat(antwort.statusCode()).isEqualTo(200);
    assertThat(antwort.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(antwort.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"einrichtungsberatung-zahlen-" + JAHR + ".csv\"");
    assertThat(antwort.headers().firstValue("Cache-Control")).hasValue("no-store");
    String csv = antwort.body();
    assertThat(csv).startsWith("\uFEFFJahr;Gliederung;Wert;Anfragen;Einrichtungen;Termine;Stunden;Teilnehmende;"
        + "Zufriedenheit (Mittelwert 1–5);Nutzen (Mittelwert 1–5);Bewertungen\r\n");
    assertThat(csv.split("\r\n"))
        .contains("2021;Gesamt;alle Anfragen;4;3;3;4,5;25;4,5;3,5;2")
        .contains("2021;Kommune;Arnsberg;2;1;3;4,5;25;4,5;3,5;2")
        .contains("2021;Kommune;Hallenberg;0;0;0;0;0;;;0")
        .contains("2021;Einrichtungstyp;Kita;2;2;0;0;0;;;0")
        .contains("2021;Thema;Unterricht mit Seiteneinsteigenden – DaZ;2;1;3;4,5;25;4,5;3,5;2")
        .contains("2021;Abschluss;noch offen;1;1;0;0;0;;;0");
    // one header, then the total, 12 municipalities, 10 types, 12 topics, 7 outcomes and "noch offen"
    assertThat(csv.split("\r\n")).hasSize(1 + 1 + 12 + 10 + 12 + Anfrageangaben.ABSCHLUESSE.size() + 1);
  }

  @Test
  void einJahrOhneAnfragenZeigtNullenUndStriche() throws Exception {
    String seite = angemeldet("mhoffmann").get("/ki/einrichtungsberatung/zahlen?jahr=2005").body().replaceAll(">\\s+<", "><");

    assertThat(seite).contains(wert("Anfragen", 0)).contains(wert("Zufriedenheit (Mittelwert, 1–5)", "–"));
  }

  @Test
  void nurDieLeitungSiehtDieZahlen() throws Exception {
    WebappSitzung verwaltung = angemeldet("pschneider");
    HttpResponse<String> seite = verwaltung.get("/ki/einrichtungsberatung/zahlen?jahr=" + JAHR);
    assertThat(seite.statusCode()).isEqualTo(403);
    assertThat(seite.body()).contains("der Leitung und Koordination des KI vorbehalten");
    assertThat(verwaltung.get("/ki/einrichtungsberatung/zahlen.csv?jahr=" + JAHR).statusCode()).isEqualTo(403);

    WebappSitzung niemand = new WebappSitzung(port);
    assertThat(niemand.get("/ki/einrichtungsberatung/zahlen?jahr=" + JAHR).statusCode()).isEqualTo(401);
    HttpResponse<String> csv = niemand.get("/ki/einrichtungsberatung/zahlen.csv?jahr=" + JAHR);
    assertThat(csv.statusCode()).isEqualTo(401);
    assertThat(csv.body()).contains("Bitte melden Sie sich zuerst").doesNotContain("Gliederung");
  }

  @Test
  void einJahrAusserhalbDesBerichtszeitraums() throws Exception {
    WebappSitzung leitung = angemeldet("mhoffmann");
    HttpResponse<String> seite = leitung.get("/ki/einrichtungsberatung/zahlen?jahr=1800");
    assertThat(seite.statusCode()).isEqualTo(400);
    assertThat(seite.body()).contains("Bitte ein Berichtsjahr zwischen 2000 und");
    assertThat(leitung.get("/ki/einrichtungsberatung/zahlen.csv?jahr=1800").statusCode()).isEqualTo(400);
  }
}
