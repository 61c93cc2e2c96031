package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.prozess.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Hands a case the clarification found to belong to the transition process over to it: a new
 * transition case with the person's name, birth date, municipality and contact from this case and
 * the intake facts the clarification added. Each case names the other. Runs as a job (asyncBefore),
 * as the application, so the new case starts like one the portal reports. Processes do not depend
 * on each other's classes (ArchitekturTest): the transition process is named by its key and its
 * variables by their names; UebergabeTest holds both sides together.
 */
@Component("anUebergangUebergeben")
public class AnUebergangUebergeben implements JavaDelegate {

  /** What goes over, and under which name the transition process keeps it. */
  private static final List<Variable<?>> UEBERNOMMEN = List.of(
      Seiteneinstieg.VORNAME, Seiteneinstieg.NACHNAME, Seiteneinstieg.GEBURTSDATUM, Seiteneinstieg.GEBURTSDATUM_GESCHAETZT, Seiteneinstieg.KOMMUNE,
      Seiteneinstieg.TELEFON, Seiteneinstieg.EMAIL, Seiteneinstieg.SCHULBESUCHSJAHRE, Seiteneinstieg.AKTUELLE_KLASSE,
      Seiteneinstieg.ABSCHLUSS, Seiteneinstieg.AUFENTHALTSSTATUS, Seiteneinstieg.DEUTSCHNIVEAU);

  static final String UEBERGANG = "Process_UebergangSchuleBeruf";
  static final String MELDENDE_STELLE = "meldendeStelle";
  static final String VORGAENGER = "vorgaenger";

  @Override
  public void execute(DelegateExecution execution) {
    if (Seiteneinstieg.NACHFOLGER.von(execution) != null) {
      return; // a retried job after the start: the transition case exists
    }
    Map<String, Object> variablen = new HashMap<>();
    for (Variable<?> v : UEBERNOMMEN) {
      Object wert = execution.getVariable(v.name());
      if (wert != null) {
        variablen.put(v.name(), wert);
      }
    }
    variablen.put(MELDENDE_STELLE, "SONSTIGE");
    variablen.put(VORGAENGER, execution.getProcessBusinessKey());
    ProcessInstance uebergang = execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(UEBERGANG, variablen);
    Seiteneinstieg.NACHFOLGER.setze(execution, uebergang.getBusinessKey());
  }
}
