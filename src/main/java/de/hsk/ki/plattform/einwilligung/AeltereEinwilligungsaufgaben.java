package de.hsk.ki.plattform.einwilligung;

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
 * Consent tasks created before the form had a row per partner (building block version 1) use the
 * newest form too, which would show no row and could not be completed. At start-up each such open
 * task gets its row, its partner option and the declarants of the decision table (with its capacity
 * question), as a new task would; what was typed into it stays.
 */
@Component
public class AeltereEinwilligungsaufgaben {

  private static final Logger LOG = LoggerFactory.getLogger(AeltereEinwilligungsaufgaben.class);

  private final ProcessEngine engine;
  private final EinwilligungVorbereiten vorbereiten;

  public AeltereEinwilligungsaufgaben(ProcessEngine engine, EinwilligungVorbereiten vorbereiten) {
    this.engine = engine;
    this.vorbereiten = vorbereiten;
  }

  /** @return how many tasks got their rows */
  @EventListener(ApplicationReadyEvent.class)
  public int nachruesten() {
    int anzahl = 0;
    for (Task aufgabe : engine.getTaskService().createTaskQuery().processDefinitionKey("Process_Baustein_Einwilligung")
        .taskDefinitionKey("Task_EinwilligungEinholen").list()) {
      if (engine.getTaskService().getVariable(aufgabe.getId(), EinwilligungVorbereiten.ZEILEN) != null) {
        continue;
      }
      try {
        boolean ergaenzt = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
            .execute(kontext -> {
              TaskEntity task = kontext.getTaskManager().findTaskById(aufgabe.getId());
              // another node may have done it meanwhile
              if (task == null || task.getVariable(EinwilligungVorbereiten.ZEILEN) != null) {
                return false;
              }
              vorbereiten.zeilenAnlegen(task);
              // the declarants of the decision table and its capacity question, as on a new task
              vorbereiten.personenAnbieten(task);
              return true;
            });
        anzahl += ergaenzt ? 1 : 0;
      } catch (RuntimeException e) {
        // e.g. a second node inserted the same variable first: the application starts all the same
        LOG.warn("Einwilligungsaufgabe {} nicht ergänzt: {}", aufgabe.getId(), e.getMessage());
      }
    }
    if (anzahl > 0) {
      LOG.info("{} offene Einwilligungsaufgabe(n) aus der Zeit vor der Zeile je Partner ergänzt", anzahl);
    }
    return anzahl;
  }
}
