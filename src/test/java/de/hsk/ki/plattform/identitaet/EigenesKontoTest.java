package de.hsk.ki.plattform.identitaet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Rest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 18, point 13: staff can neither rename nor delete their own account (REST allow-list and engine rights). */
@KiSpringTest
class EigenesKontoTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentitaetEinrichtung einrichtung;

  @Test
  void ueberRestWederUmbenennenNochLoeschen() throws Exception {
    String id = neuesKonto();
    Rest ich = Rest.als(port, id);

    var umbenennen = ich.put("/user/" + id + "/profile", Map.of("id", id, "firstName", "Anders", "lastName", "Name"));
    var loeschen = ich.delete("/user/" + id);

    assertThat(umbenennen.statusCode()).isEqualTo(403);
    assertThat(loeschen.statusCode()).isEqualTo(403);
    User konto = identitaet().createUserQuery().userId(id).singleResult();
    assertThat(konto).isNotNull();
    assertThat(konto.getFirstName()).isEqualTo("Eigen");
    // reading the own profile (Tasklist's header) stays allowed
    assertThat(ich.get("/user/" + id + "/profile").statusCode()).isEqualTo(200);
  }

  @Test
  void dieEngineVerweigertEsAuch() {
    String id = neuesKonto();

    assertThat(rechteAufDasEigeneKonto(id)).containsExactly(Permissions.READ.getName());
    alsPerson(id, () -> {
      User konto = identitaet().createUserQuery().userId(id).singleResult();
      konto.setFirstName("Anders");
      assertThatThrownBy(() -> identitaet().saveUser(konto)).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> identitaet().deleteUser(id)).isInstanceOf(AuthorizationException.class);
    });
    assertThat(identitaet().createUserQuery().userId(id).singleResult().getFirstName()).isEqualTo("Eigen");
  }

  @Test
  void rechteAusFrueherenVersionenWerdenBeimStartBegrenzt() {
    String id = neuesKonto();
    // as the engine granted it before: every right on the own account
    Authorization alt = engine.getAuthorizationService().createAuthorizationQuery()
        .userIdIn(id).resourceType(Resources.USER).resourceId(id).singleResult();
    alt.addPermission(Permissions.ALL);
    engine.getAuthorizationService().saveAuthorization(alt);
    assertThat(rechteAufDasEigeneKonto(id)).contains(Permissions.DELETE.getName());

    einrichtung.eigeneKontenNurLesen();

    assertThat(rechteAufDasEigeneKonto(id)).containsExactly(Permissions.READ.getName());
    alsPerson(id, () -> assertThatThrownBy(() -> identitaet().deleteUser(id)).isInstanceOf(AuthorizationException.class));
  }

  private List<String> rechteAufDasEigeneKonto(String id) {
    Authorization recht = engine.getAuthorizationService().createAuthorizationQuery()
        .userIdIn(id).resourceType(Resources.USER).resourceId(id).singleResult();
    return java.util.Arrays.stream(recht.getPermissions(Permissions.values())).map(p -> p.getName())
        .filter(n -> !n.equals(Permissions.NONE.getName())).toList();
  }

  private void alsPerson(String id, Runnable aktion) {
    identitaet().setAuthentication(id, List.of(KiGruppen.VERWALTUNG));
    try {
      aktion.run();
    } finally {
      identitaet().clearAuthentication();
    }
  }

  private String neuesKonto() {
    return de.hsk.ki.testkit.Testkonto.anlegen(identitaet(), "eigen" + System.nanoTime() % 1_000_000, "Eigen", "Konto",
        KiGruppen.VERWALTUNG);
  }

  private IdentityService identitaet() {
    return engine.getIdentityService();
  }
}
