package de.hsk.ki.testkit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/** The asynchronous steps of a case (e-mails, continuations), run at once in tests where the job executor is off. */
public final class Jobs {

  private Jobs() {}

  /** Runs the jobs of this case that are due now, oldest first, until none is left. */
  public static void ausfuehren(ProcessEngine engine, String prozessInstanz) {
    for (int i = 0; i < 200; i++) {
      Job job = engine.getManagementService().createJobQuery().processInstanceId(prozessInstanz).messages().executable()
          .orderByJobId().asc().listPage(0, 1).stream().findFirst().orElse(null);
      if (job == null) {
        return;
      }
      engine.getManagementService().executeJob(job.getId());
    }
    throw new AssertionError("jobs keep coming");
  }
}
