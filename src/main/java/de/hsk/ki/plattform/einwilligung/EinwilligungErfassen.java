package de.hsk.ki.plattform.einwilligung;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.plattform.prozess.Ablehnung;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of the consent building block (processes/_bausteine/einwilligung.bpmn): records, for
 * each partner row of the task, who consented (or refused) for which purpose and in which form in
 * the register, and hands the updated overview back to the calling case. The rows must name exactly
 * the partners the task asked for: a client cannot add a partner or leave one out.
 */
@Component("einwilligungErfassen")
public class EinwilligungErfassen implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ENTSCHEIDUNGEN = Set.of("ERTEILT", "VERWEIGERT");
  private static final Set<String> FORMEN = Set.of("SCHRIFTLICH", "MUENDLICH");

  private final Einwilligungen einwilligungen;
  private final WerWilligtEin werWilligtEin;

  public EinwilligungErfassen(Einwilligungen einwilligungen, WerWilligtEin werWilligtEin) {
    this.einwilligungen = einwilligungen;
    this.werWilligtEin = werWilligtEin;
  }

  @Override
  public void notify(DelegateTask task) {
    String rolle = (String) task.getVariable("einwilligendePerson");
    // age on the day of the declaration, not at intake: a case can run for years
    LocalDate datum = LocalDate.parse((String) task.getVariable("einwilligungsdatum"));
    Boolean einsichtsfaehig = WerWilligtEin.einsichtsfaehig(task.getVariable("einsichtsfaehig"));
    Object geburtsdatum = task.getVariable("geburtsdatum");
    if (geburtsdatum != null) {
      String einwand = werWilligtEin.einwand(rolle, Zeit.datum(geburtsdatum), datum, einsichtsfaehig,
          werWilligtEin.sorgeberechtigteVerlangt(task));
      if (einwand != null) {
        throw Ablehnung.wegen(einwand); // also without a form: the register never holds a wrong declarant
      }
    }
    if (!Boolean.TRUE.equals(task.getVariable("informiert"))) {
      throw Ablehnung.wegen("Bitte bestätigen, dass über Zweck, Empfänger und das Recht auf Widerruf informiert wurde.");
    }
    List<String> gefragt = EinwilligungVorbereiten.offenePartner(task);
    Map<String, JsonNode> zeilen = zeilen(task.getVariable(EinwilligungVorbereiten.ZEILEN), gefragt);
    String aktenzeichen = task.getExecution().getProcessBusinessKey();
    for (String partner : gefragt) {
      JsonNode zeile = zeilen.get(partner);
      Einwilligungen.Erklaerung erklaerung = new Einwilligungen.Erklaerung(rolle, (String) task.getVariable("einwilligendeName"),
          (String) task.getVariable("zweck"), datum, zeile.path("erklaerungsform").asText(null),
          WerWilligtEin.einsichtsfrage(geburtsdatum == null ? null : Zeit.datum(geburtsdatum), datum) ? einsichtsfaehig : null,
          true, (String) task.getVariable("sprache"), Boolean.TRUE.equals(task.getVariable("kopieAusgehaendigt")));
      einwilligungen.erfasse(aktenzeichen, partner, "ERTEILT".equals(zeile.path("einwilligung").asText()), erklaerung, benutzer(task));
    }
    if (gefragt.size() == 1) {
      // callers of template version 1 branch on this output
      task.setVariable("einwilligung", zeilen.get(gefragt.get(0)).path("einwilligung").asText());
    }
    task.setVariable("einwilligungenUebersicht", einwilligungen.uebersicht(aktenzeichen));
  }

  /** The submitted rows by partner; refused unless they are exactly the partners asked, each decided. */
  private static Map<String, JsonNode> zeilen(Object wert, List<String> gefragt) {
    JsonNode liste;
    try {
      liste = wert == null ? null
          : wert instanceof String text ? JSON.readTree(text)
          : wert instanceof java.util.Collection<?> ? JSON.valueToTree(wert)
          : JSON.readTree(wert.toString()); // a JSON value of the Spin plugin
    } catch (Exception e) {
      liste = null;
    }
    if (liste == null || !liste.isArray()) {
      throw Ablehnung.wegen("Bitte für jede Stelle angeben, ob die Einwilligung erteilt oder verweigert wurde.");
    }
    Map<String, JsonNode> nachPartner = new LinkedHashMap<>();
    List<String> fehler = new ArrayList<>();
    for (JsonNode zeile : liste) {
      String partner = zeile.path("partner").asText("");
      if (!gefragt.contains(partner) || nachPartner.put(partner, zeile) != null) {
        throw Ablehnung.wegen("Die Liste der Stellen wurde verändert; bitte die Aufgabe neu öffnen.");
      }
      if (!ENTSCHEIDUNGEN.contains(zeile.path("einwilligung").asText())) {
        fehler.add("Zeile " + nachPartner.size() + ": bitte „erteilt“ oder „verweigert“ wählen.");
      }
      if (!FORMEN.contains(zeile.path("erklaerungsform").asText())) {
        fehler.add("Zeile " + nachPartner.size() + ": bitte die Form der Erklärung wählen.");
      }
    }
    if (nachPartner.size() != gefragt.size()) {
      throw Ablehnung.wegen("Die Liste der Stellen wurde verändert; bitte die Aufgabe neu öffnen.");
    }
    if (!fehler.isEmpty()) {
      throw Ablehnung.wegen(String.join(" ", fehler));
    }
    return nachPartner;
  }

  private static String benutzer(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null ? auth.getUserId() : task.getAssignee();
  }
}
