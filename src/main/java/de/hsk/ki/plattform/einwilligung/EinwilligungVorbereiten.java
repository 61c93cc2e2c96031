package de.hsk.ki.plattform.einwilligung;

import de.hsk.ki.plattform.formular.Auswahloptionen;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.prozess.Variable;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Prefills the consent task from the case, so that nothing known is typed again: a row for each
 * partner still to ask (one task for all of them), who may declare
 * (Decision_Einwilligungsberechtigt: the person themself from 18, the guardians under 14, in
 * between as the capacity to understand decides), the
 * name of an adult (who declares for themself), the purpose (from the calling process, else the
 * partners' names) and today's date. The prefill goes into the block's own scope, not onto the task: a
 * task-local value would shadow what a completion through the API sends with the task.
 */
@Component("einwilligungVorbereiten")
public class EinwilligungVorbereiten implements TaskListener {

  static final Variable<Object> PERSON_OPTIONEN = Variable.wert("personOptionen");
  static final Variable<Object> PARTNER_OPTIONEN = Variable.wert("partnerOptionen");
  /** The rows of the form: one per partner asked, {partner, einwilligung, erklaerungsform}. */
  static final String ZEILEN = "einwilligungsZeilen"; // not "einwilligungen": that is the register bean's name in expressions

  private final PartnerVerzeichnis verzeichnis;
  private final WerWilligtEin werWilligtEin;

  public EinwilligungVorbereiten(PartnerVerzeichnis verzeichnis, WerWilligtEin werWilligtEin) {
    this.verzeichnis = verzeichnis;
    this.werWilligtEin = werWilligtEin;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate heute = Zeit.heute();
    LocalDate geboren = personenAnbieten(task);
    Integer alter = geboren == null ? null : Period.between(geboren, heute).getYears();
    if (alter != null && alter >= 18) {
      String name = ((task.getVariable("vorname") == null ? "" : task.getVariable("vorname")) + " "
          + (task.getVariable("nachname") == null ? "" : task.getVariable("nachname"))).trim();
      if (!name.isEmpty()) {
        task.setVariable("einwilligendeName", name);
      }
    }
    zeilenAnlegen(task);
    task.setVariable("einwilligungsdatum", heute.toString());
  }

  /**
   * Who may be chosen as declarant today, and whether the form asks for the capacity to understand
   * (only where it decides: 14 to 17); the only possible declarant is preset.
   *
   * @return the date of birth, or null when the case has none
   */
  LocalDate personenAnbieten(DelegateTask task) {
    LocalDate heute = Zeit.heute();
    Object geburtsdatum = task.getVariable("geburtsdatum");
    LocalDate geboren = geburtsdatum == null ? null : Zeit.datum(geburtsdatum);
    // a process may require the guardians for a partner (KAoA-kompakt): then the capacity decides nothing
    boolean verlangt = werWilligtEin.sorgeberechtigteVerlangt(task);
    Map<String, String> personen = werWilligtEin.angeboten(geboren, heute, verlangt);
    Auswahloptionen.anAufgabe(task, PERSON_OPTIONEN, personen);
    task.setVariableLocal("einsichtsfrage", !verlangt && WerWilligtEin.einsichtsfrage(geboren, heute));
    if (personen.size() == 1) {
      task.setVariable("einwilligendePerson", personen.keySet().iterator().next());
    }
    return geboren;
  }

  /** The options and the form's rows: one per partner asked. */
  void zeilenAnlegen(DelegateTask task) {
    List<String> partner = offenePartner(task);
    Map<String, String> namen = new LinkedHashMap<>();
    partner.forEach(p -> namen.put(p, verzeichnis.finde(p).map(e -> e.name()).orElse(p)));
    Auswahloptionen.anAufgabe(task, PARTNER_OPTIONEN, namen);
    // one row per partner: the decision and its form are recorded for each
    List<Map<String, Object>> zeilen = new ArrayList<>();
    for (String p : partner) {
      Map<String, Object> zeile = new LinkedHashMap<>();
      zeile.put("partner", p);
      // present but empty: form-js would otherwise fill the missing values and flag them at once
      zeile.put("einwilligung", null);
      zeile.put("erklaerungsform", null);
      zeilen.add(zeile);
    }
    task.setVariable(ZEILEN, Variables.objectValue(zeilen).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    if (task.getVariable("zweck") == null && !partner.isEmpty()) {
      // the register keeps the purpose with each row: it names the partners, not "the ones below"
      task.setVariable("zweck", "Übermittlung an " + String.join(", ", namen.values()) + " zur Beratung und Vermittlung");
    }
  }

  /** The partners this task asks for, in order (set when the block started). */
  @SuppressWarnings("unchecked")
  static List<String> offenePartner(DelegateTask task) {
    Object offen = task.getVariable(OffeneEinwilligungen.OFFENE_PARTNER);
    if (offen instanceof List<?> liste) {
      return ((List<Object>) liste).stream().map(String::valueOf).toList();
    }
    // a block started before the list existed: its single partner
    Object partner = task.getVariable("partner");
    return partner == null ? List.of() : List.of(String.valueOf(partner));
  }
}
