package de.hsk.ki.plattform.einwilligung;

import de.hsk.ki.plattform.prozess.Ablehnung;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of the consent building block (processes/_bausteine/einwilligung.bpmn): records who
 * consented (or refused) for which partner and purpose in the register, and hands the updated
 * overview back to the calling case.
 */
@Component("einwilligungErfassen")
public class EinwilligungErfassen implements TaskListener {

  private final Einwilligungen einwilligungen;

  public EinwilligungErfassen(Einwilligungen einwilligungen) {
    this.einwilligungen = einwilligungen;
  }

  @Override
  public void notify(DelegateTask task) {
    String rolle = (String) task.getVariable("einwilligendePerson");
    // age on the day of the declaration, not at intake: a case can run for years
    LocalDate datum = LocalDate.parse((String) task.getVariable("einwilligungsdatum"));
    String einwand = WerWilligtEin.einwand(rolle, Zeit.datum(task.getVariable("geburtsdatum")), datum);
    if (einwand != null) {
      throw Ablehnung.wegen(einwand); // also without a form: the register never holds a wrong declarant
    }
    String aktenzeichen = task.getExecution().getProcessBusinessKey();
    einwilligungen.erfasse(aktenzeichen, (String) task.getVariable("partner"),
        "ERTEILT".equals(task.getVariable("einwilligung")), rolle, (String) task.getVariable("einwilligendeName"),
        (String) task.getVariable("zweck"), datum, benutzer(task), (String) task.getVariable("erklaerungsform"));
    task.setVariable("einwilligungenUebersicht", einwilligungen.uebersicht(aktenzeichen));
  }

  private static String benutzer(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null ? auth.getUserId() : task.getAssignee();
  }
}
