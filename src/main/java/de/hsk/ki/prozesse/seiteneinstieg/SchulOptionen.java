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
import org.camunda.bpm.engine.delegate.VariableScope;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import org.springframework.stereotype.Component;

/**
 * The schools a form's select offers (valuesKey "schulOptionen", kept on the task only). The
 * assignment offers the schools of the recommended school form, the child's municipality first,
 * without the schools that refused this case; only when the directory has no school of that form
 * are all schools offered. The tasks after the assignment (admission, first school day, Schulträger) offer just the assigned school, to show its name.
 * The assignment tasks also get the decisions they offer ("ergebnisOptionen"): a query to the KI
 * only where the KI counselled, and on a task of a model version before these decisions only the
 * assignment, which is all that version can continue with.
 */
@Component("schulOptionenAnbieten")
public class SchulOptionen implements TaskListener {

  /** Tasks after the assignment: they show the assigned school only. */
  private static final Set<String> NUR_ZUGEWIESENE = Set.of(Seiteneinstieg.Element.Task_AufnahmeErfassen.name(),
      Seiteneinstieg.Element.Task_SchulbesuchBestaetigen.name(), Seiteneinstieg.Element.Task_SchulpflichtUeberwachen.name());

  private final PartnerVerzeichnis verzeichnis;

  public SchulOptionen(PartnerVerzeichnis verzeichnis) {
    this.verzeichnis = verzeichnis;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, String> optionen = new LinkedHashMap<>();
    if (NUR_ZUGEWIESENE.contains(task.getTaskDefinitionKey())) {
      String schule = Seiteneinstieg.ZUGEWIESENE_SCHULE.von(task);
      if (schule != null) {
        optionen.put(schule, verzeichnis.finde(schule).map(this::bezeichnung).orElse(schule));
      }
    } else {
      schulen(schulformDerZuweisung(task), Seiteneinstieg.KOMMUNE.von(task), ZuweisungAbgelehnt.abgelehnteSchulen(task))
          .forEach(p -> optionen.put(p.schluessel(), bezeichnung(p)));
      ergebnisseAnbieten(task);
    }
    Auswahloptionen.anAufgabe(task, Seiteneinstieg.SCHUL_OPTIONEN, optionen);
  }

  /** The decisions an assignment task offers; also for tasks created before there was a choice. */
  public void ergebnisseAnbieten(DelegateTask task) {
    Auswahloptionen.anAufgabe(task, Seiteneinstieg.ERGEBNIS_OPTIONEN, ergebnisse(task));
    String schulform = schulformDerZuweisung(task);
    if (schulform != null && !schulform.equals(Seiteneinstieg.EMPFOHLENE_SCHULFORM.von(task))) {
      // shown only when someone changed the KI's recommendation
      task.setVariableLocal(Seiteneinstieg.SCHULFORM_DER_ZUWEISUNG.name(), Schulform.bezeichnungVon(schulform));
    }
  }

  static Map<String, String> ergebnisse(DelegateTask task) {
    Map<String, String> ergebnisse = new LinkedHashMap<>();
    ergebnisse.put("ZUGEWIESEN", "Schule zugewiesen");
    if (!mitEntscheidungen(task)) {
      return ergebnisse;
    }
    ergebnisse.put("SCHULFORM_GEAENDERT", "Andere Schulform oder Klasse – neue Schulauswahl");
    ergebnisse.put("WARTELISTE", "Kein freier Platz – Warteliste bis zu einem Datum");
    if (!KiGruppen.SCHULAMT.equals(beratungGruppe(task))) {
      ergebnisse.put("RUECKFRAGE_KI", "Rückfrage an die Beratung im KI");
    }
    return ergebnisse;
  }

  /** Whether the task's model version continues with every decision (from version 1.1.0 on). */
  static boolean mitEntscheidungen(DelegateTask task) {
    return task.getExecution() != null
        && task.getExecution().getBpmnModelInstance().getModelElementById(Seiteneinstieg.Element.Gateway_Zuweisungsergebnis.name()) != null;
  }

  private static String beratungGruppe(DelegateTask task) {
    return Seiteneinstieg.BERATUNG.von(task) instanceof Map<?, ?> beratung && beratung.get("beratungGruppe") != null
        ? beratung.get("beratungGruppe").toString() : null;
  }

  /** The school form a place is sought in; instances started before it was kept use the recommendation. */
  static String schulformDerZuweisung(VariableScope fall) {
    String schulform = Seiteneinstieg.ZUGEWIESENE_SCHULFORM.von(fall);
    return schulform != null ? schulform : Seiteneinstieg.EMPFOHLENE_SCHULFORM.von(fall);
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
