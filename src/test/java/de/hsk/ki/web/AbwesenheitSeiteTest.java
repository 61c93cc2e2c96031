package de.hsk.ki.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testkonto;
import de.hsk.ki.testkit.WebappSitzung;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The absence page: one's own absence, the Leitung's for somebody else, nobody else's for another person. */
@KiSpringTest
class AbwesenheitSeiteTest {

  static final String FORM = "application/x-www-form-urlencoded";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private WebappSitzung angemeldet(String benutzer) throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    HttpResponse<String> login = sitzung.anmelden(benutzer, Rest.DEMO_PASSWORT);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return sitzung;
  }

  private static String csrf(String seite) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"").matcher(seite);
    assertThat(m.find()).as(seite).isTrue();
    return m.group(1);
  }

  private static String form(Map<String, String> felder) {
    return felder.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .reduce((a, b) -> a + "&" + b).orElse("");
  }

  private Map<String, String> abwesenheit(String token, String benutzer, String vertretung, int abTag) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", token);
    f.put("benutzer", benutzer);
    f.put("vertretung", vertretung);
    f.put("von", Zeit.heute().plusDays(abTag).toString());
    f.put("bis", Zeit.heute().plusDays(abTag + 4).toString());
    f.put("uebergabe", "Bitte die Rückfragen der Schulen beantworten.");
    f.put("zurueckgeben", "ja");
    return f;
  }

  private int abwesenheiten(String benutzer) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ki_abwesenheit WHERE benutzer = ?", Integer.class, benutzer);
  }

  @Test
  void nurDiePersonSelbstOderDieLeitungErfasstEineAbwesenheit() throws Exception {
    var identitaet = engine.getIdentityService();
    String a = Testkonto.anlegen(identitaet, "zvseitea", "Anna", "Seite", KiGruppen.LEHRKRAEFTE);
    String b = Testkonto.anlegen(identitaet, "zvseiteb", "Bernd", "Seite", KiGruppen.LEHRKRAEFTE);

    // the person herself
    WebappSitzung selbst = angemeldet(a);
    HttpResponse<String> seite = selbst.get(AbwesenheitSeite.PFAD);
    assertThat(seite.statusCode()).isEqualTo(200);
    assertThat(seite.body()).contains("Abwesenheit erfassen").contains("Bernd Seite").doesNotContain("Verlauf der Fallverantwortung");
    String token = csrf(seite.body());
    HttpResponse<String> gespeichert = selbst.post(AbwesenheitSeite.PFAD, FORM, form(abwesenheit(token, a, b, 30)), Map.of());
    assertThat(gespeichert.statusCode()).as(gespeichert.body()).isEqualTo(302);
    assertThat(abwesenheiten(a)).isEqualTo(1);
    // not for a colleague
    HttpResponse<String> fremd = selbst.post(AbwesenheitSeite.PFAD, FORM, form(abwesenheit(token, b, a, 60)), Map.of());
    assertThat(fremd.statusCode()).isEqualTo(403);
    assertThat(fremd.body()).contains("Eine Abwesenheit für eine andere Person erfasst nur die Leitung des KI.");
    assertThat(abwesenheiten(b)).isZero();
    // German messages at the page, what was typed stays
    Map<String, String> falsch = abwesenheit(token, a, a, 90);
    HttpResponse<String> abgelehnt = selbst.post(AbwesenheitSeite.PFAD, FORM, form(falsch), Map.of());
    assertThat(abgelehnt.statusCode()).isEqualTo(400);
    assertThat(abgelehnt.body()).contains("Die Vertretung kann nicht die abwesende Person selbst sein.")
        .contains("Bitte die Rückfragen der Schulen beantworten.");
    // without the page's token nothing happens
    Map<String, String> ohneToken = abwesenheit("", a, b, 120);
    assertThat(selbst.post(AbwesenheitSeite.PFAD, FORM, form(ohneToken), Map.of()).statusCode()).isEqualTo(403);
    assertThat(abwesenheiten(a)).isEqualTo(1);

    // the Leitung for somebody of the KI, and it sees the log
    WebappSitzung leitung = angemeldet("mhoffmann");
    HttpResponse<String> leitungsseite = leitung.get(AbwesenheitSeite.PFAD);
    assertThat(leitungsseite.body()).contains("Verlauf der Fallverantwortung").contains("Anna Seite");
    HttpResponse<String> fuerB = leitung.post(AbwesenheitSeite.PFAD, FORM, form(abwesenheit(csrf(leitungsseite.body()), b, a, 60)), Map.of());
    assertThat(fuerB.statusCode()).as(fuerB.body()).isEqualTo(302);
    assertThat(abwesenheiten(b)).isEqualTo(1);

    // partners and the Schulamt have no page here
    WebappSitzung schulamt = angemeldet("jklein");
    assertThat(schulamt.get(AbwesenheitSeite.PFAD).statusCode()).isEqualTo(403);
    assertThat(new WebappSitzung(port).get(AbwesenheitSeite.PFAD).statusCode()).isEqualTo(401);
  }
}
