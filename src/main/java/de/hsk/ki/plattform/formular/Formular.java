package de.hsk.ki.plattform.formular;

import java.util.Map;
import java.util.Set;

/**
 * What a Camunda Form declares: its input fields keyed by variable name (the allow-list of a
 * submission) and every variable it shows or evaluates (what a person working the task may read).
 */
public record Formular(String id, Map<String, FormularFeld> felder, Set<String> verweise) {}
