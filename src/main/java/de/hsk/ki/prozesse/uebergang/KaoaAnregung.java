package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.einwilligung.SorgeberechtigtePflicht;
import de.hsk.ki.plattform.formular.Auswahloptionen;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerTyp;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.prozess.Ablehnung;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * KAoA-kompakt is suggested, not booked (review U5): the school runs it with its contracted provider,
 * coordinated by the Kommunale Koordinierung. With the guardians' consent the KI tells the young
 * person's school (if it is in the directory) and the KoKo, by case number only; the school then
 * contacts the KI. For a minor only the guardians consent to these partners (the statewide consent
 * form is for them); the row lives in Decision_Einwilligungsberechtigt.
 */
@Component("kaoaAnregung")
public class KaoaAnregung implements SorgeberechtigtePflicht {

  private static final Logger LOG = LoggerFactory.getLogger(KaoaAnregung.class);
  static final String KOKO = "KOKO_KAOA";
  /** The provider the KI booked before model 1.3.0; consents to it still need the guardians. */
  static final String KAOA_TRAEGER = "KAOA_TRAEGER";
  /** Grade 10 and the IFK: where KAoA-kompakt is offered to newcomers. */
  static final Set<String> KLASSEN = Set.of("KLASSE_10", "IFK");
  /** Schools with a grade 10 or an IFK; not the primary schools. */
  private static final Set<String> SCHULFORMEN = Set.of("HAUPTSCHULE", "REALSCHULE", "SEKUNDARSCHULE", "GESAMTSCHULE",
      "GYMNASIUM", "FOERDERSCHULE", "BERUFSKOLLEG");

  private final PartnerVerzeichnis verzeichnis;
  private final ProcessEngine engine;

  public KaoaAnregung(PartnerVerzeichnis verzeichnis, @Lazy ProcessEngine engine) {
    this.verzeichnis = verzeichnis;
    this.engine = engine;
  }

  /** Create listener of "Schulischen Anschluss festlegen": the schools to choose from, the young person's municipality first. */
  public void schulenAnbieten(DelegateTask task) {
    Auswahloptionen.anAufgabe(task, Uebergang.KAOA_SCHUL_OPTIONEN, schulen((String) task.getVariable(Uebergang.KOMMUNE.name())));
  }

  Map<String, String> schulen(String kommune) {
    Map<String, String> optionen = new LinkedHashMap<>();
    verzeichnis.schulen().stream().filter(s -> s.schulform() != null && SCHULFORMEN.contains(s.schulform()))
        .sorted(Comparator.comparing((Partner s) -> !s.kommune().equals(kommune)).thenComparing(Partner::name))
        .forEach(s -> optionen.put(s.schluessel(), s.name()));
    return optionen;
  }

  /** The partners to ask for consent and then to tell: the school (if chosen) and the KoKo; none without KAoA-kompakt. */
  List<String> partner(DelegateTask task) {
    List<String> partner = new ArrayList<>();
    if (!Boolean.TRUE.equals(Uebergang.KAOA_KOMPAKT.von(task)) || !KLASSEN.contains(Uebergang.AKTUELLE_KLASSE.von(task))) {
      return partner;
    }
    String schule = Uebergang.KAOA_SCHULE.von(task);
    if (schule != null && !schule.isBlank()) {
      // the form offers only schools; a client could send any key
      if (verzeichnis.finde(schule).filter(s -> s.typ() == PartnerTyp.SCHULE).isEmpty()) {
        throw Ablehnung.wegen("Schule für KAoA-kompakt: „" + schule + "“ ist keine Schule im Partnerverzeichnis.");
      }
      partner.add(schule);
    }
    partner.add(KOKO);
    return partner;
  }

  /** Whether a referral to this partner is the KAoA-kompakt suggestion (not a referral the partner answers). */
  public boolean istAnregung(String partner) {
    return KOKO.equals(partner) || verzeichnis.finde(partner).map(p -> p.typ() == PartnerTyp.SCHULE).orElse(false);
  }

  /** The school's name for the KoKo's e-mail (which school to coordinate with), or null. No data of the person. */
  public String schulname(DelegateExecution execution) {
    Object schule = execution.getVariable(Uebergang.KAOA_SCHULE.name());
    return schule == null ? null : verzeichnis.finde(schule.toString()).map(Partner::name).orElse(null);
  }

  @Override
  public boolean gilt(String aktenzeichen, String partner) {
    return aktenzeichen != null && aktenzeichen.startsWith(Uebergang.PRAEFIX + "-")
        && (KAOA_TRAEGER.equals(partner) || istAnregung(partner));
  }

  /** Open tasks from before model 1.3.0 get the schools at start-up, so the new form offers them. */
  @EventListener(ApplicationReadyEvent.class)
  public int aeltereAufgaben() {
    int anzahl = 0;
    for (Task aufgabe : engine.getTaskService().createTaskQuery()
        .taskDefinitionKey(Uebergang.Element.Task_SchulischenAnschlussFestlegen.name()).list()) {
      if (engine.getTaskService().getVariableLocal(aufgabe.getId(), Uebergang.KAOA_SCHUL_OPTIONEN.name()) != null) {
        continue;
      }
      try {
        Object kommune = engine.getTaskService().getVariable(aufgabe.getId(), Uebergang.KOMMUNE.name());
        engine.getTaskService().setVariableLocal(aufgabe.getId(), Uebergang.KAOA_SCHUL_OPTIONEN.name(),
            Auswahloptionen.wert(schulen(kommune == null ? null : kommune.toString())));
        anzahl++;
      } catch (RuntimeException e) {
        LOG.warn("Schulen für KAoA-kompakt an einer älteren Aufgabe nicht gesetzt: {}", e.getMessage());
      }
    }
    return anzahl;
  }
}
