package de.hsk.ki.plattform.person;

import java.time.LocalDate;

/**
 * A person already known who may be the one being entered.
 *
 * @param aehnlichkeit 0..1, higher is likelier
 * @param grund why, in German (e.g. "ähnlicher Name, gleiches Geburtsdatum")
 */
public record Kandidat(long person, String vorname, String nachname, LocalDate geburtsdatum, String kommune, Long familie,
    double aehnlichkeit, String grund) {}
