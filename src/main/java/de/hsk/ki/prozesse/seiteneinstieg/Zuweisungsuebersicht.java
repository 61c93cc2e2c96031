package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.partner.Bezeichnungen;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerTyp;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.partner.Schulform;
import de.hsk.ki.plattform.partnermail.Mailvorlagen;
import de.hsk.ki.plattform.partnermail.PartnerEmailVersand;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The daily overview each school supervision gets instead of one reminder per case (review finding
 * S9): every case whose assignment has waited longer than the reminder period, with case number,
 * school form, municipality and days waited, never a name. One e-mail per supervision and day (the
 * idempotency key holds the date), none when nothing is overdue. Cases of model versions that still
 * send their own reminder are left to it. The Schulamt, which works in Tasklist, gets a link to its
 * list; the Bezirksregierung is asked to answer by e-mail.
 */
@Component("zuweisungsuebersicht")
public class Zuweisungsuebersicht implements JavaDelegate {

  static final String VORLAGE = "ZUWEISUNG_UEBERSICHT";
  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final List<String> AUFGABEN = List.of(
      Seiteneinstieg.Element.Task_ZuweisungSchulamt.name(), Seiteneinstieg.Element.Task_ZuweisungErfassen.name());

  private final PartnerEmailVersand versand;
  private final Mailvorlagen vorlagen;
  private final PartnerVerzeichnis verzeichnis;
  private final Bezeichnungen bezeichnungen;
  private final Fristen fristen;
  private final String basisUrl;

  public Zuweisungsuebersicht(PartnerEmailVersand versand, Mailvorlagen vorlagen, PartnerVerzeichnis verzeichnis,
      Bezeichnungen bezeichnungen, Fristen fristen, @Value("${ki.basis-url}") String basisUrl) {
    this.versand = versand;
    this.vorlagen = vorlagen;
    this.verzeichnis = verzeichnis;
    this.bezeichnungen = bezeichnungen;
    this.fristen = fristen;
    this.basisUrl = basisUrl;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate heute = Zeit.heute();
    List<String> fehlgeschlagen = new ArrayList<>();
    RuntimeException erster = null;
    for (Map.Entry<String, List<Map<String, Object>>> aufsicht : ueberfaellig(execution.getProcessEngineServices(), heute).entrySet()) {
      try {
        senden(aufsicht.getKey(), aufsicht.getValue(), heute);
      } catch (RuntimeException e) {
        // one supervision missing from the directory must not keep the other's overview back
        fehlgeschlagen.add(aufsicht.getKey());
        erster = erster == null ? e : erster;
      }
    }
    if (erster != null) {
      // the job is retried and becomes an incident; the overviews already sent are not sent again (key with the date)
      throw new IllegalStateException("Übersicht nicht gesendet an: " + String.join(", ", fehlgeschlagen), erster);
    }
  }

  private void senden(String aufsicht, List<Map<String, Object>> faelle, LocalDate heute) {
    Map<String, Object> werte = new HashMap<>();
    werte.put("faelle", faelle);
    werte.put("anzahl", faelle.size());
    werte.put("frist", fristen.text("zuweisungErinnerung"));
    werte.put("ziel", fristen.text("zuweisung"));
    if (verzeichnis.finde(aufsicht).map(Partner::typ).orElse(null) == PartnerTyp.SCHULAMT) {
      werte.put("link", basisUrl + "/camunda/app/tasklist/default/");
    }
    // the "case number" of an overview is its day: subject, mail register and idempotency key
    String tag = "SE-UEBERSICHT-" + heute;
    versand.sende(tag + "-" + aufsicht, vorlagen.vorlage(VORLAGE), aufsicht, tag, werte);
  }

  /** The overdue cases per supervision (partner key), oldest first. */
  Map<String, List<Map<String, Object>>> ueberfaellig(ProcessEngineServices engine, LocalDate heute) {
    Instant grenze = heute.atStartOfDay(Zeit.ZONE).minus(Period.parse(fristen.getZuweisungErinnerung())).toInstant();
    Map<String, Boolean> eigeneErinnerung = new HashMap<>();
    Map<String, List<Map<String, Object>>> jeAufsicht = new TreeMap<>();
    List<Task> offen = engine.getTaskService().createTaskQuery().processDefinitionKey(Seiteneinstieg.SCHLUESSEL)
        .taskDefinitionKeyIn(AUFGABEN.toArray(String[]::new)).taskCreatedBefore(java.util.Date.from(grenze))
        .orderByTaskCreateTime().asc().list();
    for (Task aufgabe : offen) {
      boolean alt = eigeneErinnerung.computeIfAbsent(aufgabe.getProcessDefinitionId(), id -> engine.getRepositoryService()
          .getBpmnModelInstance(id).getModelElementById("Event_ZuweisungErinnerung") != null);
      if (alt) {
        continue;
      }
      Map<String, Object> v = engine.getRuntimeService().getVariables(aufgabe.getProcessInstanceId(),
          List.of(Seiteneinstieg.AKTENZEICHEN.name(), Seiteneinstieg.SCHULAUFSICHT.name(), Seiteneinstieg.ZUGEWIESENE_SCHULFORM.name(),
              Seiteneinstieg.EMPFOHLENE_SCHULFORM.name(), Seiteneinstieg.KOMMUNE.name()));
      String schulaufsicht = (String) v.get(Seiteneinstieg.SCHULAUFSICHT.name());
      if (schulaufsicht == null) {
        continue;
      }
      Object schulform = v.get(Seiteneinstieg.ZUGEWIESENE_SCHULFORM.name()) != null
          ? v.get(Seiteneinstieg.ZUGEWIESENE_SCHULFORM.name()) : v.get(Seiteneinstieg.EMPFOHLENE_SCHULFORM.name());
      LocalDate seit = aufgabe.getCreateTime().toInstant().atZone(Zeit.ZONE).toLocalDate();
      Map<String, Object> fall = new LinkedHashMap<>();
      fall.put("aktenzeichen", v.get(Seiteneinstieg.AKTENZEICHEN.name()));
      fall.put("schulform", schulform == null ? "–" : Schulform.bezeichnungVon(schulform.toString()));
      fall.put("kommune", bezeichnungen.kommune(v.get(Seiteneinstieg.KOMMUNE.name())));
      fall.put("seit", seit.format(DATUM));
      fall.put("tage", ChronoUnit.DAYS.between(seit, heute));
      jeAufsicht.computeIfAbsent(schulaufsicht, k -> new ArrayList<>()).add(fall);
    }
    return jeAufsicht;
  }
}
