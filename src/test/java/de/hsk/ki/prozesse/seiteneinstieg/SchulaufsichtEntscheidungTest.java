package de.hsk.ki.prozesse.seiteneinstieg;

import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Fristablauf;
import de.hsk.ki.testkit.Testpostfach;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The school supervision's decisions on the assignment task (review finding S8): assign, another
 * school form or grade, the waiting list, a query to the KI; each path and each refusal.
 */
@KiSpringTest
class SchulaufsichtEntscheidungTest {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired AeltereZuweisungsaufgaben aeltere;
  @Autowired Zuweisungsuebersicht uebersicht;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void uhrZuruecksetzen() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  /** Completes as that person in Tasklist would: the form's rules apply to a person's submission. */
  private void alsPerson(String benutzer, String gruppe, Task aufgabe, Map<String, Object> werte) {
    de.hsk.ki.testkit.AlsPerson.erledige(engine, benutzer, gruppe, aufgabe.getId(), werte);
  }

  private void schulamt(Task aufgabe, Map<String, Object> werte) {
    alsPerson("jklein", "schulamt", aufgabe, werte);
  }

  /** A case the KI counselled (Arnsberg), with the recommended school form; waits for the Schulamt or the Bezirksregierung. */
  private ProcessInstance bisZurZuweisung(String kommune, int alter, String schulform) {
    ProcessInstance fall = runtime.startProcessInstanceByKey("Process_Seiteneinstieg", meldung(kommune, alter));
    complete(task("Task_EinladungVersenden", fall), einladung());
    complete(task("Task_ErstberatungDurchfuehren", fall), erstberatung(schulform, false));
    return fall;
  }

  private static Map<String, Object> entscheidung(String ergebnis, Object... weitere) {
    Map<String, Object> werte = new HashMap<>();
    werte.put("zuweisungsergebnis", ergebnis);
    for (int i = 0; i < weitere.length; i += 2) {
      werte.put((String) weitere[i], weitere[i + 1]);
    }
    return werte;
  }

  @SuppressWarnings("unchecked")
  private List<String> optionen(Task aufgabe, String schluessel) {
    Object optionen = engine.getTaskService().getVariableLocal(aufgabe.getId(), schluessel);
    return ((List<Map<String, String>>) optionen).stream().map(o -> o.get("value")).toList();
  }

  private String verlauf(Task aufgabe) {
    return (String) engine.getFormService().getTaskFormVariables(aufgabe.getId()).getValue("zuweisungsverlauf", String.class);
  }

  @Test
  void wartelisteMitDatumNichtInDerUebersichtDannErneuteEntscheidung() throws Exception {
    ProcessInstance fall = bisZurZuweisung("ARNSBERG", 12, "HAUPTSCHULE");
    Task erste = task("Task_ZuweisungSchulamt", fall);
    assertThat(optionen(erste, "ergebnisOptionen")).containsExactly("ZUGEWIESEN", "SCHULFORM_GEAENDERT", "WARTELISTE", "RUECKFRAGE_KI");

    // the date must lie after today and within the setting (6 months)
    assertThatThrownBy(() -> schulamt(erste, entscheidung("WARTELISTE", "wartelisteBis", LocalDate.now().toString())))
        .hasMessageContaining("Warteliste bis");
    assertThatThrownBy(() -> schulamt(erste, entscheidung("WARTELISTE", "wartelisteBis", LocalDate.now().plusMonths(7).toString())))
        .hasMessageContaining("höchstens 6 Monate");
    assertThatThrownBy(() -> schulamt(erste, entscheidung("WARTELISTE")))
        .hasMessageContaining("Warteliste bis");
    // an assignment needs its school, and an unknown decision is refused
    assertThatThrownBy(() -> schulamt(erste, entscheidung("ZUGEWIESEN"))).hasMessageContaining("Zugewiesene Schule");
    assertThatThrownBy(() -> schulamt(erste, entscheidung("ABGEWIESEN"))).hasMessageContaining("Entscheidung");

    // fields of another decision would still reach the case: refused
    assertThatThrownBy(() -> schulamt(erste, entscheidung("WARTELISTE", "wartelisteBis", LocalDate.now().plusDays(30).toString(),
        "neueSchulform", "GYMNASIUM"))).hasMessageContaining("gehört nicht zur gewählten Entscheidung");
    // nor may the list outlast the case: it would close without a place
    var hoechstdauer = engine.getManagementService().createJobQuery().processInstanceId(fall.getId())
        .activityId("Event_HoechstdauerSeiteneinstiegErreicht").singleResult();
    java.util.Date eigentlich = hoechstdauer.getDuedate();
    engine.getManagementService().setJobDuedate(hoechstdauer.getId(),
        java.util.Date.from(LocalDate.now().plusDays(20).atStartOfDay(java.time.ZoneId.of("Europe/Berlin")).toInstant()));
    assertThatThrownBy(() -> schulamt(erste, entscheidung("WARTELISTE", "wartelisteBis", LocalDate.now().plusDays(30).toString())))
        .hasMessageContaining("wegen seiner Höchstdauer");
    engine.getManagementService().setJobDuedate(hoechstdauer.getId(), eigentlich);

    LocalDate bis = LocalDate.now().plusDays(30);
    schulamt(erste, entscheidung("WARTELISTE", "wartelisteBis", bis.toString(), "zuweisungsnotiz", "Klassen 5–7 voll"));
    BpmnAwareTests.assertThat(fall).isWaitingAt("Event_WartelisteBis");

    // while the case waits, the supervision's daily overview does not name it
    assertThat(uebersicht.ueberfaellig(engine, LocalDate.now().plusDays(20)).values().stream().flatMap(List::stream)
        .map(f -> f.get("aktenzeichen"))).doesNotContain(fall.getBusinessKey());

    // on the date the Schulamt decides again, with the history in its form
    Fristablauf.fuehreAus(engine, fall.getId(), "Event_WartelisteBis");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungSchulamt");
    Task zweite = task("Task_ZuweisungSchulamt", fall);
    assertThat(verlauf(zweite)).isEqualTo("- " + LocalDate.now().format(DATUM) + " Schulamt für den Hochsauerlandkreis (Demo): "
        + "kein freier Platz, Warteliste bis " + bis.format(DATUM) + " – Klassen 5–7 voll");
    // the new task starts empty
    assertThat(engine.getTaskService().getVariable(zweite.getId(), "zuweisungsergebnis")).isNull();
    assertThat(engine.getTaskService().getVariable(zweite.getId(), "wartelisteBis")).isNull();

    schulamt(zweite, zuweisung("SCHULE-HA-ARNSBERG-1"));
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_SchuleInformieren");
  }

