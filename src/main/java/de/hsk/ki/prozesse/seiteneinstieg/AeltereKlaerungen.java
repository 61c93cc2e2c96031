package de.hsk.ki.prozesse.seiteneinstieg;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Cases of older model versions that wait at "Zuständigkeit klären" move to the newest version at
 * start-up, so that the clarification acts on its result for them too (a corrected birth date,
 * a hand-over) and a corrected birth date passes the shared compulsory-schooling table, whose
 * result the routing table now reads. The engine's migration maps the task and the maximum-duration timer (with its due date) by their ids;
 * a case that cannot be migrated stays on its version, where the result closes it as before.
 */
@Component
public class AeltereKlaerungen {

  private static final Logger LOG = LoggerFactory.getLogger(AeltereKlaerungen.class);
  private static final String AUFGABE = Seiteneinstieg.Element.Task_ZustaendigkeitKlaeren.name();

  private final ProcessEngine engine;

  public AeltereKlaerungen(ProcessEngine engine) {
    this.engine = engine;
  }

  /** @return how many cases moved to the newest version */
  @EventListener(ApplicationReadyEvent.class)
  public int migrieren() {
    var repo = engine.getRepositoryService();
    var runtime = engine.getRuntimeService();
    ProcessDefinition neueste = repo.createProcessDefinitionQuery().processDefinitionKey(Seiteneinstieg.SCHLUESSEL)
        .latestVersion().singleResult();
    if (neueste == null || !aktuell(neueste)) {
      return 0;
    }
    int anzahl = 0;
    for (ProcessDefinition alt : repo.createProcessDefinitionQuery().processDefinitionKey(Seiteneinstieg.SCHLUESSEL).list()) {
      if (alt.getId().equals(neueste.getId()) || aktuell(alt)) {
        continue;
      }
      List<String> faelle = runtime.createProcessInstanceQuery().processDefinitionId(alt.getId()).activityIdIn(AUFGABE).list()
          .stream().map(ProcessInstance::getId).toList();
      if (faelle.isEmpty()) {
        continue;
      }
      try {
        // without updateEventTriggers: the maximum-duration timer keeps its due date instead of starting again
        MigrationPlan plan = runtime.createMigrationPlan(alt.getId(), neueste.getId()).mapEqualActivities().build();
        // one transaction: a migrated task always carries what its create listener sets on the newest version
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(kontext -> {
          runtime.newMigration(plan).processInstanceIds(faelle).execute();
          for (Task aufgabe : engine.getTaskService().createTaskQuery().processInstanceIdIn(faelle.toArray(String[]::new))
              .taskDefinitionKey(AUFGABE).list()) {
            engine.getTaskService().setVariableLocal(aufgabe.getId(), Seiteneinstieg.KLAERUNG_MIT_FOLGEN.name(), true);
          }
          return null;
        });
        anzahl += faelle.size();
      } catch (RuntimeException e) {
        // they finish on their version; the form tells the person so
        LOG.warn("{} Fall/Fälle bei „Zuständigkeit klären“ nicht auf {} migriert: {}", faelle.size(), neueste.getId(), e.getMessage());
      }
    }
    if (anzahl > 0) {
      LOG.info("{} Fall/Fälle bei „Zuständigkeit klären“ auf die Modellversion {} migriert", anzahl, neueste.getVersionTag());
    }
    return anzahl;
  }

  private boolean aktuell(ProcessDefinition definition) {
    return engine.getRepositoryService().getBpmnModelInstance(definition.getId())
        .getModelElementById(Seiteneinstieg.Element.Task_SchulpflichtErmitteln.name()) != null;
  }
}
