package de.hsk.ki.prozesse.seiteneinstieg;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.prozess.Ablehnung;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The supervision's decision on the assignment form, beyond the form's own rules: a school that
 * refused this case is not assigned again (checked at the form, where the message appears beside
 * the field, and again when the task completes); a waiting list ends
 * on a day after today and no later than the setting allows.
 */
@Component("zuweisungPruefen")
public class ZuweisungPruefen implements Formularregel, TaskListener {

  static final String FORMULAR = "form_se_zuweisung";

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final PartnerVerzeichnis verzeichnis;
  private final Fristen fristen;

  public ZuweisungPruefen(PartnerVerzeichnis verzeichnis, Fristen fristen) {
    this.verzeichnis = verzeichnis;
    this.fristen = fristen;
  }

  @Override
  public boolean gilt(String formularId) {
    return FORMULAR.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    List<EingabePruefung.Fehler> fehler = new ArrayList<>();
    String ergebnis = text(eingaben, Seiteneinstieg.ZUWEISUNGSERGEBNIS);
    String schule = text(eingaben, Seiteneinstieg.ZUGEWIESENE_SCHULE);
    if (schule != null && fall != null) {
      String einwand = einwand(schule, fall);
      if (einwand != null) {
        fehler.add(new EingabePruefung.Fehler(Seiteneinstieg.ZUGEWIESENE_SCHULE.name(), einwand));
      }
    }
    if (ergebnis != null) {
      // a field of another decision would still reach the case: refused, as the form never sends it
      java.util.Set<String> erlaubt = FELDER.getOrDefault(ergebnis, java.util.Set.of());
      for (String feld : FELDER.values().stream().flatMap(java.util.Set::stream).distinct().sorted().toList()) {
        if (!erlaubt.contains(feld) && gesetzt(eingaben.get(feld))) {
          fehler.add(new EingabePruefung.Fehler(feld, "Dieses Feld gehört nicht zur gewählten Entscheidung. Bitte leer lassen."));
        }
      }
    }
    if ("WARTELISTE".equals(ergebnis)) {
      String bis = text(eingaben, Seiteneinstieg.WARTELISTE_BIS);
      LocalDate tag = bis == null ? null : Zeit.datum(bis);
      LocalDate spaetestens = fristen.letzterWartelistentag();
      LocalDate fallende = fallende(fall);
      if (tag != null && !tag.isAfter(Zeit.heute())) {
        fehler.add(new EingabePruefung.Fehler(Seiteneinstieg.WARTELISTE_BIS.name(),
            "Warteliste bis: bitte einen Tag nach dem heutigen wählen."));
      } else if (tag != null && tag.isAfter(spaetestens)) {
        fehler.add(new EingabePruefung.Fehler(Seiteneinstieg.WARTELISTE_BIS.name(),
            "Warteliste bis: höchstens " + fristen.text("wartelisteHoechstens") + ", also bis " + spaetestens.format(DATUM)
                + ". Wartet das Kind danach noch, wird es an dem Tag erneut auf die Warteliste gesetzt."));
      } else if (tag != null && fallende != null && !tag.isBefore(fallende)) {
        fehler.add(new EingabePruefung.Fehler(Seiteneinstieg.WARTELISTE_BIS.name(),
            "Warteliste bis: der Fall endet am " + fallende.format(DATUM) + " wegen seiner Höchstdauer. Bitte einen früheren Tag wählen"
                + " und die Leitung informieren, damit das Kind nicht ohne Schulplatz bleibt."));
      }
    }
    return fehler;
  }

  /** The fields each decision sends; the others stay empty. */
  static final Map<String, java.util.Set<String>> FELDER = Map.of(
      "ZUGEWIESEN", java.util.Set.of("zugewieseneSchule", "schulbeginn", "ansprechperson", "jahrgangsstufe", "erstfoerderungsform",
          "schuelerbefoerderung"),
      "SCHULFORM_GEAENDERT", java.util.Set.of("neueSchulform", "jahrgangsstufe", "zuweisungsnotiz"),
      "WARTELISTE", java.util.Set.of("wartelisteBis", "zuweisungsnotiz"),
      "RUECKFRAGE_KI", java.util.Set.of("rueckfrage"));

  private static boolean gesetzt(JsonNode wert) {
    if (wert == null || wert.path("value").isNull() || wert.path("value").isMissingNode()) {
      return false;
    }
    JsonNode v = wert.path("value");
    return v.isBoolean() ? v.booleanValue() : !v.asText().isBlank();
  }

  /** The day the case's maximum duration closes it, or null (no such timer, e.g. a start form). */
  private static LocalDate fallende(VariableScope fall) {
    if (!(fall instanceof org.camunda.bpm.engine.delegate.DelegateTask task) || task.getProcessInstanceId() == null) {
      return null;
    }
    // the Schulamt may not read the case's jobs; the rule reads its own case's timer for it
    var abfrage = task.getProcessEngineServices().getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
        .activityId(Seiteneinstieg.Element.Event_HoechstdauerSeiteneinstiegErreicht.name());
    var kontext = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
    var job = kontext == null ? abfrage.singleResult() : kontext.runWithoutAuthorization(abfrage::singleResult);
    return job == null || job.getDuedate() == null ? null : job.getDuedate().toInstant().atZone(Zeit.ZONE).toLocalDate();
  }

  private static String text(Map<String, JsonNode> eingaben, de.hsk.ki.plattform.prozess.Variable<?> variable) {
    return Formularregel.text(eingaben, variable.name());
  }

  @Override
  public void notify(DelegateTask task) {
    String einwand = einwand(Seiteneinstieg.ZUGEWIESENE_SCHULE.von(task), task);
    if (einwand != null) {
      throw Ablehnung.wegen(einwand);
    }
  }

  String einwand(String schule, VariableScope fall) {
    if (schule == null || !ZuweisungAbgelehnt.abgelehnteSchulen(fall).contains(schule)) {
      return null;
    }
    String name = verzeichnis.finde(schule).map(Partner::name).orElse(schule);
    return name + " hat die Aufnahme in diesem Fall bereits abgelehnt. Bitte eine andere Schule zuweisen.";
  }
}
