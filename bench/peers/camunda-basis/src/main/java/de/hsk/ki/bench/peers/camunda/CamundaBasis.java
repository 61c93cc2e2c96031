package de.hsk.ki.bench.peers.camunda;

import de.hsk.ki.bench.peers.gemeinsam.Engine;
import de.hsk.ki.bench.peers.gemeinsam.PartnerMail;
import de.hsk.ki.bench.peers.gemeinsam.W1Driver;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;

/** Baseline: bare Camunda 7.24 engine with default settings, no Spring. */
public final class CamundaBasis implements Engine {

  private ProcessEngine engine;

  public static void main(String[] args) throws Exception {
    W1Driver.run(new CamundaBasis());
    System.exit(0);
  }

  @Override
  public String name() {
    return "camunda-basis";
  }

  @Override
  public String version() {
    String v = ProcessEngine.class.getPackage().getImplementationVersion();
    return v != null ? v : "7.24.0";
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
