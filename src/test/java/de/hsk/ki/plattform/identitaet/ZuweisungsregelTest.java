package de.hsk.ki.plattform.identitaet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.Rest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18, point 1: a task goes only to members of its groups, groups may work a task but not give
 * it away, and a person's grants end when the task leaves them or ends.
 */
@KiSpringTest
class ZuweisungsregelTest {

  static final String KOLLEGIN = "kkollegin";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentitaetEinrichtung einrichtung;
  AuthorizationService rechte;

  @BeforeEach
  void kolleginAnlegen() {
    rechte = engine.getAuthorizationService();
    de.hsk.ki.testkit.Testkonto.anlegen(engine.getIdentityService(), KOLLEGIN, "Karla", "Kollegin", KiGruppen.VERWALTUNG);
  }

  private Task aufgabeDerVerwaltung() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("ARNSBERG", 8));
    Task aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(aufgabe.getId()))
        .extracting(l -> l.getGroupId()).contains(KiGruppen.VERWALTUNG);
    return aufgabe;
  }

  private List<Authorization> personenrechte(Resource resource, String aufgabe, String person) {
    return rechte.createAuthorizationQuery().resourceType(resource).resourceId(aufgabe).userIdIn(person).list();
  }

  @Test
  void gruppenDuerfenBearbeitenAberNichtZuweisen() throws Exception {
    Task aufgabe = aufgabeDerVerwaltung();
    Authorization gruppe = rechte.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(aufgabe.getId())
        .groupIdIn(KiGruppen.VERWALTUNG).singleResult();
    assertThat(gruppe.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(gruppe.isPermissionGranted(Permissions.UPDATE)).as("UPDATE would include assigning").isFalse();

    Rest pschneider = Rest.als(port, "pschneider");
    assertThat(pschneider.post("/task/" + aufgabe.getId() + "/claim", Map.of("userId", "pschneider")).statusCode()).isEqualTo(204);
    // given back and taken again, as in Tasklist
    HttpResponse<String> zurueck = pschneider.post("/task/" + aufgabe.getId() + "/unclaim", Map.of());
    assertThat(zurueck.statusCode()).as(zurueck.body()).isEqualTo(204);
    HttpResponse<String> wieder = pschneider.post("/task/" + aufgabe.getId() + "/claim", Map.of("userId", "pschneider"));
    assertThat(wieder.statusCode()).as(wieder.body()).isEqualTo(204);
    // handing it on is not an endpoint staff may call
    assertThat(pschneider.post("/task/" + aufgabe.getId() + "/assignee", Map.of("userId", KOLLEGIN)).statusCode()).isEqualTo(403);
    // behind the allow-list, the engine: a colleague of the group cannot take a task somebody holds
    engine.getIdentityService().setAuthentication(KOLLEGIN, List.of(KiGruppen.VERWALTUNG));
    try {
      assertThatThrownBy(() -> engine.getTaskService().setAssignee(aufgabe.getId(), KOLLEGIN))
          .hasMessageContaining("TASK_ASSIGN");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    // and the holder cannot pass it outside the group
    engine.getIdentityService().setAuthentication("pschneider", List.of(KiGruppen.VERWALTUNG));
    try {
      assertThatThrownBy(() -> engine.getTaskService().setAssignee(aufgabe.getId(), "fyilmaz"))
          .hasMessageContaining("zuständigen Gruppen");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(aufgabe.getId()).singleResult().getAssignee()).isEqualTo("pschneider");
  }

  @Test
  void nurMitgliederDerZustaendigenGruppenHaltenEineAufgabe() throws Exception {
    Task aufgabe = aufgabeDerVerwaltung();
    // not even an operator gives a child's case to funding staff or to an id nobody holds yet
    for (String fremd : List.of("fyilmaz", "jklein", "gibt-es-noch-nicht")) {
      assertThatThrownBy(() -> engine.getTaskService().setAssignee(aufgabe.getId(), fremd))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("nur einer Person aus den für sie zuständigen Gruppen (KI – Verwaltung)");
      assertThat(personenrechte(Resources.TASK, aufgabe.getId(), fremd)).as(fremd).isEmpty();
    }
    HttpResponse<String> betrieb = Rest.alsBetrieb(port).post("/task/" + aufgabe.getId() + "/assignee", Map.of("userId", "fyilmaz"));
    assertThat(betrieb.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(betrieb.body()).contains("zuständigen Gruppen");
    assertThat(Rest.als(port, "fyilmaz").get("/task/" + aufgabe.getId() + "/form-variables").statusCode()).isIn(403, 404);

    engine.getTaskService().setAssignee(aufgabe.getId(), KOLLEGIN);
    assertThat(engine.getTaskService().createTaskQuery().taskId(aufgabe.getId()).singleResult().getAssignee()).isEqualTo(KOLLEGIN);
  }

  @Test
  void rechteEinerPersonEndenMitDerZuweisungUndDerAufgabe() throws Exception {
    Task aufgabe = aufgabeDerVerwaltung();
    String id = aufgabe.getId();
    engine.getTaskService().setAssignee(id, "pschneider");
    assertThat(personenrechte(Resources.TASK, id, "pschneider")).isNotEmpty();

    // handed on within the group: the first person's grants go, the second's come
    engine.getTaskService().setAssignee(id, KOLLEGIN);
    assertThat(personenrechte(Resources.TASK, id, "pschneider")).isEmpty();
    assertThat(personenrechte(Resources.HISTORIC_TASK, id, "pschneider")).isEmpty();
    assertThat(personenrechte(Resources.TASK, id, KOLLEGIN)).isNotEmpty();

    // given back to the group
    engine.getTaskService().setAssignee(id, null);
    assertThat(personenrechte(Resources.TASK, id, KOLLEGIN)).isEmpty();
    assertThat(personenrechte(Resources.HISTORIC_TASK, id, KOLLEGIN)).isEmpty();

    // the task ends (completed by its holder through REST: TASK_WORK is enough): no grant to a person is left on it
    Rest kollegin = Rest.als(port, KOLLEGIN);
    assertThat(kollegin.post("/task/" + id + "/claim", Map.of("userId", KOLLEGIN)).statusCode()).isEqualTo(204);
    HttpResponse<String> erledigt = kollegin.post("/task/" + id + "/complete", Rest.formular(Map.of(
        "terminDatum", java.time.LocalDate.now().plusDays(2).toString(), "terminUhrzeit", "09:00",
        "terminOrt", "DIGITAL", "einladungsweg", "EMAIL", "einladungsergebnis", "TERMIN_VEREINBART", "dolmetscherGebucht", false)));
    assertThat(erledigt.statusCode()).as(erledigt.body()).isEqualTo(204);
    assertThat(rechte.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(id).list()).isEmpty();
    // nor to its group (issue 18, point 2): the group's work on it is done
    assertThat(rechte.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).resourceId(id).list()).isEmpty();
  }

  @Test
  void fruehereAufgabenrechteWerdenBeimStartBegrenzt() {
    Task aufgabe = aufgabeDerVerwaltung();
    engine.getTaskService().setAssignee(aufgabe.getId(), "pschneider");
    Authorization person = personenrechte(Resources.TASK, aufgabe.getId(), "pschneider").get(0);
    person.removePermission(Permissions.TASK_WORK);
    person.removePermission(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN);
    person.addPermission(Permissions.UPDATE);
    rechte.saveAuthorization(person);
    Authorization gruppe = rechte.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(aufgabe.getId())
        .groupIdIn(KiGruppen.VERWALTUNG).singleResult();
    // as an earlier version left it
    gruppe.removePermission(Permissions.TASK_WORK);
    gruppe.addPermission(Permissions.UPDATE);
    rechte.saveAuthorization(gruppe);

    einrichtung.einrichten();

    Authorization jetzt = rechte.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(aufgabe.getId())
        .groupIdIn(KiGruppen.VERWALTUNG).singleResult();
    assertThat(jetzt.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(jetzt.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(jetzt.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(jetzt.isPermissionGranted(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN)).isFalse();
    Authorization halterin = personenrechte(Resources.TASK, aufgabe.getId(), "pschneider").get(0);
    assertThat(halterin.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(halterin.isPermissionGranted(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN)).isTrue();
  }
}
