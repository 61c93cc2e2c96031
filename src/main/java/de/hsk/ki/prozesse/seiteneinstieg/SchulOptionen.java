package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.formular.Auswahloptionen;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.partner.Schulform;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The schools a form's select offers (valuesKey "schulOptionen", kept on the task only). The
 * assignment offers the schools of the recommended school form, the child's municipality first,
 * without the schools that refused this case; only when the directory has no school of that form
 * are all schools offered. The feedback task offers just the assigned school, to show its name.
 */
@Component("schulOptionenAnbieten")
public class SchulOptionen implements TaskListener {

  private final PartnerVerzeichnis verzeichnis;

  public SchulOptionen(PartnerVerzeichnis verzeichnis) {
    this.verzeichnis = verzeichnis;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, String> optionen = new LinkedHashMap<>();
    if (Seiteneinstieg.Element.Task_AufnahmeErfassen.name().equals(task.getTaskDefinitionKey())) {
      String schule = Seiteneinstieg.ZUGEWIESENE_SCHULE.von(task);
      if (schule != null) {
        optionen.put(schule, verzeichnis.finde(schule).map(this::bezeichnung).orElse(schule));
      }
    } else {
      schulen(Seiteneinstieg.EMPFOHLENE_SCHULFORM.von(task), Seiteneinstieg.KOMMUNE.von(task),
          ZuweisungAbgelehnt.abgelehnteSchulen(task))
          .forEach(p -> optionen.put(p.schluessel(), bezeichnung(p)));
    }
    Auswahloptionen.anAufgabe(task, Seiteneinstieg.SCHUL_OPTIONEN, optionen);
  }

  List<Partner> schulen(String empfohleneSchulform, String kommune, Set<String> abgelehnt) {
    String schulform = Schulform.schulformDerSchule(empfohleneSchulform);
    List<Partner> passend = verzeichnis.schulen().stream().filter(p -> p.schulform().equals(schulform)).toList();
    return (passend.isEmpty() ? verzeichnis.schulen() : passend).stream()
        .filter(p -> !abgelehnt.contains(p.schluessel()))
        .sorted(Comparator.comparing((Partner p) -> !p.kommune().equals(kommune)).thenComparing(Partner::name))
        .toList();
  }

  private String bezeichnung(Partner p) {
    String kommune = verzeichnis.kommune(p.kommune()).map(PartnerVerzeichnis.Kommune::name).orElse(null);
    return kommune == null || p.name().contains(kommune) ? p.name() : p.name() + " (" + kommune + ")";
  }
}
