package de.hsk.ki.prozesse.seiteneinstieg;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Assignment tasks created before the supervision had a choice open the newest form too, whose
 * decision offers what the task lists. At start-up each such open task gets its decisions, as a new
 * task would: on instances of the older model version only "Schule zugewiesen", the one way that
 * version continues; those instances finish on their version.
 */
@Component
public class AeltereZuweisungsaufgaben {

  private static final Logger LOG = LoggerFactory.getLogger(AeltereZuweisungsaufgaben.class);
  private static final List<String> AUFGABEN = List.of(
      Seiteneinstieg.Element.Task_ZuweisungSchulamt.name(), Seiteneinstieg.Element.Task_ZuweisungErfassen.name());

  private final ProcessEngine engine;
  private final SchulOptionen optionen;

  public AeltereZuweisungsaufgaben(ProcessEngine engine, SchulOptionen optionen) {
    this.engine = engine;
    this.optionen = optionen;
  }

  /** @return how many tasks got their decisions */
  @EventListener(ApplicationReadyEvent.class)
  public int nachruesten() {
    int anzahl = 0;
    for (String aufgabe : AUFGABEN) {
      for (Task task : engine.getTaskService().createTaskQuery().processDefinitionKey(Seiteneinstieg.SCHLUESSEL)
          .taskDefinitionKey(aufgabe).list()) {
        if (engine.getTaskService().getVariableLocal(task.getId(), Seiteneinstieg.ERGEBNIS_OPTIONEN.name()) != null) {
          continue;
        }
        try {
          boolean ergaenzt = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
              .execute(kontext -> {
                TaskEntity entity = kontext.getTaskManager().findTaskById(task.getId());
                // another node may have done it meanwhile
                if (entity == null || entity.getVariableLocal(Seiteneinstieg.ERGEBNIS_OPTIONEN.name()) != null) {
                  return false;
                }
                optionen.ergebnisseAnbieten(entity);
                return true;
              });
          anzahl += ergaenzt ? 1 : 0;
        } catch (RuntimeException e) {
          LOG.warn("Zuweisungsaufgabe {} nicht ergänzt: {}", task.getId(), e.getMessage());
        }
      }
    }
    if (anzahl > 0) {
      LOG.info("{} offene Zuweisungsaufgabe(n) aus der Zeit vor den Entscheidungen der Schulaufsicht ergänzt", anzahl);
    }
    return anzahl;
  }
}
