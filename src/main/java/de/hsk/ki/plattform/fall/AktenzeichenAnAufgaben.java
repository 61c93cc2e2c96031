package de.hsk.ki.plattform.fall;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Copies the case number onto every user task as the task variable "aktenzeichen", for every
 * process. Tasklist shows it on each task card (filter property "variables"); a task variable is
 * readable with the task alone, so staff see the case number without read access to the whole case.
 *
 * <p>The copy leaves no history: the case number is the case's business key in its history
 * already, and its history rows (an instance and a detail row per task) were written for every
 * task and never read (docs/benchmarks.md, "Anweisungen je Fall").
 */
@Component
public class AktenzeichenAnAufgaben extends AbstractProcessEnginePlugin {

  static final String NAME = "aktenzeichen";

  static final TaskListener KOPIEREN =
      task -> task.setVariableLocal(NAME, task.getExecution().getProcessBusinessKey());

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    de.hsk.ki.plattform.prozess.Parselistener.beiJederNutzeraufgabe(configuration, KOPIEREN);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handler = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handler.add(0, new OhneKopieInDerHistorie(new DbHistoryEventHandler()));
    configuration.setCustomHistoryEventHandlers(handler);
  }

  /** The database's history handler, without the events of the task copies of the case number. */
  static final class OhneKopieInDerHistorie implements HistoryEventHandler {

    private final HistoryEventHandler datenbank;

    OhneKopieInDerHistorie(HistoryEventHandler datenbank) {
      this.datenbank = datenbank;
    }

    static boolean kopie(HistoryEvent ereignis) {
      return ereignis instanceof HistoricVariableUpdateEventEntity v && v.getTaskId() != null && NAME.equals(v.getVariableName());
    }

    @Override
    public void handleEvent(HistoryEvent ereignis) {
      if (!kopie(ereignis)) {
        datenbank.handleEvent(ereignis);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> ereignisse) {
      ereignisse.forEach(this::handleEvent);
    }
  }
}
