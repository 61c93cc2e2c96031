package de.hsk.ki.plattform.einwilligung;

import de.hsk.ki.plattform.formular.Auswahloptionen;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.prozess.Variable;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Prefills the consent task from the case, so that nothing known is typed again: who may declare
 * (only the person themself from 18, only the guardians under 15, the choice in between), the
 * person's name where it is the young person, the purpose (from the calling process, else the
 * partner) and today's date. The prefill goes into the block's own scope, not onto the task: a
 * task-local value would shadow what a completion through the API sends with the task.
 */
@Component("einwilligungVorbereiten")
public class EinwilligungVorbereiten implements TaskListener {

  static final Variable<Object> PERSON_OPTIONEN = Variable.wert("personOptionen");

  private final PartnerVerzeichnis verzeichnis;

  public EinwilligungVorbereiten(PartnerVerzeichnis verzeichnis) {
    this.verzeichnis = verzeichnis;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate heute = Zeit.heute();
    Object geburtsdatum = task.getVariable("geburtsdatum");
    Integer alter = geburtsdatum == null ? null : Period.between(Zeit.datum(geburtsdatum), heute).getYears();
    Map<String, String> personen = new LinkedHashMap<>();
    if (alter == null || alter < 18) {
      if (alter == null || alter >= 15) {
        personen.put("JUGENDLICHE", "die oder der Jugendliche selbst");
      }
      personen.put("SORGEBERECHTIGTE", "Sorgeberechtigte");
    } else {
      personen.put("JUGENDLICHE", "die Person selbst (volljährig)");
    }
    Auswahloptionen.anAufgabe(task, PERSON_OPTIONEN, personen);
    if (personen.size() == 1) {
      task.setVariable("einwilligendePerson", personen.keySet().iterator().next());
    }
    if (alter != null && alter >= 15) {
      String name = ((task.getVariable("vorname") == null ? "" : task.getVariable("vorname")) + " "
          + (task.getVariable("nachname") == null ? "" : task.getVariable("nachname"))).trim();
      if (!name.isEmpty() && (alter >= 18 || personen.size() == 1)) {
        task.setVariable("einwilligendeName", name);
      }
    }
    if (task.getVariable("zweck") == null) {
      String partner = (String) task.getVariable("partner");
      String name = partner == null ? null : verzeichnis.finde(partner).map(p -> p.name()).orElse(partner);
      if (name != null) {
        task.setVariable("zweck", "Übermittlung an " + name + " zur Beratung und Vermittlung");
      }
    }
    task.setVariable("einwilligungsdatum", heute.toString());
  }
}
