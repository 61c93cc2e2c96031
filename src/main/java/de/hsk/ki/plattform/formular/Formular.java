package de.hsk.ki.plattform.formular;

import java.util.Map;
import java.util.Set;

/**
 * What a Camunda Form declares: its input fields keyed by variable name (the allow-list of a
 * submission), every variable it shows or evaluates (what a person working the task may read), and
 * those of them it shows only inside text (form-js renders text as Markdown, so their values are
 * passed as escaped text), and its read-only fields (shown and submitted, but not to be changed).
 */
public record Formular(String id, Map<String, FormularFeld> felder, Set<String> verweise, Set<String> nurImText,
    Set<String> nurLesen) {

  public Formular(String id, Map<String, FormularFeld> felder, Set<String> verweise, Set<String> nurImText) {
    this(id, felder, verweise, nurImText, Set.of());
  }
}
