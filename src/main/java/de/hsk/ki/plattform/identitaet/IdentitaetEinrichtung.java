package de.hsk.ki.plattform.identitaet;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import de.hsk.ki.plattform.fall.Kartentext;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import de.hsk.ki.plattform.prozess.Prozesse;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sets up what every installation needs, idempotently at each start: the KI's groups, their
 * authorizations and the shared Tasklist filters (the platform's and every {@link Filterbeitrag} a
 * process module contributes). Grants are added to existing authorizations, so a permission added in
 * a later version reaches installations that already exist.
 */
@Component
public class IdentitaetEinrichtung {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitaetEinrichtung.class);

  public static final String FILTER_MEINE = "Meine Aufgaben";
  public static final String FILTER_GRUPPE = "Aufgaben meiner Gruppe";
  public static final String FILTER_UEBERFAELLIG = "Überfällig";
  public static final String FILTER_UEBERFAELLIG_ALLE = "Überfällig – alle Gruppen";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final Prozesse prozesse;
  private final org.camunda.bpm.engine.RepositoryService repository;
  private final org.springframework.beans.factory.ObjectProvider<Filterbeitrag> filterbeitraege;
  /** Key prefix of the reusable called processes. */
  public static final String BAUSTEIN = "Process_Baustein_";

  public IdentitaetEinrichtung(ProcessEngine engine, org.springframework.jdbc.core.JdbcTemplate jdbc, Prozesse prozesse,
      org.springframework.beans.factory.ObjectProvider<Filterbeitrag> filterbeitraege) {
    this.jdbc = jdbc;
    this.filterbeitraege = filterbeitraege;
    this.prozesse = prozesse;
    this.repository = engine.getRepositoryService();
    this.identity = engine.getIdentityService();
    this.authorizations = engine.getAuthorizationService();
    this.filters = engine.getFilterService();
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  public void einrichten() {
    java.util.List<KiGruppen.Gruppe> gruppen = new java.util.ArrayList<>(KiGruppen.ALLE);
    // a process may name a group the county's list does not know yet; it is created under its id
    tasklistGruppen().stream().filter(id -> KiGruppen.ALLE.stream().noneMatch(g -> g.id().equals(id)))
        .forEach(id -> gruppen.add(new KiGruppen.Gruppe(id, id)));
    for (KiGruppen.Gruppe g : gruppen) {
      if (identity.createGroupQuery().groupId(g.id()).count() == 0) {
        Group group = identity.newGroup(g.id());
        group.setName(g.name());
        group.setType("WORKFLOW");
        identity.saveGroup(group);
        LOG.info("Group {} created", g.id());
      }
    }
    for (String gruppe : tasklistGruppen()) {
      gewaehre(gruppe, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    for (Prozessbeschreibung prozess : prozesse.alle()) {
      for (String gruppe : prozess.starten()) {
        gewaehre(gruppe, Resources.PROCESS_DEFINITION, prozess.schluessel(),
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        gewaehre(gruppe, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      }
      // groups a task is routed to see it (granted per task through the candidate group) and the process name
      for (String gruppe : prozess.lesen()) {
        gewaehre(gruppe, Resources.PROCESS_DEFINITION, prozess.schluessel(), ProcessDefinitionPermissions.READ);
      }
      for (String gruppe : prozess.aufsicht()) {
        gewaehre(gruppe, Resources.PROCESS_DEFINITION, prozess.schluessel(),
            ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
            ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
      }
    }
    // building blocks (processes/_bausteine) are called by many processes: every Tasklist group sees their names
    for (var baustein : repository.createProcessDefinitionQuery().processDefinitionKeyLike(BAUSTEIN + "%").latestVersion().list()) {
      for (String gruppe : tasklistGruppen()) {
        gewaehre(gruppe, Resources.PROCESS_DEFINITION, baustein.getKey(), ProcessDefinitionPermissions.READ);
      }
      // supervision of a process reaches the steps it delegates to a building block
      for (String gruppe : prozesse.alle().stream().flatMap(p -> p.aufsicht().stream()).collect(java.util.stream.Collectors.toSet())) {
        gewaehre(gruppe, Resources.PROCESS_DEFINITION, baustein.getKey(),
            ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
            ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
      }
    }
    filterEinrichten();
    eigeneKontenNurLesen();
    aufgabenrechteBegrenzen();
    aufgabenrechteNachziehen();
  }

  /**
   * The engine gave each user every right on their own account (Admin and REST: rename, delete);
   * now only reading it (Zuweisungsregel.Rechtevergabe). Operators keep their group's rights.
   */
  void eigeneKontenNurLesen() {
    int lesen = Permissions.READ.getValue();
    int geaendert = jdbc.update("UPDATE act_ru_authorization SET perms_ = ? WHERE type_ = 1 AND resource_type_ = ?"
        + " AND user_id_ IS NOT NULL AND resource_id_ = user_id_ AND perms_ <> ?", lesen, Resources.USER.resourceType(), lesen);
    if (geaendert > 0) {
      LOG.info("Users' rights on their own account limited to READ: {}", geaendert);
    }
  }

  /**
   * Earlier versions let the engine give candidates and assignees UPDATE on their task, which
   * includes giving it to anyone; they get TASK_WORK (claim, complete) instead, a person holding the
   * task also TASK_ASSIGN to give it back. One statement per
   * distinct permission set, so a large backlog is changed in a few statements.
   */
  void aufgabenrechteBegrenzen() {
    int update = Permissions.UPDATE.getValue();
    int arbeiten = Permissions.TASK_WORK.getValue();
    List<Integer> werte = jdbc.queryForList("SELECT DISTINCT perms_ FROM act_ru_authorization WHERE type_ = 1"
        + " AND resource_type_ = ? AND resource_id_ <> '*'", Integer.class, Resources.TASK.resourceType());
    int geaendert = 0;
    int zurueckgeben = org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN.getValue();
    for (Integer wert : werte) {
      // ALL (-1) stays: only operators hold it, and not per task
      if (wert == null || wert == -1 || (wert & update) == 0) {
        continue;
      }
      geaendert += jdbc.update("UPDATE act_ru_authorization SET perms_ = ? WHERE type_ = 1 AND resource_type_ = ?"
          + " AND resource_id_ <> '*' AND perms_ = ? AND group_id_ IS NOT NULL",
          (wert & ~update) | arbeiten, Resources.TASK.resourceType(), wert);
      // a person holding a task keeps the right to give it back (Zuweisungsregel)
      geaendert += jdbc.update("UPDATE act_ru_authorization SET perms_ = ? WHERE type_ = 1 AND resource_type_ = ?"
          + " AND resource_id_ <> '*' AND perms_ = ? AND user_id_ IS NOT NULL",
          (wert & ~update) | arbeiten | zurueckgeben, Resources.TASK.resourceType(), wert);
    }
    if (geaendert > 0) {
      LOG.info("Task authorizations limited to TASK_WORK: {}", geaendert);
    }
  }

  /**
   * Tasks created while authorization checks were off (or before a grant existed) carry no
   * authorizations for their candidate groups; give them the ones Camunda gives new tasks.
   */
  void aufgabenrechteNachziehen() {
    // One anti-join in the database instead of a query per task: starts stay fast with a million open tasks.
    List<Map<String, Object>> fehlend = jdbc.queryForList(
        "SELECT l.task_id_ AS aufgabe, l.group_id_ AS gruppe FROM act_ru_identitylink l"
            + " WHERE l.type_ = 'candidate' AND l.group_id_ IS NOT NULL AND l.task_id_ IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM act_ru_authorization a WHERE a.type_ = 1 AND a.resource_type_ = ?"
            + " AND a.resource_id_ = l.task_id_ AND a.group_id_ = l.group_id_)",
        Resources.TASK.resourceType());
    for (Map<String, Object> link : fehlend) {
      String aufgabe = (String) link.get("aufgabe");
      String gruppe = (String) link.get("gruppe");
      gewaehre(gruppe, Resources.TASK, aufgabe, Permissions.READ, Permissions.TASK_WORK,
          org.camunda.bpm.engine.authorization.TaskPermissions.READ_VARIABLE);
      gewaehre(gruppe, Resources.HISTORIC_TASK, aufgabe, org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ);
    }
    if (!fehlend.isEmpty()) {
      LOG.info("Task authorizations added for {} candidate group link(s)", fehlend.size());
    }
  }

  private void filterEinrichten() {
    // the case number and a short, proportionate description of the case (docs/datenschutz.md, "Aufgabenkarten")
    List<Map<String, String>> variablen = List.of(Map.of("name", "aktenzeichen", "label", "Aktenzeichen"),
        Map.of("name", Kartentext.VARIABLE, "label", "Fall"));
    // Tasklist opens the filter with the lowest priority: the group's list is where the work is
    TaskQuery meine = new org.camunda.bpm.engine.impl.TaskQueryImpl();
    ((org.camunda.bpm.engine.impl.TaskQueryImpl) meine).taskAssigneeExpression("${currentUser()}");
    filter(FILTER_MEINE, "Aufgaben, die mir zugewiesen sind", -5, "#2f6f9f", meine, variablen);

    org.camunda.bpm.engine.impl.TaskQueryImpl gruppe = new org.camunda.bpm.engine.impl.TaskQueryImpl();
    gruppe.taskCandidateGroupInExpression("${currentUserGroups()}");
    gruppe.includeAssignedTasks();
    filter(FILTER_GRUPPE, "Offene Aufgaben meiner Gruppen, auch bereits übernommene", -10, "#4a8a3a", gruppe, variablen);

    org.camunda.bpm.engine.impl.TaskQueryImpl ueberfaellig = new org.camunda.bpm.engine.impl.TaskQueryImpl();
    ueberfaellig.taskCandidateGroupInExpression("${currentUserGroups()}");
    ueberfaellig.includeAssignedTasks();
    ueberfaellig.dueBeforeExpression("${now()}");
    filter(FILTER_UEBERFAELLIG, "Aufgaben meiner Gruppen, deren Frist abgelaufen ist", -3, "#b03030", ueberfaellig, variablen);

    // the management sees how far every group is behind its deadlines, by case number only (need-to-know)
    org.camunda.bpm.engine.impl.TaskQueryImpl alleUeberfaelligen = new org.camunda.bpm.engine.impl.TaskQueryImpl();
    alleUeberfaelligen.dueBeforeExpression("${now()}");
    filter(FILTER_UEBERFAELLIG_ALLE, "Überfällige Aufgaben aller Gruppen, die älteste Frist zuerst", -1, "#7a1f1f",
        alleUeberfaelligen, List.of(Map.of("name", "aktenzeichen", "label", "Aktenzeichen")), List.of(KiGruppen.LEITUNG));

    // filters of the process modules; a filter is found again by its name, so two may not share one
    java.util.Set<String> namen = new java.util.HashSet<>(List.of(FILTER_MEINE, FILTER_GRUPPE, FILTER_UEBERFAELLIG, FILTER_UEBERFAELLIG_ALLE));
    for (Filterbeitrag beitrag : filterbeitraege.orderedStream().toList()) {
      if (!namen.add(beitrag.name())) {
        throw new IllegalStateException("Der Tasklist-Filter „" + beitrag.name() + "“ ist zweimal beschrieben.");
      }
      filter(beitrag.name(), beitrag.beschreibung(), beitrag.prioritaet(), beitrag.farbe(), beitrag.abfrage(), variablen,
          beitrag.leser());
    }
  }

  private void filter(String name, String beschreibung, int prioritaet, String farbe, TaskQuery query,
      List<Map<String, String>> variablen) {
    filter(name, beschreibung, prioritaet, farbe, query, variablen, tasklistGruppen());
  }

  private void filter(String name, String beschreibung, int prioritaet, String farbe, TaskQuery query,
      List<Map<String, String>> variablen, java.util.Collection<String> leser) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    Map<String, Object> eigenschaften = new HashMap<>();
    eigenschaften.put("description", beschreibung);
    eigenschaften.put("priority", prioritaet);
    eigenschaften.put("color", farbe);
    eigenschaften.put("refresh", true);
    eigenschaften.put("variables", new ArrayList<>(variablen));
    filter.setProperties(eigenschaften);
    filter.setQuery(query);
    filters.saveFilter(filter);
    for (String gruppe : leser) {
      gewaehre(gruppe, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  /** The county's Tasklist groups and every group a process names. */
  private java.util.Set<String> tasklistGruppen() {
    java.util.Set<String> gruppen = new java.util.TreeSet<>(KiGruppen.TASKLIST);
    prozesse.alle().forEach(p -> gruppen.addAll(p.gruppen()));
    return gruppen;
  }

  void gewaehre(String gruppe, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(gruppe)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    boolean neu = auth == null;
    if (neu) {
      auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(gruppe);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean fehlt = neu;
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        fehlt = true;
      }
    }
    if (fehlt) {
      authorizations.saveAuthorization(auth);
    }
  }
}
