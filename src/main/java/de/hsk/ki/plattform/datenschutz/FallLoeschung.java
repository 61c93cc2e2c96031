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
      List<String> spuren = spuren(instanz.getId());
      if (runtime.createProcessInstanceQuery().processInstanceId(instanz.getId()).count() > 0) {
        runtime.deleteProcessInstance(instanz.getId(), "Löschung auf Antrag", true, true, true);
      }
      for (HistoricDecisionInstance entscheidung :
          history.createHistoricDecisionInstanceQuery().processInstanceId(instanz.getId()).list()) {
        history.deleteHistoricDecisionInstanceByInstanceId(entscheidung.getId());
      }
      history.deleteHistoricProcessInstance(instanz.getId());
      spurenLoeschen(instanz.getId(), spuren);
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

  /** Ids of the case's instances (called building blocks included) and tasks, read before the history goes. */
  private List<String> spuren(String instanz) {
    List<String> ids = new java.util.ArrayList<>(jdbc.queryForList(
        "SELECT id_ FROM act_hi_procinst WHERE id_ = ? OR root_proc_inst_id_ = ?", String.class, instanz, instanz));
    ids.addAll(jdbc.queryForList("SELECT id_ FROM act_hi_taskinst WHERE proc_inst_id_ = ? OR root_proc_inst_id_ = ?",
        String.class, instanz, instanz));
    return ids;
  }

  /**
   * What the engine's deletion leaves: the user operation log (it keeps e.g. a renamed task's name
   * or an attachment's file name) and the grants on the case's instances and tasks.
   */
  private void spurenLoeschen(String instanz, List<String> spuren) {
    jdbc.update("DELETE FROM act_hi_op_log WHERE proc_inst_id_ = ? OR root_proc_inst_id_ = ?", instanz, instanz);
    for (int i = 0; i < spuren.size(); i += 500) {
      List<String> teil = spuren.subList(i, Math.min(spuren.size(), i + 500));
      String in = String.join(",", java.util.Collections.nCopies(teil.size(), "?"));
      jdbc.update("DELETE FROM act_hi_op_log WHERE task_id_ IN (" + in + ") OR proc_inst_id_ IN (" + in + ")",
          java.util.stream.Stream.concat(teil.stream(), teil.stream()).toArray());
      jdbc.update("DELETE FROM act_ru_authorization WHERE resource_id_ IN (" + in + ")", teil.toArray());
    }
  }
}
