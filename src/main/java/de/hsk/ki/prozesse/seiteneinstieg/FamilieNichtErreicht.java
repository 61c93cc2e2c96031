package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.zeit.Zeit;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Runs when the invitation task records "Familie nicht erreichbar" or the first counselling records
 * "nicht erschienen": counts the attempt and keeps a read-only line (date, what was tried) for the
 * next attempt and for closing the case. The other fields of the invitation are task-local (empty
 * input parameters), so each attempt starts empty.
 */
@Component("familieNichtErreicht")
public class FamilieNichtErreicht implements ExecutionListener {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @Override
  public void notify(DelegateExecution execution) {
    Long bisher = Seiteneinstieg.KONTAKTVERSUCHE.von(execution);
    long versuche = (bisher == null ? 0 : bisher) + 1;
    Seiteneinstieg.KONTAKTVERSUCHE.setze(execution, versuche);
    boolean nichtErschienen = "NICHT_ERSCHIENEN".equals(Seiteneinstieg.ERSTBERATUNG_ERGEBNIS.von(execution));
    String notiz = nichtErschienen ? Seiteneinstieg.NICHT_ERSCHIENEN_NOTIZ.von(execution) : Seiteneinstieg.KONTAKTNOTIZ.von(execution);
    java.time.LocalDate termin = Seiteneinstieg.TERMIN_DATUM.von(execution);
    String was = nichtErschienen
        ? "zum Termin" + (termin == null ? "" : " am " + termin.format(DATUM)) + " nicht erschienen"
        : "nicht erreichbar";
    Verlauf.anhaengen(execution, Seiteneinstieg.BISHERIGE_KONTAKTVERSUCHE, versuche + ". Versuch am " + Zeit.heute().format(DATUM)
        + ": " + was + (notiz == null || notiz.isBlank() ? "" : " – " + notiz.replace('\n', ' ')));
    // the outcome lives in the case (the gateway reads it); the next attempt's forms start with their defaults
    execution.removeVariable(Seiteneinstieg.EINLADUNGSERGEBNIS.name());
    execution.removeVariable(Seiteneinstieg.ERSTBERATUNG_ERGEBNIS.name());
    execution.removeVariable(Seiteneinstieg.NICHT_ERSCHIENEN_NOTIZ.name());
  }
}
