package de.hsk.ki.plattform.einwilligung;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may declare consent: the decision table Decision_Einwilligungsberechtigt
 * (processes/_bausteine/einwilligungsberechtigt.dmn) on the age on the day of the declaration (a
 * case can run for years), the young person's capacity to understand as staff assessed it, and the
 * county's setting whether guardians consent as well. Checked at the form, so staff read the reason
 * beside the field; the listener that records the consent applies the same rule.
 */
@Component
public class WerWilligtEin implements Formularregel {

  static final String FORMULAR = "form_baustein_einwilligung";
  static final String ENTSCHEIDUNG = "Decision_Einwilligungsberechtigt";

  /** Who declared: the young person (or adult) themself, the guardians, or both together. */
  public static final String JUGENDLICHE = "JUGENDLICHE";
  public static final String SORGEBERECHTIGTE = "SORGEBERECHTIGTE";
  public static final String GEMEINSAM = "GEMEINSAM";

  private final ObjectProvider<ProcessEngine> engine;
  private final boolean sorgeberechtigteZusaetzlich;
  private final ObjectProvider<SorgeberechtigtePflicht> pflichten;

  public WerWilligtEin(ObjectProvider<ProcessEngine> engine,
      @Value("${ki.einwilligung.sorgeberechtigte-zusaetzlich:false}") boolean sorgeberechtigteZusaetzlich,
      ObjectProvider<SorgeberechtigtePflicht> pflichten) {
    this.engine = engine;
    this.sorgeberechtigteZusaetzlich = sorgeberechtigteZusaetzlich;
    this.pflichten = pflichten;
  }

  /**
   * Whether a process requires the guardians for one of the partners this consent task asks for
   * (one declarant for every row of the task).
   */
  public boolean sorgeberechtigteVerlangt(VariableScope aufgabe) {
    String aktenzeichen = aufgabe instanceof org.camunda.bpm.engine.delegate.DelegateTask t && t.getExecution() != null
        ? t.getExecution().getProcessBusinessKey() : null;
    List<SorgeberechtigtePflicht> regeln = pflichten.orderedStream().toList();
    if (aktenzeichen == null || regeln.isEmpty()) {
      return false;
    }
    Object offen = aufgabe.getVariable(OffeneEinwilligungen.OFFENE_PARTNER);
    java.util.Collection<?> partner = offen instanceof java.util.Collection<?> liste ? liste
        : aufgabe.getVariable("partner") == null ? List.of() : List.of(aufgabe.getVariable("partner"));
    return partner.stream().anyMatch(p -> regeln.stream().anyMatch(r -> r.gilt(aktenzeichen, String.valueOf(p))));
  }

  @Override
  public boolean gilt(String formularId) {
    return FORMULAR.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    if (!"true".equals(text(eingaben, "informiert"))) {
      return List.of(new EingabePruefung.Fehler("informiert",
          "Information: bitte bestätigen, dass über Zweck, Empfänger und das Recht auf Widerruf informiert wurde."));
    }
    String rolle = text(eingaben, "einwilligendePerson");
    String datum = text(eingaben, "einwilligungsdatum");
    if (rolle == null || datum == null || fall == null || fall.getVariable("geburtsdatum") == null) {
      return List.of();
    }
    try {
      LocalDate geburtsdatum = Zeit.datum(fall.getVariable("geburtsdatum"));
      LocalDate erklaerung = LocalDate.parse(datum);
      boolean verlangt = sorgeberechtigteVerlangt(fall);
      // the guardians may always declare for a minor; the young person only with the capacity assessed
      if (!verlangt && einsichtsfrage(geburtsdatum, erklaerung) && !SORGEBERECHTIGTE.equals(rolle)
          && text(eingaben, "einsichtsfaehig") == null) {
        return List.of(new EingabePruefung.Fehler("einsichtsfaehig",
            "Einsichtsfähigkeit: bei 14- bis 17-Jährigen bitte angeben, ob sie Bedeutung und Folgen der Einwilligung erfassen können."));
      }
      String einwand = einwand(rolle, geburtsdatum, erklaerung, einsichtsfaehig(text(eingaben, "einsichtsfaehig")), verlangt);
      return einwand == null ? List.of() : List.of(new EingabePruefung.Fehler("einwilligendePerson", einwand));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return List.of(); // the field check names a malformed date
    }
  }

