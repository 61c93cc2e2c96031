package de.hsk.ki.plattform.identitaet;

import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerTyp;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import de.hsk.ki.plattform.prozess.Prozesse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Partners who answer in Tasklist (ADR 0006): every institution of a partner kind a process names
 * (a school, the Bezirksregierung, the health office) has its own group, so a school sees only the
 * tasks routed to it, never another school's. Tasks name the group through
 * {@code ${partnerzugang.gruppen(partnerSchluessel, rueckfallGruppe)}}: the institution and the KI
 * group that records an answer that comes by phone or post. As a timeout task listener
 * ({@code delegateExpression="${partnerzugang}"}) it ends the institution's access to a task it has
 * not answered within the set period; the KI's group keeps the task.
 */
@Component("partnerzugang")
public class Partnergruppen implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(Partnergruppen.class);

  /** Group ids are the directory key without separators (the engine allows letters and digits only). */
  static final String PRAEFIX = "partner";
  public static final String TYP = "PARTNER";

  private final ProcessEngine engine;
  private final PartnerVerzeichnis verzeichnis;
  private final Prozesse prozesse;
  private final IdentitaetEinrichtung einrichtung;

  public Partnergruppen(ProcessEngine engine, PartnerVerzeichnis verzeichnis, Prozesse prozesse, IdentitaetEinrichtung einrichtung) {
    this.engine = engine;
    this.verzeichnis = verzeichnis;
    this.prozesse = prozesse;
    this.einrichtung = einrichtung;
  }

  /** The group of one institution of the directory. */
  public static String gruppe(String schluessel) {
    return PRAEFIX + schluessel.replaceAll("[^A-Za-z0-9]", "");
  }

  public static boolean istPartnergruppe(String gruppe) {
    return gruppe != null && gruppe.startsWith(PRAEFIX);
  }

  /**
   * Candidate groups of a task a partner answers: its group, when the directory has the institution
   * and a process lets its kind answer, and always the KI's fallback group.
   */
  public List<String> gruppen(String partnerSchluessel, String rueckfall) {
    List<String> gruppen = new ArrayList<>();
    gruppeVon(partnerSchluessel).ifPresent(gruppen::add);
    // an expression's null arrives as "": then the institution alone answers
    if (rueckfall != null && !rueckfall.isBlank()) {
      gruppen.add(rueckfall);
    }
    return gruppen;
  }

  /**
   * The group of an institution that answers in Tasklist: it is in the directory with a kind a
   * process lets answer, and its group id is its own (two keys that differ only in separators would
   * share one: then neither gets tasks, the KI records their answers).
   */
  public java.util.Optional<String> gruppeVon(String partnerSchluessel) {
    if (partnerSchluessel == null || verzeichnis.finde(partnerSchluessel).filter(p -> antwortendeTypen().contains(p.typ())).isEmpty()) {
      return java.util.Optional.empty();
    }
    String id = gruppe(partnerSchluessel);
    return mehrdeutig.contains(id) ? java.util.Optional.empty() : java.util.Optional.of(id);
  }

  /**
   * Whether an institution actually answers in Tasklist: it has its group and at least one person
   * in it. E-mails send a partner to Tasklist, and processes give it a step, only then.
   */
  public boolean mitKonten(String partnerSchluessel) {
    return gruppeVon(partnerSchluessel).map(g -> OhneBerechtigungspruefung.ausfuehren(
        () -> engine.getIdentityService().createUserQuery().memberOfGroup(g).count() > 0)).orElse(false);
  }

  /** Group ids two directory keys map to, found at the last set-up. */
  private volatile Set<String> mehrdeutig = Set.of();

  /** Groups of every institution of an answering kind, their grants and the shared Tasklist filters; idempotent at each start. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(11)
  public void einrichten() {
    IdentityService identity = engine.getIdentityService();
    Map<String, Partner> gruppen = new HashMap<>();
    Set<String> doppelt = new java.util.HashSet<>();
    List<Partner> alle = verzeichnis.vomTyp(antwortendeTypen());
    for (Partner partner : alle) {
      Partner schon = gruppen.putIfAbsent(gruppe(partner.schluessel()), partner);
      if (schon != null) {
        // two keys that differ only in separators would share one group and see each other's tasks
        LOG.error("Partners {} and {} get no group: both map to {}", schon.schluessel(), partner.schluessel(), gruppe(partner.schluessel()));
        doppelt.add(gruppe(partner.schluessel()));
      }
    }
    doppelt.forEach(gruppen::remove);
    mehrdeutig = Set.copyOf(doppelt);
    for (Partner partner : gruppen.values()) {
      String id = gruppe(partner.schluessel());
      Group group = identity.createGroupQuery().groupId(id).singleResult();
      if (group == null) {
        group = identity.newGroup(id);
        group.setType(TYP);
        LOG.info("Partner group {} created", id);
      }
      if (!partner.name().equals(group.getName())) {
        group.setName(partner.name());
        identity.saveGroup(group);
      }
      einrichtung.gewaehre(id, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      for (Prozessbeschreibung prozess : prozesse.alle()) {
        if (prozess.partner().contains(partner.typ())) {
          einrichtung.gewaehre(id, Resources.PROCESS_DEFINITION, prozess.schluessel(), ProcessDefinitionPermissions.READ);
        }
      }
    }
    FilterService filter = engine.getFilterService();
    for (String name : List.of(IdentitaetEinrichtung.FILTER_MEINE, IdentitaetEinrichtung.FILTER_GRUPPE, IdentitaetEinrichtung.FILTER_UEBERFAELLIG)) {
      var f = filter.createFilterQuery().filterName(name).singleResult();
      if (f != null) {
        gruppen.keySet().forEach(id -> einrichtung.gewaehre(id, Resources.FILTER, f.getId(), Permissions.READ));
      }
    }
  }

  /**
   * A consent withdrawn or a case closed for a partner: its institution loses every open task of the
   * case at once (link, grants, and the task of one of its people goes back to the group); the KI's
   * group keeps them.
   */
  public int zugangEntziehen(String aktenzeichen, String partnerSchluessel) {
    if (aktenzeichen == null || partnerSchluessel == null) {
      return 0;
    }
    String gruppe = gruppe(partnerSchluessel);
    return OhneBerechtigungspruefung.ausfuehren(() -> {
      var aufgaben = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(aktenzeichen).taskCandidateGroup(gruppe)
          .includeAssignedTasks().list();
      for (var aufgabe : aufgaben) {
        if (aufgabe.getAssignee() != null && mitglied(aufgabe.getAssignee(), new String[] {gruppe})) {
          engine.getTaskService().setAssignee(aufgabe.getId(), null);
        }
        engine.getTaskService().deleteCandidateGroup(aufgabe.getId(), gruppe);
        rechteLoeschen(aufgabe.getId(), List.of(gruppe));
      }
      if (!aufgaben.isEmpty()) {
        LOG.info("Partner access of {} to {} task(s) of case {} ended", gruppe, aufgaben.size(), aktenzeichen);
      }
      return aufgaben.size();
    });
  }

  private void rechteLoeschen(String aufgabe, List<String> partner) {
    String[] gruppen = partner.toArray(String[]::new);
    AuthorizationService rechte = engine.getAuthorizationService();
    for (var resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
      for (Authorization a : rechte.createAuthorizationQuery().resourceType(resource).resourceId(aufgabe).list()) {
        if (partner.contains(a.getGroupId()) || (a.getUserId() != null && mitglied(a.getUserId(), gruppen))) {
          rechte.deleteAuthorization(a.getId());
        }
      }
    }
  }

  private boolean mitglied(String benutzer, String[] gruppen) {
    return engine.getIdentityService().createGroupQuery().groupMember(benutzer).groupIdIn(gruppen).count() > 0;
  }

  private Set<PartnerTyp> antwortendeTypen() {
    return prozesse.alle().stream().flatMap(p -> p.partner().stream()).collect(Collectors.toCollection(() -> new TreeSet<>()));
  }

  /**
   * The set period has passed without an answer: the institution loses the task (link and grants,
   * also when one of its people holds it); the KI group's overdue list shows it.
   */
  @Override
  public void notify(DelegateTask task) {
    OhneBerechtigungspruefung.ausfuehren(() -> {
      List<String> partner = task.getCandidates().stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
          .map(IdentityLink::getGroupId).filter(Partnergruppen::istPartnergruppe).toList();
      if (partner.isEmpty()) {
        return null;
      }
      String[] gruppen = partner.toArray(String[]::new);
      String halter = task.getAssignee();
      if (halter != null && mitglied(halter, gruppen)) {
        task.setAssignee(null);
      }
      partner.forEach(task::deleteCandidateGroup);
      // the group's grants, and those a person of the institution got by taking the task
      rechteLoeschen(task.getId(), partner);
      LOG.info("Partner access to task {} of case {} ended after the set period", task.getTaskDefinitionKey(),
          task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey());
      return null;
    });
  }
}
