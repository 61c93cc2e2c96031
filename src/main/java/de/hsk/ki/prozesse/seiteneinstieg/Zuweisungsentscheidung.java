package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.partner.Schulform;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The school supervision's decisions other than an assignment (another school form or grade, the
 * waiting list, a query to the counselling) and the answers to its queries, kept as read-only lines
 * that the next assignment task shows. As an execution listener on the start of the allocation it
 * sets the school form a place is sought in: the KI's recommendation, until someone changes it.
 */
@Component("zuweisungsentscheidung")
public class Zuweisungsentscheidung implements ExecutionListener {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final PartnerVerzeichnis verzeichnis;

  public Zuweisungsentscheidung(PartnerVerzeichnis verzeichnis) {
    this.verzeichnis = verzeichnis;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (Seiteneinstieg.ZUGEWIESENE_SCHULFORM.von(execution) == null) {
      Seiteneinstieg.ZUGEWIESENE_SCHULFORM.setze(execution, Seiteneinstieg.EMPFOHLENE_SCHULFORM.von(execution));
    }
  }

  /** Flow "andere Schulform oder Klasse": the new school form (task-local until now) becomes the one sought. */
  public void schulformGeaendert(DelegateExecution execution) {
    String neu = Seiteneinstieg.NEUE_SCHULFORM.von(execution);
    if (neu != null) {
      Seiteneinstieg.ZUGEWIESENE_SCHULFORM.setze(execution, neu);
    }
    execution.removeVariable(Seiteneinstieg.NEUE_SCHULFORM.name());
    Long klasse = Seiteneinstieg.JAHRGANGSSTUFE.von(execution);
    Seiteneinstieg.ENTSCHEIDUNG_VON.setze(execution, Seiteneinstieg.SCHULAUFSICHT.von(execution));
    zeile(execution, aufsicht(execution) + ": neue Schulauswahl in der Schulform "
        + Schulform.bezeichnungVon(Seiteneinstieg.ZUGEWIESENE_SCHULFORM.von(execution))
        + (klasse == null ? "" : ", Klasse " + klasse) + notiz(execution));
  }

  /**
   * Why the Bezirksregierung is asked (again), for the request e-mail: no personal data, and never
   * the counselling's answer itself, which goes the secure way. Null for a first request.
   */
  public String anlassDerAnfrage(DelegateExecution execution) {
    String ergebnis = Seiteneinstieg.ZUWEISUNGSERGEBNIS.von(execution);
    String von = Seiteneinstieg.ENTSCHEIDUNG_VON.von(execution);
    if (ergebnis != null && !"ZUGEWIESEN".equals(ergebnis) && von != null && !von.equals(Seiteneinstieg.SCHULAUFSICHT.von(execution))) {
      // the other supervision decided; for this school form it is this one's turn
      return "Die Schulform der Zuweisung ist jetzt: " + Schulform.bezeichnungVon(Seiteneinstieg.ZUGEWIESENE_SCHULFORM.von(execution))
          + "; dafür ist Ihre Stelle zuständig.";
    }
    if ("RUECKFRAGE_KI".equals(ergebnis)) {
      return "Die Beratung hat Ihre Rückfrage beantwortet. Weil die Antwort Angaben zur Person enthalten kann, steht sie nicht in"
          + " dieser E-Mail: bitte rufen Sie uns unter Angabe des Aktenzeichens an. Danach bitten wir um Ihre Entscheidung.";
    }
    if ("WARTELISTE".equals(ergebnis)) {
      LocalDate bis = Seiteneinstieg.WARTELISTE_BIS.von(execution);
      return "Die Warteliste" + (bis == null ? "" : " bis " + bis.format(DATUM)) + " ist abgelaufen. Bitte entscheiden Sie erneut.";
    }
    if ("SCHULFORM_GEAENDERT".equals(ergebnis)) {
      return "Die Schulform der Zuweisung wurde geändert (jetzt: "
          + Schulform.bezeichnungVon(Seiteneinstieg.ZUGEWIESENE_SCHULFORM.von(execution)) + ").";
    }
    if (Seiteneinstieg.ABGELEHNTE_SCHULEN.von(execution) != null) {
      return "Die zuvor zugewiesene Schule hat die Aufnahme abgelehnt. Bitte weisen Sie einen anderen Schulplatz zu.";
    }
    return null;
  }

  /** Flow "Warteliste": the case waits for the date without an open assignment. */
  public void warteliste(DelegateExecution execution) {
    LocalDate bis = Seiteneinstieg.WARTELISTE_BIS.von(execution);
    Seiteneinstieg.ENTSCHEIDUNG_VON.setze(execution, Seiteneinstieg.SCHULAUFSICHT.von(execution));
    zeile(execution, aufsicht(execution) + ": kein freier Platz, Warteliste bis "
        + (bis == null ? "–" : bis.format(DATUM)) + notiz(execution));
  }

  /** The query task names who asks (task-local). */
  public void rueckfrageAnlegen(DelegateTask task) {
    Seiteneinstieg.ENTSCHEIDUNG_VON.setze(task.getExecution(), Seiteneinstieg.SCHULAUFSICHT.von(task));
    task.setVariableLocal(Seiteneinstieg.SCHULAUFSICHT_NAME.name(), aufsicht(task));
  }

  /** Completion of the counselling's answer; question and answer stay only in the history. */
  public void rueckfrageBeantwortet(DelegateTask task) {
    String frage = Seiteneinstieg.RUECKFRAGE.von(task);
    String antwort = Seiteneinstieg.RUECKFRAGE_ANTWORT.von(task);
    zeile(task, "Rückfrage – " + aufsicht(task) + ": " + einzeilig(frage) + " – Antwort der Beratung: " + einzeilig(antwort)
        + " (Schulform der Zuweisung: " + Schulform.bezeichnungVon(Seiteneinstieg.ZUGEWIESENE_SCHULFORM.von(task)) + ")");
    task.getExecution().removeVariable(Seiteneinstieg.RUECKFRAGE.name());
    // the next assignment proposes the grade the counselling recommends now
    task.getExecution().removeVariable(Seiteneinstieg.JAHRGANGSSTUFE.name());
  }

  private String aufsicht(VariableScope fall) {
    String schluessel = Seiteneinstieg.SCHULAUFSICHT.von(fall);
    if (schluessel == null) {
      return "Schulaufsicht";
    }
    return verzeichnis.finde(schluessel).map(Partner::name).orElse(schluessel);
  }

  private static String notiz(VariableScope fall) {
    String notiz = Seiteneinstieg.ZUWEISUNGSNOTIZ.von(fall);
    return notiz == null || notiz.isBlank() ? "" : " – " + einzeilig(notiz);
  }

  private static String einzeilig(String text) {
    return text == null || text.isBlank() ? "–" : text.strip().replace('\n', ' ').replace('\r', ' ');
  }

  private static void zeile(VariableScope fall, String text) {
    Verlauf.anhaengen(fall, Seiteneinstieg.ZUWEISUNGSVERLAUF, Zeit.heute().format(DATUM) + " " + text);
  }
}
