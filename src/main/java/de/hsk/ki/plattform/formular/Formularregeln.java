package de.hsk.ki.plattform.formular;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.plattform.zeit.Zeit;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The deployed Camunda Form is the rule for what a person may submit (ADR 0002), enforced inside
 * the engine: every task and start form handler is wrapped at parse time, and the task and runtime
 * services check {@code complete}/{@code start} with variables on behalf of a logged-in user. A
 * refusal is Camunda's own form validation exception with a German message, so the REST API, the
 * webapps and the Java API answer alike, and the case stays as it was.
 */
@Component
public class Formularregeln extends AbstractProcessEnginePlugin {

  private static final Formular KEIN_FORMULAR = new Formular("", Map.of(), Set.of(), Set.of());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parsed forms by deployment and resource: a deployed resource never changes. */
  private final Map<String, Formular> formulare = new ConcurrentHashMap<>();
  private final org.springframework.beans.factory.ObjectProvider<Formularregel> regeln;

  public Formularregeln(org.springframework.beans.factory.ObjectProvider<Formularregel> regeln) {
    this.regeln = regeln;
  }

  private volatile ProcessEngineConfigurationImpl konfiguration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.konfiguration = configuration;
    de.hsk.ki.plattform.prozess.Parselistener.hinzufuegen(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.setTaskFormHandler(new GepruefteAufgabe(definition.getTaskFormHandler()));
      }

      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity definition) {
        if (definition.getStartFormHandler() != null) {
          definition.setStartFormHandler(new GepruefterStart(definition.getStartFormHandler()));
        }
      }
    });
    configuration.setTaskService(new GepruefteAufgaben(this));
    configuration.setRuntimeService(new GepruefteStarts(this));
    configuration.setFormService(new BegrenzteFormulardaten(this));
  }

  /** The task's form as deployed; an empty one for a task without a readable form. Runs inside a command. */
  Formular formular(TaskEntity task) {
    if (task.getTaskDefinition() == null) {
      return KEIN_FORMULAR;
    }
    return formular(task.getTaskDefinition().getTaskFormHandler().createTaskForm(task));
  }

  /** Checks a submission for a task; throws {@link EingabeAbgelehnt}. Runs inside a command. */
  void pruefeAufgabe(TaskEntity task, Map<String, Object> variablen) {
    Formular formular = KEIN_FORMULAR;
    String prozess = null;
    if (task.getTaskDefinition() != null) {
      TaskFormData daten = task.getTaskDefinition().getTaskFormHandler().createTaskForm(task);
      formular = formular(daten);
      prozess = task.getProcessDefinitionId();
    }
    pruefe(formular, variablen, schluessel -> optionenAus(task.getVariable(schluessel)), task, prozess);
  }

  /** Checks a start form submission of a process definition; throws {@link EingabeAbgelehnt}. */
  void pruefeStart(ProcessDefinitionEntity definition, Map<String, Object> variablen) {
    StartFormHandler handler = definition.getStartFormHandler();
    Formular formular = handler == null ? KEIN_FORMULAR : formular(handler.createStartFormData(definition));
    pruefe(formular, variablen, schluessel -> Set.of(), null, definition.getId());
  }

  /**
   * Checks many start form submissions of the latest version of a process without starting anything
   * (a bulk intake's preview): the same field checks and form rules as a start, one list of German
   * objections per submission (empty when it would be accepted). One command for all of them.
   */
  public List<List<EingabePruefung.Fehler>> pruefeStarts(String prozessSchluessel, List<Map<String, Object>> eingaben) {
    return konfiguration.getCommandExecutorTxRequired().execute(kontext -> kontext.runWithoutAuthorization(() -> {
      ProcessDefinitionEntity definition = kontext.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedLatestProcessDefinitionByKey(prozessSchluessel);
      StartFormHandler handler = definition.getStartFormHandler();
      Formular formular = handler == null ? KEIN_FORMULAR : formular(handler.createStartFormData(definition));
      List<Formularregel> passend = regeln.orderedStream().filter(r -> r.gilt(formular.id())).toList();
      List<List<EingabePruefung.Fehler>> alle = new ArrayList<>(eingaben.size());
      for (Map<String, Object> e : eingaben) {
        var eintraege = Eingabewerte.von(e);
        List<EingabePruefung.Fehler> fehler = new ArrayList<>(EingabePruefung.pruefe(formular, eintraege, s -> Set.of(), Zeit.heute()));
        if (fehler.isEmpty()) {
          for (Formularregel regel : passend) {
            fehler.addAll(regel.pruefe(formular.id(), eintraege, null));
          }
        }
        alle.add(fehler);
      }
      return alle;
    }));
  }

  /**
   * Some fields of a process's start form, changed elsewhere (a family's contact on the family file):
   * checked by exactly the rules the start form gives those fields (required, lengths, patterns), so a
   * value one page accepts is one the process's forms accept too. Fields the start form does not have
   * are left to the caller (another process's form may have them).
   */
  public List<EingabePruefung.Fehler> pruefeStartfelder(String prozessSchluessel, Map<String, Object> werte) {
    return konfiguration.getCommandExecutorTxRequired().execute(kontext -> kontext.runWithoutAuthorization(() -> {
      ProcessDefinitionEntity definition = kontext.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedLatestProcessDefinitionByKey(prozessSchluessel);
      StartFormHandler handler = definition.getStartFormHandler();
      Formular formular = handler == null ? KEIN_FORMULAR : formular(handler.createStartFormData(definition));
      Map<String, FormularFeld> felder = new java.util.LinkedHashMap<>();
      werte.keySet().stream().filter(formular.felder()::containsKey).forEach(k -> felder.put(k, formular.felder().get(k)));
      Formular teil = new Formular(formular.id(), felder, Set.of(), Set.of());
      Map<String, Object> bekannt = new java.util.HashMap<>();
      felder.keySet().forEach(k -> bekannt.put(k, werte.get(k)));
      return EingabePruefung.pruefe(teil, Eingabewerte.von(bekannt), s -> Set.of(), Zeit.heute());
    }));
  }

  /**
   * Checks a draft of a task's form (the values as form-js holds them, by field key) with the rules of
   * {@link EingabePruefung#pruefeEntwurf}; throws {@link EingabeAbgelehnt} with the German reasons. The
   * caller has checked that the user works the task; the form itself is read without authorization.
   */
  public void pruefeEntwurf(String taskId, Map<String, Object> werte) {
    konfiguration.getCommandExecutorTxRequired().execute(kontext -> kontext.runWithoutAuthorization(() -> {
      TaskEntity task = kontext.getTaskManager().findTaskById(taskId);
      Formular formular = task == null ? KEIN_FORMULAR : formular(task);
      var fehler = EingabePruefung.pruefeEntwurf(formular, Eingabewerte.von(werte),
          schluessel -> optionenAus(task == null ? null : task.getVariable(schluessel)), Zeit.heute());
      if (!fehler.isEmpty()) {
        throw new EingabeAbgelehnt("Der Entwurf wurde nicht gespeichert. "
            + String.join(" ", fehler.stream().map(EingabePruefung.Fehler::meldung).toList()), fehler);
      }
      return null;
    }));
  }

  private void pruefe(Formular formular, Map<String, Object> variablen, Function<String, Set<String>> optionen,
      VariableScope fall, String prozessDefinitionId) {
    var eintraege = Eingabewerte.von(variablen);
    List<EingabePruefung.Fehler> fehler = new ArrayList<>(EingabePruefung.pruefe(formular, eintraege, optionen, Zeit.heute()));
    if (fehler.isEmpty() && fall != null) {
      fehler.addAll(unveraendert(formular, eintraege, fall));
    }
    if (fehler.isEmpty()) {
      for (Formularregel regel : regeln.orderedStream().toList()) {
        if (regel.gilt(formular.id())) {
          fehler.addAll(regel.pruefe(formular.id(), eintraege, fall));
        }
      }
    }
    if (!fehler.isEmpty()) {
      throw EingabeAbgelehnt.wegen(fehler);
    }
    nfc(variablen);
  }

  /**
   * A read-only field shows a value of the case and comes back with the submission (form-js sends it);
   * a client may not send another one. Empty and missing count as the same, dates by their day.
   */
  private static List<EingabePruefung.Fehler> unveraendert(Formular formular, Map<String, com.fasterxml.jackson.databind.JsonNode> eintraege,
      VariableScope fall) {
    List<EingabePruefung.Fehler> fehler = new ArrayList<>();
    for (String name : formular.nurLesen()) {
      if (!eintraege.containsKey(name)) {
        continue;
      }
      String neu = Formularregel.text(eintraege, name);
      Object bisher = fall.getVariable(name);
      String alt = bisher == null || bisher.toString().isBlank() ? null : bisher.toString();
      FormularFeld feld = formular.felder().get(name);
      boolean gleich = feld != null && "datetime".equals(feld.typ()) && neu != null && alt != null
          ? Zeit.datum(neu).equals(Zeit.datum(alt)) : java.util.Objects.equals(neu, alt);
      if (!gleich) {
        fehler.add(new EingabePruefung.Fehler(name, (feld == null ? name : feld.bezeichnung())
            + ": wird hier nur angezeigt und kann nicht geändert werden."));
      }
    }
    return fehler;
  }

  /**
   * Text is stored NFC-normalised: "é" typed as e + combining accent and as one character is the
   * same name, for searches, letters and duplicates.
   */
  private static void nfc(Map<String, Object> variablen) {
    if (variablen == null) {
      return;
    }
    for (String name : new ArrayList<>(variablen.keySet())) {
      // a serialised object (a JSON list from the Java API) is no text, and reading it would deserialise it
      if (variablen instanceof org.camunda.bpm.engine.variable.VariableMap typisiert
          && typisiert.getValueTyped(name) instanceof org.camunda.bpm.engine.variable.value.ObjectValue objekt && !objekt.isDeserialized()) {
        continue;
      }
      Object wert = variablen.get(name);
      String text = wert instanceof String s ? s
          : wert instanceof org.camunda.bpm.engine.variable.value.StringValue sv ? sv.getValue() : null;
      if (text == null || java.text.Normalizer.isNormalized(text, java.text.Normalizer.Form.NFC)) {
        continue;
      }
      String normal = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
      try {
        variablen.put(name, wert instanceof String ? normal : org.camunda.bpm.engine.variable.Variables.stringValue(normal));
      } catch (UnsupportedOperationException e) {
        // an unmodifiable map from the Java API: stored as given (it passed the rules)
      }
    }
  }

  private Formular formular(FormData daten) {
    if (daten == null) {
      return KEIN_FORMULAR;
    }
    CommandContext kontext = Context.getCommandContext();
    CamundaFormRef ref = daten.getCamundaFormRef();
    String schluessel = daten.getFormKey();
    String deployment;
    String ressource;
    if (ref != null && ref.getKey() != null) {
      CamundaFormDefinition definition = kontext.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, daten.getDeploymentId()));
      if (definition == null) {
        // the health check names missing forms; a task whose form is missing takes no input
        return KEIN_FORMULAR;
      }
      deployment = definition.getDeploymentId();
      ressource = definition.getResourceName();
    } else if (schluessel != null && schluessel.startsWith("camunda-forms:deployment:")) {
      deployment = daten.getDeploymentId();
      ressource = schluessel.substring("camunda-forms:deployment:".length());
    } else {
      return KEIN_FORMULAR;
    }
    return formulare.computeIfAbsent(deployment + "/" + ressource, k -> lese(kontext, deployment, ressource));
  }

  private static Formular lese(CommandContext kontext, String deployment, String ressource) {
    try (InputStream in = kontext.runWithoutAuthorization(new GetDeploymentResourceCmd(deployment, ressource))) {
      return Formulare.lese(JSON.readTree(in));
    } catch (IOException e) {
      throw new ProcessEngineException("Formular " + ressource + " ist nicht lesbar", e);
    }
  }

  private static Set<String> optionenAus(Object wert) {
    Set<String> werte = new HashSet<>();
    if (wert instanceof Collection<?> liste) {
      for (Object o : liste) {
        werte.add(o instanceof Map<?, ?> m ? String.valueOf(m.get("value")) : String.valueOf(o));
      }
    }
    return werte;
  }

  /** Task form handler that checks the submission before the engine stores it. */
  private final class GepruefteAufgabe implements TaskFormHandler {
    private final TaskFormHandler original;

    GepruefteAufgabe(TaskFormHandler original) {
      this.original = original;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      return original.createTaskForm(task);
    }

    @Override
    public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity definition, BpmnParse parse) {
      original.parseConfiguration(element, deployment, definition, parse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      pruefeAufgabe((TaskEntity) scope, properties);
      original.submitFormVariables(properties, scope);
    }
  }

  /** Start form handler that checks the submission before the case is created with it. */
  private final class GepruefterStart implements StartFormHandler {
    private final StartFormHandler original;

    GepruefterStart(StartFormHandler original) {
      this.original = original;
    }

    @Override
    public StartFormData createStartFormData(ProcessDefinitionEntity definition) {
      return original.createStartFormData(definition);
    }

    @Override
    public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity definition, BpmnParse parse) {
      original.parseConfiguration(element, deployment, definition, parse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      var execution = (org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl) scope;
      var definition = (ProcessDefinitionEntity) execution.getProcessDefinition();
      Map<String, Object> ausserhalb = Startvorgaben.einsetzen(formular(createStartFormData(definition)), properties);
      pruefeStart(definition, properties);
      original.submitFormVariables(properties, scope);
      ausserhalb.forEach(scope::setVariable);
    }
  }
}
