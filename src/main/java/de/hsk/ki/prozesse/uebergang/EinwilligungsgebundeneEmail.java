package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.partnermail.MailVorlage;
import de.hsk.ki.plattform.partnermail.PartnerEmailVersand;
import de.hsk.ki.plattform.partnermail.Sendeschluessel;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * E-mail to a partner that carries data of a young person: sent only while a recorded consent for
 * that partner exists and has not been withdrawn; otherwise nothing leaves the KI and the case
 * goes on. Checked when sending, so a withdrawal stops every later transfer.
 */
@Component("einwilligungsgebundeneEmail")
public class EinwilligungsgebundeneEmail implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(EinwilligungsgebundeneEmail.class);

  private final Einwilligungen einwilligungen;
  private final PartnerEmailVersand versand;

  public EinwilligungsgebundeneEmail(Einwilligungen einwilligungen, PartnerEmailVersand versand) {
    this.einwilligungen = einwilligungen;
    this.versand = versand;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String aktenzeichen = execution.getProcessBusinessKey();
    String partner = (String) execution.getVariableLocal("empfaenger");
    if (!einwilligungen.liegtVor(aktenzeichen, partner)) {
      LOG.info("No valid consent in case {} for partner {}: nothing sent", aktenzeichen, partner);
      return;
    }
    MailVorlage vorlage = MailVorlage.valueOf((String) execution.getVariableLocal("vorlage"));
    versand.sende(Sendeschluessel.fuer(execution, vorlage.name(), partner), vorlage, partner, aktenzeichen, Map.of());
  }
}
