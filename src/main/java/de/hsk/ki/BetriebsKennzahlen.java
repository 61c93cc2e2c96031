package de.hsk.ki;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/** Operational figures for Prometheus: open tasks, failed jobs and open incidents. */
@Component
public class BetriebsKennzahlen implements MeterBinder {

  private final ProcessEngine engine;

  public BetriebsKennzahlen(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("ki.aufgaben.offen", () -> engine.getTaskService().createTaskQuery().count())
        .description("Offene Benutzeraufgaben").register(registry);
    Gauge.builder("ki.jobs.fehlgeschlagen", () -> engine.getManagementService().createJobQuery().noRetriesLeft().count())
        .description("Jobs ohne verbleibende Wiederholungen (E-Mail-Versand u. a.)").register(registry);
    Gauge.builder("ki.vorfaelle.offen", () -> engine.getRuntimeService().createIncidentQuery().count())
        .description("Offene Vorfälle (Incidents) in Cockpit").register(registry);
  }
}
