package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.partnermail.AdressVersand;
import de.hsk.ki.plattform.partnermail.Anhang;
import de.hsk.ki.plattform.partnermail.Sendeschluessel;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Brief an den Träger senden": {@code camunda:delegateExpression="${foerderbriefVersand}"},
 * asyncBefore, input parameter {@code brief} = the kind (BEWILLIGUNG, …). E-mails the letter as PDF
 * to the applicant's address ({@code email}) through the idempotent mail register: the send key is
 * per case, kind and visit of the step, so a retried job sends nothing twice. The subject names only
 * the case number and the kind.
 */
@Component("foerderbriefVersand")
public class FoerderbriefVersand implements JavaDelegate {

  static final String EINGABE = "brief";
  static final String EMPFAENGER = "ANTRAGSTELLER";

  private final Foerderbriefe briefe;
  private final AdressVersand versand;
  private final Foerderbriefeinstellungen einstellungen;
  private final Briefablage ablage;

  public FoerderbriefVersand(Foerderbriefe briefe, AdressVersand versand, Foerderbriefeinstellungen einstellungen, Briefablage ablage) {
    this.briefe = briefe;
    this.versand = versand;
    this.einstellungen = einstellungen;
    this.ablage = ablage;
  }

  /**
   * {@code brief} names one kind or several, comma-separated ("BEWILLIGUNG,VERTRAG"): several letters
   * go in one e-mail, each as its own PDF, each filed in the case's letters.
   */
  @Override
  public void execute(DelegateExecution execution) {
    Object eingabe = execution.getVariableLocal(EINGABE);
    List<Briefart> arten = new java.util.ArrayList<>();
    for (String teil : (eingabe == null ? "" : eingabe.toString()).split(",")) {
      arten.add(Briefart.von(teil.strip())
          .orElseThrow(() -> new IllegalArgumentException("Eingabeparameter „brief“ nennt keine Briefart: " + eingabe)));
    }
    String aktenzeichen = execution.getProcessBusinessKey();
    String adresse = Foerderung.EMAIL.von(execution);
    if (adresse == null || adresse.isBlank()) {
      throw new IllegalStateException("Im Fall " + aktenzeichen + " ist keine E-Mail-Adresse des Trägers erfasst.");
    }
    if (arten.contains(Briefart.RUECKFORDERUNG) && !einstellungen.kreiskasse().eingestellt()) {
      // a reclaim without the account to pay to cannot be met; the incident tells the operators what to set
      throw new IllegalStateException("Die Bankverbindung der Kreiskasse ist nicht eingestellt (ki.prozesse.foerderung.kreiskasse.iban).");
    }
    Map<String, Object> variablen = execution.getProcessInstance().getVariables();
    List<Anhang> anhaenge = new java.util.ArrayList<>();
    for (Briefart art : arten) {
      byte[] pdf = briefe.pdf(aktenzeichen, art, variablen);
      // filed in the job's transaction, before the e-mail: a retry files it again, the register keeps the e-mail from going twice
      ablage.ablegen(Sendeschluessel.fuer(execution, "FOERDERBRIEF_" + art.name(), EMPFAENGER), aktenzeichen, art, pdf);
      anhaenge.add(Anhang.pdf(art.dateiname(aktenzeichen), pdf));
    }
    String titel = String.join(" und ", arten.stream().map(Briefart::titel).toList());
    String betreff = "Förderantrag " + aktenzeichen + ": " + titel;
    String text = "Guten Tag,\n\n"
        + "anbei erhalten Sie zu Ihrem Förderantrag " + aktenzeichen + (arten.size() == 1 ? " das Schreiben „" : " die Schreiben „")
        + String.join("“ und „", arten.stream().map(Briefart::titel).toList()) + "“ als PDF-Datei" + (arten.size() == 1 ? "" : "en") + ".\n"
        + (arten.contains(Briefart.VERTRAG) ? "Bitte unterschreiben Sie den Vertrag und senden Sie ihn an uns zurück.\n" : "")
        + (arten.contains(Briefart.ANPASSUNG) ? "Bitte unterschreiben Sie den Nachtrag zum Vertrag und senden Sie ihn an uns zurück.\n" : "")
        + "\nBei Fragen antworten Sie bitte auf diese E-Mail und nennen Sie das Aktenzeichen.\n\n"
        + "Mit freundlichen Grüßen\n" + briefe.absender() + "\n";
    String vorlage = "FOERDERBRIEF_" + String.join("_", arten.stream().map(Briefart::name).toList());
    versand.sende(Sendeschluessel.fuer(execution, vorlage, EMPFAENGER),
        new AdressVersand.Nachricht(aktenzeichen, vorlage, EMPFAENGER, adresse.strip(), betreff, text, anhaenge));
  }
}
