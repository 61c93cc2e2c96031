package de.hsk.ki.plattform.fall;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Copies the case number onto every user task as the task variable "aktenzeichen", for every
 * process. Tasklist shows it on each task card (filter property "variables"); a task variable is
 * readable with the task alone, so staff see the case number without read access to the whole case.
 */
@Component
public class AktenzeichenAnAufgaben extends AbstractProcessEnginePlugin {

  static final TaskListener KOPIEREN =
      task -> task.setVariableLocal("aktenzeichen", task.getExecution().getProcessBusinessKey());

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    de.hsk.ki.plattform.prozess.Parselistener.beiJederNutzeraufgabe(configuration, KOPIEREN);
  }
}
