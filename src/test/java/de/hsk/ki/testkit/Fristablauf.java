package de.hsk.ki.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/** Jobs of a case: run one, or let a deadline pass after checking it is due after the configured period. */
public final class Fristablauf {

  private Fristablauf() {}

  public static Job job(ProcessEngine engine, String prozessInstanz, String aktivitaet) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(prozessInstanz).activityId(aktivitaet).singleResult();
    assertThat(job).as("job of " + aktivitaet).isNotNull();
    return job;
  }

  public static void fuehreAus(ProcessEngine engine, String prozessInstanz, String aktivitaet) {
    engine.getManagementService().executeJob(job(engine, prozessInstanz, aktivitaet).getId());
  }

  /**
   * The timer of {@code aktivitaet} is due {@code periode} (an ISO setting such as "P14D") after
   * {@code seit}, give or take a minute; then it fires, as it would when the period has passed.
   */
  public static void lasseVerstreichen(ProcessEngine engine, String prozessInstanz, String aktivitaet, String periode, Instant seit) {
    Job timer = job(engine, prozessInstanz, aktivitaet);
    Instant erwartet = periode.startsWith("PT") ? seit.plus(Duration.parse(periode))
        : seit.atZone(ZoneId.of("Europe/Berlin")).plus(Period.parse(periode)).toInstant();
    assertThat(timer.getDuedate().toInstant()).isBetween(erwartet.minusSeconds(60), erwartet.plusSeconds(60));
    engine.getManagementService().executeJob(timer.getId());
  }
}
