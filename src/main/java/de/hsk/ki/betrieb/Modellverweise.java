package de.hsk.ki.betrieb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Start-up self-check (health "modellverweise", part of readiness): every form, decision and called
 * process that a deployed process names resolves to a deployed resource, with the binding the
 * engine will use when a person clicks. Checked are the latest version of every process and every
 * older version that still has running cases. A missing reference is logged as an error and turns
 * readiness DOWN, naming process, element and reference, instead of failing at a user's click.
 */
@Component("modellverweise")
public class Modellverweise implements HealthIndicator {

  private static final Logger LOG = LoggerFactory.getLogger(Modellverweise.class);
  private static final long HOECHSTENS_MS = 60_000;

  /** One reference that does not resolve. */
  public record Fehlend(String prozess, String element, String art, String ziel, String bindung) {
    public String text() {
      return prozess + " / " + element + ": " + art + " '" + ziel + "' (" + bindung + ") ist nicht bereitgestellt";
    }
  }

  private record Ergebnis(String stand, long zeit, int geprueft, List<Fehlend> fehlend) {}

  private final ProcessEngine engine;
  private volatile Ergebnis letztes;

  public Modellverweise(ProcessEngine engine) {
    this.engine = engine;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void beimStart() {
    Ergebnis e = aktuell();
    if (e.fehlend().isEmpty()) {
      LOG.info("Modellverweise geprüft: {} Verweise in den bereitgestellten Prozessen, alle aufgelöst", e.geprueft());
    }
  }

  @Override
  public Health health() {
    Ergebnis e = aktuell();
    Health.Builder b = e.fehlend().isEmpty() ? Health.up() : Health.down();
    return b.withDetail("geprueft", e.geprueft())
        .withDetail("fehlend", e.fehlend().stream().map(Fehlend::text).toList())
        .build();
  }

  /** Recomputed when a deployment came or went, otherwise at most once a minute. */
  private Ergebnis aktuell() {
    RepositoryService repo = engine.getRepositoryService();
    List<Deployment> neueste = repo.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, 1);
    String stand = repo.createDeploymentQuery().count() + "/" + (neueste.isEmpty() ? "" : neueste.get(0).getId());
    Ergebnis e = letztes;
    if (e == null || !e.stand().equals(stand) || System.currentTimeMillis() - e.zeit() > HOECHSTENS_MS) {
      Ergebnis neu = pruefe(stand);
      if (!neu.fehlend().isEmpty() && (e == null || !e.fehlend().equals(neu.fehlend()))) {
        LOG.error("Bereitgestellte Prozesse verweisen auf fehlende Formulare, Entscheidungen oder Prozesse; "
            + "diese Schritte scheitern beim Öffnen: {}", neu.fehlend().stream().map(Fehlend::text).toList());
      }
      letztes = neu;
      e = neu;
    }
    return e;
  }

  public List<Fehlend> fehlend() {
    return pruefe("").fehlend();
  }

  private Ergebnis pruefe(String stand) {
    RepositoryService repo = engine.getRepositoryService();
    Map<String, ProcessDefinition> zuPruefen = new LinkedHashMap<>();
    for (ProcessDefinition d : repo.createProcessDefinitionQuery().latestVersion().list()) {
      zuPruefen.put(d.getId(), d);
    }
    for (ProcessDefinition d : repo.createProcessDefinitionQuery().list()) {
      if (!zuPruefen.containsKey(d.getId())
          && engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(d.getId()).count() > 0) {
        zuPruefen.put(d.getId(), d);
      }
    }
    List<Fehlend> fehlend = new ArrayList<>();
    int geprueft = 0;
    for (ProcessDefinition d : zuPruefen.values()) {
      BpmnModelInstance modell = repo.getBpmnModelInstance(d.getId());
      String prozess = d.getKey() + ":" + d.getVersion();
      for (UserTask t : modell.getModelElementsByType(UserTask.class)) {
        geprueft += pruefeFormular(prozess, t.getId(), t.getCamundaFormRef(), t.getCamundaFormRefBinding(),
            t.getCamundaFormRefVersion(), t.getCamundaFormKey(), d.getDeploymentId(), fehlend);
      }
      for (StartEvent e : modell.getModelElementsByType(StartEvent.class)) {
        geprueft += pruefeFormular(prozess, e.getId(), e.getCamundaFormRef(), e.getCamundaFormRefBinding(),
            e.getCamundaFormRefVersion(), e.getCamundaFormKey(), d.getDeploymentId(), fehlend);
      }
      for (BusinessRuleTask t : modell.getModelElementsByType(BusinessRuleTask.class)) {
        String ref = t.getCamundaDecisionRef();
        if (pruefbar(ref)) {
          geprueft++;
          if (!entscheidungDa(ref, t.getCamundaDecisionRefBinding(), t.getCamundaDecisionRefVersion(),
              t.getCamundaDecisionRefVersionTag(), d.getDeploymentId())) {
            fehlend.add(new Fehlend(prozess, t.getId(), "Entscheidungstabelle", ref, bindung(t.getCamundaDecisionRefBinding())));
          }
        }
      }
      for (CallActivity c : modell.getModelElementsByType(CallActivity.class)) {
        String ref = c.getCalledElement();
        if (pruefbar(ref)) {
          geprueft++;
          if (!prozessDa(ref, c.getCamundaCalledElementBinding(), c.getCamundaCalledElementVersion(),
              c.getCamundaCalledElementVersionTag(), d.getDeploymentId())) {
            fehlend.add(new Fehlend(prozess, c.getId(), "Aufgerufener Prozess", ref, bindung(c.getCamundaCalledElementBinding())));
          }
        }
      }
    }
    return new Ergebnis(stand, System.currentTimeMillis(), geprueft, List.copyOf(fehlend));
  }

