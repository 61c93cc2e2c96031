package de.hsk.ki.prozesse.seiteneinstieg;

import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case outside the age of compulsory schooling no longer simply ends (review finding S11): a
 * corrected birth date routes it again, "Übergang Schule–Beruf" starts a transition case with the
 * data, "Kita" tells the youth-welfare office of the municipality.
 */
@KiSpringTest
class ZustaendigkeitsklaerungTest {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void abmelden() {
    engine.getIdentityService().clearAuthentication();
  }

  /** As the coordination completes it in Tasklist: the form's rules apply. */
  private void leitung(Task aufgabe, Map<String, Object> werte) {
    de.hsk.ki.testkit.AlsPerson.erledige(engine, "mhoffmann", "kiLeitung", aufgabe.getId(), werte);
  }

  private ProcessInstance melde(String kommune, int alter) {
    ProcessInstance fall = runtime.startProcessInstanceByKey("Process_Seiteneinstieg", meldung(kommune, alter));
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_ZustaendigkeitKlaeren").task().hasCandidateGroup("kiLeitung");
    return fall;
  }

  @Test
  void kitaKindGehtMitHinweisAnDasJugendamtDesWohnorts() throws Exception {
    ProcessInstance fall = melde("BRILON", 4);
    leitung(task("Task_ZustaendigkeitKlaeren", fall), Map.of("klaerungsergebnis", "KITA", "klaerungsnotiz", "Kita-Platz gesucht"));
    assertThat(runtime.getVariable(fall.getId(), "jugendamt")).isEqualTo("JUGENDAMT_HSK");
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_JugendamtInformieren");

    MimeMessage mail = greenMail.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("jugendamt@example.org");
    assertThat(mail.getSubject() + mail.getContent()).contains(fall.getBusinessKey()).contains("Brilon")
        .doesNotContain(MARKER_NAME).doesNotContain("Amina");
    BpmnAwareTests.assertThat(fall).isEnded().hasPassed("Event_AnJugendamtAbgegeben");
  }

  @Test
  void korrigiertesGeburtsdatumOrdnetDenFallNeuZu() {
    ProcessInstance fall = melde("ARNSBERG", 3);
    Task klaerung = task("Task_ZustaendigkeitKlaeren", fall);
    assertThatThrownBy(() -> leitung(klaerung, Map.of("klaerungsergebnis", "ALTER_KORRIGIERT", "klaerungsnotiz", "Tippfehler")))
        .hasMessageContaining("Richtiges Geburtsdatum: Pflichtfeld");
    String bisher = (String) runtime.getVariable(fall.getId(), "geburtsdatum");
    assertThatThrownBy(() -> leitung(klaerung, Map.of("klaerungsergebnis", "ALTER_KORRIGIERT", "klaerungsnotiz", "Tippfehler",
        "geburtsdatumKorrigiert", bisher))).hasMessageContaining("dasselbe wie bisher");

    LocalDate richtig = LocalDate.now().minusYears(9).minusDays(20);
    leitung(klaerung, Map.of("klaerungsergebnis", "ALTER_KORRIGIERT", "klaerungsnotiz", "Jahr im Ausweis falsch gelesen",
        "geburtsdatumKorrigiert", richtig.toString()));

    // a 9-year-old in Arnsberg: the KI counsels; the history keeps the old date
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_EinladungVersenden").task().hasCandidateGroup("kiVerwaltung");
    assertThat(runtime.getVariable(fall.getId(), "alter")).isEqualTo(9L);
    assertThat(runtime.getVariable(fall.getId(), "geburtsdatum")).isEqualTo(richtig.toString());
    // the shared compulsory-schooling table ran again on the corrected date
    assertThat(runtime.getVariable(fall.getId(), "alterAmStichtag"))
        .isEqualTo((long) de.hsk.ki.plattform.schulpflicht.Schulpflicht.alterAmStichtag(richtig,
            de.hsk.ki.plattform.schulpflicht.Schulpflicht.bezugstag(LocalDate.now())));
    assertThat(((Map<?, ?>) runtime.getVariable(fall.getId(), "schulpflicht")).get("stufe")).isEqualTo("PRIMAR");
    assertThat((String) runtime.getVariable(fall.getId(), "klaerungsverlauf")).isEqualTo("- " + LocalDate.now().format(DATUM)
        + " Geburtsdatum korrigiert: " + LocalDate.parse(bisher).format(DATUM) + " → " + richtig.format(DATUM)
        + " – Jahr im Ausweis falsch gelesen");
    assertThat(runtime.getVariable(fall.getId(), "klaerungsergebnis")).isNull();
  }

