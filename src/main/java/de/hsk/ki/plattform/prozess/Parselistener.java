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
}
