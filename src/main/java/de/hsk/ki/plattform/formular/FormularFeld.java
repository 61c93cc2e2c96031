package de.hsk.ki.plattform.formular;

import java.util.Set;

/**
 * One input field of a form, as far as the server checks it.
 *
 * @param pflichtWenn "feld=wert": required only when another submitted field has that value;
 *     "feld!=wert": required unless it has that value (form property, mirrors a conditional field in the form)
 *     and, when set, decides alone: a "required" flag then only marks the field while the form shows it
 * @param musterMeldung what to say when the text does not match {@code muster}: a German sentence
 *     with an example (form property "musterMeldung"; Tasklist shows the same at the field)
 * @param spalten the fields of each row of a dynamic list (type "dynamiclist", keyed by its path);
 *     empty for every other field
 */
public record FormularFeld(
    String key,
    String typ,
    String bezeichnung,
    boolean pflicht,
    Integer minLaenge,
    Integer maxLaenge,
    Double min,
    Double max,
    String muster,
    boolean email,
    Set<String> werte,
    String werteVariable,
    boolean nichtInZukunft,
    boolean nichtInVergangenheit,
    String pflichtWenn,
    String musterMeldung,
    java.util.List<FormularFeld> spalten) {

  public FormularFeld(String key, String typ, String bezeichnung, boolean pflicht, Integer minLaenge, Integer maxLaenge,
      Double min, Double max, String muster, boolean email, Set<String> werte, String werteVariable, boolean nichtInZukunft,
      boolean nichtInVergangenheit, String pflichtWenn, String musterMeldung) {
    this(key, typ, bezeichnung, pflicht, minLaenge, maxLaenge, min, max, muster, email, werte, werteVariable, nichtInZukunft,
        nichtInVergangenheit, pflichtWenn, musterMeldung, java.util.List.of());
  }
}
