package de.hsk.ki.bench.peers.flowable;

import de.hsk.ki.bench.peers.gemeinsam.Engine;
import de.hsk.ki.bench.peers.gemeinsam.PartnerMail;
import de.hsk.ki.bench.peers.gemeinsam.W1Driver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.impl.AbstractEngineConfiguration;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;

/** Flowable 7.2 with default settings; the Camunda model is rewritten to Flowable's namespace at load time. */
public final class Flowable implements Engine {

  private ProcessEngine engine;

  public static void main(String[] args) throws Exception {
    W1Driver.run(new Flowable());
    System.exit(0);
  }

  @Override
  public String name() {
    return "flowable";
  }

  @Override
  public String version() {
    // ProcessEngine.VERSION is the schema version ("7.2.0.2"), not the release
    String v = ProcessEngine.class.getPackage().getImplementationVersion();
    return v != null ? v : "7.2.0";
  }

  @Override
  public void build(DataSource dataSource, PartnerMail mail) {
    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setDataSource(dataSource);
    cfg.setDatabaseSchemaUpdate(AbstractEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    cfg.setHistoryLevel(HistoryLevel.FULL);
    cfg.setAsyncExecutorActivate(true);
    Map<Object, Object> beans = new HashMap<>();
    beans.put("partnerEmail",
        (JavaDelegate) execution -> mail.send(execution.getProcessInstanceBusinessKey()));
    cfg.setBeans(beans);
    if (W1Driver.uuidIds()) {
      cfg.setIdGenerator(new StrongUuidGenerator()); // see W1Driver.uuidIds()
    }
    engine = cfg.buildProcessEngine();
  }

  /**
   * Camunda namespace to Flowable's: asyncBefore becomes async; retry cycle, input/output mapping and
   * history time to live (unknown to Flowable, irrelevant to W1) are dropped; candidateGroups, dueDate
   * and delegateExpression keep their meaning under the flowable prefix.
   */
  static String rewrite(String xml) {
    String x = xml;
    x = Pattern.compile("\\s*<camunda:failedJobRetryTimeCycle>.*?</camunda:failedJobRetryTimeCycle>",
        Pattern.DOTALL).matcher(x).replaceAll("");
    x = Pattern.compile("\\s*<camunda:inputOutput>.*?</camunda:inputOutput>", Pattern.DOTALL)
        .matcher(x).replaceAll("");
    x = x.replaceAll("\\s+camunda:historyTimeToLive=\"[^\"]*\"", "");
    x = x.replace("camunda:asyncBefore=\"true\"", "flowable:async=\"true\"");
    x = x.replace("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"",
        "xmlns:flowable=\"http://flowable.org/bpmn\"");
    x = x.replaceAll("\\bcamunda:(candidateGroups|dueDate|delegateExpression)=", "flowable:$1=");
    if (x.contains("camunda:")) {
      // anything left would be silently ignored by Flowable: fail instead
      throw new IllegalStateException("unhandled camunda: construct in the model");
    }
    return x;
  }

  @Override
  public void deploy(Path model) throws Exception {
    String deploymentId = engine.getRepositoryService().createDeployment()
        .addString("aufgabenzyklus.bpmn20.xml", rewrite(Files.readString(model))).deploy().getId();
    // the rewrite must keep what W1 relies on
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deploymentId).singleResult().getId();
    BpmnModel bpmn = engine.getRepositoryService().getBpmnModel(definitionId);
    UserTask first = (UserTask) bpmn.getFlowElement("Task_Erstberatung");
    ServiceTask mail = (ServiceTask) bpmn.getFlowElement("Task_Benachrichtigen");
    if (!first.getCandidateGroups().contains("kiLehrkraefte") || first.getDueDate() == null
        || !mail.isAsynchronous() || !"${partnerEmail}".equals(mail.getImplementation())) {
      throw new IllegalStateException("rewritten model lost candidateGroups, dueDate, async or delegateExpression");
    }
  }

  @Override
  public String startInstance(String businessKey, Map<String, Object> variables) {
    return engine.getRuntimeService()
        .startProcessInstanceByKey(PROCESS_KEY, businessKey, variables).getId();
  }

  @Override
  public String findTask(String processInstanceId, String taskDefinitionKey) {
    Task t = engine.getTaskService().createTaskQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey).singleResult();
    if (t == null) {
      throw new IllegalStateException("no task " + taskDefinitionKey + " in " + processInstanceId);
    }
    return t.getId();
  }

  @Override
  public void completeTask(String taskId) {
    engine.getTaskService().complete(taskId);
  }

  @Override
  public long countFinished(String businessKeyPrefix) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKeyLike(businessKeyPrefix + "%")
        .finished().count();
  }

  @Override
  public long countOpenJobs() {
    // failed jobs wait for their retry as timer jobs in Flowable
    return engine.getManagementService().createJobQuery().count()
        + engine.getManagementService().createTimerJobQuery().count();
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
  }
}
