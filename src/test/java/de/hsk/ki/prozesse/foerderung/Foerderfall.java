package de.hsk.ki.prozesse.foerderung;

import static de.hsk.ki.prozesse.foerderung.Foerderung.Element.*;
import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.plattform.geld.Betrag;
import de.hsk.ki.prozesse.foerderung.Foerderung.Element;
import de.hsk.ki.testkit.AlsPerson;
import de.hsk.ki.testkit.Jobs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** One funding application driven through the Java API as staff would through Tasklist, each step by a signed-in person. */
final class Foerderfall {

  static final String FOERDERUNG = "kiFoerderung";
  static final String LEITUNG = "kiLeitung";
  static final String VERWALTUNG = "kiVerwaltung";
  /** Applications in autumn are for next year: calls for funds and the proof of use lie ahead. */
  static final long JAHR = de.hsk.ki.plattform.zeit.Zeit.heute().getYear() + 1L;

  final ProcessEngine engine;
  final ProcessInstance fall;

  private Foerderfall(ProcessEngine engine, ProcessInstance fall) {
    this.engine = engine;
    this.fall = fall;
  }

  String id() {
    return fall.getId();
  }

  String aktenzeichen() {
    return fall.getBusinessKey();
  }

  /** Runs the asynchronous steps (letters, e-mails) that are due now. */
  void jobs() {
    Jobs.ausfuehren(engine, fall.getId());
  }

  /** Fires the timer of this boundary or intermediate event as if its date had come, then runs what follows. */
  void timerFeuert(Element element) {
    var timer = engine.getManagementService().createJobQuery().processInstanceId(fall.getId()).timers().activityId(element.name()).list();
    assertThat(timer).as("timer " + element).hasSize(1);
    engine.getManagementService().executeJob(timer.get(0).getId());
    jobs();
  }

  /**
   * Lets the date of this timer come: the clock stands at its due date while it fires (e-mails name
   * the stage by the day), then goes on. Returns the due date, for the test to check it.
   */
  java.util.Date timerFeuertAmTag(Element element) {
    var timer = engine.getManagementService().createJobQuery().processInstanceId(fall.getId()).timers().activityId(element.name()).list();
    assertThat(timer).as("timer " + element).hasSize(1);
    java.util.Date faellig = timer.get(0).getDuedate();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(faellig);
    try {
      engine.getManagementService().executeJob(timer.get(0).getId());
      jobs();
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    return faellig;
  }

  List<String> kandidaten(Element element) {
    return engine.getTaskService().getIdentityLinksForTask(aufgabe(element).getId()).stream()
        .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).toList();
  }

  /** Complete and reviewed with this proposal (votum BEWILLIGEN). */
  void vollstaendigUndGeprueft(String vorschlag) {
    erledige(Task_VollstaendigkeitPruefen, "fyilmaz", FOERDERUNG, Map.of("vorhandeneUnterlagen", unterlagen(), "vollstaendigkeit", "VOLLSTAENDIG"));
    erledige(Task_FachlichPruefen, "fyilmaz", FOERDERUNG, pruefung("BEWILLIGEN", vorschlag));
  }

  /** Reviewed, approved by the Leitung as proposed, contract signed: ready for funds requests. */
  void bewilligtMitVertrag(String vorschlag) {
    vollstaendigUndGeprueft(vorschlag);
    erledige(Task_BewilligungEntscheiden, "mhoffmann", LEITUNG, Map.of("entscheidung", "BEWILLIGT", "entscheidungNichtBefangen", true));
    erledige(Task_VertragEingang, "pschneider", VERWALTUNG, Map.of("vertragEingangAm", LocalDate.now().toString()));
  }

  List<String> unterlagen() {
    return de.hsk.ki.plattform.fall.Listen.alsStrings(variable("pflichtunterlagen"));
  }

  static Map<String, Object> antrag(String traeger, List<Map<String, Object>> bausteine) {
    Map<String, Object> v = new HashMap<>();
    v.put("programm", "KOMM_AN_II");
    v.put("foerderjahr", JAHR);
    v.put("eingangsdatum", LocalDate.now().toString());
    v.put("traeger", traeger);
    v.put("rechtsform", "EV");
    v.put("register", "Amtsgericht Arnsberg VR 1234");
    v.put("strasse", "Marktstraße 5");
    v.put("plz", "59821");
    v.put("ort", "Arnsberg");
    v.put("kommune", "ARNSBERG");
    v.put("ansprechperson", "Maria Beispiel");
    v.put("email", "vorstand@" + traeger.toLowerCase().replaceAll("[^a-z]", "") + ".example.org");
    v.put("vertretung", "Maria Beispiel (Vorsitzende)");
    v.put("ehrenamtliche", 12L);
    v.put("teilnehmende", 40L);
    v.put("iban", "DE89 3704 0044 0532 0130 00");
    v.put("kontoinhaber", traeger);
    v.put("bausteine", Zeilen.alsJson(bausteine));
    v.put("erklaerungen", new ArrayList<>(FoerderantragRegeln.ERKLAERUNGEN_ALLE));
    return v;
  }

