package de.hsk.ki.prozesse.uebergang;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * "Widerruf einer Einwilligung erfassen" (review U7), shaped like "Fall vorzeitig beenden": staff
 * start it in Tasklist with the case number when a withdrawal arrives by phone, letter, e-mail or in
 * person. The start form is checked on the server before anything happens; then the message goes to
 * the case, whose non-interrupting event subprocess records the withdrawal and tells the partners.
 */
@Configuration("widerrufErfassen")
public class WiderrufErfassen implements JavaDelegate, Formularregel {

  public static final String SCHLUESSEL = "Process_EinwilligungWiderrufen";
  static final String FORMULAR = "form_ub_widerruf";
  /** Message name the transition model catches from version 1.3.0. */
  public static final String NACHRICHT = "KI_EinwilligungWiderrufen";

  private final ProcessEngine engine;
  private final Widerruf widerruf;

  public WiderrufErfassen(@Lazy ProcessEngine engine, Widerruf widerruf) {
    this.engine = engine;
    this.widerruf = widerruf;
  }

  @Bean
  Prozessbeschreibung widerrufErfassenBeschreibung() {
    return new Prozessbeschreibung(SCHLUESSEL, "WR", "Widerruf einer Einwilligung erfassen", Set.copyOf(KiGruppen.SEITENEINSTIEG),
        Set.of(), Set.of(KiGruppen.LEITUNG));
  }

  @Override
  public void execute(DelegateExecution execution) {
    String aktenzeichen = Uebergang.WIDERRUF_FALL.von(execution).strip();
    try {
      execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(NACHRICHT)
          .processInstanceBusinessKey(aktenzeichen)
          .setVariable(Uebergang.WIDERRUF_PARTNER.name(),
              // Tasklist submits the checklist as JSON, Java callers as a list
              Widerruf.liste(de.hsk.ki.plattform.fall.Listen.alsStrings(execution.getVariable(Uebergang.WIDERRUF_PARTNER.name()))))
          .setVariable(Uebergang.WIDERRUF_EINGANG.name(), Uebergang.WIDERRUF_EINGANG.von(execution))
          .setVariable(Uebergang.WIDERRUF_EINGANG_AM.name(), execution.getVariable(Uebergang.WIDERRUF_EINGANG_AM.name()))
          .setVariable(Uebergang.WIDERRUF_NOTIZ.name(), Uebergang.WIDERRUF_NOTIZ.von(execution))
          .setVariable(Uebergang.WIDERRUF_VON.name(), execution.getVariable("initiator"))
          .correlateWithResult();
    } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException e) {
      // the case ended meanwhile: nothing is sent to partners any more; its register entries go with it
      execution.setVariable("fallBereitsBeendet", true);
    }
  }

  @Override
  public boolean gilt(String formularId) {
    return FORMULAR.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    String aktenzeichen = Formularregel.text(eingaben, Uebergang.WIDERRUF_FALL.name());
    if (aktenzeichen == null) {
      return List.of();
    }
    List<String> stellen = new ArrayList<>();
    JsonNode auswahl = eingaben.containsKey(Uebergang.WIDERRUF_PARTNER.name())
        ? eingaben.get(Uebergang.WIDERRUF_PARTNER.name()).path("value") : null;
    if (auswahl != null && auswahl.isTextual()) {
      String text = auswahl.asText().strip();
      try {
        auswahl = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text); // a list serialised as JSON (Tasklist)
      } catch (Exception e) {
        // a deserialised Java list reads as [A, B]
        auswahl = null;
        if (text.startsWith("[") && text.endsWith("]")) {
          for (String teil : text.substring(1, text.length() - 1).split(",")) {
            if (!teil.isBlank()) {
              stellen.add(teil.strip());
            }
          }
        }
      }
    }
    if (auswahl != null && auswahl.isArray()) {
      auswahl.forEach(s -> stellen.add(s.asText()));
    }
    Authentication wer = engine.getIdentityService().getCurrentAuthentication();
    var kontext = Context.getCommandContext();
    return kontext == null ? pruefe(aktenzeichen.strip(), stellen, wer)
        : kontext.runWithoutAuthorization(() -> pruefe(aktenzeichen.strip(), stellen, wer));
  }

  private List<EingabePruefung.Fehler> pruefe(String aktenzeichen, List<String> stellen, Authentication wer) {
    // the case itself, not a building block it called under the same case number
    ProcessInstance fall = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(aktenzeichen)
        .rootProcessInstances().list().stream().findFirst().orElse(null);
    // one answer for "no such case" and "not yours": the form does not tell which case numbers exist
    String nichtIhrer = "Aktenzeichen: kein offener Fall " + aktenzeichen + ", zu dem Sie einen Widerruf erfassen können. "
        + "Bitte das Aktenzeichen prüfen; erfassen kann, wer eine Aufgabe des Falls übernommen hat, und die Leitung.";
    if (fall == null || (wer != null && !de.hsk.ki.plattform.fall.Fallbearbeitung.darf(engine.getTaskService(), wer, aktenzeichen))) {
      return List.of(fehler(Uebergang.WIDERRUF_FALL.name(), nichtIhrer));
    }
    // by key: a long key makes the engine use a bare id for the definition
    if (!Uebergang.SCHLUESSEL.equals(engine.getRepositoryService().getProcessDefinition(fall.getProcessDefinitionId()).getKey())) {
      return List.of(fehler(Uebergang.WIDERRUF_FALL.name(), "Aktenzeichen: " + aktenzeichen
          + " ist kein Fall des Übergangs Schule–Beruf. Widerrufe werden hier nur für diese Fälle erfasst."));
    }
    if (engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(fall.getId()).eventType("message")
        .eventName(NACHRICHT).count() == 0) {
      return List.of(fehler(Uebergang.WIDERRUF_FALL.name(), "Aktenzeichen: der Fall " + aktenzeichen
          + " läuft nach einer älteren Prozessversion; bitte den Widerruf im nächsten Beratungsgespräch des Falls erfassen "
          + "und die Stellen, die Daten erhalten haben, selbst benachrichtigen."));
    }
    List<EingabePruefung.Fehler> fehler = new ArrayList<>();
    for (String stelle : stellen) {
      if (widerruf.mitEinwilligung(aktenzeichen, stelle).isEmpty()) {
        fehler.add(fehler(Uebergang.WIDERRUF_PARTNER.name(), "Einwilligung widerrufen für: im Fall " + aktenzeichen
            + " liegt keine gültige Einwilligung für „" + widerruf.bezeichnung(stelle) + "“ vor (nie erteilt, verweigert oder schon widerrufen)."));
      }
    }
    return fehler;
  }

  private static EingabePruefung.Fehler fehler(String feld, String meldung) {
    return new EingabePruefung.Fehler(feld, meldung);
  }
}
