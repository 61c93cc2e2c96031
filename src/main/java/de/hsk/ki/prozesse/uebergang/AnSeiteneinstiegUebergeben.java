package de.hsk.ki.prozesse.uebergang;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.prozess.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A young person who is still schulpflichtig and attends no school needs a first school placement,
 * which is the Seiteneinstieg's work (review U1/U2): a new Seiteneinstieg case with this case's data
 * and what its report needs beyond it. Each case names the other. Runs as a job (asyncBefore), so
 * the new case starts like one a municipality reports. Processes do not depend on each other's
 * classes (ArchitekturTest): the Seiteneinstieg is named by its key and its variables by their names.
 * The form rule asks for the guardians of minors, whom the Seiteneinstieg's letters address.
 */
@Component("anSeiteneinstiegUebergeben")
public class AnSeiteneinstiegUebergeben implements JavaDelegate, Formularregel {

  static final String FORMULAR = "form_ub_seiteneinstieg";
  static final String SEITENEINSTIEG = "Process_Seiteneinstieg";
  private static final long VOLLJAEHRIG = 18;

  private static final List<Variable<?>> UEBERNOMMEN = List.of(
      Uebergang.VORNAME, Uebergang.NACHNAME, Uebergang.GEBURTSDATUM, Uebergang.GEBURTSDATUM_GESCHAETZT, Uebergang.KOMMUNE,
      Uebergang.TELEFON, Uebergang.EMAIL, Uebergang.SCHULBESUCHSJAHRE, Uebergang.STAATSANGEHOERIGKEIT, Uebergang.ZUZUGSDATUM,
      Uebergang.ANSCHRIFT, Uebergang.SORGEFORM, Uebergang.ERZIEHUNGSBERECHTIGTE, Uebergang.BEVORZUGTE_SPRACHE,
      Uebergang.DOLMETSCHER_BENOETIGT, Uebergang.AUSBILDUNGSBEGINN, Uebergang.UEBERGABENOTIZ);

  @Override
  public void execute(DelegateExecution execution) {
    if (Uebergang.NACHFOLGER.von(execution) != null) {
      return; // a retried job after the start: the Seiteneinstieg case exists
    }
    Map<String, Object> variablen = new HashMap<>();
    for (Variable<?> v : UEBERNOMMEN) {
      Object wert = execution.getVariable(v.name());
      if (wert != null) {
        variablen.put(v.name(), wert);
      }
    }
    variablen.put(Uebergang.MELDENDE_STELLE.name(), "SONSTIGE");
    variablen.put(Uebergang.VORGAENGER.name(), execution.getProcessBusinessKey());
    ProcessInstance fall = execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(SEITENEINSTIEG, variablen);
    Uebergang.NACHFOLGER.setze(execution, fall.getBusinessKey());
  }

  @Override
  public boolean gilt(String formularId) {
    return FORMULAR.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    List<EingabePruefung.Fehler> fehler = new ArrayList<>();
    Long alter = fall == null ? null : Uebergang.ALTER.von(fall);
    if (alter != null && alter < VOLLJAEHRIG) {
      if (Formularregel.text(eingaben, Uebergang.SORGEFORM.name()) == null) {
        fehler.add(new EingabePruefung.Fehler(Uebergang.SORGEFORM.name(), "Sorgerecht liegt bei: Pflichtfeld bei Minderjährigen"));
      }
      if (Formularregel.text(eingaben, Uebergang.ERZIEHUNGSBERECHTIGTE.name()) == null) {
        fehler.add(new EingabePruefung.Fehler(Uebergang.ERZIEHUNGSBERECHTIGTE.name(),
            "Name der Sorgeberechtigten bzw. der Einrichtung: Pflichtfeld bei Minderjährigen"));
      }
    }
    return fehler;
  }
}
