package de.hsk.ki.plattform.einwilligung;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Start of the consent building block: which of the partners handed in (one key or a list) still
 * lack a valid consent for this purpose in the case's register. Only those are asked, all in one
 * task; a partner whose consent for the purpose is already recorded is not asked again.
 */
@Component("offeneEinwilligungen")
public class OffeneEinwilligungen implements ExecutionListener {

  static final String OFFENE_PARTNER = "offenePartner";

  private final Einwilligungen einwilligungen;

  public OffeneEinwilligungen(Einwilligungen einwilligungen) {
    this.einwilligungen = einwilligungen;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object partner = execution.getVariable("partner");
    Object zweck = execution.getVariable("zweck");
    List<String> offen = einwilligungen.ohneEinwilligung(execution.getProcessBusinessKey(), partner,
        zweck instanceof String z && !z.isBlank() ? z : null);
    execution.setVariable(OFFENE_PARTNER,
        Variables.objectValue(offen).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    if (offen.isEmpty() && partner instanceof String) {
      // callers of template version 1 branch on this output
      execution.setVariable("einwilligung", "ERTEILT");
    }
  }
}
