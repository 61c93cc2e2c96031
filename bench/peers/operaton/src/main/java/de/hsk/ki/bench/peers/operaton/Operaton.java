package de.hsk.ki.bench.peers.operaton;

import de.hsk.ki.bench.peers.gemeinsam.Engine;
import de.hsk.ki.bench.peers.gemeinsam.PartnerMail;
import de.hsk.ki.bench.peers.gemeinsam.W1Driver;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.operaton.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.task.Task;

/** Operaton 1.0 (Apache-2.0 continuation of Camunda 7), same settings as the baseline, model unchanged. */
public final class Operaton implements Engine {

  private ProcessEngine engine;

  public static void main(String[] args) throws Exception {
    W1Driver.run(new Operaton());
    System.exit(0);
  }

  @Override
  public String name() {
    return "operaton";
  }

  @Override
  public String version() {
    String v = ProcessEngine.class.getPackage().getImplementationVersion();
    return v != null ? v : "1.0.3";
  }

  @Override
  public void build(DataSource dataSource, PartnerMail mail) {
    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    // defaults except: connection, schema creation on the fresh database, history, job executor, ids
    cfg.setDataSource(dataSource);
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    cfg.setJobExecutorActivate(true);
    Map<Object, Object> beans = new HashMap<>();
    beans.put("partnerEmail", (JavaDelegate) execution -> mail.send(execution.getProcessBusinessKey()));
    cfg.setBeans(beans);
    if (W1Driver.uuidIds()) {
      cfg.setIdGenerator(new StrongUuidGenerator()); // see W1Driver.uuidIds()
    }
    engine = cfg.buildProcessEngine();
  }

  @Override
  public void deploy(Path model) throws Exception {
    try (InputStream in = Files.newInputStream(model)) {
      engine.getRepositoryService().createDeployment()
          .addInputStream("aufgabenzyklus.bpmn", in).deploy();
    }
    checkCamundaNamespace();
  }

  /**
   * The model keeps xmlns:camunda; a probe case proves Operaton honours it (candidate group, due
   * date, asyncBefore) rather than silently ignoring the attributes.
   */
  private void checkCamundaNamespace() {
    String pid = startInstance("probe-namespace", Map.of("frist", new java.util.Date()));
    Task first = engine.getTaskService().createTaskQuery().processInstanceId(pid)
        .taskCandidateGroup("kiLehrkraefte").singleResult();
    if (first == null || first.getDueDate() == null) {
      throw new IllegalStateException("camunda:candidateGroups/dueDate not applied by Operaton");
    }
    completeTask(first.getId());
    completeTask(findTask(pid, "Task_Zuweisung"));
    long asyncJobs = engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(pid)
        .creationLog().count();
    if (asyncJobs != 1) {
      throw new IllegalStateException("camunda:asyncBefore not applied by Operaton");
    }
    System.out.println("Operaton accepts the camunda: namespace (candidate group, due date, async job checked)");
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
    return engine.getManagementService().createJobQuery().count();
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
  }
}
