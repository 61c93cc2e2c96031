package de.hsk.ki.plattform.formular;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission the form rules refused, with the German message for the member of staff and the
 * fields concerned. Camunda's REST API answers it with 400; the web layer shows the German message
 * without the engine's English prefix (see {@link #zuletztAbgelehnt()}).
 */
public class EingabeAbgelehnt extends FormFieldValidationException {

  private static final ThreadLocal<EingabeAbgelehnt> ZULETZT = new ThreadLocal<>();

  private final transient List<EingabePruefung.Fehler> fehler;

  EingabeAbgelehnt(String meldung, List<EingabePruefung.Fehler> fehler) {
    super(fehler, meldung);
    this.fehler = List.copyOf(fehler);
    ZULETZT.set(this);
  }

  static EingabeAbgelehnt wegen(List<EingabePruefung.Fehler> fehler) {
    return new EingabeAbgelehnt("Die Eingaben wurden nicht gespeichert. "
        + String.join(" ", fehler.stream().map(EingabePruefung.Fehler::meldung).toList()), fehler);
  }

  static EingabeAbgelehnt parameter(String name, String meldung) {
    return new EingabeAbgelehnt(meldung, List.of(new EingabePruefung.Fehler(name, meldung)));
  }

  public List<EingabePruefung.Fehler> fehler() {
    return fehler;
  }

  /**
   * The refusal raised on this thread since {@link #vergessen()}: the engine's REST layer wraps the
   * exception in its own, so the HTTP answer is written from this record instead of parsing texts.
   */
  public static Optional<EingabeAbgelehnt> zuletztAbgelehnt() {
    return Optional.ofNullable(ZULETZT.get());
  }

  public static void vergessen() {
    ZULETZT.remove();
  }
}
