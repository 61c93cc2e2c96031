package de.hsk.ki.plattform.person;

import de.hsk.ki.plattform.prozess.Ablehnung;
import de.hsk.ki.plattform.prozess.Parselistener;
import de.hsk.ki.plattform.zeit.Zeit;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Links every case of a process that declares a {@link Personenfall} to its person when it starts,
 * without code of the process's own: the person and family a
 * starter passes (personNr, familienNr, e.g. the bulk intake after the duplicate decision), the
 * person of the case it continues (vorgaenger), or else a new person and family from the case's own
 * variables, with possible duplicates recorded for staff to decide. A completed task that corrects
 * the name or birth date updates the person.
 */
@Component
public class Personenzuordnung extends AbstractProcessEnginePlugin {

  public static final String PERSON = "personNr";
  public static final String FAMILIE = "familienNr";
  /** The case this one continues (a hand-over between processes). */
  static final String VORGAENGER = "vorgaenger";

  private final ObjectProvider<Personenfall> personenfaelle;
  private final ObjectProvider<Personenregister> register;

  public Personenzuordnung(ObjectProvider<Personenfall> personenfaelle, ObjectProvider<Personenregister> register) {
    this.personenfaelle = personenfaelle;
    this.register = register;
  }

  // asked each time: a case started while the context is still being built must not fix the set too early
  private boolean personenbezogen(String prozess) {
    return personenfaelle.orderedStream().anyMatch(p -> p.schluessel().equals(prozess));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl konfiguration) {
    ExecutionListener beimStart = this::zuordnen;
    TaskListener beimAbschluss = this::angleichen;
    Parselistener.hinzufuegen(konfiguration, new AbstractBpmnParseListener() {
      // on the start event, so the case number (given on the process's own start) is there
      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (scope instanceof ProcessDefinitionEntity) {
          activity.addListener(ExecutionListener.EVENTNAME_START, beimStart);
        }
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_COMPLETE, beimAbschluss);
      }
    });
  }

  void zuordnen(DelegateExecution execution) {
    String schluessel = prozessschluessel(execution);
    String aktenzeichen = execution.getProcessBusinessKey();
    if (aktenzeichen == null || !personenbezogen(schluessel)) {
      return;
    }
    Personenregister personen = register.getObject();
    Long person = zahl(execution, PERSON);
    Long familie = zahl(execution, FAMILIE);
    if (person != null && personen.person(person).isEmpty()) {
      throw Ablehnung.wegen("Die Person Nr. " + person + " ist nicht (mehr) bekannt. Bitte die Person neu erfassen.");
    }
    if (familie != null && personen.familie(familie).isEmpty()) {
      throw Ablehnung.wegen("Die Familie Nr. " + familie + " ist nicht (mehr) bekannt. Bitte die Familie neu erfassen.");
    }
    if (person == null && execution.getVariable(VORGAENGER) instanceof String vorgaenger && !vorgaenger.isBlank()) {
      person = personen.personZumFall(vorgaenger).orElse(null);
    }
    if (person == null) {
      Optional<Personenmerkmale> merkmale = merkmale(execution);
      if (merkmale.isEmpty()) {
        return;
      }
      if (familie == null) {
        Familienangaben angaben = familienangaben(execution);
        familie = angaben.leer() ? null : personen.familieFinden(angaben).orElseGet(() -> personen.familieAnlegen(angaben));
      }
      var kandidaten = personen.kandidaten(merkmale.get());
      person = personen.personAnlegen(merkmale.get(), familie);
      personen.verdachtMerken(person, kandidaten);
    } else if (familie != null) {
      personen.familieZuordnen(person, familie);
    }
    personen.fallZuordnen(aktenzeichen, person, schluessel);
  }

  void angleichen(DelegateTask task) {
    String aktenzeichen = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (aktenzeichen == null || !personenbezogen(prozessschluessel(task.getExecution())) || !task.hasVariable("vorname")) {
      return;
    }
    Personenregister personen = register.getObject();
    personen.personZumFall(aktenzeichen).flatMap(personen::person).ifPresent(p -> merkmale(task).ifPresent(m -> {
      if (!Objects.equals(m, p.merkmale())) {
        personen.personAendern(p.nr(), m);
      }
    }));
  }

  /** The definition's key; its id is not always "key:version:…" (long keys get generated ids). */
  private static String prozessschluessel(DelegateExecution execution) {
    return ((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) execution).getProcessDefinition().getKey();
  }

  static Optional<Personenmerkmale> merkmale(VariableScope fall) {
    String vorname = text(fall, "vorname");
    String nachname = text(fall, "nachname");
    if (vorname == null || nachname == null) {
      return Optional.empty();
    }
    Object geboren = fall.getVariable("geburtsdatum");
    return Optional.of(new Personenmerkmale(vorname, nachname, geboren == null ? null : Zeit.datum(geboren), text(fall, "kommune")));
  }

  static Familienangaben familienangaben(VariableScope fall) {
    return new Familienangaben(text(fall, "erziehungsberechtigte"), text(fall, "anschrift"), text(fall, "telefon"),
        text(fall, "email"), text(fall, "kommune"));
  }

  private static String text(VariableScope fall, String name) {
    return fall.getVariable(name) instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  private static Long zahl(VariableScope fall, String name) {
    Object wert = fall.getVariable(name);
    if (wert == null) {
      return null;
    }
    if (wert instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(wert.toString().strip());
    } catch (NumberFormatException e) {
      throw Ablehnung.wegen("„" + name + "“ muss eine Nummer sein.");
    }
  }
}
