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
    if ("WARTELISTE".equals(ergebnis)) {
      String bis = text(eingaben, Seiteneinstieg.WARTELISTE_BIS);
      LocalDate tag = bis == null ? null : Zeit.datum(bis);
      LocalDate spaetestens = fristen.letzterWartelistentag();
      if (tag != null && !tag.isAfter(Zeit.heute())) {
        fehler.add(new EingabePruefung.Fehler(Seiteneinstieg.WARTELISTE_BIS.name(),
            "Warteliste bis: bitte einen Tag nach dem heutigen wählen."));
      } else if (tag != null && tag.isAfter(spaetestens)) {
        fehler.add(new EingabePruefung.Fehler(Seiteneinstieg.WARTELISTE_BIS.name(),
            "Warteliste bis: höchstens " + fristen.text("wartelisteHoechstens") + " (bis " + spaetestens.format(DATUM)
                + "); danach bitte erneut entscheiden."));
      }
    }
    return fehler;
  }

  private static String text(Map<String, JsonNode> eingaben, de.hsk.ki.plattform.prozess.Variable<?> variable) {
    JsonNode wert = eingaben.get(variable.name());
    String text = wert == null ? null : wert.path("value").asText(null);
    return text == null || text.isBlank() ? null : text;
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
