package de.hsk.ki.plattform.partnermail;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import java.util.ArrayList;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * When a job has used up its retries (e.g. a partner e-mail while the mail server is down), the
 * incident shows in Cockpit and operators also get a task in Tasklist saying which case and step
 * wait. After the cause is fixed, "Wiederholen" in Cockpit sends exactly once (idempotency register).
 */
@Component
public class BetriebsaufgabeBeiVorfall extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomIncidentHandlers() == null) {
      configuration.setCustomIncidentHandlers(new ArrayList<>());
    }
    configuration.getCustomIncidentHandlers().add(new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE) {
      @Override
      public Incident handleIncident(IncidentContext context, String message) {
        Incident incident = super.handleIncident(context, message);
        String aktenzeichen = "-";
        if (context.getExecutionId() != null) {
          ExecutionEntity execution = Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId());
          if (execution != null && execution.getProcessBusinessKey() != null) {
            aktenzeichen = execution.getProcessBusinessKey();
          }
        }
        TaskService tasks = Context.getProcessEngineConfiguration().getTaskService();
        Task aufgabe = tasks.newTask();
        aufgabe.setName("Vorfall klären: " + aktenzeichen + " wartet bei " + context.getActivityId());
        String fehler = message == null ? "" : message;
        aufgabe.setDescription("Ein Schritt des Falls " + aktenzeichen + " ist nach allen Wiederholungen gescheitert: "
            + (fehler.length() > 300 ? fehler.substring(0, 300) + "…" : fehler)
            + " Ursache beheben (z. B. Mailserver), dann in Cockpit beim Vorfall „Wiederholen“ wählen und diese Aufgabe abschließen.");
        aufgabe.setPriority(80);
        tasks.saveTask(aufgabe);
        tasks.addCandidateGroup(aufgabe.getId(), KiGruppen.BETRIEB);
        return incident;
      }
    });
  }
}
