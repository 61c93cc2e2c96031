package de.hsk.ki.plattform.identitaet;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testverzeichnis;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18, point 13: staff log in with their directory account (the suite's in-memory directory,
 * testkit/Testverzeichnis) and get the mapped KI groups; local accounts stay as they were.
 */
@KiSpringTest
class VerzeichnisAnmeldungTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired Anmeldeverfahren verfahren;

  @Test
  void eineVerzeichnispersonMeldetSichAnUndHatIhreKiGruppen() throws Exception {
    assertThat(verfahren.mitVerzeichnis()).isTrue();
    Rest mueller = Rest.mit(port, "vzmueller", "Verzeichnis-Mueller-1");

    var profil = mueller.get("/user/vzmueller/profile");

    assertThat(profil.statusCode()).isEqualTo(200);
    assertThat(mueller.json(profil).get("lastName").asText()).isEqualTo("Müller");
    assertThat(mueller.get("/task/count").statusCode()).isEqualTo(200);
    // the directory's Bauamt group has no mapping and stays outside
    assertThat(gruppen("vzmueller")).containsExactly(KiGruppen.VERWALTUNG);
    // no password of the person is stored here
    assertThat(jdbc.queryForObject("SELECT pwd_ FROM act_id_user WHERE id_ = 'vzmueller'", String.class))
        .isEqualTo(Identitaetsanbieter.VERZEICHNIS_MARKE);
    assertThat(identitaet().checkPassword("vzmueller", Identitaetsanbieter.VERZEICHNIS_MARKE)).isFalse();
    jdbc.update("UPDATE act_id_user SET attempts_ = 0, lock_exp_time_ = NULL WHERE id_ = 'vzmueller'");
  }

  @Test
  void mehrereGruppenSiehtAuchDieZuweisungsregel() throws Exception {
    assertThat(Rest.mit(port, "vzschulz", "Verzeichnis-Schulz-1").get("/task/count").statusCode()).isEqualTo(200);

    assertThat(gruppen("vzschulz")).containsExactlyInAnyOrder(KiGruppen.LEHRKRAEFTE, KiGruppen.LEITUNG);
    // the query the assignment rule asks (Zuweisungsregel.darfHalten)
    assertThat(identitaet().createUserQuery().userId("vzschulz").memberOfGroup(KiGruppen.LEITUNG).count()).isEqualTo(1);
  }

  @Test
  void einFalschesKennwortWirdAbgelehntUndGezaehlt() throws Exception {
    jdbc.update("UPDATE act_id_user SET attempts_ = 0, lock_exp_time_ = NULL WHERE id_ = 'vzmueller'");
    assertThat(Rest.mit(port, "vzmueller", "Verzeichnis-Mueller-1").get("/task/count").statusCode()).isEqualTo(200);
    jdbc.update("UPDATE act_id_user SET attempts_ = 0, lock_exp_time_ = NULL WHERE id_ = 'vzmueller'");

    assertThat(Rest.mit(port, "vzmueller", "falsch").get("/task/count").statusCode()).isEqualTo(401);
    // an empty password would be an anonymous bind in LDAP
    jdbc.update("UPDATE act_id_user SET lock_exp_time_ = NULL WHERE id_ = 'vzmueller'");
    assertThat(identitaet().checkPassword("vzmueller", "")).isFalse();

    assertThat(jdbc.queryForObject("SELECT attempts_ FROM act_id_user WHERE id_ = 'vzmueller'", Integer.class)).isEqualTo(2);
    jdbc.update("UPDATE act_id_user SET attempts_ = 0, lock_exp_time_ = NULL WHERE id_ = 'vzmueller'");
  }

  @Test
  void werInKeinerKiGruppeIstKommtNichtHinein() throws Exception {
    assertThat(Rest.mit(port, "vzbauer", "Verzeichnis-Bauer-1").get("/task/count").statusCode()).isEqualTo(401);

    assertThat(identitaet().createUserQuery().userId("vzbauer").count()).isZero();
  }

  @Test
  void gruppenFolgenDemVerzeichnisBeiDerNaechstenAnmeldung() throws Exception {
    assertThat(Rest.mit(port, "vzwagner", "Verzeichnis-Wagner-1").get("/task/count").statusCode()).isEqualTo(200);
    assertThat(gruppen("vzwagner")).containsExactlyInAnyOrder(KiGruppen.VERWALTUNG, KiGruppen.LEITUNG);

    // moved out of the management group, and a new password (the old one is in the login cache)
    Testverzeichnis.SERVER.modify("uid=vzwagner,ou=Personen,dc=hsk,dc=test",
        new Modification(ModificationType.REPLACE, "memberOf", "cn=KI-Verwaltung,ou=Gruppen,dc=hsk,dc=test"),
        new Modification(ModificationType.REPLACE, "userPassword", "Verzeichnis-Wagner-2"),
        new Modification(ModificationType.REPLACE, "sn", "Wagner-Neu"));
    assertThat(Rest.mit(port, "vzwagner", "Verzeichnis-Wagner-2").get("/task/count").statusCode()).isEqualTo(200);

    assertThat(gruppen("vzwagner")).containsExactly(KiGruppen.VERWALTUNG);
    assertThat(identitaet().createUserQuery().userId("vzwagner").singleResult().getLastName()).isEqualTo("Wagner-Neu");
  }

  @Test
  void lokaleKontenBleibenWieSieWaren() throws Exception {
    // a partner (demo user of the Schulamt) and the operator have no directory entry
    assertThat(Rest.als(port, "jklein").get("/task/count").statusCode()).isEqualTo(200);
    assertThat(Rest.alsBetrieb(port).get("/task/count").statusCode()).isEqualTo(200);
    assertThat(gruppen("jklein")).containsExactly(KiGruppen.SCHULAMT);
    // a local account wins over a directory entry of the same id: its own password, not the directory's
    String id = "vzlokal";
    var konto = identitaet().newUser(id);
    konto.setFirstName("Lokal");
    konto.setLastName("Konto");
    konto.setPassword(Rest.DEMO_PASSWORT);
    identitaet().saveUser(konto);
    Testverzeichnis.SERVER.add("dn: uid=vzlokal,ou=Personen,dc=hsk,dc=test", "objectClass: inetOrgPerson", "uid: vzlokal",
        "cn: Lokal", "sn: Verzeichnis", "userPassword: Verzeichnis-Lokal-1", "memberOf: cn=KI-Leitung,ou=Gruppen,dc=hsk,dc=test");
    assertThat(Rest.mit(port, id, "Verzeichnis-Lokal-1").get("/task/count").statusCode()).isEqualTo(401);
    jdbc.update("UPDATE act_id_user SET lock_exp_time_ = NULL WHERE id_ = ?", id);
    assertThat(Rest.als(port, id).get("/task/count").statusCode()).isEqualTo(200);
    assertThat(gruppen(id)).isEmpty();
  }

  private List<String> gruppen(String benutzer) {
    return identitaet().createGroupQuery().groupMember(benutzer).list().stream().map(Group::getId).toList();
  }

  private IdentityService identitaet() {
    return engine.getIdentityService();
  }
}