  @Test
  void uebergangSchuleBerufBekommtEinenFallMitDenDaten() {
    ProcessInstance fall = melde("MESCHEDE", 19);
    Task klaerung = task("Task_ZustaendigkeitKlaeren", fall);
    assertThatThrownBy(() -> leitung(klaerung, Map.of("klaerungsergebnis", "UEBERGANG_SCHULE_BERUF", "klaerungsnotiz", "19 Jahre")))
        .hasMessageContaining("Höchster Abschluss: Pflichtfeld für die Übergabe")
        .hasMessageContaining("Aufenthaltsstatus (Kategorie): Pflichtfeld für die Übergabe");

    Map<String, Object> werte = new HashMap<>(Map.of("klaerungsergebnis", "UEBERGANG_SCHULE_BERUF", "klaerungsnotiz", "19 Jahre",
        "schulbesuchsjahre", 11, "aktuelleKlasse", "KEINE", "abschluss", "AUSLAND_OFFEN", "aufenthaltsstatus", "GESTATTUNG",
        "deutschniveau", "A2"));
    leitung(klaerung, werte);
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_AnUebergangUebergeben");
    BpmnAwareTests.assertThat(fall).isEnded().hasPassed("Event_AnUebergangAbgegeben");

    String nachfolger = (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(fall.getId())
        .variableName("nachfolger").singleResult().getValue();
    assertThat(nachfolger).startsWith("UB-");
    ProcessInstance uebergang = runtime.createProcessInstanceQuery().processInstanceBusinessKey(nachfolger).singleResult();
    assertThat(engine.getRepositoryService().getProcessDefinition(uebergang.getProcessDefinitionId()).getKey())
        .isEqualTo("Process_UebergangSchuleBeruf");
    Map<String, Object> v = runtime.getVariables(uebergang.getId());
    assertThat(v).containsEntry("vorgaenger", fall.getBusinessKey()).containsEntry("vorname", "Amina")
        .containsEntry("nachname", MARKER_NAME).containsEntry("kommune", "MESCHEDE").containsEntry("abschluss", "AUSLAND_OFFEN")
        .containsEntry("aufenthaltsstatus", "GESTATTUNG").containsEntry("meldendeStelle", "SONSTIGE").containsEntry("alter", 19L);
    // the transition process routes it as any case it takes in: not compulsory school age, its team
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(uebergang.getId()).count()).isEqualTo(1);
  }

  @Test
  void kitaUndUebergangNurImPassendenAlter() {
    ProcessInstance erwachsen = melde("ARNSBERG", 19);
    assertThatThrownBy(() -> leitung(task("Task_ZustaendigkeitKlaeren", erwachsen), Map.of("klaerungsergebnis", "KITA",
        "klaerungsnotiz", "x"))).hasMessageContaining("nicht im Kita-Alter");
    ProcessInstance klein = melde("ARNSBERG", 3);
    Map<String, Object> werte = new HashMap<>(Map.of("klaerungsergebnis", "UEBERGANG_SCHULE_BERUF", "klaerungsnotiz", "x",
        "schulbesuchsjahre", 0, "aktuelleKlasse", "KEINE", "abschluss", "KEINER", "aufenthaltsstatus", "EU", "deutschniveau", "A1"));
    assertThatThrownBy(() -> leitung(task("Task_ZustaendigkeitKlaeren", klein), werte)).hasMessageContaining("berät ab 15 Jahren");
    BpmnAwareTests.assertThat(erwachsen).isWaitingAt("Task_ZustaendigkeitKlaeren");
    BpmnAwareTests.assertThat(klein).isWaitingAt("Task_ZustaendigkeitKlaeren");
  }

  @Test
  void sonstigesSchliesstDenFallMitBegruendung() {
    ProcessInstance fall = melde("ARNSBERG", 20);
    leitung(task("Task_ZustaendigkeitKlaeren", fall), Map.of("klaerungsergebnis", "SONSTIGES", "klaerungsnotiz", "verzogen nach Köln"));
    BpmnAwareTests.assertThat(fall).isEnded().hasPassed("Event_FallAbgegeben");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }
}
