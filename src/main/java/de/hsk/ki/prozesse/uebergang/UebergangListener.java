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

  /**
   * School track: next intake date; KAoA-kompakt is suggested to the school and the KoKo after the
   * guardians' consent (review U5). Also the listener of models before 1.3.0, which booked the
   * provider: their open tasks show the new form, so they suggest as well.
   */
  @Bean
  TaskListener schulischenAnschlussFestlegen(Einstiegstermine einstiegstermine, KaoaAnregung kaoa) {
    return task -> {
      String bildungsgang = Uebergang.BILDUNGSGANG.von(task);
      Uebergang.NAECHSTER_EINSTIEG.setze(task, einstiegstermine.naechster(bildungsgang, heute()));
      setzeListe(task, Uebergang.VERMITTLUNGS_PARTNER, kaoa.partner(task));
    };
  }

  /** Referral track: the partners chosen in the form, each to be asked for consent. */
  @Bean
  TaskListener vermittlungFestlegen() {
    return task -> setzeListe(task, Uebergang.VERMITTLUNGS_PARTNER, Listen.alsStrings(task.getVariable(Uebergang.PARTNER_AUSWAHL.name())));
  }

  /**
   * After a counselling session: withdrawals take effect at once, the same way as one recorded at any
   * time (Widerruf); the step after the session tells the partners that received data. Partners to
   * inform are collected.
   */
  @Bean
  TaskListener sitzungAuswerten(Einwilligungen einwilligungen, Widerruf widerruf) {
    return task -> {
      String aktenzeichen = task.getExecution().getProcessBusinessKey();
      List<String> widerrufen = widerruf.erfassen(aktenzeichen,
          Listen.alsStrings(task.getVariable(Uebergang.EINWILLIGUNG_WIDERRUFEN.name())), benutzer(task));
      setzeListe(task, Uebergang.WIDERRUFENE_PARTNER, widerrufen);
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