  @Test
  void rueckfrageGehtAnDieBeratungUndEineNeueSchulformAnDieBezirksregierung() throws Exception {
    ProcessInstance fall = bisZurZuweisung("ARNSBERG", 12, "HAUPTSCHULE");
    assertThatThrownBy(() -> schulamt(task("Task_ZuweisungSchulamt", fall), entscheidung("RUECKFRAGE_KI")))
        .hasMessageContaining("Ihre Frage an die Beratung");
    schulamt(task("Task_ZuweisungSchulamt", fall), entscheidung("RUECKFRAGE_KI",
        "rueckfrage", "Zeugnisse sprechen für das Gymnasium – bitte Empfehlung prüfen."));

    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_RueckfrageBeantworten").task().hasCandidateGroup("kiLehrkraefte");
    Task rueckfrage = task("Task_RueckfrageBeantworten", fall);
    var formular = engine.getFormService().getTaskFormVariables(rueckfrage.getId());
    assertThat(formular.get("rueckfrage")).isEqualTo("Zeugnisse sprechen für das Gymnasium – bitte Empfehlung prüfen.");
    assertThat(formular.get("schulaufsichtName")).isEqualTo("Schulamt für den Hochsauerlandkreis (Demo)");
    assertThat(formular.get("zugewieseneSchulform")).isEqualTo("HAUPTSCHULE");
    assertThatThrownBy(() -> alsPerson("tbecker", "kiLehrkraefte", rueckfrage, Map.of("zugewieseneSchulform", "GYMNASIUM")))
        .hasMessageContaining("Antwort an die Schulaufsicht");
    alsPerson("tbecker", "kiLehrkraefte", rueckfrage, Map.of("rueckfrageAntwort", "Nach Gespräch mit der Familie: Gymnasium.", "zugewieseneSchulform", "GYMNASIUM",
        "empfohleneKlasse", 7));

    // a Gymnasium is the Bezirksregierung's: the request goes there, naming the new school form
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungAnfragen");
    assertThat(runtime.getVariable(fall.getId(), "schulaufsicht")).isEqualTo("BEZIRKSREGIERUNG");
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_ZuweisungAnfragen");
    MimeMessage anfrage = greenMail.getReceivedMessages()[0];
    assertThat(anfrage.getAllRecipients()[0].toString()).isEqualTo("bezirksregierung@example.org");
    assertThat(anfrage.getContent().toString()).contains("Gymnasium").doesNotContain("Hauptschule")
        // the Bezirksregierung did not ask: it is told why the request comes to it now
        .contains("Die Schulform der Zuweisung ist jetzt: Gymnasium; dafür ist Ihre Stelle zuständig.")
        .doesNotContain("Rückfrage").doesNotContain("abgelehnt");
    // the KI's first recommendation stays in the case, the question only in the history
    assertThat(runtime.getVariable(fall.getId(), "empfohleneSchulform")).isEqualTo("HAUPTSCHULE");
    assertThat(runtime.getVariable(fall.getId(), "rueckfrage")).isNull();

    Task erfassen = task("Task_ZuweisungErfassen", fall);
    assertThat(verlauf(erfassen)).contains("Rückfrage – Schulamt für den Hochsauerlandkreis (Demo): Zeugnisse sprechen für das Gymnasium")
        .contains("Antwort der Beratung: Nach Gespräch mit der Familie: Gymnasium.")
        .contains("(Schulform der Zuweisung: Gymnasium)");
    assertThat(optionen(erfassen, "schulOptionen")).isNotEmpty()
        .allSatisfy(schule -> assertThat(schule).startsWith("SCHULE-GY-"));
    assertThat(engine.getTaskService().getVariableLocal(erfassen.getId(), "schulformDerZuweisung")).isEqualTo("Gymnasium");
    assertThat(engine.getTaskService().getVariable(erfassen.getId(), "jahrgangsstufe")).hasToString("7");
  }

