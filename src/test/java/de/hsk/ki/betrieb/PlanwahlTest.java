package de.hsk.ki.betrieb;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.junit.jupiter.api.Test;

/** Which statements PostgreSQL plans with their values each time (docs/benchmarks.md, W1 and W2). */
class PlanwahlTest {

  private static final String TASK = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";

  @Test
  void breiteAufgabenlistenUndDieJobAkquiseMitWertenAllesAndereMitGespeichertemPlan() {
    TaskQueryImpl gruppe = new TaskQueryImpl();
    gruppe.taskCandidateGroup("kiLehrkraefte");
    assertThat(Planwahl.mitWerten(TASK + "selectTaskCountByQueryCriteria", gruppe)).isTrue();
    assertThat(Planwahl.mitWerten(TASK + "selectTaskByQueryCriteria", gruppe)).isTrue();
    assertThat(Planwahl.mitWerten(TASK + "selectTaskByQueryCriteria", new ListQueryParameterObject(gruppe, 0, 15))).isTrue();
    assertThat(Planwahl.mitWerten("org.camunda.bpm.engine.impl.persistence.entity.JobEntity.selectNextJobsToExecute", null)).isTrue();

    TaskQueryImpl einFall = new TaskQueryImpl();
    einFall.processInstanceId("4711");
    assertThat(Planwahl.mitWerten(TASK + "selectTaskByQueryCriteria", einFall)).isFalse();
    assertThat(Planwahl.mitWerten(TASK + "selectTaskByQueryCriteria", new ListQueryParameterObject(einFall, 0, 1))).isFalse();
    TaskQueryImpl eineAufgabe = new TaskQueryImpl();
    eineAufgabe.taskId("4712");
    assertThat(Planwahl.mitWerten(TASK + "selectTaskCountByQueryCriteria", eineAufgabe)).isFalse();
    assertThat(Planwahl.mitWerten(TASK + "insertTask", null)).isFalse();
    assertThat(Planwahl.mitWerten("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.isUserAuthorizedForResource", null))
        .isFalse();
  }
}
