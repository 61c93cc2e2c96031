package de.hsk.ki.plattform.identitaet;

import de.hsk.ki.plattform.prozess.Ablehnung;
import de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Who may hold a task, for every user task of every process: a task goes only to a member of one of
 * its candidate groups (or a candidate user); a task the model gives to one person (the moderator)
 * only to KI case staff (the model's own assignment included). The engine grants each assignee
 * read access to the task and its case and never takes it back; here the grants of a person end
 * when the task leaves them or ends.
 * Checked in the engine, so neither REST, Tasklist nor an operator's API call gets around it.
 */
@Component
public class Zuweisungsregel extends AbstractProcessEnginePlugin {

  static final TaskListener BEI_ZUWEISUNG = Zuweisungsregel::zuweisungPruefen;
  static final TaskListener BEI_ENDE = Zuweisungsregel::rechteBeimEndeEntziehen;

  @Override
  public void preInit(ProcessEngineConfigurationImpl konfiguration) {
    konfiguration.setResourceAuthorizationProvider(new Rechtevergabe());
    de.hsk.ki.plattform.prozess.Parselistener.hinzufuegen(konfiguration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, BEI_ZUWEISUNG);
        definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, BEI_ENDE);
        definition.addTaskListener(TaskListener.EVENTNAME_DELETE, BEI_ENDE);
      }
    });
  }

  static void zuweisungPruefen(DelegateTask task) {
    String neu = task.getAssignee();
    if (neu != null && !darfHalten(task, neu)) {
      throw Ablehnung.wegen("Die Aufgabe kann nur einer Person aus den für sie zuständigen Gruppen ("
          + String.join(", ", gruppenNamen(task)) + ") zugewiesen werden.");
    }
    OhneBerechtigungspruefung.ausfuehren(() -> entziehen(task, neu));
  }

  /**
   * When a task ends, every grant on it ends, its groups' read access to the task's history too:
   * the engine would keep that for the whole retention period, and a historic task grant opens the
   * task's history and its operation log long after the group's work on it is done.
   */
  static void rechteBeimEndeEntziehen(DelegateTask task) {
    // one statement: the engine deletes the grants on the task itself with the task (TaskManager.deleteTask)
    org.camunda.bpm.engine.impl.context.Context.getCommandContext().getAuthorizationManager()
        .deleteAuthorizationsByResourceId(Resources.HISTORIC_TASK, task.getId());
  }

  private static boolean darfHalten(DelegateTask task, String benutzer) {
    Set<IdentityLink> kandidaten = task.getCandidates();
    if (kandidaten.stream().anyMatch(l -> benutzer.equals(l.getUserId()))) {
      return true;
    }
    List<String> gruppen = kandidatenGruppen(task);
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    return OhneBerechtigungspruefung.ausfuehren(() -> gruppen.stream()
        .anyMatch(g -> identity.createUserQuery().userId(benutzer).memberOfGroup(g).count() > 0));
  }

  private static List<String> kandidatenGruppen(DelegateTask task) {
    List<String> gruppen = task.getCandidates().stream().map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).distinct().toList();
    return gruppen.isEmpty() ? KiGruppen.SEITENEINSTIEG : gruppen;
  }

  private static List<String> gruppenNamen(DelegateTask task) {
    return kandidatenGruppen(task).stream().map(KiGruppen::name).toList();
  }

  /** Deletes the task's grants to single persons other than the one who holds it now. */
  private static Void entziehen(DelegateTask task, String bleibt) {
    AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
    Set<String> kandidaten = task.getCandidates().stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(IdentityLink::getUserId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    for (Resource resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
      for (Authorization a : authorizations.createAuthorizationQuery().resourceType(resource).resourceId(task.getId()).list()) {
        String person = a.getUserId();
        boolean behalten = person == null || Authorization.ANY.equals(person) || person.equals(bleibt)
            || (bleibt != null && (kandidaten.contains(person) || person.equals(task.getOwner())));
        if (!behalten) {
          authorizations.deleteAuthorization(a.getId());
        }
      }
    }
    return null;
  }

  /**
   * The engine gives candidates and the assignee TASK_WORK (application.yaml); giving a task back to
   * the group is an assignment to nobody and needs TASK_ASSIGN, so the person holding the task gets
   * it too. It goes with the person's other grants when the task leaves them.
   */
  static final class Rechtevergabe extends org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider {
    /**
     * The engine gives a new user every right on their own account, renaming and deleting it
     * included; staff may only read it (name and e-mail come from the directory or the operators).
     */
    @Override
    public org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity[] newUser(org.camunda.bpm.engine.identity.User user) {
      return new org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity[] {
          createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(), org.camunda.bpm.engine.authorization.Permissions.READ)};
    }

    @Override
    public org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity[] newTaskAssignee(
        org.camunda.bpm.engine.task.Task task, String bisher, String neu) {
      var rechte = super.newTaskAssignee(task, bisher, neu);
      if (rechte != null && neu != null) {
        for (var recht : rechte) {
          if (neu.equals(recht.getUserId()) && recht.getResourceType() == Resources.TASK.resourceType()) {
            recht.addPermission(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN);
          }
        }
      }
      return rechte;
    }
  }

}
