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

  /** Flow "andere Schulform oder Klasse": the new school form is already in the case. */
  public void schulformGeaendert(DelegateExecution execution) {
    Long klasse = Seiteneinstieg.JAHRGANGSSTUFE.von(execution);
    zeile(execution, aufsicht(execution) + ": neue Schulauswahl in der Schulform "
        + Schulform.bezeichnungVon(Seiteneinstieg.ZUGEWIESENE_SCHULFORM.von(execution))
        + (klasse == null ? "" : ", Klasse " + klasse) + notiz(execution));
    if (klasse != null) {
      // the next assignment offers the grade the supervision chose
      Seiteneinstieg.EMPFOHLENE_KLASSE.setze(execution, klasse);
    }
  }

  /** Flow "Warteliste": no reminder to the supervision until the date has come. */
  public void warteliste(DelegateExecution execution) {
    LocalDate bis = Seiteneinstieg.WARTELISTE_BIS.von(execution);
    zeile(execution, aufsicht(execution) + ": kein freier Platz, Warteliste bis "
        + (bis == null ? "–" : bis.format(DATUM)) + notiz(execution));
    Seiteneinstieg.WARTELISTE_AKTIV.setze(execution, true);
  }

  /** End of the waiting-list timer: the supervision decides again. */
  public void wartelisteBeendet(DelegateExecution execution) {
    execution.removeVariable(Seiteneinstieg.WARTELISTE_AKTIV.name());
  }

  /** The query task names who asks (task-local). */
  public void rueckfrageAnlegen(DelegateTask task) {
    task.setVariableLocal(Seiteneinstieg.SCHULAUFSICHT_NAME.name(), aufsicht(task));
  }

  /** Completion of the counselling's answer; question and answer stay only in the history. */
  public void rueckfrageBeantwortet(DelegateTask task) {
    String frage = Seiteneinstieg.RUECKFRAGE.von(task);
    String antwort = Seiteneinstieg.RUECKFRAGE_ANTWORT.von(task);
    zeile(task, "Rückfrage – " + aufsicht(task) + ": " + einzeilig(frage) + " – Antwort der Beratung: " + einzeilig(antwort)
        + " (Schulform der Zuweisung: " + Schulform.bezeichnungVon(Seiteneinstieg.ZUGEWIESENE_SCHULFORM.von(task)) + ")");
    task.getExecution().removeVariable(Seiteneinstieg.RUECKFRAGE.name());
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
    String zeile = "- " + Zeit.heute().format(DATUM) + " " + text;
    String bisher = Seiteneinstieg.ZUWEISUNGSVERLAUF.von(fall);
    Seiteneinstieg.ZUWEISUNGSVERLAUF.setze(fall, bisher == null ? zeile : bisher + "\n" + zeile);
  }
}