  /** A form reference of a user task or start event; returns how many references it checked (0 or 1). */
  private int pruefeFormular(String prozess, String element, String ref, String bindung, String version, String formKey,
      String deploymentId, List<Fehlend> fehlend) {
    if (pruefbar(ref)) {
      if (!formularDa(ref, bindung, version, deploymentId)) {
        fehlend.add(new Fehlend(prozess, element, "Formular", ref, bindung(bindung)));
      }
      return 1;
    }
    String prefix = "camunda-forms:deployment:";
    if (pruefbar(formKey) && formKey.startsWith(prefix)) {
      String datei = formKey.substring(prefix.length());
      if (!engine.getRepositoryService().getDeploymentResourceNames(deploymentId).contains(datei)) {
        fehlend.add(new Fehlend(prozess, element, "Formulardatei", datei, "deployment"));
      }
      return 1;
    }
    return 0;
  }

  /** Expressions are decided at run time and cannot be checked here. */
  private static boolean pruefbar(String ref) {
    return ref != null && !ref.isBlank() && !ref.contains("${") && !ref.contains("#{");
  }

  private static String bindung(String b) {
    return b == null ? "latest" : b;
  }

  private static Integer zahl(String version) {
    try {
      return version == null ? null : Integer.valueOf(version.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private boolean formularDa(String ref, String bindung, String version, String deploymentId) {
    CamundaFormRefImpl formRef = new CamundaFormRefImpl(ref, bindung(bindung));
    formRef.setVersion(zahl(version));
    if ("version".equals(formRef.getBinding()) && formRef.getVersion() == null) {
      return true; // version given by an expression
    }
    try {
      return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
          .execute(new GetCamundaFormDefinitionCmd(formRef, deploymentId)) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private boolean entscheidungDa(String key, String bindung, String version, String versionTag, String deploymentId) {
    return vorhanden(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(key),
        bindung, version, versionTag, deploymentId, DecisionDefinitionQuery::deploymentId,
        DecisionDefinitionQuery::decisionDefinitionVersion, DecisionDefinitionQuery::versionTag,
        DecisionDefinitionQuery::latestVersion);
  }

  private boolean prozessDa(String key, String bindung, String version, String versionTag, String deploymentId) {
    return vorhanden(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key),
        bindung, version, versionTag, deploymentId, ProcessDefinitionQuery::deploymentId,
        ProcessDefinitionQuery::processDefinitionVersion, ProcessDefinitionQuery::versionTag,
        ProcessDefinitionQuery::latestVersion);
  }

  /** The engine's bindings of decisionRef and calledElement; a version given by an expression is not checked. */
  private static <Q extends Query<?, ?>> boolean vorhanden(Q abfrage, String bindung, String version, String versionTag,
      String deploymentId, BiConsumer<Q, String> nachDeployment, BiConsumer<Q, Integer> nachVersion,
      BiConsumer<Q, String> nachVersionTag, Consumer<Q> neueste) {
    switch (bindung(bindung)) {
      case "deployment" -> nachDeployment.accept(abfrage, deploymentId);
      case "version" -> {
        if (zahl(version) == null) {
          return true;
        }
        nachVersion.accept(abfrage, zahl(version));
      }
      case "versionTag" -> {
        if (!pruefbar(versionTag)) {
          return true;
        }
        nachVersionTag.accept(abfrage, versionTag);
      }
      default -> neueste.accept(abfrage);
    }
    return abfrage.count() > 0;
  }
}
