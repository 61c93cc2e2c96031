package de.hsk.ki.plattform.prozess;

import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A rule of the application refuses what a person asked for (four eyes, who may hold a task, who
 * declares a consent), with a German message meant for that person. The engine's REST layer answers
 * some of these with 500 like any internal error; the refusal is recorded on the thread so that the
 * HTTP layer answers it as what it is (400 with the message) and keeps internal errors generic.
 */
public final class Ablehnung {

  private static final ThreadLocal<String> ZULETZT = new ThreadLocal<>();

  private Ablehnung() {}

  public static BadUserRequestException wegen(String meldung) {
    ZULETZT.set(meldung);
    return new BadUserRequestException(meldung);
  }

  public static Optional<String> zuletzt() {
    return Optional.ofNullable(ZULETZT.get());
  }

  public static void vergessen() {
    ZULETZT.remove();
  }
}
