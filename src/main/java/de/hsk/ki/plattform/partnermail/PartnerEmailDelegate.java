package de.hsk.ki.plattform.partnermail;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service task "E-Mail an Partner" (element template .camunda/element-templates/partner-email.json).
 * Input parameters: {@code vorlage} (id of a {@link Mailvorlage}), {@code empfaenger} (key in the
 * partner directory), optional {@code aufgabe} (id of a user task whose Tasklist link the e-mail
 * carries) and optional {@code werte} (a map the model fills: labels and periods, no personal data).
 * The delegate reads no variable of a particular process. A template that requires consent goes out
 * only while one is recorded for the recipient; otherwise nothing leaves the KI and the case goes on.
 * Run it asynchronously: the job's retries cover a mail server that is down.
 */
@Component("partnerEmail")
public class PartnerEmailDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(PartnerEmailDelegate.class);

  private final PartnerEmailVersand versand;
  private final Mailvorlagen vorlagen;
  private final Optional<Einwilligungspruefung> einwilligungen;
  private final String basisUrl;

  public PartnerEmailDelegate(PartnerEmailVersand versand, Mailvorlagen vorlagen,
      Optional<Einwilligungspruefung> einwilligungen, @Value("${ki.basis-url}") String basisUrl) {
    this.versand = versand;
    this.vorlagen = vorlagen;
    this.einwilligungen = einwilligungen;
    this.basisUrl = basisUrl;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Mailvorlage vorlage = vorlagen.vorlage((String) execution.getVariableLocal("vorlage"));
    String empfaenger = (String) execution.getVariableLocal("empfaenger");
    String aufgabe = (String) execution.getVariableLocal("aufgabe");
    String aktenzeichen = execution.getProcessBusinessKey();
    if (vorlage.einwilligung()) {
      Einwilligungspruefung pruefung = einwilligungen.orElseThrow(() -> new IllegalStateException(
          "E-Mail-Vorlage " + vorlage.id() + " verlangt eine Einwilligung, aber kein Modul führt Einwilligungen."));
      if (!pruefung.liegtVor(aktenzeichen, empfaenger)) {
        LOG.info("No valid consent in case {} for partner {}: nothing sent", aktenzeichen, empfaenger);
        return;
      }
    }
    Map<String, Object> werte = new HashMap<>();
    if (execution.getVariableLocal("werte") instanceof Map<?, ?> ausDemModell) {
      ausDemModell.forEach((k, v) -> werte.put(String.valueOf(k), v));
    }
    if (vorlage.einwilligung()) {
      // the e-mail states only what was recorded: written or oral, or nothing when not recorded
      werte.put("einwilligungsform", einwilligungen.get().erklaerungsform(aktenzeichen, empfaenger));
    }
    // partners who answer in Tasklist log in there; the e-mail carries no case data (ADR 0006)
    werte.put("aufgabenlisteAdresse", basisUrl + "/camunda/app/tasklist/default/");
    if (aufgabe != null) {
      Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
          .processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(aufgabe)
          .singleResult();
      if (task != null) {
        werte.put("link", basisUrl + "/camunda/app/tasklist/default/#/?task=" + task.getId());
      }
    }
    versand.sende(Sendeschluessel.fuer(execution, vorlage.id(), empfaenger), vorlage, empfaenger, aktenzeichen, werte);
  }
}
