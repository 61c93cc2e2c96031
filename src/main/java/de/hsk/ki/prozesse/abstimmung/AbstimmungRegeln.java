package de.hsk.ki.prozesse.abstimmung;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.formular.Personenbezug;
import de.hsk.ki.plattform.frist.Fristensatz;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Rules of the coordination forms that a form cannot express: free texts name authorities, not
 * children or families (a birth date is refused; only "Rechtsgrundlage klären" names the person of a
 * case-related discussion), and a statement deadline leaves room for the reminder before it.
 */
@Component
public class AbstimmungRegeln implements Formularregel {

  static final String PRAEFIX = "form_ab_";
  static final String RECHTSGRUNDLAGE = "form_ab_rechtsgrundlage";
  static final String BETEILIGTE = "form_ab_beteiligte";

  private static final Pattern UHRZEIT = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  /** Longer than any coordination waits for a statement: a later date is a German date typed as month/day. */
  static final Period LAENGSTE_FRIST = Period.ofWeeks(12);

  private final AbstimmungFristen fristen;

  private final Abstimmungsfaelle faelle;

  public AbstimmungRegeln(AbstimmungFristen fristen, Abstimmungsfaelle faelle) {
    this.fristen = fristen;
    this.faelle = faelle;
  }

  private static String wert(Map<String, JsonNode> eingaben, String feld) {
    return eingaben.containsKey(feld) ? eingaben.get(feld).path("value").asText() : null;
  }

  @Override
  public boolean gilt(String formularId) {
    return formularId != null && formularId.startsWith(PRAEFIX);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    List<EingabePruefung.Fehler> fehler = new ArrayList<>();
    boolean personenbezugErlaubt = eingaben.containsKey("vorname"); // only the form of the legal basis has it
    if (!personenbezugErlaubt) {
      eingaben.forEach((feld, eintrag) -> {
        JsonNode wert = eintrag.path("value");
        if (wert.isTextual() && Personenbezug.nenntGeburtsdatum(wert.asText())) {
          fehler.add(new EingabePruefung.Fehler(feld, "Bitte keine personenbezogenen Daten von Kindern, Jugendlichen oder "
              + "Familien eintragen – der Text enthält offenbar ein Geburtsdatum. Abstimmungen nennen Stellen und Gruppen; "
              + "eine Person nennt nur der Schritt „Rechtsgrundlage klären“ einer fallbezogenen Abstimmung."));
        }
      });
    }
    if (eingaben.containsKey(Abstimmung.STELLUNGNAHME_BIS.name())) {
      try {
        LocalDate frist = LocalDate.parse(eingaben.get(Abstimmung.STELLUNGNAHME_BIS.name()).path("value").asText());
        Period vorlauf = Period.parse(fristen.getErinnerungVorFrist()).plusDays(1);
        if (frist.isAfter(Zeit.heute().plus(LAENGSTE_FRIST))) {
          fehler.add(new EingabePruefung.Fehler(Abstimmung.STELLUNGNAHME_BIS.name(), "Frist für die Stellungnahmen: höchstens "
              + Fristensatz.inWorten(LAENGSTE_FRIST.toString()) + " ab heute. Bitte das Datum prüfen – die Datumsauswahl erwartet TT.MM.JJJJ."));
        }
        if (frist.isBefore(Zeit.heute().plus(vorlauf))) {
          fehler.add(new EingabePruefung.Fehler(Abstimmung.STELLUNGNAHME_BIS.name(), "Frist für die Stellungnahmen: mindestens "
              + Fristensatz.inWorten(vorlauf.toString()) + " ab heute, damit die Stellen vorher erinnert werden können."));
        }
      } catch (DateTimeParseException e) {
        // the field check names a malformed date
      }
    }
    if (personenbezugErlaubt && !"EINWILLIGUNG".equals(wert(eingaben, Abstimmung.RECHTSGRUNDLAGE.name()))) {
      for (var feld : List.of(Abstimmung.VORNAME, Abstimmung.NACHNAME, Abstimmung.GEBURTSDATUM)) {
        JsonNode w = eingaben.get(feld.name());
        if (w != null && !w.path("value").isNull() && !w.path("value").asText().isBlank()) {
          fehler.add(new EingabePruefung.Fehler(feld.name(), "Eine anonymisierte Besprechung speichert keine Angaben zur Person: "
              + "bitte Name und Geburtsdatum leer lassen oder „Einwilligung“ wählen."));
          break;
        }
      }
    }
    if (eingaben.containsKey(Abstimmung.UHRZEIT.name())) {
      String uhrzeit = eingaben.get(Abstimmung.UHRZEIT.name()).path("value").asText();
      if (!UHRZEIT.matcher(uhrzeit).matches()) {
        fehler.add(new EingabePruefung.Fehler(Abstimmung.UHRZEIT.name(), "Uhrzeit: bitte im Format HH:MM, z. B. 10:00."));
      }
    }
    if ("NEIN".equals(wert(eingaben, Abstimmung.ZIEL_ERREICHT.name())) && "ZIEL_ERREICHT".equals(wert(eingaben, Abstimmung.WIRKUNG.name()))) {
      fehler.add(new EingabePruefung.Fehler(Abstimmung.WIRKUNG.name(),
          "Wie geht es weiter?: Das Ziel ist nicht erreicht – bitte nachsteuern; „umgesetzt“ passt nur, wenn das Ziel ganz oder teilweise erreicht ist."));
    }
    if (eingaben.containsKey(Abstimmung.EINGANG_AM.name()) && fall != null) {
      try {
        LocalDate eingang = LocalDate.parse(eingaben.get(Abstimmung.EINGANG_AM.name()).path("value").asText());
        LocalDate angelegt = faelle.angelegtAm((String) fall.getVariable(Abstimmung.AKTENZEICHEN.name()));
        if (angelegt != null && eingang.isBefore(angelegt)) {
          fehler.add(new EingabePruefung.Fehler(Abstimmung.EINGANG_AM.name(), "Eingang am: liegt vor dem Beginn der Abstimmung ("
              + angelegt.format(Beteiligungen.DATUM) + "). Bitte das Datum prüfen – die Datumsauswahl erwartet TT.MM.JJJJ."));
        }
      } catch (DateTimeParseException e) {
        // the field check names a malformed date
      }
    }
    return fehler;
  }
}
