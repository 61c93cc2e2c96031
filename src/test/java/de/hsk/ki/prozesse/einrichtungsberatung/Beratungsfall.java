package de.hsk.ki.prozesse.einrichtungsberatung;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.prozesse.einrichtungsberatung.Einrichtungsberatung.Element;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** One request of an institution driven through the Java API as staff would through Tasklist, step by step. */
final class Beratungsfall {

  final ProcessEngine engine;
  final ProcessInstance fall;

  private Beratungsfall(ProcessEngine engine, ProcessInstance fall) {
    this.engine = engine;
    this.fall = fall;
  }

  /** A request as the start form submits it. */
  static Map<String, Object> anfrage(String einrichtung, String typ, String thema, String format) {
    Map<String, Object> v = new HashMap<>();
    v.put("eingangskanal", "TELEFON");
    v.put("eingangsdatum", LocalDate.now().toString());
    v.put("einrichtung", einrichtung);
    v.put("einrichtungstyp", typ);
    v.put("kommune", "BRILON");
    v.put("anschrift", "Am Markt 1, 59929 Brilon");
    v.put("ansprechperson", "Frau Sommer");
    v.put("funktion", "Leitung");
    v.put("telefon", "02961 123456");
    v.put("email", "kontakt@" + einrichtung.toLowerCase().replaceAll("[^a-z]", "") + ".example.org");
    v.put("thema", thema);
    v.put("format", format);
    v.put("zielgruppe", new ArrayList<>(List.of("KOLLEGIUM")));
    v.put("teilnehmendeErwartet", 12L);
    v.put("wunschzeitraum", "nach den Herbstferien");
    v.put("anliegen", "Das Team möchte Mehrsprachigkeit im Alltag stärken.");
    return v;
  }

  static Beratungsfall eingang(ProcessEngine engine, Map<String, Object> anfrage) {
    Beratungsfall f = new Beratungsfall(engine, engine.getRuntimeService().startProcessInstanceByKey(Einrichtungsberatung.SCHLUESSEL, anfrage));
    f.jobsAusfuehren();
    return f;
  }

  static Beratungsfall von(ProcessEngine engine, ProcessInstance fall) {
    return new Beratungsfall(engine, fall);
  }

  String aktenzeichen() {
    return fall.getBusinessKey();
  }

  Task aufgabe(Element element) {
    return aufgabe(element.name());
  }

  Task aufgabe(String definition) {
    List<Task> offen = aufgaben(definition);
    assertThat(offen).as("open task " + definition).hasSize(1);
    return offen.get(0);
  }

  List<Task> aufgaben(String definition) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(aktenzeichen()).taskDefinitionKey(definition)
        .orderByTaskId().asc().list();
  }

  List<String> kandidaten(Element element) {
    return engine.getTaskService().getIdentityLinksForTask(aufgabe(element).getId()).stream()
        .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).toList();
  }

  void erledige(Element element, Map<String, Object> werte) {
    engine.getTaskService().complete(aufgabe(element).getId(), werte);
    jobsAusfuehren();
  }

  /** Runs the asynchronous steps (e-mails, continuations) that are due now, until none is left. */
  void jobsAusfuehren() {
    de.hsk.ki.testkit.Jobs.ausfuehren(engine, fall.getId());
  }

  Job timer(Element element) {
    List<Job> timer = engine.getManagementService().createJobQuery().processInstanceId(fall.getId()).timers().activityId(element.name())
        .list();
    assertThat(timer).as("timer " + element).hasSize(1);
    return timer.get(0);
  }

  /** Fires a timer of this element as if its date had come, then runs what follows. */
  void timerFeuert(Element element) {
    engine.getManagementService().executeJob(timer(element).getId());
    jobsAusfuehren();
  }

  // the steps, with values a member of staff would enter

  void klaeren(String ergebnis) {
    erledige(Element.Task_BedarfKlaeren, Map.of("gespraechAm", LocalDate.now().toString(), "ziele", "Sprachbildung im Alltag",
        "umfangStunden", 6L, "ergebnisKlaerung", ergebnis, "klaerungNotiz", "Telefonat mit der Leitung"));
  }

  void vereinbaren(LocalDate termin, boolean extern, boolean bescheinigungen) {
    Map<String, Object> v = new HashMap<>(Map.of("termin", termin.toString(), "uhrzeit", "14:30", "ort", "EINRICHTUNG",
        "referentArt", extern ? "EXTERN" : "INTERN", "kosten", "KOSTENFREI", "maxTeilnehmende", 20L, "bescheinigungen", bescheinigungen));
    if (extern) {
      v.put("referentExtern", "Dr. Lena Brandt");
      v.put("honorar", 450L);
    } else {
      v.put("referentIntern", "tbecker");
    }
    erledige(Element.Task_AngebotVereinbaren, v);
  }

  /** Waits for the session day (the reminder first, when there is one) and documents it. */
  void terminDurchfuehren(int teilnehmende, LocalDate naechster) {
    terminAbwarten();
    terminDokumentieren(teilnehmende, naechster);
  }

  /** The reminder before the session, when there is one, and the morning of the session day. */
  void terminAbwarten() {
    if (!engine.getManagementService().createJobQuery().processInstanceId(fall.getId()).timers()
        .activityId(Element.Event_VorDemTermin.name()).list().isEmpty()) {
      timerFeuert(Element.Event_VorDemTermin);
    }
    timerFeuert(Element.Event_Termintag);
  }

  void terminDokumentieren(int teilnehmende, LocalDate naechster) {
    Map<String, Object> v = new HashMap<>(Map.of("stattgefunden", "JA", "durchgefuehrtAm", LocalDate.now().toString(),
        "dauerMinuten", 90L, "teilnehmendeGesamt", (long) teilnehmende, "teilnehmendeFachkraefte", (long) teilnehmende,
        "inhalte", "Alltagsintegrierte Sprachbildung", "weitererTermin", naechster != null));
    if (naechster != null) {
      v.put("naechsterTermin", naechster.toString());
      v.put("naechsteUhrzeit", "09:00");
    }
    erledige(Element.Task_Durchfuehren, v);
  }

  void evaluieren(boolean folgebedarf) {
    Map<String, Object> v = new HashMap<>(Map.of("evaluationAm", LocalDate.now().toString(), "zufriedenheit", "1", "nutzen", "2",
        "umsetzung", "Leseecke mit mehrsprachigen Büchern", "folgebedarf", folgebedarf));
    if (folgebedarf) {
      v.put("folgeThema", "ELTERNARBEIT");
      v.put("folgeFormat", "WORKSHOP");
    }
    erledige(Element.Task_EvaluationErfassen, v);
  }

  Object variable(String name) {
    return engine.getRuntimeService().getVariable(fall.getId(), name);
  }

  boolean beendet() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(fall.getId()).finished().count() == 1;
  }

  Object historisch(String name) {
    var v = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(fall.getId()).variableName(name)
        .singleResult();
    return v == null ? null : v.getValue();
  }
}
