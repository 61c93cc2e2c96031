package de.hsk.ki.prozesse.einrichtungsberatung;

import static de.hsk.ki.prozesse.einrichtungsberatung.MaterialkatalogTest.neueAnfrage;
import static de.hsk.ki.prozesse.einrichtungsberatung.MaterialkatalogTest.neuesMaterial;
import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testkonto;
import de.hsk.ki.testkit.WebappSitzung;
import de.hsk.ki.plattform.zeit.Zeit;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The catalogue page: who sees it, what it shows, and how administration adds and retires items. */
@KiSpringTest
class MaterialkatalogSeiteTest {

  private static final String PFAD = MaterialkatalogSeite.PFAD;
  private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Materialkatalog katalog;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void konten() {
    var identity = engine.getIdentityService();
    Testkonto.anlegen(identity, "mkverwaltung", "Vera", "Verwaltung", KiGruppen.VERWALTUNG);
    Testkonto.anlegen(identity, "mkleitung", "Lea", "Leitung", KiGruppen.LEITUNG);
    Testkonto.anlegen(identity, "mklehrkraft", "Lars", "Lehrkraft", KiGruppen.LEHRKRAEFTE);
  }

  private WebappSitzung angemeldet(String benutzer) throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    assertThat(sitzung.anmelden(benutzer, Rest.DEMO_PASSWORT).statusCode()).isEqualTo(200);
    return sitzung;
  }

  private static String token(HttpResponse<String> seite) {
    Matcher m = TOKEN.matcher(seite.body());
    assertThat(m.find()).as("form token on the page").isTrue();
    return m.group(1);
  }

  private static HttpResponse<String> sende(WebappSitzung sitzung, String pfad, Map<String, String> felder) throws Exception {
    String body = felder.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return sitzung.post(pfad, "application/x-www-form-urlencoded", body, Map.of());
  }

  private static Map<String, String> neu(String token, String inventarnummer, String bezeichnung, String beschreibung) {
    Map<String, String> felder = new LinkedHashMap<>();
    if (token != null) {
      felder.put("_csrf", token);
    }
    felder.put("inventarnummer", inventarnummer);
    felder.put("bezeichnung", bezeichnung);
    felder.put("beschreibung", beschreibung);
    return felder;
  }

  private static String inventarnummer() {
    return "S-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void ohneAnmeldung401FuerLehrkraefte403() throws Exception {
    HttpResponse<String> anonym = new WebappSitzung(port).get(PFAD);
    assertThat(anonym.statusCode()).isEqualTo(401);
    assertThat(anonym.body()).contains("Bitte melden Sie sich zuerst");

    WebappSitzung lehrkraft = angemeldet("mklehrkraft");
    HttpResponse<String> seite = lehrkraft.get(PFAD);
    assertThat(seite.statusCode()).isEqualTo(403);
    assertThat(seite.body()).contains("Verwaltung sowie der Leitung").doesNotContain("Inv.-Nr.");
    assertThat(sende(lehrkraft, PFAD, neu("x", inventarnummer(), "Versuch", "")).statusCode()).isEqualTo(403);
  }

  @Test
  void dieListeZeigtDenStandJedesMaterialsUndProtokolliertDieAnfragen() throws Exception {
    // given one item free, one reserved, one handed out past its end, one retired
    LocalDate heute = Zeit.heute();
    long frei = neuesMaterial(katalog, "Seitentest frei");
    long reserviert = neuesMaterial(katalog, "Seitentest reserviert");
    long ueberfaellig = neuesMaterial(katalog, "Seitentest überfällig");
    long ausgesondert = neuesMaterial(katalog, "Seitentest ausgesondert");
    String reservierung = neueAnfrage();
    String ausleihe = neueAnfrage();
    katalog.reservieren(reservierung, reserviert, heute.plusDays(10), heute.plusDays(20));
    katalog.reservieren(ausleihe, ueberfaellig, heute.minusDays(20), heute.minusDays(2));
    katalog.ausgeben(ausleihe, heute.minusDays(20));
    katalog.aktivSetzen(ausgesondert, false);

    // when administration opens the catalogue
    HttpResponse<String> seite = angemeldet("mkverwaltung").get(PFAD);

    // then every item shows its state, an overdue loan in red
    assertThat(seite.statusCode()).isEqualTo(200);
    assertThat(seite.headers().firstValue("Cache-Control")).hasValue("no-store");
    String html = seite.body();
    assertThat(zeile(html, "Seitentest frei")).contains(">frei<");
    assertThat(zeile(html, "Seitentest reserviert")).contains("reserviert vom " + heute.plusDays(10).format(Materialkatalog.DATUM)
        + " bis " + heute.plusDays(20).format(Materialkatalog.DATUM) + " (Anfrage " + reservierung + ")");
    assertThat(zeile(html, "Seitentest überfällig")).contains("class=\"ueberfaellig\"")
        .contains("ausgegeben bis " + heute.minusDays(2).format(Materialkatalog.DATUM) + " (Anfrage " + ausleihe + ") – überfällig");
    assertThat(zeile(html, "Seitentest ausgesondert")).contains(">ausgesondert<").contains("Wieder ausleihbar");
    assertThat(html).contains("Material aufnehmen");
    // every case listed is in the access log
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_zugriffsprotokoll WHERE benutzer = 'mkverwaltung' AND ressource = 'Materialkatalog'"
        + " AND aktenzeichen IN (?, ?)", Long.class, reservierung, ausleihe)).isEqualTo(2L);
    assertThat(frei).isPositive();
  }

  /** The table row of an item, from its name to the end of the row. */
  private static String zeile(String html, String bezeichnung) {
    int anfang = html.indexOf(">" + bezeichnung + "<");
    assertThat(anfang).as(bezeichnung).isPositive();
    return html.substring(anfang, html.indexOf("</tr>", anfang));
  }

  @Test
  void dieLeitungSiehtDenKatalogPflegtIhnAberNicht() throws Exception {
    WebappSitzung leitung = angemeldet("mkleitung");
    HttpResponse<String> seite = leitung.get(PFAD);
    assertThat(seite.statusCode()).isEqualTo(200);
    assertThat(seite.body()).contains("Materialkatalog").doesNotContain("Material aufnehmen");

    HttpResponse<String> versuch = sende(leitung, PFAD, neu("x", inventarnummer(), "Versuch der Leitung", ""));
    assertThat(versuch.statusCode()).isEqualTo(403);
    assertThat(versuch.body()).contains("pflegt die Verwaltung");
  }

  @Test
  void dieVerwaltungNimmtMaterialAuf() throws Exception {
    WebappSitzung verwaltung = angemeldet("mkverwaltung");
    String nummer = inventarnummer();

    HttpResponse<String> antwort = sende(verwaltung, PFAD, neu(token(verwaltung.get(PFAD)), nummer,
        "Wimmelbilder Jahreszeiten (Klassensatz)", "20 Bildkarten DIN A3,\nmit Begleitheft"));

    assertThat(antwort.statusCode()).isEqualTo(302);
    HttpResponse<String> danach = verwaltung.get(PFAD);
    assertThat(danach.body()).contains("ist im Katalog").contains(nummer).contains("Wimmelbilder Jahreszeiten (Klassensatz)");
    assertThat(katalog.optionen()).containsValue("Wimmelbilder Jahreszeiten (Klassensatz) (Inv.-Nr. " + nummer + ")");
  }

  @Test
  void auszeichnungenUndDoppelteNummernWerdenDeutschAbgelehntDieEingabeBleibt() throws Exception {
    WebappSitzung verwaltung = angemeldet("mkverwaltung");
    String token = token(verwaltung.get(PFAD));
    String nummer = inventarnummer();

    HttpResponse<String> markup = sende(verwaltung, PFAD, neu(token, nummer, "Lesekoffer <script>alert(1)</script>", "Für Klasse 1 bis 4"));
    assertThat(markup.statusCode()).isEqualTo(400);
    assertThat(markup.body()).contains("Bezeichnung: spitze Klammern")
        .contains("value=\"" + nummer + "\"").contains("Lesekoffer &lt;script&gt;").contains(">Für Klasse 1 bis 4</textarea>")
        .doesNotContain("<script>");
    assertThat(katalog.inventarnummerVergeben(nummer)).isFalse();

    HttpResponse<String> steuerzeichen = sende(verwaltung, PFAD, neu(token, nummer, "Lesekoffer\u0007", ""));
    assertThat(steuerzeichen.statusCode()).isEqualTo(400);
    assertThat(steuerzeichen.body()).contains("Steuerzeichen sind nicht erlaubt");

    assertThat(sende(verwaltung, PFAD, neu(token, nummer, "Lesekoffer Mehrsprachigkeit", "")).statusCode()).isEqualTo(302);
    HttpResponse<String> doppelt = sende(verwaltung, PFAD, neu(token, nummer, "Zweiter Lesekoffer", "anderer Inhalt"));
    assertThat(doppelt.statusCode()).isEqualTo(400);
    assertThat(doppelt.body()).contains("„" + nummer + "“ ist schon vergeben")
        .contains("value=\"Zweiter Lesekoffer\"").contains(">anderer Inhalt</textarea>");
  }

  @Test
  void einPostOhneGueltigesFormularzeichenWirdAbgelehnt() throws Exception {
    WebappSitzung verwaltung = angemeldet("mkverwaltung");
    verwaltung.get(PFAD);
    String ohne = inventarnummer();
    String falsch = inventarnummer();

    HttpResponse<String> ohneToken = sende(verwaltung, PFAD, neu(null, ohne, "Ohne Formularzeichen", ""));
    HttpResponse<String> falschesToken = sende(verwaltung, PFAD, neu("0123456789abcdef", falsch, "Mit falschem Formularzeichen", ""));
    // a token of another session does not count either
    WebappSitzung andere = angemeldet("mkverwaltung");
    HttpResponse<String> fremdesToken = sende(verwaltung, PFAD, neu(token(andere.get(PFAD)), falsch, "Fremdes Formularzeichen", ""));

    assertThat(ohneToken.statusCode()).isEqualTo(403);
    assertThat(ohneToken.body()).contains("nicht aus dem Materialkatalog dieser Sitzung");
    assertThat(falschesToken.statusCode()).isEqualTo(403);
    assertThat(fremdesToken.statusCode()).isEqualTo(403);
    assertThat(katalog.inventarnummerVergeben(ohne)).isFalse();
    assertThat(katalog.inventarnummerVergeben(falsch)).isFalse();
    long material = neuesMaterial(katalog, "Nicht aussondern ohne Zeichen");
    assertThat(sende(verwaltung, PFAD + "/" + material + "/aussondern", Map.of()).statusCode()).isEqualTo(403);
    assertThat(katalog.optionen()).containsKey(String.valueOf(material));
  }

  @Test
  void aussondernNurWennNichtsBelegtUndWiederAufnehmen() throws Exception {
    WebappSitzung verwaltung = angemeldet("mkverwaltung");
    String token = token(verwaltung.get(PFAD));
    long belegt = neuesMaterial(katalog, "Belegtes Material");
    long frei = neuesMaterial(katalog, "Freies Material");
    String anfrage = neueAnfrage();
    katalog.reservieren(anfrage, belegt, Zeit.heute().plusDays(3), Zeit.heute().plusDays(9));

    HttpResponse<String> verweigert = sende(verwaltung, PFAD + "/" + belegt + "/aussondern", Map.of("_csrf", token));
    assertThat(verweigert.statusCode()).isEqualTo(409);
    assertThat(verweigert.body()).contains("für Anfrage " + anfrage + " reserviert oder ausgegeben");
    assertThat(katalog.optionen()).containsKey(String.valueOf(belegt));

    assertThat(sende(verwaltung, PFAD + "/" + frei + "/aussondern", Map.of("_csrf", token)).statusCode()).isEqualTo(302);
    assertThat(katalog.optionen()).doesNotContainKey(String.valueOf(frei));
    assertThat(sende(verwaltung, PFAD + "/" + frei + "/reaktivieren", Map.of("_csrf", token)).statusCode()).isEqualTo(302);
    assertThat(katalog.optionen()).containsKey(String.valueOf(frei));
  }
}
