package de.hsk.ki.plattform.fall;

import de.hsk.ki.plattform.prozess.Prozesse;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every case of a described process its case number when it starts (business key
 * &lt;prefix&gt;-&lt;year&gt;-&lt;number&gt; and the variable "aktenzeichen"), replacing whatever a client sent,
 * so no personal data can end up in the key. Processes without a descriptor (called building
 * blocks) keep the key their caller passes on.
 */
@Component
public class Aktenzeichenvergabe extends AbstractProcessEnginePlugin {

  public static final String VARIABLE = "aktenzeichen";

  private final ObjectProvider<Prozesse> prozesse;
  private final ObjectProvider<Fallnummern> fallnummern;

  public Aktenzeichenvergabe(ObjectProvider<Prozesse> prozesse, ObjectProvider<Fallnummern> fallnummern) {
    this.prozesse = prozesse;
    this.fallnummern = fallnummern;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    de.hsk.ki.plattform.prozess.Parselistener.hinzufuegen(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity definition) {
        String schluessel = definition.getKey();
        definition.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
            prozesse.getObject().zu(schluessel).ifPresent(p -> {
              String aktenzeichen = fallnummern.getObject().naechste(p.praefix());
              execution.setProcessBusinessKey(aktenzeichen);
              execution.setVariable(VARIABLE, aktenzeichen);
            }));
      }
    });
  }
}
