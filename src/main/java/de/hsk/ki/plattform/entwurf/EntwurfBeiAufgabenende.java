package de.hsk.ki.plattform.entwurf;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process: when it completes or is deleted its drafts go, in the same
 * transaction; when it is assigned to a person, other users' drafts of it go (the draft was theirs).
 */
@Component
public class EntwurfBeiAufgabenende extends AbstractProcessEnginePlugin {

  private final Entwuerfe entwuerfe;

  public EntwurfBeiAufgabenende(@Lazy Entwuerfe entwuerfe) {
    this.entwuerfe = entwuerfe;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener beendet = task -> entwuerfe.aufgabeBeendet(task.getId());
    TaskListener zugewiesen = task -> {
      if (task.getAssignee() != null) {
        entwuerfe.nurNoch(task.getId(), task.getAssignee());
      }
    };
    de.hsk.ki.plattform.prozess.Parselistener.hinzufuegen(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, beendet);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, beendet);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, zugewiesen);
      }
    });
  }
}
