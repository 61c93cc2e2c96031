package de.hsk.ki.plattform.zustaendigkeit;

import de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung;
import de.hsk.ki.plattform.prozess.Parselistener;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import de.hsk.ki.plattform.vieraugen.VierAugen;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * For every user task of every described process: when a task is completed, the person who did it
 * becomes responsible for the case within the task's group (first one only); when a task is created
 * for a group that has a responsible person in the case (or had one in an earlier case of the same
 * person), it goes to that person at once, the group staying the fallback. Nobody is pre-assigned
 * who is no longer in the group, who proposed what the task decides (four eyes), or who is absent
 * (then the stand-in, with the same checks). Tasks that a partner group or a single person may also
 * work are left to the group: pre-assigning would hide them from the partner's list.
 * Staff can still hand the task to somebody else in Tasklist.
 */
@Component
public class Vorbelegung extends AbstractProcessEnginePlugin {

  private final ObjectProvider<Fallverantwortung> verantwortung;
  private final ObjectProvider<Zustaendigkeitsregeln> regeln;

  public Vorbelegung(ObjectProvider<Fallverantwortung> verantwortung, ObjectProvider<Zustaendigkeitsregeln> regeln) {
    this.verantwortung = verantwortung;
    this.regeln = regeln;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl konfiguration) {
    TaskListener beiErstellung = this::beiErstellung;
    TaskListener beiAbschluss = this::beiAbschluss;
    Parselistener.hinzufuegen(konfiguration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, beiErstellung);
        definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, beiAbschluss);
      }
    });
  }

  void beiAbschluss(DelegateTask task) {
    String aktenzeichen = aktenzeichen(task);
    Optional<Prozessbeschreibung> prozess = regeln.getObject().prozessDes(aktenzeichen);
    if (prozess.isEmpty()) {
      return;
    }
    var kontext = Context.getCommandContext();
    String person = kontext != null && kontext.getAuthenticatedUserId() != null ? kontext.getAuthenticatedUserId() : task.getAssignee();
    if (person == null) {
      return;
    }
    IdentityService identitaet = task.getProcessEngineServices().getIdentityService();
    boolean beratung = regeln.getObject().hatBeratung(prozess.get());
    for (String gruppe : kandidatenGruppen(task)) {
      if (regeln.getObject().zaehlt(prozess.get(), gruppe) && mitglied(identitaet, person, gruppe)) {
        verantwortung.getObject().festhalten(aktenzeichen, gruppe, person, beratung, b -> mitglied(identitaet, b, gruppe));
      }
    }
  }

  void beiErstellung(DelegateTask task) {
    Fallverantwortung fv = verantwortung.getObject();
    String aktenzeichen = aktenzeichen(task);
    IdentityService identitaet = task.getProcessEngineServices().getIdentityService();
    if (task.getAssignee() != null) {
      // a task the model gives to one person (e.g. a moderator) goes to their stand-in while they are away
      var abwesend = fv.laufendeAbwesenheit(task.getAssignee());
      if (abwesend.isPresent() && darfHalten(task, identitaet, abwesend.get().vertretung())) {
        task.setAssignee(abwesend.get().vertretung());
        fv.vermerkeUebergabe(abwesend.get().id(), aktenzeichen, task.getId(), null);
      }
      return;
    }
    Optional<Prozessbeschreibung> prozess = regeln.getObject().prozessDes(aktenzeichen);
    List<String> gruppen = kandidatenGruppen(task);
    if (prozess.isEmpty() || gruppen.isEmpty()
        || task.getCandidates().stream().anyMatch(l -> l.getUserId() != null)
        || !gruppen.stream().allMatch(g -> regeln.getObject().zaehlt(prozess.get(), g))) {
      return;
    }
    for (String gruppe : gruppen) {
      Optional<String> person = fv.verantwortlich(aktenzeichen, gruppe).or(() -> fv.frueherVerantwortlich(aktenzeichen, gruppe));
      if (person.isEmpty()) {
        continue;
      }
      var abwesend = fv.laufendeAbwesenheit(person.get());
      String ziel = abwesend.map(Fallverantwortung.LaufendeAbwesenheit::vertretung).orElse(person.get());
      if (mitglied(identitaet, ziel, gruppe) && VierAugen.darfErhalten(task.getVariable(VierAugen.VORSCHLAG_VON), ziel)) {
        task.setAssignee(ziel);
        // a task that comes during an absence goes back with the rest afterwards
        abwesend.map(Fallverantwortung.LaufendeAbwesenheit::id).or(() -> fv.vertretungsAbwesenheit(aktenzeichen, gruppe, ziel))
            .ifPresent(a -> fv.vermerkeUebergabe(a, aktenzeichen, task.getId(), null));
        return;
      }
      // the responsible person (or the stand-in) may not take this one: the group decides
      return;
    }
  }

  /** Candidate user, or member of a candidate group, and not the one who proposed. */
  private static boolean darfHalten(DelegateTask task, IdentityService identitaet, String person) {
    if (!VierAugen.darfErhalten(task.getVariable(VierAugen.VORSCHLAG_VON), person)) {
      return false;
    }
    if (task.getCandidates().stream().anyMatch(l -> person.equals(l.getUserId()))) {
      return true;
    }
    List<String> gruppen = kandidatenGruppen(task);
    // a task of one person only: the model's assignment rule (Zuweisungsregel) wants KI case staff
    List<String> pruefen = gruppen.isEmpty() ? de.hsk.ki.plattform.identitaet.KiGruppen.SEITENEINSTIEG : gruppen;
    return pruefen.stream().anyMatch(g -> mitglied(identitaet, person, g));
  }

  static boolean mitglied(IdentityService identitaet, String benutzer, String gruppe) {
    return OhneBerechtigungspruefung.ausfuehren(() -> identitaet.createUserQuery().userId(benutzer).memberOfGroup(gruppe).count() > 0);
  }

  private static List<String> kandidatenGruppen(DelegateTask task) {
    return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).distinct().toList();
  }

  private static String aktenzeichen(DelegateTask task) {
    return task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
  }
}
