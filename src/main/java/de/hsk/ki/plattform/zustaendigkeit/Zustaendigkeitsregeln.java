package de.hsk.ki.plattform.zustaendigkeit;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import de.hsk.ki.plattform.prozess.Prozesse;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which groups have a responsible caseworker (configuration {@code ki.zustaendigkeit.*}): the KI's
 * own case-working groups (never a partner group, the Schulamt or the supervising Leitung) that
 * work the process's cases from their start (the descriptor's starting groups); of these, the
 * counselling groups name the case's responsible caseworker. Funding staff are not among them by
 * default: a funding application is a sequence of checks by different people, not casework with a
 * family, and several of its steps are for a second person.
 */
@Component
public class Zustaendigkeitsregeln {

  private final Set<String> gruppen;
  private final Set<String> beratungsgruppen;
  private final Period abwesenheitAufbewahrung;
  private final Prozesse prozesse;

  public Zustaendigkeitsregeln(Prozesse prozesse,
      @Value("${ki.zustaendigkeit.gruppen:kiVerwaltung,kiLehrkraefte,kiSozialarbeit}") List<String> gruppen,
      @Value("${ki.zustaendigkeit.beratungsgruppen:kiLehrkraefte,kiSozialarbeit}") List<String> beratungsgruppen,
      @Value("${ki.zustaendigkeit.abwesenheit-aufbewahrung:P1Y}") String aufbewahrung) {
    this.prozesse = prozesse;
    this.gruppen = Set.copyOf(gruppen);
    this.beratungsgruppen = Set.copyOf(beratungsgruppen);
    this.abwesenheitAufbewahrung = Period.parse(aufbewahrung);
    if (this.gruppen.contains(KiGruppen.SCHULAMT)) {
      throw new IllegalStateException("ki.zustaendigkeit.gruppen: das Schulamt ist keine Gruppe des KI");
    }
  }

  public Set<String> gruppen() {
    return gruppen;
  }

  public Set<String> beratungsgruppen() {
    return beratungsgruppen;
  }

  Period abwesenheitAufbewahrung() {
    return abwesenheitAufbewahrung;
  }

  /** Groups whose members may record absences and stand in: the KI's own staff (not the Schulamt). */
  public Set<String> personalgruppen() {
    var alle = new java.util.TreeSet<>(gruppen);
    alle.addAll(KiGruppen.TASKLIST);
    alle.remove(KiGruppen.SCHULAMT);
    return alle;
  }

  /**
   * The process of a case by its case number's prefix: called building blocks (four eyes, consent)
   * run under the caller's case number and so belong to its process.
   */
  public Optional<Prozessbeschreibung> prozessDes(String aktenzeichen) {
    if (aktenzeichen == null || aktenzeichen.indexOf('-') < 0) {
      return Optional.empty();
    }
    String praefix = aktenzeichen.substring(0, aktenzeichen.indexOf('-'));
    return prozesse.alle().stream().filter(p -> p.praefix().equals(praefix)).findFirst();
  }

  /** Whether the group has a responsible caseworker in cases of the process. */
  public boolean zaehlt(Prozessbeschreibung prozess, String gruppe) {
    return gruppen.contains(gruppe) && prozess.starten().contains(gruppe);
  }

  public boolean hatBeratung(Prozessbeschreibung prozess) {
    return prozess.starten().stream().anyMatch(g -> beratungsgruppen.contains(g) && gruppen.contains(g));
  }
}
