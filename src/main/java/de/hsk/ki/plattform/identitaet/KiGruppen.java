package de.hsk.ki.plattform.identitaet;

import java.util.List;

/** Camunda groups for the KI's roles; candidate groups in the models use these ids. */
public final class KiGruppen {

  public static final String VERWALTUNG = "kiVerwaltung";
  public static final String LEHRKRAEFTE = "kiLehrkraefte";
  public static final String SOZIALARBEIT = "kiSozialarbeit";
  public static final String LEITUNG = "kiLeitung";
  public static final String FOERDERUNG = "kiFoerderung";
  public static final String SCHULAMT = "schulamt";
  public static final String BETRIEB = "camunda-admin";

  public record Gruppe(String id, String name) {}

  public static final List<Gruppe> ALLE =
      List.of(
          new Gruppe(VERWALTUNG, "KI – Verwaltung"),
          new Gruppe(LEHRKRAEFTE, "KI – Lehrkräfte"),
          new Gruppe(SOZIALARBEIT, "KI – Sozialarbeit"),
          new Gruppe(LEITUNG, "KI – Leitung und Koordination"),
          new Gruppe(FOERDERUNG, "KI – Förderprogramme"),
          new Gruppe(SCHULAMT, "Schulamt für den Hochsauerlandkreis"),
          new Gruppe("fachdienstleitung", "Fachdienstleitung (Zeichnung großer Bewilligungen)"),
          new Gruppe(BETRIEB, "Betrieb (Administration)"));

  /** Groups whose members work in Tasklist. */
  public static final List<String> TASKLIST = List.of(VERWALTUNG, LEHRKRAEFTE, SOZIALARBEIT, LEITUNG, FOERDERUNG, SCHULAMT);

  /** Groups that work the KI's cases (lateral entry, transition) and may start them. */
  public static final List<String> SEITENEINSTIEG = List.of(VERWALTUNG, LEHRKRAEFTE, SOZIALARBEIT, LEITUNG);

  /**
   * Groups whose task forms show a child's name, and who may therefore search tasks by the child's
   * surname (not the Schulamt or funding staff, who see no names; issue 19, point 9).
   */
  public static final List<String> KINDERNAMEN = List.of(VERWALTUNG, LEHRKRAEFTE, SOZIALARBEIT, LEITUNG);

  /** The German name of a group, its id for a group the county's list does not know. */
  public static String name(String id) {
    return ALLE.stream().filter(g -> g.id().equals(id)).map(Gruppe::name).findFirst().orElse(id);
  }

  private KiGruppen() {}
}
