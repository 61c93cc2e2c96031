package de.hsk.ki.prozesse.seiteneinstieg;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.prozess.Variable;
import de.hsk.ki.plattform.schulpflicht.Schulpflicht;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The clarification of a case outside the age of compulsory schooling acts on its result (review
 * finding S11): a corrected birth date goes back to the routing table, a hand-over to the
 * transition process needs that process's intake facts. What each result needs is checked here,
 * only on tasks of model versions that act on it (task-local "klaerungMitFolgen"); on older ones
 * the result only closes the case, as it always did.
 */
@Component("zustaendigkeitsklaerung")
public class Zustaendigkeitsklaerung implements Formularregel {

  static final String FORMULAR = "form_se_zustaendigkeit";
  /** Oldest age a hint to the youth-welfare office about day care fits (school starts in the year a child turns 6 or 7). */
  static final long KITA_BIS = 6;
  /** Youngest age the transition process counsels. */
  static final long UEBERGANG_AB = 15;
  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** The transition process's intake facts and their labels on the form. */
  static final Map<Variable<?>, String> UEBERGANG_ANGABEN = new LinkedHashMap<>();

  static {
    UEBERGANG_ANGABEN.put(Seiteneinstieg.SCHULBESUCHSJAHRE, "Schulbesuchsjahre insgesamt (Herkunftsland und Deutschland)");
    UEBERGANG_ANGABEN.put(Seiteneinstieg.AKTUELLE_KLASSE, "Aktuelle Schule / Klasse");
    UEBERGANG_ANGABEN.put(Seiteneinstieg.ABSCHLUSS, "Höchster Abschluss");
    UEBERGANG_ANGABEN.put(Seiteneinstieg.AUFENTHALTSSTATUS, "Aufenthaltsstatus (Kategorie)");
    UEBERGANG_ANGABEN.put(Seiteneinstieg.DEUTSCHNIVEAU, "Deutschkenntnisse (GER)");
  }

  @Override
  public boolean gilt(String formularId) {
    return FORMULAR.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    if (fall == null || !Boolean.TRUE.equals(fall.getVariableLocal(Seiteneinstieg.KLAERUNG_MIT_FOLGEN.name()))) {
      return List.of();
    }
    List<EingabePruefung.Fehler> fehler = new ArrayList<>();
    String ergebnis = text(eingaben, Seiteneinstieg.KLAERUNGSERGEBNIS);
    if ("ALTER_KORRIGIERT".equals(ergebnis)) {
      String neu = text(eingaben, Seiteneinstieg.GEBURTSDATUM_KORRIGIERT);
      if (neu == null) {
        fehler.add(new EingabePruefung.Fehler(Seiteneinstieg.GEBURTSDATUM_KORRIGIERT.name(), "Richtiges Geburtsdatum: Pflichtfeld"));
      } else if (Zeit.datum(neu).equals(Seiteneinstieg.GEBURTSDATUM.von(fall))) {
        fehler.add(new EingabePruefung.Fehler(Seiteneinstieg.GEBURTSDATUM_KORRIGIERT.name(),
            "Richtiges Geburtsdatum: es ist dasselbe wie bisher. Bitte das richtige Datum eintragen oder ein anderes Ergebnis wählen."));
      }
    }
    Long alter = Seiteneinstieg.ALTER.von(fall);
    if ("KITA".equals(ergebnis) && alter != null && alter > KITA_BIS) {
      fehler.add(new EingabePruefung.Fehler(Seiteneinstieg.KLAERUNGSERGEBNIS.name(), "Ergebnis: mit " + alter
          + " Jahren ist das Kind nicht im Kita-Alter. Stimmt das Geburtsdatum nicht, bitte „Geburtsdatum war falsch“ wählen."));
    }
    if ("UEBERGANG_SCHULE_BERUF".equals(ergebnis) && alter != null && alter < UEBERGANG_AB) {
      fehler.add(new EingabePruefung.Fehler(Seiteneinstieg.KLAERUNGSERGEBNIS.name(), "Ergebnis: der Übergang Schule–Beruf berät ab "
          + UEBERGANG_AB + " Jahren; mit " + alter + " Jahren passt er nicht. Stimmt das Geburtsdatum nicht, bitte „Geburtsdatum war falsch“ wählen."));
    }
    if ("UEBERGANG_SCHULE_BERUF".equals(ergebnis)) {
      UEBERGANG_ANGABEN.forEach((variable, bezeichnung) -> {
        if (text(eingaben, variable) == null) {
          fehler.add(new EingabePruefung.Fehler(variable.name(), bezeichnung + ": Pflichtfeld für die Übergabe"));
        }
      });
    }
    return fehler;
  }

  /** Flow "Geburtsdatum korrigiert": the new date and age, a line in the history, the next clarification starts empty. */
  public void geburtsdatumKorrigiert(DelegateExecution execution) {
    LocalDate alt = Seiteneinstieg.GEBURTSDATUM.von(execution);
    LocalDate neu = Seiteneinstieg.GEBURTSDATUM_KORRIGIERT.von(execution);
    Seiteneinstieg.GEBURTSDATUM.setze(execution, neu);
    Seiteneinstieg.ALTER.setze(execution, (long) MeldungAufnehmen.alterAm(neu.toString(), Zeit.heute()));
    Schulpflicht.fakten(execution, neu, Seiteneinstieg.AUSBILDUNGSBEGINN.von(execution), Zeit.heute());
    String notiz = Seiteneinstieg.KLAERUNGSNOTIZ.von(execution);
    Verlauf.anhaengen(execution, Seiteneinstieg.KLAERUNGSVERLAUF, Zeit.heute().format(DATUM) + " Geburtsdatum korrigiert: "
        + (alt == null ? "–" : alt.format(DATUM)) + " → " + neu.format(DATUM)
        + (notiz == null || notiz.isBlank() ? "" : " – " + notiz.strip().replace('\n', ' ')));
    for (Variable<?> v : List.of(Seiteneinstieg.KLAERUNGSERGEBNIS, Seiteneinstieg.GEBURTSDATUM_KORRIGIERT, Seiteneinstieg.KLAERUNGSNOTIZ)) {
      execution.removeVariable(v.name());
    }
  }

  private static String text(Map<String, JsonNode> eingaben, Variable<?> variable) {
    return Formularregel.text(eingaben, variable.name());
  }
}
