package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.einwilligung.Einwilligungen;
import de.hsk.ki.plattform.fall.Listen;
import de.hsk.ki.plattform.identitaet.Partnergruppen;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A referral partner answers in Tasklist (issue 16, review U12): only partners with a valid consent
 * for this case and at least one person with an account get the step "Rückmeldung zur Vermittlung";
 * the others answer by e-mail as before and the team notes it in the counselling session. Each answer
 * is added to the case's list the team reads in its session form.
 */
@Component("vermittlungsrueckmeldung")
public class Vermittlungsrueckmeldung {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  static final Map<String, String> ERGEBNISSE = Map.of(
      "AUFGENOMMEN", "in Beratung oder Maßnahme aufgenommen",
      "TERMIN", "Termin vereinbart",
      "NICHT_ERREICHT", "nicht erreicht",
      "NICHT_ZUSTAENDIG", "nicht zuständig");

  private final Einwilligungen einwilligungen;
  private final Partnergruppen partnergruppen;
  private final PartnerVerzeichnis verzeichnis;
  private final KaoaAnregung kaoa;

  public Vermittlungsrueckmeldung(Einwilligungen einwilligungen, Partnergruppen partnergruppen, PartnerVerzeichnis verzeichnis,
      KaoaAnregung kaoa) {
    this.einwilligungen = einwilligungen;
    this.partnergruppen = partnergruppen;
    this.verzeichnis = verzeichnis;
    this.kaoa = kaoa;
  }

  /** The partners referred just now who answer in Tasklist: consent valid, a group with at least one person. */
  public List<String> partner(DelegateExecution execution) {
    List<String> antworten = new ArrayList<>();
    for (String partner : Listen.alsStrings(execution.getVariable(Uebergang.VERMITTLUNGS_PARTNER.name()))) {
      // the KAoA-kompakt suggestion is no referral: the school contacts the KI and sees no data here
      if (!kaoa.istAnregung(partner) && partnergruppen.mitKonten(partner) && einwilligungen.liegtVor(execution.getProcessBusinessKey(), partner)) {
        antworten.add(partner);
      }
    }
    return antworten;
  }

  /** The partner's answer as one line of the team's list (the task's output, taken over after its transaction). */
  public String text(String partner, Object ergebnis, Object notiz) {
    String name = partner == null ? "?" : verzeichnis.finde(partner).map(Partner::name).orElse(partner);
    return name + ": " + ERGEBNISSE.getOrDefault(String.valueOf(ergebnis), String.valueOf(ergebnis))
        + (notiz instanceof String n && !n.isBlank() ? " – " + n.strip() : "");
  }

  /**
   * Adds the answer to the case's list, in the job after the partner's submission: two partners
   * answering at once do not refuse each other's form; a conflict is retried by the job executor.
   */
  public void uebernehmen(DelegateExecution execution) {
    Object text = execution.getVariable("rueckmeldungText");
    anhaengen(execution, text == null ? "?" : text.toString());
  }

  /** The step ended unanswered. */
  public void ohneRueckmeldung(DelegateExecution execution) {
    anhaengen(execution, text((String) execution.getVariable("rueckmeldePartner"), "keine Rückmeldung in der Aufgabenliste", null));
  }

  private void anhaengen(DelegateExecution execution, String text) {
    Object bisher = execution.getVariable(Uebergang.PARTNER_RUECKMELDUNGEN.name());
    String zeile = "- " + Zeit.heute().format(DATUM) + " " + text;
    execution.getProcessInstance().setVariable(Uebergang.PARTNER_RUECKMELDUNGEN.name(),
        bisher instanceof String b && !b.isBlank() ? b + "\n" + zeile : zeile);
  }
}
