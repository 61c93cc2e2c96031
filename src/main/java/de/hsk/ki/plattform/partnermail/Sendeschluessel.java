package de.hsk.ki.plattform.partnermail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Idempotency key of one e-mail step: the same for every retry of one visit of the step, new for
 * the next visit (a loop, the next counselling session). Retries are rolled back, so they leave
 * no finished visit behind; the number of finished visits tells visits apart.
 */
public final class Sendeschluessel {

  private Sendeschluessel() {}

  public static String fuer(DelegateExecution execution, String vorlage, String empfaenger) {
    long fertigeBesuche = execution.getProcessEngineServices().getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .activityId(execution.getCurrentActivityId())
        .finished()
        .count();
    String text = String.join("|", execution.getProcessInstanceId(), execution.getCurrentActivityId(), vorlage, empfaenger,
        Long.toString(fertigeBesuche));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
