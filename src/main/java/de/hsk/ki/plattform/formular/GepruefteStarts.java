package de.hsk.ki.plattform.formular;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * The runtime service with every start by a person (an authenticated user) checked against the
 * process's start form, as if it had been submitted: REST {@code /process-definition/…/start} and
 * the Java API. Start instructions and skipped listeners are refused for persons: a case begins at
 * its start event. Starts by the application itself (no user) are not checked.
 */
final class GepruefteStarts extends RuntimeServiceImpl {

  private final Formularregeln regeln;

  GepruefteStarts(Formularregeln regeln) {
    this.regeln = regeln;
  }

  @Override
  public ProcessInstantiationBuilder createProcessInstanceById(String processDefinitionId) {
    return new GepruefterStart(processDefinitionId, null);
  }

  @Override
  public ProcessInstantiationBuilder createProcessInstanceByKey(String processDefinitionKey) {
    return new GepruefterStart(null, processDefinitionKey);
  }

  private final class GepruefterStart extends ProcessInstantiationBuilderImpl {

    GepruefterStart(String id, String key) {
      super(GepruefteStarts.this.commandExecutor);
      this.processDefinitionId = id;
      this.processDefinitionKey = key;
    }

    /**
     * Check and start in one command, so one transaction; the start then uses the checked version
     * by id from the deployment cache instead of asking the database for the latest version again.
     */
    @Override
    public ProcessInstanceWithVariables executeWithVariablesInReturn(boolean skipCustomListeners, boolean skipIoMappings) {
      return commandExecutor.execute(kontext -> {
        if (kontext.getAuthenticatedUserId() != null) {
          pruefen(kontext, skipCustomListeners, skipIoMappings);
        }
        return super.executeWithVariablesInReturn(skipCustomListeners, skipIoMappings);
      });
    }

    private void pruefen(org.camunda.bpm.engine.impl.interceptor.CommandContext kontext, boolean skipCustomListeners,
        boolean skipIoMappings) {
      if (!modificationBuilder.getModificationOperations().isEmpty()) {
        throw EingabeAbgelehnt.parameter("startInstructions",
            "Der Parameter „startInstructions“ ist hier nicht erlaubt: ein Fall beginnt mit seinem Startformular.");
      }
      if (skipCustomListeners || skipIoMappings) {
        throw EingabeAbgelehnt.parameter("skipCustomListeners",
            "Die Parameter „skipCustomListeners“ und „skipIoMappings“ sind hier nicht erlaubt.");
      }
      if (caseInstanceId != null) {
        throw EingabeAbgelehnt.parameter("caseInstanceId", "Der Parameter „caseInstanceId“ ist hier nicht erlaubt.");
      }
      var cache = kontext.getProcessEngineConfiguration().getDeploymentCache();
      ProcessDefinitionEntity definition = processDefinitionId != null
          ? cache.findDeployedProcessDefinitionById(processDefinitionId)
          : cache.findDeployedLatestProcessDefinitionByKey(processDefinitionKey);
      regeln.pruefeStart(definition, getVariables());
      if (definition != null && processDefinitionId == null && !isProcessDefinitionTenantIdSet) {
        processDefinitionId = definition.getId();
        processDefinitionKey = null;
      }
    }
  }
}
