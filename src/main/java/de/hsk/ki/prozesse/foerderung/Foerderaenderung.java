package de.hsk.ki.prozesse.foerderung;

import static de.hsk.ki.prozesse.foerderung.Foerderung.*;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.geld.Betrag;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * "Änderungsanzeige zu einem Förderantrag erfassen": funding staff start it in Tasklist when an
 * association reports that its measure is cancelled, smaller or moved. The start form is checked
 * against the case before anything happens; the notice then goes to the case's event subprocess.
 * Also the rules of the assessment form (an adjustment only lowers the approval).
 */
@Configuration("foerderaenderung")
public class Foerderaenderung implements JavaDelegate, Formularregel {

  public static final String SCHLUESSEL = "Process_FoerderaenderungErfassen";
  /** Message the application catches in its event subprocess SubProcess_Aenderungsanzeige. */
  public static final String NACHRICHT = "KI_FoerderaenderungAngezeigt";
  static final String FORMULAR = "form_fa_aenderungsanzeige";
  static final String BEWERTUNG = "form_fa_aenderung";

  private final ProcessEngine engine;

  public Foerderaenderung(@Lazy ProcessEngine engine) {
    this.engine = engine;
  }

  @Bean
  Prozessbeschreibung foerderaenderungBeschreibung() {
    return new Prozessbeschreibung(SCHLUESSEL, "FAE", "Änderungsanzeige zu einem Förderantrag erfassen",
        Set.of(KiGruppen.FOERDERUNG, KiGruppen.LEITUNG), Set.of(), Set.of(KiGruppen.LEITUNG));
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(NACHRICHT)
        .processInstanceBusinessKey(AENDERUNG_FALL.von(execution).strip())
        .setVariable(AENDERUNG_ART.name(), AENDERUNG_ART.von(execution))
        .setVariable(AENDERUNG_EINGANG_AM.name(), execution.getVariable(AENDERUNG_EINGANG_AM.name()))
        .setVariable(AENDERUNG_BESCHREIBUNG.name(), AENDERUNG_BESCHREIBUNG.von(execution))
        .correlateWithResult();
  }

  @Override
  public boolean gilt(String formularId) {
    return FORMULAR.equals(formularId) || BEWERTUNG.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    return List.of();
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(String formularId, Map<String, JsonNode> eingaben, VariableScope fall) {
    if (BEWERTUNG.equals(formularId)) {
      String neu = Formularregel.text(eingaben, NEUER_BETRAG.name());
      BigDecimal bisher = fall == null ? null : BEWILLIGTER_BETRAG.von(fall);
      if ("ANPASSUNG".equals(Formularregel.text(eingaben, AENDERUNG_WIRKUNG.name())) && neu != null && Betrag.gueltig(neu) && bisher != null
          && Betrag.von(neu).compareTo(bisher) >= 0) {
        return List.of(new EingabePruefung.Fehler(NEUER_BETRAG.name(), "Eine Anpassung senkt die Bewilligung (bisher " + Betrag.anzeige(bisher)
            + "). Mehr Geld braucht einen neuen Antrag."));
      }
      return List.of();
    }
    String aktenzeichen = Formularregel.text(eingaben, AENDERUNG_FALL.name());
    if (aktenzeichen == null) {
      return List.of();
    }
    String meldung = OhneBerechtigungspruefung.ausfuehren(() -> einwand(aktenzeichen.strip()));
    return meldung == null ? List.of() : List.of(new EingabePruefung.Fehler(AENDERUNG_FALL.name(), meldung));
  }

  private String einwand(String aktenzeichen) {
    ProcessInstance fall = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(aktenzeichen)
        .processDefinitionKey(ANTRAG).rootProcessInstances().list().stream().findFirst().orElse(null);
    if (fall == null) {
      return "Aktenzeichen: kein laufender Förderantrag " + aktenzeichen + ". Bitte das Aktenzeichen prüfen.";
    }
    Object bewilligt = engine.getRuntimeService().getVariable(fall.getId(), BEWILLIGTER_BETRAG.name());
    if (bewilligt == null || Betrag.von(bewilligt).signum() == 0) {
      return "Aktenzeichen: der Förderantrag " + aktenzeichen + " ist noch nicht bewilligt. Änderungen vor der Bewilligung "
          + "bitte in der fachlichen Prüfung berücksichtigen.";
    }
    return null;
  }
}