  /** Whether the form asks for the capacity to understand: from 14 up to the 18th birthday. */
  static boolean einsichtsfrage(LocalDate geburtsdatum, LocalDate erklaerung) {
    if (geburtsdatum == null) {
      return false;
    }
    int alter = Period.between(geburtsdatum, erklaerung).getYears();
    return alter >= 14 && alter < 18;
  }

  /** "JA" / "NEIN" of the form, null when not asked or not answered. */
  static Boolean einsichtsfaehig(Object antwort) {
    return antwort == null ? null : "JA".equals(antwort);
  }

  /** Who declares for this person on this day: JUGENDLICHE, SORGEBERECHTIGTE or GEMEINSAM, and the rule's wording. */
  public DmnDecisionResultEntries berechtigt(LocalDate geburtsdatum, LocalDate erklaerung, Boolean einsichtsfaehig) {
    return berechtigt(geburtsdatum, erklaerung, einsichtsfaehig, false);
  }

  /** @param verlangt a process requires the guardians for a partner of this consent (SorgeberechtigtePflicht) */
  public DmnDecisionResultEntries berechtigt(LocalDate geburtsdatum, LocalDate erklaerung, Boolean einsichtsfaehig, boolean verlangt) {
    int alter = Period.between(geburtsdatum, erklaerung).getYears();
    return OhneBerechtigungspruefung.ausfuehren(() -> engine.getObject().getDecisionService()
        .evaluateDecisionByKey(ENTSCHEIDUNG)
        .variables(Variables.createVariables().putValue("alter", alter).putValue("einsichtsfaehig", einsichtsfaehig)
            .putValue("sorgeberechtigteZusaetzlich", sorgeberechtigteZusaetzlich).putValue("sorgeberechtigteVerlangt", verlangt))
        .evaluate().getSingleResult());
  }

  /** The objection to this declarant, or null. */
  public String einwand(String rolle, LocalDate geburtsdatum, LocalDate erklaerung, Boolean einsichtsfaehig) {
    return einwand(rolle, geburtsdatum, erklaerung, einsichtsfaehig, false);
  }

  public String einwand(String rolle, LocalDate geburtsdatum, LocalDate erklaerung, Boolean einsichtsfaehig, boolean verlangt) {
    DmnDecisionResultEntries ergebnis = berechtigt(geburtsdatum, erklaerung, einsichtsfaehig, verlangt);
    if (ergebnis.getEntry("berechtigt").equals(rolle)) {
      return null;
    }
    return ergebnis.getEntry("regel") + " Gewählt war: " + bezeichnung(rolle) + ".";
  }

  /** The options the form offers for a person of this age (the rest is decided with the capacity question). */
  Map<String, String> angeboten(LocalDate geburtsdatum, LocalDate heute) {
    return angeboten(geburtsdatum, heute, false);
  }

  Map<String, String> angeboten(LocalDate geburtsdatum, LocalDate heute, boolean verlangt) {
    Map<String, String> personen = new java.util.LinkedHashMap<>();
    if (geburtsdatum == null) {
      personen.put(JUGENDLICHE, bezeichnung(JUGENDLICHE));
      personen.put(SORGEBERECHTIGTE, bezeichnung(SORGEBERECHTIGTE));
      return personen;
    }
    if (!einsichtsfrage(geburtsdatum, heute) || verlangt) {
      String wer = (String) berechtigt(geburtsdatum, heute, null, verlangt).getEntry("berechtigt");
      personen.put(wer, Period.between(geburtsdatum, heute).getYears() >= 18 ? "die Person selbst (volljährig)" : bezeichnung(wer));
      return personen;
    }
    personen.put(sorgeberechtigteZusaetzlich ? GEMEINSAM : JUGENDLICHE,
        bezeichnung(sorgeberechtigteZusaetzlich ? GEMEINSAM : JUGENDLICHE));
    personen.put(SORGEBERECHTIGTE, bezeichnung(SORGEBERECHTIGTE));
    return personen;
  }

  static String bezeichnung(String rolle) {
    return switch (rolle == null ? "" : rolle) {
      case JUGENDLICHE -> "die oder der Jugendliche selbst";
      case SORGEBERECHTIGTE -> "Sorgeberechtigte";
      case GEMEINSAM -> "die oder der Jugendliche gemeinsam mit den Sorgeberechtigten";
      default -> "„" + rolle + "“";
    };
  }

  private static String text(Map<String, JsonNode> eingaben, String name) {
    return de.hsk.ki.plattform.formular.Formularregel.text(eingaben, name);
  }
}
