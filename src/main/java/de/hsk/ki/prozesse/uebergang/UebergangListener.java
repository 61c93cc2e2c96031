package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.prozess.Variable;
import de.hsk.ki.plattform.fall.Listen;
import de.hsk.ki.plattform.einwilligung.Einwilligungen;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task listeners of the transition process, each a small bean the model names. */
@Configuration
public class UebergangListener {

  static final String KAOA_TRAEGER = "KAOA_TRAEGER";

  /** School track: next intake date; KAoA-kompakt needs a consent for the provider first. */
  @Bean
  TaskListener schulischenAnschlussFestlegen(Einstiegstermine einstiegstermine) {
    return task -> {
      String bildungsgang = Uebergang.BILDUNGSGANG.von(task);
      Uebergang.NAECHSTER_EINSTIEG.setze(task, einstiegstermine.naechster(bildungsgang, heute()));
      String klasse = Uebergang.AKTUELLE_KLASSE.von(task);
      boolean berechtigt = "KLASSE_10".equals(klasse) || "IFK".equals(klasse);
      List<String> partner = new ArrayList<>();
      if (berechtigt && Boolean.TRUE.equals(Uebergang.KAOA_KOMPAKT.von(task))) {
        partner.add(KAOA_TRAEGER);
      }
      setzeListe(task, Uebergang.VERMITTLUNGS_PARTNER, partner);
    };
  }

  /** Referral track: the partners chosen in the form, each to be asked for consent. */
  @Bean
  TaskListener vermittlungFestlegen() {
    return task -> setzeListe(task, Uebergang.VERMITTLUNGS_PARTNER, Listen.alsStrings(task.getVariable(Uebergang.PARTNER_AUSWAHL.name())));
  }

  /** After a counselling session: withdrawals take effect at once; partners to inform are collected. */
  @Bean
  TaskListener sitzungAuswerten(Einwilligungen einwilligungen) {
    return task -> {
      String aktenzeichen = task.getExecution().getProcessBusinessKey();
      for (String partner : Listen.alsStrings(task.getVariable(Uebergang.EINWILLIGUNG_WIDERRUFEN.name()))) {
        einwilligungen.widerrufe(aktenzeichen, partner, benutzer(task));
      }
      Uebergang.EINWILLIGUNG_WIDERRUFEN.setze(task, null);
      setzeListe(task, Uebergang.ZU_INFORMIERENDE_PARTNER, Listen.alsStrings(task.getVariable(Uebergang.PARTNER_INFORMIEREN.name())));
      Uebergang.PARTNER_INFORMIEREN.setze(task, null);
      Uebergang.EINWILLIGUNGEN_UEBERSICHT.setze(task, einwilligungen.uebersicht(aktenzeichen));
    };
  }

  private static void setzeListe(DelegateTask task, Variable<List<String>> variable, List<String> werte) {
    task.setVariable(variable.name(), Variables.objectValue(new ArrayList<>(werte))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }

  private static String benutzer(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null ? auth.getUserId() : task.getAssignee();
  }

  private static LocalDate heute() {
    return Zeit.heute();
  }
}
