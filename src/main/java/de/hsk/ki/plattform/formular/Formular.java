package de.hsk.ki.plattform.formular;

import java.util.Map;

/** The input fields a Camunda Form declares, keyed by variable name: the allow-list of a task. */
public record Formular(String id, Map<String, FormularFeld> felder) {}
