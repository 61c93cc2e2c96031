package de.hsk.ki.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.identitaet.Partnergruppen;
import de.hsk.ki.testkit.Testpostfach;
import de.hsk.ki.testkit.WebappSitzung;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 16 / ADR 0006: operators invite a partner's person; the person sets their own password by the e-mail's link. */
@KiSpringTest
class PartnerkontenTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final String FORM = "application/x-www-form-urlencoded";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private WebappSitzung angemeldet(String benutzer, String passwort) throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    HttpResponse<String> login = sitzung.anmelden(benutzer, passwort);
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

  @Test
  void derBetriebLaedtEinDiePersonSetztIhrKennwortUndSiehtDieAufgabenIhrerSchule() throws Exception {
    WebappSitzung betrieb = new WebappSitzung(port);
    assertThat(betrieb.anmelden("admin", "Pruefstand-7-Test", "admin").statusCode()).isEqualTo(200);
    HttpResponse<String> seite = betrieb.get(PartnerkontenSeite.PFAD);
    assertThat(seite.statusCode()).isEqualTo(200);
    assertThat(seite.body()).contains("Grundschule Arnsberg 2 (Demo)").contains("gsommer");
    String token = csrf(seite.body());

    // refused input keeps what was typed and says what is wrong
    HttpResponse<String> falsch = betrieb.post(PartnerkontenSeite.PFAD, FORM, form(Map.of("_csrf", token,
        "partner", "SCHULE-GR-ARNSBERG-2", "vorname", "Jörg", "nachname", "Müller-Lüdenscheidt", "email", "kein-at-zeichen")), Map.of());
    assertThat(falsch.statusCode()).isEqualTo(400);
    assertThat(falsch.body()).contains("E-Mail: bitte eine dienstliche Adresse angeben").contains("value=\"Müller-Lüdenscheidt\"");
    assertThat(engine.getIdentityService().createUserQuery().userLastName("Müller-Lüdenscheidt").count()).isZero();
    // markup in a name is refused too
    assertThat(betrieb.post(PartnerkontenSeite.PFAD, FORM, form(Map.of("_csrf", token, "partner", "SCHULE-GR-ARNSBERG-2",
        "vorname", "<b>Jörg</b>", "nachname", "Müller", "email", "j@gs2.example.org")), Map.of()).statusCode()).isEqualTo(400);
    // without the page's token nothing happens
    assertThat(betrieb.post(PartnerkontenSeite.PFAD, FORM, form(Map.of("partner", "SCHULE-GR-ARNSBERG-2",
        "vorname", "Jörg", "nachname", "Müller", "email", "j@gs2.example.org")), Map.of()).statusCode()).isEqualTo(403);

    int vorher = greenMail.getReceivedMessages().length;
    HttpResponse<String> angelegt = betrieb.post(PartnerkontenSeite.PFAD, FORM, form(Map.of("_csrf", token,
        "partner", "SCHULE-GR-ARNSBERG-2", "vorname", "Jörg", "nachname", "Müller-Lüdenscheidt", "email", "J.Mueller@GS2.example.org")), Map.of());
    assertThat(angelegt.statusCode()).isEqualTo(302);
    // partner logins have their own prefix: they can never take the name of a directory staff member
    String id = "extjmuellerluedenscheidt";
    assertThat(engine.getIdentityService().createUserQuery().userId(id).singleResult().getEmail()).isEqualTo("j.mueller@gs2.example.org");
    // the same mailbox cannot get a second account, whatever its spelling
    assertThat(betrieb.post(PartnerkontenSeite.PFAD, FORM, form(Map.of("_csrf", token, "partner", "SCHULE-GR-ARNSBERG-2",
        "vorname", "Jörg", "nachname", "Müller", "email", "j.mueller@gs2.EXAMPLE.org")), Map.of()).body()).contains("schon ein Konto");
    assertThat(engine.getIdentityService().createUserQuery().userId(id).memberOfGroup(Partnergruppen.gruppe("SCHULE-GR-ARNSBERG-2")).count()).isOne();
    // until the person sets a password nobody can log in (the failed attempt's delay is lifted for the test)
    assertThat(new WebappSitzung(port).anmelden(id, "Sauerland-2026").statusCode()).isEqualTo(401);
    engine.getIdentityService().unlockUser(id);

    MimeMessage mail = greenMail.getReceivedMessages()[vorher];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("j.mueller@gs2.example.org");
    String text = mail.getContent().toString();
    assertThat(text).contains("Ihr Benutzername: " + id).contains("Grundschule Arnsberg 2 (Demo)");
    Matcher link = Pattern.compile("/ki/konto/einladung\\?t=([A-Za-z0-9_-]+)").matcher(text);
    assertThat(link.find()).isTrue();
    String einladung = link.group(1);
    // only the token's hash is stored
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ki_einladung WHERE token_hash = ?", Integer.class, einladung)).isZero();

    WebappSitzung person = new WebappSitzung(port);
    HttpResponse<String> formular = person.get(PartnerkontenSeite.EINLADUNG + "?t=" + einladung);
    assertThat(formular.statusCode()).isEqualTo(200);
    assertThat(formular.body()).contains(id);
    String personToken = csrf(formular.body());
    // "Origin: null" is our own page only when the browser says so (Sec-Fetch-Site), never by itself
    assertThat(person.post(PartnerkontenSeite.EINLADUNG, FORM, form(Map.of("_csrf", personToken, "t", einladung,
        "kennwort", "Schulhof-2026!", "wiederholung", "Schulhof-2026!")), Map.of("Origin", "null")).statusCode()).isEqualTo(403);
    assertThat(person.post(PartnerkontenSeite.EINLADUNG, FORM, form(Map.of("_csrf", personToken, "t", einladung,
        "kennwort", "Schulhof-2026!", "wiederholung", "Schulhof-2026!")), Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site"))
        .statusCode()).isEqualTo(403);
    HttpResponse<String> schwach = person.post(PartnerkontenSeite.EINLADUNG, FORM, form(Map.of("_csrf", personToken, "t", einladung,
        "kennwort", "kurz", "wiederholung", "kurz")), Map.of());
    assertThat(schwach.statusCode()).isEqualTo(400);
    assertThat(schwach.body()).contains("mindestens 10 Zeichen");
    HttpResponse<String> ungleich = person.post(PartnerkontenSeite.EINLADUNG, FORM, form(Map.of("_csrf", personToken, "t", einladung,
        "kennwort", "Schulhof-2026!", "wiederholung", "Schulhof-2027!")), Map.of());
    assertThat(ungleich.body()).contains("stimmen nicht überein");
    HttpResponse<String> gesetzt = person.post(PartnerkontenSeite.EINLADUNG, FORM, form(Map.of("_csrf", personToken, "t", einladung,
        "kennwort", "Schulhof-2026!", "wiederholung", "Schulhof-2026!")), Map.of());
    assertThat(gesetzt.statusCode()).isEqualTo(200);
    assertThat(gesetzt.body()).contains("Ihr Kennwort ist gesetzt").contains(id);
    // the person is told of the change by e-mail (a link read by someone else does not go unnoticed)
    assertThat(java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().equals("Ihr Kennwort für die Aufgabenliste wurde festgelegt");
      } catch (Exception e) {
        return false;
      }
    })).hasSize(1);
    // a second submission of the same page changes nothing
    assertThat(person.post(PartnerkontenSeite.EINLADUNG, FORM, form(Map.of("_csrf", personToken, "t", einladung,
        "kennwort", "Anderes-Kennwort-9", "wiederholung", "Anderes-Kennwort-9")), Map.of()).statusCode()).isEqualTo(404);

    // the link is used up; the person logs in and sees Tasklist
    assertThat(new WebappSitzung(port).get(PartnerkontenSeite.EINLADUNG + "?t=" + einladung).statusCode()).isEqualTo(404);
    WebappSitzung schule = angemeldet(id, "Schulhof-2026!");
    assertThat(schule.get("/camunda/api/engine/engine/default/filter?resourceType=Task").body()).contains("Aufgaben meiner Gruppe");

    // a new link for an account in use, valid one day; never for staff or operators
    HttpResponse<String> neu = betrieb.post(PartnerkontenSeite.PFAD + "/erneut", FORM, form(Map.of("_csrf", token, "benutzer", id)), Map.of());
    assertThat(neu.statusCode()).isEqualTo(302);
    assertThat(jdbc.queryForObject("SELECT gueltig_bis FROM ki_einladung WHERE benutzer = ?", java.sql.Timestamp.class, id).toInstant())
        .isBefore(java.time.Instant.now().plus(java.time.Duration.ofHours(25)));
    for (String kein : java.util.List.of("pschneider", "admin", "gibtesnicht")) {
      assertThat(betrieb.post(PartnerkontenSeite.PFAD + "/erneut", FORM, form(Map.of("_csrf", token, "benutzer", kein)), Map.of())
          .statusCode()).as(kein).isEqualTo(400);
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ki_einladung WHERE benutzer IN ('pschneider', 'admin')", Integer.class)).isZero();
  }

  @Test
  void nurDerBetriebVerwaltetPartnerkontenUndEinFalscherLinkOeffnetNichts() throws Exception {
    assertThat(angemeldet("pschneider", "Sauerland-2026").get(PartnerkontenSeite.PFAD).statusCode()).isEqualTo(403);
    assertThat(angemeldet("gsommer", "Sauerland-2026").get(PartnerkontenSeite.PFAD).statusCode()).isEqualTo(403);
    assertThat(new WebappSitzung(port).get(PartnerkontenSeite.PFAD).statusCode()).isEqualTo(401);
    HttpResponse<String> falsch = new WebappSitzung(port).get(PartnerkontenSeite.EINLADUNG + "?t=erfunden");
    assertThat(falsch.statusCode()).isEqualTo(404);
    assertThat(falsch.body()).contains("ungültig oder abgelaufen");
  }
}