  static Map<String, Object> baustein(String code, long menge) {
    Map<String, Object> z = new LinkedHashMap<>();
    z.put("baustein", code);
    z.put("menge", menge);
    return z;
  }

  static Foerderfall eingang(ProcessEngine engine, Map<String, Object> antrag) {
    ProcessInstance fall;
    engine.getIdentityService().setAuthentication("fyilmaz", List.of(FOERDERUNG));
    try {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(Foerderung.ANTRAG)
          .latestVersion().singleResult().getId();
      fall = engine.getFormService().submitStartForm(definition, antrag);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Foerderfall f = new Foerderfall(engine, fall);
    f.jobs();
    return f;
  }

  Task aufgabe(Element element) {
    List<Task> offen = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey(element.name()).list();
    assertThat(offen).as("open task " + element).hasSize(1);
    return offen.get(0);
  }

  void erledige(Element element, String person, String gruppe, Map<String, Object> werte) {
    AlsPerson.erledige(engine, person, gruppe, aufgabe(element).getId(), werte);
    jobs();
  }

  Object variable(String name) {
    return engine.getRuntimeService().getVariable(fall.getId(), name);
  }

  BigDecimal betrag(String name) {
    return Betrag.von(variable(name));
  }

  boolean beendet() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(fall.getId()).count() == 0;
  }

  Object historisch(String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(fall.getId()).variableName(name)
        .singleResult().getValue();
  }


  static Map<String, Object> pruefung(String votum, String betrag) {
    Map<String, Object> v = new HashMap<>();
    v.put("verhaeltnismaessigkeit", "1");
    v.put("kostenplanPlausibel", "1");
    v.put("zielgruppenbezug", "JA");
    v.put("willkommenskultur", "2");
    v.put("geschaeftsfuehrung", "JA");
    v.put("fruehereFoerderungen", "KEINE");
    v.put("votum", votum);
    v.put("vorgeschlagenerBetrag", betrag);
    v.put("pruefungNichtBefangen", true);
    if (!"BEWILLIGEN".equals(votum)) {
      v.put("pruefbegruendung", "Kostenplan teilweise nicht belegt.");
    }
    return v;
  }

  void tranche(String baustein, String betrag) {
    erledige(Task_MittelabrufErfassen, "fyilmaz", FOERDERUNG,
        Map.of("abrufArt", "ABRUF", "abrufBaustein", baustein, "abrufbetrag", betrag, "zweiMonate", true, "kostenplanGeprueft", true));
    erledige(Task_SachlichRichtig, "fyilmaz", FOERDERUNG, Map.of("sachlichRichtig", true));
    erledige(Task_AuszahlungAnordnen, "mhoffmann", LEITUNG, Map.of("anordnung", true));
    erledige(Task_ZahlungBuchen, "pschneider", VERWALTUNG, Map.of("gebuchtAm", LocalDate.now().toString()));
  }

  void nachweis(long... nachgewiesen) {
    erledige(Task_VerwendungsnachweisEingang, "pschneider", VERWALTUNG, Map.of("vnEingangAm", LocalDate.now().toString()));
    List<Map<String, Object>> zeilen = Zeilen.von(engine.getTaskService().getVariableLocal(aufgabe(Task_VerwendungsnachweisPruefen).getId(), "nachweiszeilen"));
    for (int i = 0; i < zeilen.size(); i++) {
      zeilen.get(i).put("nachgewiesen", nachgewiesen[i]);
    }
    Map<String, Object> v = new HashMap<>();
    v.put("vnVollstaendig", true);
    v.put("nachweiszeilen", zeilen);
    v.put("teilnehmendeTatsaechlich", 35L);
    v.put("auflagenErfuellt", true);
    v.put("logoVerwendet", true);
    if (Arrays.stream(nachgewiesen).sum() < zeilen.stream().mapToLong(z -> ((Number) z.get("menge")).longValue()).sum()) {
      v.put("rueckforderungGrund", "MENGENUNTERSCHREITUNG");
    }
    erledige(Task_VerwendungsnachweisPruefen, "fyilmaz", FOERDERUNG, v);
  }
}
