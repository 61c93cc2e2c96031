package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.zeit.Zeit;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Runs when the invitation task records "Familie nicht erreichbar": counts the attempt and keeps a
 * read-only line (date, what was tried) for the next attempt and for closing the case. The other
 * fields of the invitation are task-local (empty input parameters), so each attempt starts empty.
 */
@Component("familieNichtErreicht")
public class FamilieNichtErreicht implements ExecutionListener {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @Override
  public void notify(DelegateExecution execution) {
    Long bisher = Seiteneinstieg.KONTAKTVERSUCHE.von(execution);
    long versuche = (bisher == null ? 0 : bisher) + 1;
    Seiteneinstieg.KONTAKTVERSUCHE.setze(execution, versuche);
    String notiz = Seiteneinstieg.KONTAKTNOTIZ.von(execution);
    Verlauf.anhaengen(execution, Seiteneinstieg.BISHERIGE_KONTAKTVERSUCHE, versuche + ". Versuch am " + Zeit.heute().format(DATUM)
        + ": nicht erreichbar" + (notiz == null || notiz.isBlank() ? "" : " – " + notiz.replace('\n', ' ')));
    // the outcome lives in the case (the gateway reads it); the next attempt's form starts with its default
    execution.removeVariable(Seiteneinstieg.EINLADUNGSERGEBNIS.name());
  }
}
