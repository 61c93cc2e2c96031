package de.hsk.ki.plattform.identitaet;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Rest;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 18, point 11: PBKDF2 instead of one round of SHA-512, renewed at the next login; checks cached briefly. */
@KiSpringTest
class PasswortHashTest {

  private static final String PBKDF2 = "{" + Kennworthash.NAME + "}" + Kennworthash.ITERATIONEN + "$";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void einNeuesKontoBekommtPbkdf2() {
    String id = neuesKonto();

    assertThat(gespeichert(id).get("pwd_")).asString().startsWith(PBKDF2).doesNotContain("SHA-512");
  }

  @Test
  void einAlterSha512HashGiltUndWirdBeimAnmeldenErsetzt() throws Exception {
    String id = neuesKonto();
    alsAlterHash(id, Rest.DEMO_PASSWORT);
    assertThat(gespeichert(id).get("pwd_")).asString().startsWith("{SHA-512}");

    assertThat(Rest.als(port, id).get("/task/count").statusCode()).isEqualTo(200);

    Map<String, Object> neu = gespeichert(id);
    assertThat(neu.get("pwd_")).asString().startsWith(PBKDF2);
    // the new hash verifies by itself, not only through the cache
    assertThat(konfiguration().getPasswordManager().check(Rest.DEMO_PASSWORT + neu.get("salt_"), (String) neu.get("pwd_"))).isTrue();
    assertThat(konfiguration().getPasswordManager().check("falsch" + neu.get("salt_"), (String) neu.get("pwd_"))).isFalse();
  }

  @Test
  void nachEinemFehlversuchSetztDieUmstellungDenZaehlerZurueck() {
    String id = neuesKonto();
    alsAlterHash(id, Rest.DEMO_PASSWORT);
    assertThat(identitaet().checkPassword(id, "falsch")).isFalse();
    assertThat(gespeichert(id).get("attempts_")).isEqualTo(1);
    jdbc.update("UPDATE act_id_user SET lock_exp_time_ = NULL WHERE id_ = ?", id);

    assertThat(identitaet().checkPassword(id, Rest.DEMO_PASSWORT)).isTrue();

    assertThat(gespeichert(id).get("attempts_")).isEqualTo(0);
    assertThat(gespeichert(id).get("pwd_")).asString().startsWith(PBKDF2);
  }

  @Test
  void falscheKennwoerterScheiternUndZaehlenAuchNachEinerAnmeldung() throws Exception {
    String id = neuesKonto();
    assertThat(Rest.als(port, id).get("/task/count").statusCode()).isEqualTo(200);

    for (int i = 1; i <= 3; i++) {
      jdbc.update("UPDATE act_id_user SET lock_exp_time_ = NULL WHERE id_ = ?", id);
      assertThat(identitaet().checkPassword(id, "falsch-" + i)).isFalse();
      assertThat(gespeichert(id).get("attempts_")).isEqualTo(i);
    }
    jdbc.update("UPDATE act_id_user SET lock_exp_time_ = NULL WHERE id_ = ?", id);
    assertThat(identitaet().checkPassword(id, Rest.DEMO_PASSWORT)).isTrue();
    assertThat(gespeichert(id).get("attempts_")).isEqualTo(0);
  }

  @Test
  void derCacheEndetMitSperreUndNeuemKennwort() throws Exception {
    String id = neuesKonto();
    assertThat(identitaet().checkPassword(id, Rest.DEMO_PASSWORT)).isTrue();

    // locked (ten failures): the cached success does not count
    jdbc.update("UPDATE act_id_user SET attempts_ = 10 WHERE id_ = ?", id);
    assertThat(identitaet().checkPassword(id, Rest.DEMO_PASSWORT)).isFalse();
    assertThat(Rest.als(port, id).get("/task/count").statusCode()).isEqualTo(401);
    identitaet().unlockUser(id);
    assertThat(identitaet().checkPassword(id, Rest.DEMO_PASSWORT)).isTrue();

    // a new password: the old one is refused at once, within the cache's minute
    User konto = identitaet().createUserQuery().userId(id).singleResult();
    konto.setPassword("Neu-Sauerland-2027");
    identitaet().saveUser(konto);
    assertThat(identitaet().checkPassword(id, Rest.DEMO_PASSWORT)).isFalse();
    jdbc.update("UPDATE act_id_user SET lock_exp_time_ = NULL WHERE id_ = ?", id);
    assertThat(identitaet().checkPassword(id, "Neu-Sauerland-2027")).isTrue();
  }

  private String neuesKonto() {
    return de.hsk.ki.testkit.Testkonto.anlegen(identitaet(), "hashprobe" + System.nanoTime() % 1_000_000, "Hash", "Probe",
        KiGruppen.VERWALTUNG);
  }

  /** As the engine before this version wrote it: {SHA-512} and Base64(SHA-512(password + salt)). */
  private void alsAlterHash(String id, String passwort) {
    String salz = "c2FsdHNhbHRzYWx0c2FsdA==";
    jdbc.update("UPDATE act_id_user SET pwd_ = ?, salt_ = ? WHERE id_ = ?",
        "{SHA-512}" + new Sha512HashDigest().encrypt(passwort + salz), salz, id);
  }

  private Map<String, Object> gespeichert(String id) {
    return jdbc.queryForMap("SELECT pwd_, salt_, attempts_ FROM act_id_user WHERE id_ = ?", id)
        .entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(), e -> e.getValue() == null ? "" : e.getValue()));
  }

  private IdentityService identitaet() {
    return engine.getIdentityService();
  }

  private ProcessEngineConfigurationImpl konfiguration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
