package de.hsk.ki.plattform.partnermail;

import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.partner.Schulform;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service task "E-Mail an Partner" (element template .camunda/element-templates/partner-email.json).
 * Input parameters: {@code vorlage} (a {@link MailVorlage}), {@code empfaenger} (key in the partner
 * directory), optional {@code aufgabe} (id of a user task whose Tasklist link the e-mail carries).
 * Run it asynchronously: the job's retries cover a mail server that is down.
 */
@Component("partnerEmail")
public class PartnerEmailDelegate implements JavaDelegate {

  private final PartnerEmailVersand versand;
  private final PartnerVerzeichnis verzeichnis;
  private final String basisUrl;

  public PartnerEmailDelegate(
      PartnerEmailVersand versand, PartnerVerzeichnis verzeichnis, @Value("${ki.basis-url}") String basisUrl) {
    this.versand = versand;
    this.verzeichnis = verzeichnis;
    this.basisUrl = basisUrl;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MailVorlage vorlage = MailVorlage.valueOf((String) execution.getVariableLocal("vorlage"));
    String empfaenger = (String) execution.getVariableLocal("empfaenger");
    String aufgabe = (String) execution.getVariableLocal("aufgabe");

    // Only what a partner needs to act: labels of municipality and school form, no personal data.
    Map<String, Object> werte = new HashMap<>();
    Object kommune = execution.getVariable("kommune");
    if (kommune != null) {
      werte.put("kommune", verzeichnis.kommune(kommune.toString()).map(PartnerVerzeichnis.Kommune::name).orElse(null));
    }
    Object schulform = execution.getVariable("empfohleneSchulform");
    if (schulform != null) {
      werte.put("schulform", Schulform.bezeichnungVon(schulform.toString()));
    }
    werte.put("erneut", execution.getVariable("ablehnungsgrund") != null);
    if (aufgabe != null) {
      Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
          .processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(aufgabe)
          .singleResult();
      if (task != null) {
        werte.put("link", basisUrl + "/camunda/app/tasklist/default/#/?task=" + task.getId());
      }
    }
    versand.sende(Sendeschluessel.fuer(execution, vorlage.name(), empfaenger), vorlage, empfaenger,
        execution.getProcessBusinessKey(), werte);
  }
}
