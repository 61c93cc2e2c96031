package de.hsk.ki.plattform.fall;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Ends a case at any time with a reason – moved out of the county, left Germany, already admitted by
 * a school, reported twice (review S5). Staff start "Fall vorzeitig beenden" in Tasklist with the
 * case number; the case's model catches the message in an interrupting event subprocess and ends
 * there, with the reason and the person in its history. Only who has claimed an open task of that
 * case, or the management, may end it; the start form is checked on the server before anything happens.
 */
@Configuration("fallBeenden")
public class FallBeenden implements JavaDelegate, Formularregel {

  public static final String SCHLUESSEL = "Process_FallVorzeitigBeenden";
  static final String FORMULAR = "form_fall_beenden";
  /** Message name every counselling model catches. */
  public static final String NACHRICHT = "KI_FallVorzeitigBeendet";
  static final String AKTENZEICHEN = "zuBeendenderFall";
  static final String GRUND = "beendigungsgrund";
  static final String NOTIZ = "beendigungsnotiz";
  static final String VON = "beendetVon";

  private final ProcessEngine engine;

  public FallBeenden(@Lazy ProcessEngine engine) {
    this.engine = engine;
  }

  @Bean
  Prozessbeschreibung fallBeendenBeschreibung() {
    Set<String> starten = new HashSet<>(KiGruppen.SEITENEINSTIEG);
    starten.add(KiGruppen.SCHULAMT);
    return new Prozessbeschreibung(SCHLUESSEL, "FB", "Fall vorzeitig beenden", starten, Set.of(), Set.of(KiGruppen.LEITUNG));
  }

  @Override
  public void execute(DelegateExecution execution) {
    String aktenzeichen = (String) execution.getVariable(AKTENZEICHEN);
    String starter = (String) execution.getVariable("initiator");
    try {
      execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(NACHRICHT)
          .processInstanceBusinessKey(aktenzeichen)
          .setVariable(GRUND, execution.getVariable(GRUND))
          .setVariable(NOTIZ, execution.getVariable(NOTIZ))
          .setVariable(VON, starter)
          .correlateWithResult();
    } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException e) {
      // ended meanwhile (its timer, a colleague at the same moment): nothing left to end
      execution.setVariable("bereitsBeendet", true);
    }
  }

  @Override
  public boolean gilt(String formularId) {
    return FORMULAR.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    String aktenzeichen = Formularregel.text(eingaben, AKTENZEICHEN);
    if (aktenzeichen == null) {
      return List.of();
    }
    Authentication wer = engine.getIdentityService().getCurrentAuthentication();
    String fehler = org.camunda.bpm.engine.impl.context.Context.getCommandContext() == null ? pruefe(aktenzeichen.strip(), wer)
        : org.camunda.bpm.engine.impl.context.Context.getCommandContext().runWithoutAuthorization(() -> pruefe(aktenzeichen.strip(), wer));
    return fehler == null ? List.of() : List.of(new EingabePruefung.Fehler(AKTENZEICHEN, fehler));
  }

  /** @return why this person may not end this case, or null */
  private String pruefe(String aktenzeichen, Authentication wer) {
    // the case itself, not a building block it called under the same case number
    ProcessInstance fall = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(aktenzeichen)
        .rootProcessInstances().list().stream().filter(p -> !p.getProcessDefinitionId().startsWith(SCHLUESSEL + ":"))
        .findFirst().orElse(null);
    // one answer for "no such case" and "not yours": the form does not tell which case numbers exist
    String nichtIhrer = "Aktenzeichen: kein offener Fall " + aktenzeichen + ", den Sie beenden können. Bitte das Aktenzeichen prüfen; "
        + "beenden kann, wer eine Aufgabe des Falls übernommen hat, und die Leitung.";
    if (fall == null) {
      return nichtIhrer;
    }
    if (wer != null && !Fallbearbeitung.darf(engine.getTaskService(), wer, aktenzeichen)) {
      return nichtIhrer;
    }
    if (engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(fall.getId()).eventType("message")
        .eventName(NACHRICHT).count() == 0) {
      return "Aktenzeichen: der Fall " + aktenzeichen + " läuft nach einer älteren Prozessversion und kann hier nicht beendet werden. "
          + "Bitte die Leitung ansprechen.";
    }
    return null;
  }
}
