package de.hsk.ki.plattform.person;

/**
 * Declared (as a bean) by a process whose every case concerns one child or young person named in
 * its start variables (vorname, nachname, geburtsdatum, kommune; guardians and contact): its cases
 * are linked to the person and family register. Processes that name a person only with consent
 * and may drop the name again (the coordination process) do not declare it.
 */
public record Personenfall(String schluessel) {}
