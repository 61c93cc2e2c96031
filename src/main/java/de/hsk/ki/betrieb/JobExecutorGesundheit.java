package de.hsk.ki.betrieb;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health "jobs": down if it should run and does not (then no timer, reminder or e-mail
 * happens); details say how many jobs are due, failed for good, and how many incidents are open.
 */
@Component("jobs")
public class JobExecutorGesundheit implements HealthIndicator {

  private final ProcessEngine engine;
  private final boolean soll;

  public JobExecutorGesundheit(ProcessEngine engine, @Value("${camunda.bpm.job-execution.enabled:true}") boolean soll) {
    this.engine = engine;
    this.soll = soll;
  }

  @Override
  public Health health() {
    boolean aktiv = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().isActive();
    Health.Builder b = soll && !aktiv ? Health.down() : Health.up();
    return b.withDetail("aktiv", aktiv)
        .withDetail("faelligeJobs", engine.getManagementService().createJobQuery().executable().count())
        .withDetail("fehlgeschlageneJobs", engine.getManagementService().createJobQuery().noRetriesLeft().count())
        .withDetail("offeneVorfaelle", engine.getRuntimeService().createIncidentQuery().count())
        .build();
  }
}
