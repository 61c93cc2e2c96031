package de.hsk.ki;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import de.hsk.ki.plattform.partnermail.Mailausgang;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Operational figures for Prometheus: open tasks, due and failed jobs, incidents, the e-mail register. */
@Component
public class BetriebsKennzahlen implements MeterBinder {

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final Mailausgang ausgang;

  public BetriebsKennzahlen(ProcessEngine engine, JdbcTemplate jdbc, Mailausgang ausgang) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.ausgang = ausgang;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("ki.aufgaben.offen", () -> engine.getTaskService().createTaskQuery().count())
        .description("Offene Benutzeraufgaben").register(registry);
    Gauge.builder("ki.jobs.fehlgeschlagen", () -> engine.getManagementService().createJobQuery().noRetriesLeft().count())
        .description("Jobs ohne verbleibende Wiederholungen (E-Mail-Versand u. a.)").register(registry);
    Gauge.builder("ki.vorfaelle.offen", () -> engine.getRuntimeService().createIncidentQuery().count())
        .description("Offene Vorfälle (Incidents) in Cockpit").register(registry);
    Gauge.builder("ki.jobs.faellig", () -> engine.getManagementService().createJobQuery().executable().count())
        .description("Fällige Jobs, die noch auf den Job-Executor warten (Timer, E-Mails)").register(registry);
    Gauge.builder("ki.mailausgang.offen",
            () -> jdbc.queryForObject("SELECT count(*) FROM ki_mailausgang WHERE status = 'OFFEN'", Long.class))
        .description("Partner-E-Mails begonnen, aber nicht als gesendet vermerkt (Mailserver aus, Wiederholung steht an)")
        .register(registry);
    Gauge.builder("ki.mailausgang.vermerk.ausstehend", ausgang::ausstehend)
        .description("Gesendete E-Mails, deren Vermerk auf die Datenbank wartet (nur in diesem Knoten)").register(registry);
  }
}
