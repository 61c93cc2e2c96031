package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.formular.Auswahloptionen;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What "Vermittlung planen" offers (review U3): the table Decision_Vermittlungsoptionen proposes
 * offices and ways by age, compulsory schooling, residence status, benefits, German and
 * qualification. Offices of the partner directory become the options of the checklist (so the
 * server refuses any other, e.g. the Jobcenter for someone on asylum-seeker benefits); the rest is a
 * hint on the form. Open tasks from before get their options at start-up.
 */
@Component("vermittlungsoptionen")
public class Vermittlungsoptionen {

  private static final Logger LOG = LoggerFactory.getLogger(Vermittlungsoptionen.class);
  static final String TABELLE = "Decision_Vermittlungsoptionen";

  private final ProcessEngine engine;
  private final PartnerVerzeichnis verzeichnis;

  public Vermittlungsoptionen(@Lazy ProcessEngine engine, PartnerVerzeichnis verzeichnis) {
    this.engine = engine;
    this.verzeichnis = verzeichnis;
  }

  /** Create listener of "Vermittlung planen". */
  public void anbieten(DelegateTask task) {
    Vorschlaege v = vorschlaege(task::getVariable);
    Auswahloptionen.anAufgabe(task, Uebergang.PARTNER_OPTIONEN, v.partner());
    task.setVariableLocal(Uebergang.VERMITTLUNGS_HINWEISE.name(), v.hinweise());
    if (task.getVariable(Uebergang.PARTNER_AUSWAHL.name()) == null) {
      // on the case, not the task: a completion through the Java API sets the case's variable, which a local one would hide
      task.getExecution().setVariable(Uebergang.PARTNER_AUSWAHL.name(), Auswahloptionen.leereAuswahl());
    }
  }


  record Vorschlaege(Map<String, String> partner, String hinweise) {}

  Vorschlaege vorschlaege(Function<String, Object> variable) {
    VariableMap eingaben = Variables.createVariables();
    for (String name : List.of("alter", "schulpflicht", "aufenthaltsstatus", "leistungsbezug", "deutschniveau", "abschluss", "kommune")) {
      eingaben.putValue(name, variable.apply(name));
    }
    Map<String, String> partner = new LinkedHashMap<>();
    List<String> hinweise = new ArrayList<>();
    var ergebnis = de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung.ausfuehren(
        () -> engine.getDecisionService().evaluateDecisionTableByKey(TABELLE, eingaben));
    for (Map<String, Object> zeile : ergebnis.getResultList()) {
      Object schluessel = zeile.get("schluessel");
      String text = String.valueOf(zeile.get("text"));
      if (schluessel != null && verzeichnis.finde(schluessel.toString()).isPresent()) {
        partner.put(schluessel.toString(), text);
      } else {
        hinweise.add(text);
      }
    }
    return new Vorschlaege(partner, hinweise.isEmpty() ? null : String.join(" · ", hinweise));
  }

  /** Open tasks created before the table: their options, so the form offers something. */
  @EventListener(ApplicationReadyEvent.class)
  public int aeltereAufgaben() {
    int anzahl = 0;
    for (Task aufgabe : engine.getTaskService().createTaskQuery().taskDefinitionKey(Uebergang.Element.Task_VermittlungPlanen.name()).list()) {
      if (engine.getTaskService().getVariableLocal(aufgabe.getId(), Uebergang.PARTNER_OPTIONEN.name()) != null) {
        continue;
      }
      try {
        Vorschlaege v = vorschlaege(engine.getTaskService().getVariables(aufgabe.getId())::get);
        engine.getTaskService().setVariableLocal(aufgabe.getId(), Uebergang.PARTNER_OPTIONEN.name(), Auswahloptionen.wert(v.partner()));
        engine.getTaskService().setVariableLocal(aufgabe.getId(), Uebergang.VERMITTLUNGS_HINWEISE.name(), v.hinweise());
        if (engine.getTaskService().getVariable(aufgabe.getId(), Uebergang.PARTNER_AUSWAHL.name()) == null) {
          engine.getTaskService().setVariable(aufgabe.getId(), Uebergang.PARTNER_AUSWAHL.name(), Auswahloptionen.leereAuswahl());
        }
        anzahl++;
      } catch (RuntimeException e) {
        LOG.warn("Vermittlungsoptionen für eine ältere Aufgabe nicht gesetzt: {}", e.getMessage());
      }
    }
    return anzahl;
  }
}
