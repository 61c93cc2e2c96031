package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.prozess.Variable;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The read-only histories the next task shows (contact attempts, refusals, decisions): one line each, newest last. */
final class Verlauf {

  private Verlauf() {}

  /** Appends "- {@code zeile}" to the history in {@code verlauf}. */
  static void anhaengen(VariableScope fall, Variable<String> verlauf, String zeile) {
    String bisher = verlauf.von(fall);
    verlauf.setze(fall, (bisher == null ? "" : bisher + "\n") + "- " + zeile);
  }
}
