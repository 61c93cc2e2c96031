package de.hsk.ki.prozesse.abstimmung;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** One coordination case driven through the Java API as staff would through Tasklist, step by step. */
public final class Abstimmungsfall {

  public final ProcessEngine engine;
  public final ProcessInstance fall;

  private Abstimmungsfall(ProcessEngine engine, ProcessInstance fall) {
    this.engine = engine;
    this.fall = fall;
  }

  public static Map<String, Object> bedarf(String titel, String art, List<String> rechtskreise, List<String> kommunen, String dringlichkeit) {
    Map<String, Object> v = new HashMap<>();
    v.put("titel", titel);
    v.put("art", art);
    v.put("thema", "SCHULPLATZ");
    v.put("beschreibung", "Neu zugewanderte 16- bis 18-Jährige finden keinen Platz an einem Berufskolleg.");
    v.put("kommunen", new ArrayList<>(kommunen));
    v.put("zielgruppe", "Neu zugewanderte Jugendliche von 16 bis 18 Jahren");
    v.put("anzahlBetroffene", 40L);
    v.put("rechtskreise", new ArrayList<>(rechtskreise));
    v.put("quelle", "FALLSTATISTIK");
    v.put("dringlichkeit", dringlichkeit);
    return v;
  }

  public static Abstimmungsfall von(ProcessEngine engine, ProcessInstance fall) {
    return new Abstimmungsfall(engine, fall);
  }

  public static Abstimmungsfall melde(ProcessEngine engine, Map<String, Object> bedarf) {
    return new Abstimmungsfall(engine, engine.getRuntimeService().startProcessInstanceByKey(Abstimmung.SCHLUESSEL, bedarf));
  }

  public String aktenzeichen() {
    return fall.getBusinessKey();
  }

  /** The one open task with this definition key, also inside a building block the case called. */
  public Task aufgabe(Abstimmung.Element element) {
    return aufgabe(element.name());
  }

  public Task aufgabe(String definition) {
    List<Task> offen = aufgaben(definition);
    assertThat(offen).as("open task " + definition).hasSize(1);
    return offen.get(0);
  }

  public List<Task> aufgaben(String definition) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(aktenzeichen()).taskDefinitionKey(definition)
        .orderByTaskId().asc().list();
  }

  public void erledige(Abstimmung.Element element, Map<String, Object> werte) {
    engine.getTaskService().complete(aufgabe(element).getId(), werte);
    jobsAusfuehren();
  }

  /** Runs the asynchronous steps (e-mails, continuations) that are due now, until none is left. */
  public void jobsAusfuehren() {
    de.hsk.ki.testkit.Jobs.ausfuehren(engine, fall.getId());
  }

  public List<Job> timer(Abstimmung.Element element) {
    return engine.getManagementService().createJobQuery().processInstanceId(fall.getId()).timers().activityId(element.name())
        .orderByJobDuedate().asc().list();
  }

  /** Fires a timer of this element as if its date had come, then runs what follows. */
  public void timerFeuert(Job timer) {
    engine.getManagementService().executeJob(timer.getId());
    jobsAusfuehren();
  }

  public void vorpruefen(String ergebnis, Map<String, Object> mehr) {
    Map<String, Object> v = new HashMap<>(mehr);
    v.put("vorpruefung", ergebnis);
    v.putIfAbsent("art", engine.getRuntimeService().getVariable(fall.getId(), "art"));
    erledige(Abstimmung.Element.Task_Vorpruefen, v);
  }

  public void annehmen(String moderation) {
    vorpruefen("ANNEHMEN", Map.of("moderation", moderation));
  }

  public void beteiligteFestlegen(List<String> stellen, LocalDate frist) {
    erledige(Abstimmung.Element.Task_BeteiligteFestlegen, Map.of("beteiligte", new ArrayList<>(stellen),
        "fragen", "Wie viele Plätze können Sie zum nächsten Halbjahr anbieten?", "stellungnahmeBis", frist.toString()));
  }

  /** The statement task of one authority (its element variable names it). */
  public Task stellungnahmeVon(String stelle) {
    for (Task t : aufgaben(Abstimmung.Element.Task_StellungnahmeErfassen.name())) {
      if (stelle.equals(engine.getTaskService().getVariable(t.getId(), "beteiligter"))) {
        return t;
      }
    }
    throw new AssertionError("no statement task for " + stelle);
  }

  public static Map<String, Object> stellungnahme(String zustimmung, String position) {
    return Map.of("eingangAm", LocalDate.now().toString(), "position", position, "zustimmung", zustimmung,
        "beitraege", "zwei Lehrkräfte");
  }

  public void stellungnahmeErfassen(String stelle, String zustimmung, String position) {
    engine.getTaskService().complete(stellungnahmeVon(stelle).getId(), stellungnahme(zustimmung, position));
    jobsAusfuehren();
  }

  public void konsolidieren() {
    erledige(Abstimmung.Element.Task_Konsolidieren, Map.of("uebersicht", "Alle Stellen sehen Bedarf.",
        "konfliktpunkte", "Finanzierung der Lehrkräfte", "loesungsoptionen", "Zusätzliche Klasse am Berufskolleg",
        "finanzierung", "REGELSYSTEM", "landesrechtBetroffen", false, "vorschlag", "Eine zusätzliche internationale Förderklasse"));
  }

  public void terminVorbereiten(LocalDate termin) {
    erledige(Abstimmung.Element.Task_TerminVorbereiten, Map.of("termin", termin.toString(), "uhrzeit", "10:00",
        "ort", "Kreishaus Meschede, Raum 101", "tagesordnung", "1. Stellungnahmen\n2. Vorschlag\n3. Vereinbarung"));
  }

  public void terminDurchfuehren(String ergebnis) {
    erledige(Abstimmung.Element.Task_TerminDurchfuehren, Map.of("teilnehmendeStellen", "Schulamt, Bezirksregierung, Jugendamt, Jobcenter",
        "protokoll", "Vorschlag besprochen.", "terminErgebnis", ergebnis));
  }

  /** From consolidation to the meeting's outcome. */
  public void bisZumErgebnis(String ergebnis) {
    konsolidieren();
    terminVorbereiten(LocalDate.now().plusDays(21));
    terminDurchfuehren(ergebnis);
  }

  public void massnahme(String was, String wer, LocalDate bis, boolean weitere) {
    erledige(Abstimmung.Element.Task_MassnahmeErfassen, Map.of("massnahmeWas", was, "massnahmeWer", wer,
        "massnahmeBis", bis.toString(), "massnahmeFinanzierung", "REGELSYSTEM", "erfolgskriterium", "Klasse ist eingerichtet",
        "weitereMassnahme", weitere));
  }

  public static Map<String, Object> stand(String stand, LocalDate neuesDatum) {
    Map<String, Object> v = new HashMap<>();
    v.put("stand", stand);
    v.put("standNotiz", "laut Rückmeldung");
    if (neuesDatum != null) {
      v.put("neuesDatum", neuesDatum.toString());
    }
    return v;
  }

  /** A variable as the open task of this element sees it (also one kept on the task only). */
  public Object aufgabenvariable(Abstimmung.Element element, String name) {
    return engine.getTaskService().getVariable(aufgabe(element).getId(), name);
  }

  public Object variable(String name) {
    return engine.getRuntimeService().getVariable(fall.getId(), name);
  }

  public boolean beendet() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(fall.getId()).finished().count() == 1;
  }

  public Object historisch(String name) {
    var v = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(fall.getId()).variableName(name)
        .singleResult();
    return v == null ? null : v.getValue();
  }
}
