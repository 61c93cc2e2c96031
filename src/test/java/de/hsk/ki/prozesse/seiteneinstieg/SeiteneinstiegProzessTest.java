package de.hsk.ki.prozesse.seiteneinstieg;

import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Testpostfach;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Date;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path through the lateral-entry model, on the real wiring: DMN tables, delegates,
 * partner directory and a real SMTP server (GreenMail). Jobs and timers are run by the test.
 */
@KiSpringTest
class SeiteneinstiegProzessTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired Fristen fristen;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void uhrZuruecksetzen() {
    ClockUtil.reset();
  }

  private ProcessInstance melde(String kommune, int alter) {
    return runtime.startProcessInstanceByKey("Process_Seiteneinstieg", meldung(kommune, alter));
  }

  private void fuehreJobAus(ProcessInstance fall, String aktivitaet) {
    de.hsk.ki.testkit.Fristablauf.fuehreAus(engine, fall.getId(), aktivitaet);
  }

  private void bisZurVergabe(ProcessInstance fall, String schulform) {
    complete(task("Task_EinladungVersenden", fall), einladung());
    complete(task("Task_ErstberatungDurchfuehren", fall), erstberatung(schulform, false));
  }

  @Test
  void kiBeraetUntereSchulaufsichtWeistZuSchuleNimmtAuf() throws Exception {
    ProcessInstance fall = melde("ARNSBERG", 9);

    assertThat(fall.getBusinessKey()).matches("SE-\\d{4}-\\d{4,}");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_EinladungVersenden");
    BpmnAwareTests.assertThat(fall).task().hasCandidateGroup("kiVerwaltung").hasDueDate(task("Task_EinladungVersenden", fall).getDueDate());
    complete(task("Task_EinladungVersenden", fall), einladung());

    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ErstberatungDurchfuehren").task().hasCandidateGroup("kiLehrkraefte");
    complete(task("Task_ErstberatungDurchfuehren", fall), erstberatung("GRUNDSCHULE", false));

    // the examination runs beside the placement (review S3)
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_GesundheitsamtBenachrichtigen", "Task_ZuweisungSchulamt");
    BpmnAwareTests.assertThat(fall).task("Task_ZuweisungSchulamt").hasCandidateGroup("schulamt");
    assertThat(task("Task_ZuweisungSchulamt", fall).getDueDate()).isNotNull();
    complete(task("Task_ZuweisungSchulamt", fall), zuweisung("SCHULE-GR-ARNSBERG-1"));

    fuehreJobAus(fall, "Task_SchuleInformieren");
    MimeMessage[] mails = greenMail.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("grundschule1.arnsberg@example.org");
    assertThat(mails[0].getSubject()).startsWith("[" + fall.getBusinessKey() + "]").doesNotContain(MARKER_NAME);
    assertThat(mails[0].getContent().toString()).contains(fall.getBusinessKey()).doesNotContain(MARKER_NAME).doesNotContain("Amina")
        .contains("/camunda/app/tasklist/");

    // the school answers itself in Tasklist; the KI's clerks are the fallback for answers by phone (issue 16)
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_AufnahmeErfassen").task()
        .hasCandidateGroup("partnerSCHULEGRARNSBERG1").hasCandidateGroup("kiVerwaltung");
    de.hsk.ki.testkit.AlsPerson.erledige(engine, "sekretariat", "partnerSCHULEGRARNSBERG1", task("Task_AufnahmeErfassen", fall).getId(), aufnahme(true));

    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungsschreibenVersenden");
    complete(task("Task_ZuweisungsschreibenVersenden", fall), zuweisungsschreiben());
    fuehreJobAus(fall, "Task_SchultraegerZuweisungMitteilen");
    // the case is done when the child attends the school (review S10), and the examination has taken place
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_SchulbesuchBestaetigen", "Task_ZuweisungZurKenntnis");
    BpmnAwareTests.assertThat(task("Task_SchulbesuchBestaetigen", fall))
        .hasCandidateGroup("partnerSCHULEGRARNSBERG1").hasCandidateGroup("kiVerwaltung");
    de.hsk.ki.testkit.AlsPerson.erledige(engine, "sekretariat", "partnerSCHULEGRARNSBERG1", task("Task_SchulbesuchBestaetigen", fall).getId(), schulbesuch());
    BpmnAwareTests.assertThat(fall).hasPassed("Event_FallAbgeschlossen", "Event_SchulplatzGesichert").isNotEnded();
    untersuchungErfolgt(engine, fall);
    BpmnAwareTests.assertThat(fall).isEnded().hasPassed("Event_UntersuchungErfolgt");
  }

  @Test
  void schulamtBeraetJuengereKinderAusserhalbArnsbergUndSundern() {
    ProcessInstance fall = melde("BRILON", 10);

    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_EinladungVersenden").task().hasCandidateGroup("schulamt");
    complete(task("Task_EinladungVersenden", fall), einladung());
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ErstberatungDurchfuehren").task().hasCandidateGroup("schulamt");
    complete(task("Task_ErstberatungDurchfuehren", fall), erstberatung("GRUNDSCHULE", false));
    complete(task("Task_ZuweisungSchulamt", fall), zuweisung("SCHULE-GR-BRILON-1"));
    fuehreJobAus(fall, "Task_SchuleInformieren");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_AufnahmeErfassen").task().hasCandidateGroup("schulamt");
  }

  @Test
  void obereSchulaufsichtWirdPerEMailAngefragtUndDieAntwortErfasst() throws Exception {
    ProcessInstance fall = melde("SUNDERN", 16);
    bisZurVergabe(fall, "IFK");

    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungAnfragen");
    assertThat(BpmnAwareTests.runtimeService().getVariable(fall.getId(), "schulaufsicht")).isEqualTo("BEZIRKSREGIERUNG");
    fuehreJobAus(fall, "Task_ZuweisungAnfragen");
    MimeMessage[] mails = greenMail.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("bezirksregierung@example.org");
    assertThat(mails[0].getSubject()).isEqualTo("[" + fall.getBusinessKey() + "] Bitte um Zuweisung eines Schulplatzes");
    assertThat(mails[0].getContent().toString()).contains("Internationale Förderklasse").contains("Sundern")
        .contains("/camunda/app/tasklist/");

    // the Bezirksregierung decides in Tasklist; the case's clerks record an answer that comes by post
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungErfassen").task()
        .hasCandidateGroup("partnerBEZIRKSREGIERUNG").hasCandidateGroup("kiVerwaltung");
    de.hsk.ki.testkit.AlsPerson.erledige(engine, "dezernat48", "partnerBEZIRKSREGIERUNG", task("Task_ZuweisungErfassen", fall).getId(),
        zuweisung("SCHULE-BE-ARNSBERG-1"));
    fuehreJobAus(fall, "Task_SchuleInformieren");
    complete(task("Task_AufnahmeErfassen", fall), aufnahme(true));
    complete(task("Task_ZuweisungsschreibenVersenden", fall), zuweisungsschreiben());
    complete(task("Task_SchulbesuchBestaetigen", fall), schulbesuch());
    // the school answered before the Schulträger's e-mail went out: the school start is over, nothing is left to send or ask
    assertThat(management.createJobQuery().processInstanceId(fall.getId()).activityId("Task_SchultraegerZuweisungMitteilen").count()).isZero();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey("Task_ZuweisungZurKenntnis").count()).isZero();
    untersuchungErfolgt(engine, fall);
    BpmnAwareTests.assertThat(fall).isEnded();
  }

  @Test
  void ablehnungDerSchuleFuehrtZurErneutenZuweisung() {
    ProcessInstance fall = melde("ARNSBERG", 12);
    bisZurVergabe(fall, "HAUPTSCHULE");
    org.camunda.bpm.engine.task.Task erste = task("Task_ZuweisungSchulamt", fall);
    // only schools of the recommended form, the child's municipality first
    assertThat(optionen(erste)).containsExactly("SCHULE-HA-ARNSBERG-1", "SCHULE-HA-MESCHEDE-1");
    complete(erste, zuweisung("SCHULE-HA-ARNSBERG-1"));
    fuehreJobAus(fall, "Task_SchuleInformieren");
    complete(task("Task_AufnahmeErfassen", fall), aufnahme(false));

    // the repeated task starts empty and shows what came before; the refusing school is not offered
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungSchulamt");
    org.camunda.bpm.engine.task.Task zweite = task("Task_ZuweisungSchulamt", fall);
    Map<String, Object> formular = engine.getFormService().getTaskFormVariables(zweite.getId()).entrySet().stream()
        .filter(e -> e.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(formular).doesNotContainKeys("zugewieseneSchule", "schulbeginn", "ansprechperson");
    assertThat((String) formular.get("bisherigeZuweisungen"))
        .startsWith("- Hauptschule Arnsberg (Demo) – abgelehnt am " + java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")))
        .endsWith("Grund: Klasse 4 voll belegt");
    assertThat(optionen(zweite)).containsExactly("SCHULE-HA-MESCHEDE-1");

    // assigning the refusing school again is refused, also past the form
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(zweite, zuweisung("SCHULE-HA-ARNSBERG-1")))
        .hasMessageContaining("Hauptschule Arnsberg (Demo) hat die Aufnahme in diesem Fall bereits abgelehnt");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungSchulamt");

    complete(zweite, Map.of("zuweisungsergebnis", "ZUGEWIESEN", "zugewieseneSchule", "SCHULE-HA-MESCHEDE-1", "schulbeginn", java.time.LocalDate.now().plusDays(9).toString()));
    fuehreJobAus(fall, "Task_SchuleInformieren");
    assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
      try { return m.getAllRecipients()[0].toString(); } catch (Exception e) { throw new IllegalStateException(e); }
    })).containsExactly("hauptschule.arnsberg@example.org", "hauptschule.meschede@example.org");
    // the feedback task starts empty too, and the refused school's contact is gone from the case
    assertThat(engine.getTaskService().getVariable(task("Task_AufnahmeErfassen", fall).getId(), "aufnahme")).isNull();
    assertThat(runtime.getVariable(fall.getId(), "ansprechperson")).isNull();
    complete(task("Task_AufnahmeErfassen", fall), aufnahme(true));
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungsschreibenVersenden");
    assertThat(runtime.getVariable(fall.getId(), "zugewieseneSchule")).isEqualTo("SCHULE-HA-MESCHEDE-1");
  }

  @SuppressWarnings("unchecked")
  private java.util.List<String> optionen(org.camunda.bpm.engine.task.Task aufgabe) {
    Object optionen = engine.getTaskService().getVariableLocal(aufgabe.getId(), "schulOptionen");
    return ((java.util.List<Map<String, String>>) optionen).stream().map(o -> o.get("value")).toList();
  }

  @Test
  void familieNichtErreichbarZweiterVersuchMitFristDannAbschlussMitGrund() {
    ProcessInstance fall = melde("ARNSBERG", 9);
    org.camunda.bpm.engine.task.Task erster = task("Task_EinladungVersenden", fall);
    complete(erster, Map.of("einladungsergebnis", "NICHT_ERREICHBAR", "kontaktnotiz", "Telefon besetzt, Brief zurück"));

    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_EinladungVersenden");
    org.camunda.bpm.engine.task.Task zweiter = task("Task_EinladungVersenden", fall);
    assertThat(zweiter.getId()).isNotEqualTo(erster.getId());
    // second attempt: its own, longer deadline, an empty form and the first attempt shown read-only
    assertThat(zweiter.getDueDate()).isAfter(new Date(erster.getDueDate().getTime() + 5L * 24 * 3600 * 1000));
    assertThat(engine.getTaskService().getVariable(zweiter.getId(), "einladungsergebnis")).isNull();
    assertThat(engine.getTaskService().getVariable(zweiter.getId(), "kontaktnotiz")).isNull();
    assertThat((String) runtime.getVariable(fall.getId(), "bisherigeKontaktversuche"))
        .contains("1. Versuch am").contains("Telefon besetzt, Brief zurück");

    complete(zweiter, Map.of("einladungsergebnis", "NICHT_ERREICHBAR", "kontaktnotiz", "Hausbesuch, niemand da"));
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_FallOhneErstberatungAbschliessen").task().hasCandidateGroup("kiVerwaltung");
    assertThat((String) runtime.getVariable(fall.getId(), "bisherigeKontaktversuche")).contains("2. Versuch am").contains("Hausbesuch");
    complete(task("Task_FallOhneErstberatungAbschliessen", fall), Map.of("abschlussgrund", "VERZOGEN", "abschlussnotiz", "nach Dortmund"));
    BpmnAwareTests.assertThat(fall).isEnded().hasPassed("Event_FallOhneErstberatungGeschlossen").hasNotPassed("Task_ErstberatungDurchfuehren");
  }

  @Test
  void imZweitenVersuchErreichtGehtEsZurErstberatung() {
    ProcessInstance fall = melde("ARNSBERG", 9);
    complete(task("Task_EinladungVersenden", fall), Map.of("einladungsergebnis", "NICHT_ERREICHBAR", "kontaktnotiz", "keine Antwort"));
    Map<String, Object> termin = new java.util.HashMap<>(einladung());
    termin.put("einladungsergebnis", "TERMIN_VEREINBART");
    complete(task("Task_EinladungVersenden", fall), termin);
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ErstberatungDurchfuehren");
    assertThat(runtime.getVariable(fall.getId(), "terminUhrzeit")).isEqualTo("10:30");
    assertThat(runtime.getVariable(fall.getId(), "kontaktversuche")).isEqualTo(1L);
  }

  @Test
  void nach4WochenEskalationAnDieLeitungOhneErinnerungJeFall() throws Exception {
    ProcessInstance fall = melde("ARNSBERG", 8);
    bisZurVergabe(fall, "GRUNDSCHULE");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungSchulamt");

    // reminders come as the supervision's daily overview (ZuweisungsuebersichtTest), not per case
    assertThat(management.createJobQuery().processInstanceId(fall.getId()).activityId("Event_ZuweisungErinnerung").count()).isZero();
    Job eskalation = management.createJobQuery().processInstanceId(fall.getId()).activityId("Event_ZuweisungUeberfaellig").singleResult();
    assertThat(eskalation.getDuedate()).isCloseTo(new Date(System.currentTimeMillis() + 28L * 86_400_000), 60_000);

    execute(eskalation);
    BpmnAwareTests.assertThat(fall).isWaitingAt(Seiteneinstieg.Element.Task_ZuweisungSchulamt.name(),
        Seiteneinstieg.Element.Call_UeberfaelligeZuweisungKlaeren.name());
    // the overdue building block: one task for coordination, with the reason in words from the settings
    var klaerung = BpmnAwareTests.assertThat(fall).calledProcessInstance("Process_Baustein_Ueberfaelligkeit");
    klaerung.task("Task_UeberfaelligkeitKlaeren").hasCandidateGroup("kiLeitung");
    ProcessInstance baustein = klaerung.actual();
    assertThat(baustein.getBusinessKey()).isEqualTo(fall.getBusinessKey());
    assertThat(engine.getRuntimeService().getVariable(baustein.getId(), "anlass"))
        .isEqualTo("Seit " + fristen.text("zuweisungEskalation") + " ist kein Schulplatz zugewiesen (Ziel: "
            + fristen.text("zuweisung") + "). Bitte mit der Schulaufsicht klären.");
    complete(task("Task_UeberfaelligkeitKlaeren", baustein), Map.of("eskalationsmassnahme", "Telefonat mit der Schulaufsicht"));
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), Seiteneinstieg.ESKALATIONSMASSNAHME.name())).isEqualTo("Telefonat mit der Schulaufsicht");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungSchulamt");
  }

  @Test
  void seiteneinsteigeruntersuchungIstPflichtUndDieTeilnahmeWirdErfasst() throws Exception {
    // review S3: no checkbox any more – every 6- to 18-year-old is examined, beside the placement
    ProcessInstance fall = melde("ARNSBERG", 7);
    complete(task("Task_EinladungVersenden", fall), einladung());
    complete(task("Task_ErstberatungDurchfuehren", fall), erstberatung("GRUNDSCHULE", false));
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_GesundheitsamtBenachrichtigen", "Task_ZuweisungSchulamt");
    fuehreJobAus(fall, "Task_GesundheitsamtBenachrichtigen");
    MimeMessage[] mails = greenMail.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("gesundheitsamt@example.org");
    assertThat(mails[0].getSubject()).isEqualTo("[" + fall.getBusinessKey() + "] Seiteneinsteigeruntersuchung erbeten");
    assertThat(mails[0].getContent().toString()).contains("§ 54 Abs. 4 SchulG").doesNotContain(MARKER_NAME).doesNotContain("Amina");

    org.camunda.bpm.engine.task.Task erfassen = task("Task_UntersuchungErfassen", fall);
    BpmnAwareTests.assertThat(erfassen).hasCandidateGroup("kiVerwaltung");
    assertThat(erfassen.getDueDate()).isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(40))));
    // a missed appointment needs a new date after today
    assertThatThrownBy(() -> de.hsk.ki.testkit.AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", erfassen.getId(),
        Map.of("untersuchungsstand", "VERSAEUMT", "untersuchungAm", LocalDate.now().toString(),
            "neuerUntersuchungstermin", LocalDate.now().toString()))).hasMessageContaining("Neuer Termin");
    LocalDate neu = LocalDate.now().plusDays(14);
    de.hsk.ki.testkit.AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", erfassen.getId(), Map.of("untersuchungsstand", "VERSAEUMT",
        "untersuchungAm", LocalDate.now().toString(), "neuerUntersuchungstermin", neu.toString(), "untersuchungsnotiz", "Familie verreist"));
    BpmnAwareTests.assertThat(fall).isWaitingAt("Event_NeuerUntersuchungstermin", "Task_ZuweisungSchulamt");
    fuehreJobAus(fall, "Event_NeuerUntersuchungstermin");
    org.camunda.bpm.engine.task.Task wieder = task("Task_UntersuchungErfassen", fall);
    assertThat((String) runtime.getVariable(fall.getId(), "untersuchungsverlauf")).contains("versäumt, neuer Termin "
        + neu.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))).doesNotContain("Familie verreist");
    assertThat(runtime.getVariable(fall.getId(), "untersuchungsstand")).isNull();
    assertThat(runtime.getVariable(fall.getId(), "neuerUntersuchungstermin")).isNull();
    complete(wieder, Map.of("untersuchungsstand", "ERFOLGT", "untersuchungAm", LocalDate.now().toString()));
    BpmnAwareTests.assertThat(fall).hasPassed("Event_UntersuchungErfolgt").isWaitingAt("Task_ZuweisungSchulamt");
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void eineUntersuchungDieEntfaelltBeendetIhrenZweigMitBegruendung() {
    ProcessInstance fall = melde("BRILON", 10);
    complete(task("Task_EinladungVersenden", fall), einladung());
    complete(task("Task_ErstberatungDurchfuehren", fall), erstberatung("GRUNDSCHULE", false));
    fuehreJobAus(fall, "Task_GesundheitsamtBenachrichtigen");
    // the health office answers the KI: its administration records it, also where the Schulamt counsels
    org.camunda.bpm.engine.task.Task erfassen = task("Task_UntersuchungErfassen", fall);
    BpmnAwareTests.assertThat(erfassen).hasCandidateGroup("kiVerwaltung");
    assertThatThrownBy(() -> de.hsk.ki.testkit.AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", erfassen.getId(),
        Map.of("untersuchungsstand", "VERSAEUMT", "untersuchungAm", LocalDate.now().toString(),
            "neuerUntersuchungstermin", LocalDate.now().plusMonths(7).toString()))).hasMessageContaining("höchstens 6 Monate");
    assertThatThrownBy(() -> de.hsk.ki.testkit.AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", erfassen.getId(),
        Map.of("untersuchungsstand", "ENTFAELLT", "untersuchungAm", LocalDate.now().toString()))).hasMessageContaining("Notiz");
    de.hsk.ki.testkit.AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", erfassen.getId(), Map.of("untersuchungsstand", "ENTFAELLT",
        "untersuchungAm", LocalDate.now().toString(), "untersuchungsnotiz", "Familie nach Hessen verzogen"));
    BpmnAwareTests.assertThat(fall).hasPassed("Event_UntersuchungEntfallen").isWaitingAt("Task_ZuweisungSchulamt");
  }

  @Test
  void nurDieLeitungKannDieUntersuchungMitBegruendungAussetzen() {
    ProcessInstance fall = melde("ARNSBERG", 9);
    complete(task("Task_EinladungVersenden", fall), einladung());
    Map<String, Object> werte = new java.util.HashMap<>(erstberatung("GRUNDSCHULE", false));
    werte.remove("gesundheitsamtBenachrichtigen");
    werte.put("untersuchungEntfaelltGrund", "Bereits in Köln schulärztlich untersucht, Nachweis liegt vor");
    String aufgabe = task("Task_ErstberatungDurchfuehren", fall).getId();
    assertThat(engine.getTaskService().getVariableLocal(aufgabe, "untersuchungPflicht")).isEqualTo(true);
    assertThatThrownBy(() -> de.hsk.ki.testkit.AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte", aufgabe, werte))
        .hasMessageContaining("das kann nur die Leitung festhalten");
    de.hsk.ki.testkit.AlsPerson.erledige(engine, "mhoffmann", "kiLeitung", aufgabe, werte);
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungSchulamt").hasNotPassed("Gateway_UntersuchungNebenher");
  }

  @Test
  void dieSchulpflichtTabelleEntscheidetUeberDenWeg() {
    // six today, but not by 30 September of this school year: not yet schulpflichtig (review S4 a)
    LocalDate heute = LocalDate.now();
    LocalDate stichtag = de.hsk.ki.plattform.schulpflicht.Schulpflicht.schuljahresbeginn(
        de.hsk.ki.plattform.schulpflicht.Schulpflicht.bezugstag(heute)).withMonth(9).withDayOfMonth(30);
    Map<String, Object> kind = new java.util.HashMap<>(meldung("ARNSBERG", 7));
    kind.put("geburtsdatum", stichtag.minusYears(6).plusDays(1).toString());
    ProcessInstance vorschule = runtime.startProcessInstanceByKey("Process_Seiteneinstieg", kind);
    BpmnAwareTests.assertThat(vorschule).isWaitingAt("Task_ZustaendigkeitKlaeren").hasPassed("Task_SchulpflichtErmitteln");
    assertThat(((Map<?, ?>) runtime.getVariable(vorschule.getId(), "schulpflicht")).get("stufe")).isEqualTo("VORSCHULE");

    // 15 with ten school years in Brilon: Sek II at the Berufskolleg, counselled by the KI, not the Schulamt (S4 b)
    Map<String, Object> jugendlicher = new java.util.HashMap<>(meldung("BRILON", 7));
    jugendlicher.put("geburtsdatum", stichtag.minusYears(15).minusDays(40).toString());
    jugendlicher.put("schulbesuchsjahre", 10L);
    ProcessInstance sek2 = runtime.startProcessInstanceByKey("Process_Seiteneinstieg", jugendlicher);
    BpmnAwareTests.assertThat(sek2).isWaitingAt("Task_EinladungVersenden").task().hasCandidateGroup("kiVerwaltung");
    jugendlicher.put("schulbesuchsjahre", 8L);
    ProcessInstance sek1 = runtime.startProcessInstanceByKey("Process_Seiteneinstieg", jugendlicher);
    BpmnAwareTests.assertThat(sek1).isWaitingAt("Task_EinladungVersenden").task().hasCandidateGroup("schulamt");

    // 18 whose school year has ended goes to the clarification; estimated birth date keeps the school route open (S4 c, e)
    Map<String, Object> volljaehrig = new java.util.HashMap<>(meldung("BRILON", 7));
    volljaehrig.put("geburtsdatum", stichtag.minusYears(18).minusMonths(3).toString());
    ProcessInstance beendet = runtime.startProcessInstanceByKey("Process_Seiteneinstieg", volljaehrig);
    BpmnAwareTests.assertThat(beendet).isWaitingAt("Task_ZustaendigkeitKlaeren");
    volljaehrig.put("geburtsdatumGeschaetzt", true);
    ProcessInstance geschaetzt = runtime.startProcessInstanceByKey("Process_Seiteneinstieg", volljaehrig);
    BpmnAwareTests.assertThat(geschaetzt).isWaitingAt("Task_EinladungVersenden").task().hasCandidateGroup("kiVerwaltung");
  }

  @Test
  void ausserhalbDerSchulpflichtKlaertDieLeitungDieZustaendigkeit() {
    ProcessInstance fall = melde("MESCHEDE", 4);

    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZustaendigkeitKlaeren").task().hasCandidateGroup("kiLeitung");
    complete(task("Task_ZustaendigkeitKlaeren", fall),
        java.util.Map.of("klaerungsergebnis", "SCHULAMT", "klaerungsnotiz", "Schulamt übernimmt"));
    BpmnAwareTests.assertThat(fall).isEnded().hasPassed("Event_FallAbgegeben").hasNotPassed("Task_EinladungVersenden");
    // the other results: ZustaendigkeitsklaerungTest
  }

  @Test
  void mailserverNichtErreichbarVorfallAufgabeFuerDenBetriebUndEinmaligerVersand() {
    ProcessInstance fall = melde("ARNSBERG", 7);
    complete(task("Task_EinladungVersenden", fall), einladung());
    complete(task("Task_ErstberatungDurchfuehren", fall), erstberatung("GRUNDSCHULE", true));
    greenMail.stop();
    Job job = management.createJobQuery().processInstanceId(fall.getId()).activityId("Task_GesundheitsamtBenachrichtigen").singleResult();
    try {
      management.executeJob(job.getId());
    } catch (RuntimeException erwartet) {
      // the job fails; the engine keeps it with one retry fewer
    }
    Job danach = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(danach.getRetries()).isEqualTo(2);
    assertThat(danach.getExceptionMessage()).isNotBlank();
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_GesundheitsamtBenachrichtigen");

    for (int versuch = 0; versuch < 2; versuch++) {
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException erwartet) {
        // still no mail server
      }
    }
    assertThat(BpmnAwareTests.runtimeService().createIncidentQuery().processInstanceId(fall.getId()).count()).isEqualTo(1);
    org.camunda.bpm.engine.task.Task betrieb = BpmnAwareTests.taskService().createTaskQuery()
        .taskCandidateGroup("camunda-admin").taskNameLike("Vorfall klären: " + fall.getBusinessKey() + "%").singleResult();
    assertThat(betrieb).isNotNull();
    assertThat(betrieb.getDescription()).contains(fall.getBusinessKey()).doesNotContain(MARKER_NAME);

    greenMail.start();
    management.setJobRetries(job.getId(), 1); // what "Wiederholen" in Cockpit does
    management.executeJob(job.getId());
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungSchulamt");
  }
}
