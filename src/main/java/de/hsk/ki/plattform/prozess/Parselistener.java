package de.hsk.ki.plattform.prozess;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Adds a parse listener that runs for every model before the engine's own ones, as engine plugins of the platform do. */
public final class Parselistener {

  private Parselistener() {}

  public static void hinzufuegen(ProcessEngineConfigurationImpl konfiguration, BpmnParseListener listener) {
    if (konfiguration.getCustomPreBPMNParseListeners() == null) {
      konfiguration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    konfiguration.getCustomPreBPMNParseListeners().add(listener);
  }

  /** Runs the listener when any user task of any model is created. */
  public static void beiJederNutzeraufgabe(ProcessEngineConfigurationImpl konfiguration,
      org.camunda.bpm.engine.delegate.TaskListener listener) {
    hinzufuegen(konfiguration, new org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(org.camunda.bpm.engine.impl.util.xml.Element element,
          org.camunda.bpm.engine.impl.pvm.process.ScopeImpl scope, org.camunda.bpm.engine.impl.pvm.process.ActivityImpl activity) {
        ((org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior) activity.getActivityBehavior())
            .getTaskDefinition()
            .addTaskListener(org.camunda.bpm.engine.delegate.TaskListener.EVENTNAME_CREATE, listener);
      }
    });
  }
}
