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

  /** Tasklist's answer after the start names the application the notice goes to. */
  public void weiterleiten(DelegateExecution execution) {
    execution.setVariable(de.hsk.ki.plattform.fall.NaechsterSchritt.WEITER_AN, AENDERUNG_FALL.von(execution).strip());
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
      return fall == null || !"ANPASSUNG".equals(Formularregel.text(eingaben, AENDERUNG_WIRKUNG.name())) ? List.of() : anpassung(eingaben, fall);
    }
    String aktenzeichen = Formularregel.text(eingaben, AENDERUNG_FALL.name());
    if (aktenzeichen == null) {
      return List.of();
    }
    String meldung = OhneBerechtigungspruefung.ausfuehren(() -> einwand(aktenzeichen.strip()));
    return meldung == null ? List.of() : List.of(new EingabePruefung.Fehler(AENDERUNG_FALL.name(), meldung));
  }

  /** Per building block at most what is approved now, and less in total: an adjustment lowers the grant. */
  private static List<EingabePruefung.Fehler> anpassung(Map<String, JsonNode> eingaben, VariableScope fall) {
    JsonNode wert = eingaben.containsKey(ANPASSUNGSZEILEN.name()) ? eingaben.get(ANPASSUNGSZEILEN.name()).path("value") : null;
    List<Map<String, Object>> vorschlag;
    try {
      vorschlag = Zeilen.von(wert == null || wert.isNull() ? null : (wert.isTextual() ? wert.asText() : wert.toString()));
    } catch (IllegalArgumentException e) {
      vorschlag = List.of();
    }
    List<Map<String, Object>> zeilen = Zeilen.von(BAUSTEINE.von(fall));
    if (vorschlag.size() != zeilen.size()) {
      return List.of(new EingabePruefung.Fehler(ANPASSUNGSZEILEN.name(), "Bitte für jeden Baustein den neuen Betrag eintragen."));
    }
    java.util.List<EingabePruefung.Fehler> fehler = new java.util.ArrayList<>();
    BigDecimal summe = Betrag.NULL;
    for (int i = 0; i < zeilen.size(); i++) {
      String text = String.valueOf(vorschlag.get(i).get("neu"));
      BigDecimal bisher = Betrag.von(zeilen.get(i).getOrDefault("bewilligt", "0"));
      if (!Betrag.gueltig(text)) {
        fehler.add(new EingabePruefung.Fehler(ANPASSUNGSZEILEN.name(), "Zeile " + (i + 1) + ": bitte einen Betrag in Euro mit Komma eingeben, z. B. 420,00."));
        continue;
      }
      BigDecimal neu = Betrag.von(text);
      if (neu.compareTo(bisher) > 0) {
        fehler.add(new EingabePruefung.Fehler(ANPASSUNGSZEILEN.name(), "Zeile " + (i + 1) + ": höchstens der bisher bewilligte Betrag ("
            + Betrag.anzeige(bisher) + "). Mehr Geld braucht einen neuen Antrag."));
      }
      summe = summe.add(neu);
    }
    BigDecimal bewilligt = BEWILLIGTER_BETRAG.von(fall);
    if (fehler.isEmpty() && bewilligt != null && summe.compareTo(bewilligt) >= 0) {
      fehler.add(new EingabePruefung.Fehler(ANPASSUNGSZEILEN.name(), "Eine Anpassung senkt die Bewilligung (bisher " + Betrag.anzeige(bewilligt)
          + "); bitte mindestens einen Baustein senken oder „ohne Auswirkung“ wählen."));
    }
    return fehler;
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