  @Test
  void andereSchulformUndKlasseBietenDerenSchulenAn() throws Exception {
    ProcessInstance fall = bisZurZuweisung("ARNSBERG", 10, "HAUPTSCHULE");
    schulamt(task("Task_ZuweisungSchulamt", fall), entscheidung("SCHULFORM_GEAENDERT", "neueSchulform", "GRUNDSCHULE",
        "jahrgangsstufe", 4, "zuweisungsnotiz", "Schulbesuch bisher 2 Jahre"));

    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungSchulamt");
    Task zweite = task("Task_ZuweisungSchulamt", fall);
    assertThat(optionen(zweite, "schulOptionen")).isNotEmpty().allSatisfy(schule -> assertThat(schule).startsWith("SCHULE-GR-"));
    assertThat(engine.getTaskService().getVariable(zweite.getId(), "jahrgangsstufe")).hasToString("4");
    assertThat(verlauf(zweite)).isEqualTo("- " + LocalDate.now().format(DATUM) + " Schulamt für den Hochsauerlandkreis (Demo): "
        + "neue Schulauswahl in der Schulform Grundschule, Klasse 4 – Schulbesuch bisher 2 Jahre");

    Map<String, Object> zuweisung = new HashMap<>(zuweisung("SCHULE-GR-ARNSBERG-1"));
    zuweisung.putAll(Map.of("jahrgangsstufe", 4, "erstfoerderungsform", "TEILINTEGRIERT", "schuelerbefoerderung", true));
    schulamt(zweite, zuweisung);
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_SchuleInformieren");
    complete(task("Task_AufnahmeErfassen", fall), aufnahme(true));
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungsschreibenVersenden");
    assertThat(runtime.getVariable(fall.getId(), "jahrgangsstufe")).hasToString("4");
    assertThat(runtime.getVariables(fall.getId())).containsEntry("erstfoerderungsform", "TEILINTEGRIERT").containsEntry("schuelerbefoerderung", true)
        .containsEntry("zugewieseneSchulform", "GRUNDSCHULE");
  }

  @Test
  void hatDasSchulamtSelbstBeratenGibtEsKeineRueckfrageAnDasKi() {
    // 12 years in Brilon: the Schulamt counsels and assigns itself
    ProcessInstance fall = runtime.startProcessInstanceByKey("Process_Seiteneinstieg", meldung("BRILON", 12));
    complete(task("Task_EinladungVersenden", fall), einladung());
    complete(task("Task_ErstberatungDurchfuehren", fall), erstberatung("HAUPTSCHULE", false));
    Task zuweisung = task("Task_ZuweisungSchulamt", fall);
    assertThat(optionen(zuweisung, "ergebnisOptionen")).containsExactly("ZUGEWIESEN", "SCHULFORM_GEAENDERT", "WARTELISTE");
    assertThatThrownBy(() -> schulamt(zuweisung, entscheidung("RUECKFRAGE_KI", "rueckfrage", "Frage")))
        .hasMessageContaining("Entscheidung");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZuweisungSchulamt");
  }

  @Test
  void eineOffeneAufgabeOhneEntscheidungenBekommtSieBeimStart() {
    ProcessInstance fall = bisZurZuweisung("ARNSBERG", 12, "HAUPTSCHULE");
    Task aufgabe = task("Task_ZuweisungSchulamt", fall);
    // as a task created before the update has it
    engine.getTaskService().removeVariableLocal(aufgabe.getId(), "ergebnisOptionen");
    assertThat(aeltere.nachruesten()).isPositive();
    assertThat(optionen(aufgabe, "ergebnisOptionen")).containsExactly("ZUGEWIESEN", "SCHULFORM_GEAENDERT", "WARTELISTE", "RUECKFRAGE_KI");
    assertThat(aeltere.nachruesten()).isZero();
  }
}
