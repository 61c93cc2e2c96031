package de.hsk.ki.bench.peers.gemeinsam;

import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;

/** What the W1 driver needs from an engine; one small implementation per engine module. */
public interface Engine {

  String PROCESS_KEY = "Process_BenchAufgabenzyklus";

  String name();

  String version();

  /** Builds the engine (history full, job/async executor on, bean "partnerEmail"); timed as start-up. */
  void build(DataSource dataSource, PartnerMail mail) throws Exception;

  /** Deploys the model from the given file (rewritten at load time where the engine needs it). */
  void deploy(Path model) throws Exception;

  /** Starts an instance, returns its id. */
  String startInstance(String businessKey, Map<String, Object> variables);

  /** Id of the open task of the instance with the given task definition key. */
  String findTask(String processInstanceId, String taskDefinitionKey);

  void completeTask(String taskId);

  /** Finished instances (from history) whose business key starts with the prefix. */
  long countFinished(String businessKeyPrefix);

  /** Jobs not yet executed (the async e-mail step). */
  long countOpenJobs();

  void close();
}
