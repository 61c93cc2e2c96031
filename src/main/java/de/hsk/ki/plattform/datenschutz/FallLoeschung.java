package de.hsk.ki.plattform.datenschutz;

import de.hsk.ki.plattform.zeit.Zeit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure of one case on request (DSGVO Art. 17): the running instance, its whole history
 * (variables and their details, tasks, comments, decisions, job logs) and the application's own
 * records of it (every {@link Falldaten} module: consents, e-mail register, …). What remains is an
 * entry in ki_loeschprotokoll with the case number only, and the access log's rows (case number,
 * user, time; no data of the child) until their own retention ends, so the erasure stays accountable.
 */
@Service
public class FallLoeschung {

  private static final Logger LOG = LoggerFactory.getLogger(FallLoeschung.class);

  public record Ergebnis(String aktenzeichen, int instanzen, Set<String> prozesse) {}

  private final RuntimeService runtime;
  private final HistoryService history;
  private final JdbcTemplate jdbc;
  private final java.util.List<Falldaten> module;

  public FallLoeschung(ProcessEngine engine, JdbcTemplate jdbc, java.util.List<Falldaten> module) {
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.jdbc = jdbc;
    this.module = java.util.List.copyOf(module);
  }

  @Transactional
  public Ergebnis loesche(String aktenzeichen, String betrieb, String grund) {
    List<HistoricProcessInstance> instanzen =
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(aktenzeichen).list();
    Set<String> prozesse = new TreeSet<>();
    for (HistoricProcessInstance instanz : instanzen) {
      prozesse.add(instanz.getProcessDefinitionKey());
      if (runtime.createProcessInstanceQuery().processInstanceId(instanz.getId()).count() > 0) {
        runtime.deleteProcessInstance(instanz.getId(), "Löschung auf Antrag", true, true, true);
      }
      for (HistoricDecisionInstance entscheidung :
          history.createHistoricDecisionInstanceQuery().processInstanceId(instanz.getId()).list()) {
        history.deleteHistoricDecisionInstanceByInstanceId(entscheidung.getId());
      }
      history.deleteHistoricProcessInstance(instanz.getId());
    }
    for (Falldaten daten : module) {
      daten.loescheFall(aktenzeichen);
    }
    if (!instanzen.isEmpty()) {
      jdbc.update(
          "INSERT INTO ki_loeschprotokoll (aktenzeichen, prozesse, instanzen, geloescht_von, geloescht_am, grund) VALUES (?, ?, ?, ?, ?, ?)",
          aktenzeichen, String.join(",", prozesse), instanzen.size(), betrieb, Zeit.jetzt(), grund);
      LOG.info("Case {} erased on request by {} ({} instance(s))", aktenzeichen, betrieb, instanzen.size());
    }
    return new Ergebnis(aktenzeichen, instanzen.size(), prozesse);
  }
}
