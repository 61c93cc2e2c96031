package de.hsk.ki.prozesse.seiteneinstieg;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.prozess.Ablehnung;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * A school that refused this case is not assigned again: checked at the form (the message appears
 * beside the field) and, for every other way of completing the task, when the task completes.
 */
@Component("zuweisungPruefen")
public class ZuweisungPruefen implements Formularregel, TaskListener {

  static final String FORMULAR = "form_se_zuweisung";

  private final PartnerVerzeichnis verzeichnis;

  public ZuweisungPruefen(PartnerVerzeichnis verzeichnis) {
    this.verzeichnis = verzeichnis;
  }

  @Override
  public boolean gilt(String formularId) {
    return FORMULAR.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    JsonNode schule = eingaben.get(Seiteneinstieg.ZUGEWIESENE_SCHULE.name());
    if (schule == null || fall == null) {
      return List.of();
    }
    String einwand = einwand(schule.path("value").asText(null), fall);
    return einwand == null ? List.of() : List.of(new EingabePruefung.Fehler(Seiteneinstieg.ZUGEWIESENE_SCHULE.name(), einwand));
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
