package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.einwilligung.Einwilligungen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Einwilligungsantwort;
import de.hsk.ki.testkit.Testpostfach;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of the transition counselling, with the consent register and a real SMTP server. */
@KiSpringTest
class UebergangProzessTest {

  static final String MARKER = "Qwertz";

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired Einwilligungen einwilligungen;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  /** The one open task of the case, also inside a building block it called (same case number). */
  private Task task(ProcessInstance fall) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.getBusinessKey()).singleResult();
  }

  private Task task(String aufgabe, ProcessInstance fall) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.getBusinessKey())
        .taskDefinitionKey(aufgabe).singleResult();
  }

  private ProcessInstance melde(int alter, int schuljahre, String kommune, String klasse) {
    Map<String, Object> v = new HashMap<>();
    v.put("meldendeStelle", "SCHULE");
    v.put("vorname", "Yusuf");
    v.put("nachname", MARKER);
    v.put("geburtsdatum", LocalDate.now().minusYears(alter).minusDays(10).toString());
    v.put("kommune", kommune);
    v.put("schulbesuchsjahre", schuljahre);
    v.put("aktuelleKlasse", klasse);
    v.put("abschluss", "KEINER");
    v.put("aufenthaltsstatus", "AUFENTHALTSERLAUBNIS");
    v.put("deutschniveau", "A2");
    return engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", v);
  }

  /** The registration at the Berufskolleg succeeded (review U1). */
  private void angemeldet(ProcessInstance fall) {
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_AnmeldungBerufskolleg");
    complete(task(fall), Map.of("anmeldungsergebnis", "ANGEMELDET", "berufskolleg", "Berufskolleg Olsberg",
        "schulbeginn", LocalDate.now().plusDays(30).toString()));
  }

  /** The same decision for every partner the open consent task of the case asks for. */
  private Map<String, Object> einwilligung(ProcessInstance fall, boolean erteilt, String person) {
    Map<String, Object> v = new HashMap<>(Einwilligungsantwort.fuerAlle(engine.getTaskService(), task("Task_EinwilligungEinholen", fall), erteilt, person));
    v.put("einwilligendeName", "Person " + MARKER);
    return v;
  }

  private static Map<String, Object> sitzung(String weiter, Map<String, Object> mehr) {
    Map<String, Object> v = new HashMap<>(mehr);
    v.put("sitzungsdatum", LocalDate.now().toString());
    v.put("sitzungsinhalt", "Bewerbungsunterlagen besprochen");
    v.put("vereinbarteSchritte", "Praktikum suchen");
    v.put("naechsterSchritt", weiter);
    if (weiter.equals("WEITERE_BERATUNG")) {
      v.put("wiedervorlage", LocalDate.now().plusDays(14).toString());
    }
    return v;
  }

  private void fuehreJobAus(ProcessInstance fall, String aktivitaet) {
    de.hsk.ki.testkit.Fristablauf.fuehreAus(engine, fall.getId(), aktivitaet);
  }

  /** The session's e-mails run after the click: first the multi-instance body, then one job per partner. */
  private void informiereNachSitzung(ProcessInstance fall) {
    for (int i = 0; i < 10; i++) {
      // at this point the only asynchronous continuations (message jobs) are the partner e-mails
      Job job = management.createJobQuery().processInstanceId(fall.getId()).messages().list().stream().findFirst().orElse(null);
      if (job == null) {
        return;
      }
      execute(job);
    }
  }

  private List<String> empfaenger() {
    return Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
      try {
        return m.getAllRecipients()[0].toString();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Test
  void schulpflichtigOhneKaoaVonDerAufnahmeBisZurNachfrage() {
    ProcessInstance fall = melde(16, 9, "ARNSBERG", "KLASSE_9");
    assertThat(fall.getBusinessKey()).matches("UB-\\d{4}-\\d{4,}");

    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_SchulischenAnschlussFestlegen").task().hasCandidateGroup("kiLehrkraefte");
    complete(task(fall), Map.of("bildungsgang", "FIT_FUER_MEHR"));
    String einstieg = (String) engine.getRuntimeService().getVariable(fall.getId(), "naechsterEinstieg");
    assertThat(LocalDate.parse(einstieg).getDayOfMonth()).isEqualTo(1);
    assertThat(LocalDate.parse(einstieg).getMonthValue()).isIn(11, 2, 5);
    angemeldet(fall);

    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_BeratungsgespraechDokumentieren").hasNotPassed("Task_PartnerVermitteln");
    // no partner chosen: nobody is asked for a consent
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(fall.getBusinessKey())
        .taskDefinitionKey("Task_EinwilligungEinholen").count()).isZero();
    complete(task(fall), sitzung("ABSCHLUSS", Map.of()));
    informiereNachSitzung(fall);
    complete(task("Task_ErgebnisErfassen", fall), Map.of("ergebnis", "SCHULPLATZ"));

    BpmnAwareTests.assertThat(fall).isWaitingAt("Event_NachfrageFaellig");
    Job nachfrage = management.createJobQuery().processInstanceId(fall.getId()).activityId("Event_NachfrageFaellig").singleResult();
    // a school place: asked at the next half-year change at least a month away (review U10)
    LocalDate halbjahr = LocalDate.now().plusMonths(1);
    LocalDate erwartet = java.util.stream.Stream.of(LocalDate.of(halbjahr.getYear(), 2, 1), LocalDate.of(halbjahr.getYear(), 8, 1),
        LocalDate.of(halbjahr.getYear() + 1, 2, 1)).filter(t -> !t.isBefore(halbjahr)).findFirst().orElseThrow();
    assertThat(nachfrage.getDuedate()).isEqualTo(de.hsk.ki.plattform.zeit.Zeit.morgens(erwartet));
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "nachfrageAnlass")).isEqualTo("nächster Halbjahreswechsel (1. Februar oder 1. August)");
    execute(nachfrage);
    complete(task("Task_NachfrageErfassen", fall), Map.of("anschlussGehalten", "JA"));
    BpmnAwareTests.assertThat(fall).isEnded();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void ersteSchulplatzierungGehtAnDenSeiteneinstieg() throws Exception {
    // review U1/U2: 17, schulpflichtig, no school yet – the Seiteneinstieg places, also mid-year
    // a drop-out (no school at the moment) stays in the transition process
    BpmnAwareTests.assertThat(melde(17, 8, "BRILON", "KEINE")).isWaitingAt("Task_SchulischenAnschlussFestlegen");
    ProcessInstance fall = melde(17, 8, "BRILON", "NEU_ZUGEWANDERT");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_SeiteneinstiegVorbereiten").task().hasCandidateGroup("kiLehrkraefte");
    Map<String, Object> werte = new HashMap<>(Map.of("staatsangehoerigkeit", "Syrien", "zuzugsdatum", LocalDate.now().minusDays(20).toString(),
        "anschrift", "Am Markt 1, 59929 Brilon", "bevorzugteSprache", "Arabisch", "dolmetscherBenoetigt", true,
        "uebergabenotiz", "Möchte in die IFK"));
    String aufgabe = task(fall).getId();
    assertThatThrownBy(() -> de.hsk.ki.testkit.AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte", aufgabe, werte))
        .hasMessageContaining("Sorgerecht liegt bei: Pflichtfeld bei Minderjährigen");
    werte.put("sorgeform", "ELTERN");
    werte.put("erziehungsberechtigte", "Frau Rana " + MARKER);
    de.hsk.ki.testkit.AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte", aufgabe, werte);
    fuehreJobAus(fall, "Task_AnSeiteneinstiegUebergeben");
    BpmnAwareTests.assertThat(fall).isEnded().hasPassed("Event_AnSeiteneinstiegUebergeben");

    String nachfolger = (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(fall.getId())
        .variableName("nachfolger").singleResult().getValue();
    assertThat(nachfolger).startsWith("SE-");
    ProcessInstance seiteneinstieg = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(nachfolger).singleResult();
    Map<String, Object> v = engine.getRuntimeService().getVariables(seiteneinstieg.getId());
    assertThat(v).containsEntry("vorgaenger", fall.getBusinessKey()).containsEntry("vorname", "Yusuf")
        .containsEntry("anschrift", "Am Markt 1, 59929 Brilon").containsEntry("sorgeform", "ELTERN")
        .containsEntry("erziehungsberechtigte", "Frau Rana " + MARKER).containsEntry("kommune", "BRILON")
        .containsEntry("meldendeStelle", "SONSTIGE").containsEntry("bevorzugteSprache", "Arabisch");
    assertThat(v).containsEntry("uebergabenotiz", "Möchte in die IFK").doesNotContainKey("bemerkung");
    // Sek II: the KI counsels county-wide; the supervision later assigns the Berufskolleg place
    BpmnAwareTests.assertThat(seiteneinstieg).isWaitingAt("Task_EinladungVersenden").task().hasCandidateGroup("kiVerwaltung");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void einFallDerFassungVorDerAnmeldungLaeuftAufIhrWeiter() throws Exception {
    var repo = engine.getRepositoryService();
    org.camunda.bpm.engine.repository.Deployment alt;
    try (java.io.InputStream modell = getClass().getResourceAsStream("/altmodelle/uebergang-1.0.0.bpmn")) {
      alt = repo.createDeployment().name("test-uebergang-1.0.0").addInputStream("uebergang-schule-beruf.bpmn", modell).deploy();
    }
    org.camunda.bpm.engine.repository.Deployment neu;
    try (java.io.InputStream modell = getClass().getResourceAsStream("/processes/uebergang/uebergang-schule-beruf.bpmn")) {
      neu = repo.createDeployment().name("test-uebergang-aktuell").addInputStream("uebergang-schule-beruf.bpmn", modell).deploy();
    }
    try {
      var fassung = repo.createProcessDefinitionQuery().deploymentId(alt.getId()).singleResult();
      assertThat(fassung.getVersionTag()).isEqualTo("1.0.0");
      Map<String, Object> v = Uebergangsfall.meldung(MARKER, 16, 9, "ARNSBERG", "KEINE", "EU", "A2");
      ProcessInstance fall = engine.getRuntimeService().startProcessInstanceById(fassung.getId(), v);
      // the shared table and the intake table serve the old version too; it knows no hand-over and no registration
      BpmnAwareTests.assertThat(fall).isWaitingAt("Task_SchulischenAnschlussFestlegen");
      complete(task(fall), Map.of("bildungsgang", "IFK"));
      assertThat(LocalDate.parse((String) engine.getRuntimeService().getVariable(fall.getId(), "naechsterEinstieg")))
          .isEqualTo(LocalDate.now().withMonth(8).withDayOfMonth(1).isBefore(LocalDate.now())
              ? LocalDate.now().withMonth(8).withDayOfMonth(1).plusYears(1) : LocalDate.now().withMonth(8).withDayOfMonth(1));
      BpmnAwareTests.assertThat(fall).isWaitingAt("Task_BeratungsgespraechDokumentieren");
    } finally {
      repo.deleteDeployment(neu.getId(), true);
      repo.deleteDeployment(alt.getId(), true);
    }
  }

  @Test
  void einFallAusDemSeiteneinstiegWirdNichtZurueckgegeben() {
    Map<String, Object> v = Uebergangsfall.meldung(MARKER, 17, 8, "MESCHEDE", "NEU_ZUGEWANDERT", "GESTATTUNG", "A1");
    v.put("meldendeStelle", "SONSTIGE");
    v.put("vorgaenger", "SE-2026-0001");
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", v);
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_SchulischenAnschlussFestlegen");
  }

  @Test
  void ohnePlatzBittetDasKiDieBezirksregierungUmZuweisung() throws Exception {
    ProcessInstance fall = melde(16, 10, "MESCHEDE", "KLASSE_10");
    // every course's next intake is on the task, soonest first ("Fit für mehr" quarterly)
    String termine = (String) engine.getTaskService().getVariableLocal(task(fall).getId(), "aufnahmetermine");
    assertThat(termine).startsWith("„Fit für mehr“: ").contains("Internationale Förderklasse: 01.08.");
    complete(task(fall), Map.of("bildungsgang", "FIT_FUER_MEHR"));

    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_AnmeldungBerufskolleg");
    complete(task(fall), Map.of("anmeldungsergebnis", "KEIN_PLATZ", "anmeldungsnotiz", "Alle Plätze belegt"));
    fuehreJobAus(fall, "Task_BerufskollegZuweisungAnfragen");
    MimeMessage[] mails = greenMail.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("bezirksregierung@example.org");
    assertThat(mails[0].getSubject()).isEqualTo("[" + fall.getBusinessKey() + "] Bitte um Zuweisung an ein Berufskolleg");
    String text = mails[0].getContent().toString();
    assertThat(text).contains(fall.getBusinessKey()).contains("„Fit für mehr“").contains("Meschede").doesNotContain(MARKER).doesNotContain("Yusuf");

    Task zuweisung = task(fall);
    assertThat(zuweisung.getTaskDefinitionKey()).isEqualTo("Task_BerufskollegZuweisungErfassen");
    assertThat(zuweisung.getDueDate()).isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(13))));
    assertThatThrownBy(() -> de.hsk.ki.testkit.AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte", zuweisung.getId(),
        Map.of("zuweisungsstand", "ZUGEWIESEN", "berufskolleg", "Berufskolleg Meschede"))).hasMessageContaining("Erster Schultag");
    // the Bezirksregierung answers itself in Tasklist, without the young person's name (ADR 0006); the team is the fallback
    assertThat(engine.getTaskService().getIdentityLinksForTask(zuweisung.getId())).extracting(l -> l.getGroupId())
        .contains("partnerBEZIRKSREGIERUNG");
    engine.getIdentityService().setAuthentication("rkoch", java.util.List.of("partnerBEZIRKSREGIERUNG"));
    try {
      assertThat(engine.getFormService().getTaskFormVariables(zuweisung.getId())).containsKeys("aktenzeichen", "alter", "kommune")
          .doesNotContainKeys("vorname", "nachname", "geburtsdatum");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(text).contains("/camunda/app/tasklist/");
    de.hsk.ki.testkit.AlsPerson.erledige(engine, "rkoch", "partnerBEZIRKSREGIERUNG", zuweisung.getId(), Map.of("zuweisungsstand",
        "ZUGEWIESEN", "berufskolleg", "Berufskolleg Meschede", "schulbeginn", LocalDate.now().plusDays(40).toString()));
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_BeratungsgespraechDokumentieren");
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "berufskolleg")).isEqualTo("Berufskolleg Meschede");
  }

  @Test
  void ohneAnschlussAmBerufskollegGehtEsImBeratungsgespraechWeiter() {
    ProcessInstance fall = melde(17, 10, "OLSBERG", "KLASSE_10");
    complete(task(fall), Map.of("bildungsgang", "BERUFSKOLLEG"));
    String anmeldung = task(fall).getId();
    assertThatThrownBy(() -> de.hsk.ki.testkit.AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte", anmeldung,
        Map.of("anmeldungsergebnis", "KEIN_ANSCHLUSS"))).hasMessageContaining("Notiz");
    de.hsk.ki.testkit.AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte", anmeldung,
        Map.of("anmeldungsergebnis", "KEIN_ANSCHLUSS", "anmeldungsnotiz", "Hat eine Ausbildungsstelle in Aussicht"));
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_BeratungsgespraechDokumentieren").hasNotPassed("Task_BerufskollegZuweisungAnfragen");
  }

  @Test
  void vermittlungBietetNurZustaendigeStellenAn() {
    // review U3: 19, tolerated, asylum-seeker benefits
    Map<String, Object> v = Uebergangsfall.meldung(MARKER, 19, 11, "MESCHEDE", "KEINE", "DULDUNG", "A2");
    v.put("leistungsbezug", "ASYLBLG");
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", v);
    Task planen = task(fall);
    @SuppressWarnings("unchecked")
    List<Map<String, String>> optionen = (List<Map<String, String>>) engine.getTaskService().getVariableLocal(planen.getId(), "partnerOptionen");
    assertThat(optionen).extracting(o -> o.get("value"))
        .contains("AGENTUR_FUER_ARBEIT", "SOZIALAMT_MESCHEDE", "AUSLAENDERBEHOERDE_HSK").doesNotContain("JOBCENTER");
    assertThat((String) engine.getTaskService().getVariableLocal(planen.getId(), "vermittlungsHinweise")).contains("„Fit für mehr“");
    // the Jobcenter is not responsible: refused on the server, although a REST client may send it
    assertThatThrownBy(() -> de.hsk.ki.testkit.AlsPerson.erledige(engine, "ademir", "kiSozialarbeit", planen.getId(),
        Map.of("partnerAuswahl", List.of("JOBCENTER"), "vermittlungsziel", "Arbeit"))).hasMessageContaining("Vermitteln an");
    de.hsk.ki.testkit.AlsPerson.erledige(engine, "ademir", "kiSozialarbeit", planen.getId(),
        Map.of("partnerAuswahl", List.of("AUSLAENDERBEHOERDE_HSK", "AGENTUR_FUER_ARBEIT"), "vermittlungsziel", "Ausbildung im Handwerk"));
    BpmnAwareTests.assertThat(fall).isWaitingAt("Call_EinwilligungEinholen");
  }

  @Test
  void eineVor21BegonneneAusbildungHaeltDieSchulpflicht() {
    // review U4: 20 years old, apprenticeship begun at 19 – berufsschulpflichtig, so the school track
    Map<String, Object> v = new HashMap<>();
    v.put("meldendeStelle", "SCHULE");
    v.put("vorname", "Yusuf");
    v.put("nachname", MARKER);
    LocalDate geburtsdatum = LocalDate.now().minusYears(20).minusDays(10);
    v.put("geburtsdatum", geburtsdatum.toString());
    v.put("ausbildungsbeginn", geburtsdatum.plusYears(19).toString());
    v.put("kommune", "MESCHEDE");
    v.put("schulbesuchsjahre", 12);
    v.put("aktuelleKlasse", "BERUFSKOLLEG");
    v.put("abschluss", "KEINER");
    v.put("aufenthaltsstatus", "AUFENTHALTSERLAUBNIS");
    v.put("deutschniveau", "B1");
    ProcessInstance mitAusbildung = engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", v);
    BpmnAwareTests.assertThat(mitAusbildung).isWaitingAt("Task_SchulischenAnschlussFestlegen");
    assertThat(((Map<?, ?>) engine.getRuntimeService().getVariable(mitAusbildung.getId(), "schulpflicht")).get("grund").toString())
        .startsWith("Berufsschulpflicht");

    v.put("ausbildungsbeginn", geburtsdatum.plusYears(21).plusDays(1).toString());
    ProcessInstance ab21 = engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", v);
    BpmnAwareTests.assertThat(ab21).isWaitingAt("Task_VermittlungPlanen");
  }

  @Test
  void einwilligungIstAusDemFallVorbelegtUndDieMailNenntNurDieErfassteForm() throws Exception {
    ProcessInstance fall = melde(19, 12, "MESCHEDE", "KEINE");
    complete(task(fall), Map.of("partnerAuswahl", List.of("JOBCENTER", "IHK"), "vermittlungsziel", "Ausbildung im Handel"));

    org.camunda.bpm.engine.task.Task aufgabe = task("Task_EinwilligungEinholen", fall);
    var taskService = engine.getTaskService();
    // one task for both partners, a row each; an adult: only the person themself is offered and
    // prefilled, with name, purpose and today's date
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> zeilen = (List<Map<String, Object>>) taskService.getVariable(aufgabe.getId(), "einwilligungsZeilen");
    assertThat(zeilen).extracting(z -> z.get("partner")).containsExactly("JOBCENTER", "IHK");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> stellen = (List<Map<String, String>>) taskService.getVariableLocal(aufgabe.getId(), "partnerOptionen");
    assertThat(stellen).extracting(o -> o.get("label")).containsExactly("Jobcenter Hochsauerlandkreis (Demo)",
        "IHK Arnsberg Hellweg-Sauerland, Ausbildungsberatung (Demo)");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> personen = (List<Map<String, String>>) taskService.getVariableLocal(aufgabe.getId(), "personOptionen");
    assertThat(personen).extracting(o -> o.get("value")).containsExactly("JUGENDLICHE");
    assertThat(taskService.getVariable(aufgabe.getId(), "einwilligendePerson")).isEqualTo("JUGENDLICHE");
    assertThat(taskService.getVariable(aufgabe.getId(), "einwilligendeName")).isEqualTo("Yusuf " + MARKER);
    assertThat(taskService.getVariable(aufgabe.getId(), "zweck")).isEqualTo("Ausbildung im Handel");
    assertThat(taskService.getVariable(aufgabe.getId(), "einwilligungsdatum")).isEqualTo(LocalDate.now().toString());
    assertThat((String) taskService.getVariable(aufgabe.getId(), "karte")).endsWith("Partner: Jobcenter, IHK");

    complete(aufgabe, Einwilligungsantwort.antwort("JUGENDLICHE",
        Einwilligungsantwort.zeile("JOBCENTER", true, "MUENDLICH"), Einwilligungsantwort.zeile("IHK", true, "SCHRIFTLICH")));
    fuehreJobAus(fall, "Task_PartnerVermitteln");
    fuehreJobAus(fall, "Task_PartnerVermitteln");

    MimeMessage[] mails = greenMail.getReceivedMessages();
    assertThat(mails).hasSize(2);
    assertThat(mails[0].getContent().toString()).contains("wurde mündlich erteilt").doesNotContain("schriftlich");
    assertThat(mails[1].getContent().toString()).contains("wurde schriftlich erteilt").doesNotContain("mündlich");
    assertThat((String) engine.getRuntimeService().getVariable(fall.getId(), "einwilligungenUebersicht"))
        .contains("erteilt am").contains("durch die Person selbst, mündlich").contains("durch die Person selbst, schriftlich");
  }

  @Test
  void eineErfassteEinwilligungWirdNichtErneutErfragt() throws Exception {
    ProcessInstance fall = melde(19, 12, "MESCHEDE", "KEINE");
    // recorded before the form of the declaration was asked: the e-mail claims no form
    einwilligungen.erfasse(fall.getBusinessKey(), "JOBCENTER", true, "JUGENDLICHE", "Person", "Arbeit", LocalDate.now(), "ademir");
    complete(task(fall), Map.of("partnerAuswahl", List.of("JOBCENTER", "HWK"), "vermittlungsziel", "Arbeit"));
    Task aufgabe = task("Task_EinwilligungEinholen", fall);
    assertThat(engine.getTaskService().getVariable(aufgabe.getId(), "offenePartner")).asList().containsExactly("HWK");
    complete(aufgabe, einwilligung(fall, true, "JUGENDLICHE"));
    fuehreJobAus(fall, "Task_PartnerVermitteln");
    fuehreJobAus(fall, "Task_PartnerVermitteln");
    MimeMessage[] mails = greenMail.getReceivedMessages();
    assertThat(mails).hasSize(2);
    assertThat(mails[0].getContent().toString()).contains("für diesen Zweck liegt vor.").doesNotContain("schriftlich").doesNotContain("mündlich");
    assertThat(mails[1].getContent().toString()).contains("wurde schriftlich erteilt");
    assertThat(einwilligungen.vonFall(fall.getBusinessKey())).hasSize(2);

    // all partners consented already: no task, straight to the transfer
    ProcessInstance zweiter = melde(19, 12, "MESCHEDE", "KEINE");
    einwilligungen.erfasse(zweiter.getBusinessKey(), "IHK", true, "JUGENDLICHE", "Person", "Arbeit", LocalDate.now(), "ademir", "SCHRIFTLICH");
    complete(task(zweiter), Map.of("partnerAuswahl", List.of("IHK"), "vermittlungsziel", "Arbeit"));
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_EinwilligungEinholen")
        .processInstanceBusinessKey(zweiter.getBusinessKey()).count()).isZero();
    BpmnAwareTests.assertThat(zweiter).isWaitingAt("Task_PartnerVermitteln");

    // a consent is bound to its purpose: for another one the partner is asked again
    ProcessInstance dritter = melde(19, 12, "MESCHEDE", "KEINE");
    einwilligungen.erfasse(dritter.getBusinessKey(), "IHK", true, "JUGENDLICHE", "Person", "Arbeit", LocalDate.now(), "ademir", "SCHRIFTLICH");
    complete(task(dritter), Map.of("partnerAuswahl", List.of("IHK"), "vermittlungsziel", "Ausbildung im Handwerk"));
    Task erneut = task("Task_EinwilligungEinholen", dritter);
    assertThat(engine.getTaskService().getVariable(erneut.getId(), "offenePartner")).asList().containsExactly("IHK");
    // and the latest decision counts: a refusal now replaces the earlier consent
    complete(erneut, einwilligung(dritter, false, "JUGENDLICHE"));
    assertThat(einwilligungen.liegtVor(dritter.getBusinessKey(), "IHK")).isFalse();
    BpmnAwareTests.assertThat(dritter).isWaitingAt("Task_BeratungsgespraechDokumentieren").hasNotPassed("Task_PartnerVermitteln");
  }

  @Test
  void eineAufgabeAusDerZeitVorDenZeilenWirdBeimStartErgaenzt(@Autowired de.hsk.ki.plattform.einwilligung.AeltereEinwilligungsaufgaben aeltere) {
    ProcessInstance fall = melde(19, 12, "MESCHEDE", "KEINE");
    complete(task(fall), Map.of("partnerAuswahl", List.of("JOBCENTER"), "vermittlungsziel", "Arbeit"));
    Task aufgabe = task("Task_EinwilligungEinholen", fall);
    // as the building block's first version left it: one partner key, no rows, no partner options
    var taskService = engine.getTaskService();
    engine.getRuntimeService().removeVariables(aufgabe.getExecutionId(), List.of("einwilligungsZeilen", "offenePartner"));
    taskService.removeVariablesLocal(aufgabe.getId(), List.of("partnerOptionen", "einsichtsfrage"));
    engine.getRuntimeService().setVariable(aufgabe.getExecutionId(), "partner", "JOBCENTER");

    assertThat(aeltere.nachruesten()).isGreaterThanOrEqualTo(1);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> zeilen = (List<Map<String, Object>>) taskService.getVariable(aufgabe.getId(), "einwilligungsZeilen");
    assertThat(zeilen).extracting(z -> z.get("partner")).containsExactly("JOBCENTER");
    assertThat(taskService.getVariableLocal(aufgabe.getId(), "partnerOptionen").toString()).contains("Jobcenter Hochsauerlandkreis (Demo)");
    assertThat(taskService.getVariableLocal(aufgabe.getId(), "einsichtsfrage")).isEqualTo(false);
    complete(aufgabe, Einwilligungsantwort.antwort("JUGENDLICHE", Einwilligungsantwort.zeile("JOBCENTER", true, "SCHRIFTLICH")));
    assertThat(einwilligungen.liegtVor(fall.getBusinessKey(), "JOBCENTER")).isTrue();
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_PartnerVermitteln");
  }

  @Test
  void dieZeilenMuessenGenauDieGefragtenStellenNennen() {
    ProcessInstance fall = melde(19, 12, "MESCHEDE", "KEINE");
    complete(task(fall), Map.of("partnerAuswahl", List.of("JOBCENTER", "IHK"), "vermittlungsziel", "Arbeit"));
    String aufgabe = task("Task_EinwilligungEinholen", fall).getId();
    var taskService = engine.getTaskService();
    assertThatThrownBy(() -> taskService.complete(aufgabe, Einwilligungsantwort.antwort("JUGENDLICHE",
        Einwilligungsantwort.zeile("JOBCENTER", true, "SCHRIFTLICH"))))
        .hasMessageContaining("Die Liste der Stellen wurde verändert");
    assertThatThrownBy(() -> taskService.complete(aufgabe, Einwilligungsantwort.antwort("JUGENDLICHE",
        Einwilligungsantwort.zeile("JOBCENTER", true, "SCHRIFTLICH"), Einwilligungsantwort.zeile("HWK", true, "SCHRIFTLICH"))))
        .hasMessageContaining("Die Liste der Stellen wurde verändert");
    assertThatThrownBy(() -> taskService.complete(aufgabe, Einwilligungsantwort.antwort("JUGENDLICHE",
        Einwilligungsantwort.zeile("JOBCENTER", true, "SCHRIFTLICH"), Einwilligungsantwort.zeile("IHK", true, null))))
        .hasMessageContaining("Zeile 2: bitte die Form der Erklärung wählen.");
    assertThat(einwilligungen.vonFall(fall.getBusinessKey())).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(aufgabe).count()).isEqualTo(1);
  }

  @Test
  void vermittlungGehtNurAnPartnerMitEinwilligung() throws Exception {
    ProcessInstance fall = melde(19, 12, "MESCHEDE", "KEINE");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_VermittlungPlanen").task().hasCandidateGroup("kiSozialarbeit");
    complete(task(fall), Map.of("partnerAuswahl", List.of("JOBCENTER", "IHK"), "vermittlungsziel", "Ausbildung im Handel"));

    complete(task("Task_EinwilligungEinholen", fall), Einwilligungsantwort.antwort("JUGENDLICHE",
        Einwilligungsantwort.zeile("JOBCENTER", true, "SCHRIFTLICH"), Einwilligungsantwort.zeile("IHK", false, "MUENDLICH")));
    fuehreJobAus(fall, "Task_PartnerVermitteln");

    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_BeratungsgespraechDokumentieren");
    assertThat(empfaenger()).containsExactly("jobcenter@example.org");
    assertThat(greenMail.getReceivedMessages()[0].getSubject()).doesNotContain(MARKER);
    assertThat(einwilligungen.vonFall(fall.getBusinessKey()))
        .extracting(Einwilligungen.Einwilligung::partner, Einwilligungen.Einwilligung::erteilt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("JOBCENTER", true), org.assertj.core.groups.Tuple.tuple("IHK", false));
    assertThat((String) engine.getRuntimeService().getVariable(fall.getId(), "einwilligungenUebersicht"))
        .contains("Jobcenter Hochsauerlandkreis (Demo): erteilt").contains("IHK Arnsberg Hellweg-Sauerland, Ausbildungsberatung (Demo): verweigert");
  }

  @Test
  void widerrufeneEinwilligungStopptJedeWeitereUebermittlung() throws Exception {
    ProcessInstance fall = melde(20, 12, "OLSBERG", "KEINE");
    complete(task(fall), Map.of("partnerAuswahl", List.of("JOBCENTER"), "vermittlungsziel", "Arbeit"));
    complete(task(fall), einwilligung(fall, true, "JUGENDLICHE"));
    fuehreJobAus(fall, "Task_PartnerVermitteln");

    complete(task(fall), sitzung("WEITERE_BERATUNG", Map.of("partnerInformieren", List.of("JOBCENTER"))));
    informiereNachSitzung(fall);
    assertThat(empfaenger()).containsExactly("jobcenter@example.org", "jobcenter@example.org");

    BpmnAwareTests.assertThat(fall).isWaitingAt("Event_Wiedervorlage");
    fuehreJobAus(fall, "Event_Wiedervorlage");
    complete(task("Task_BeratungsgespraechDokumentieren", fall), sitzung("WEITERE_BERATUNG",
        Map.of("einwilligungWiderrufen", List.of("JOBCENTER"), "partnerInformieren", List.of("JOBCENTER"))));
    informiereNachSitzung(fall);

    // no information after the withdrawal, only the notice that it was withdrawn (Art. 19 GDPR; EinwilligungWiderrufTest)
    assertThat(empfaenger()).as("no e-mail after the withdrawal but its notice").hasSize(3);
    assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().endsWith("Widerruf der Einwilligung");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    })).hasSize(1);
    assertThat(einwilligungen.liegtVor(fall.getBusinessKey(), "JOBCENTER")).isFalse();
    assertThat((String) engine.getRuntimeService().getVariable(fall.getId(), "einwilligungenUebersicht")).contains("widerrufen am");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Event_Wiedervorlage");
  }

  @Test
  void ueberfaelligeWiedervorlageGehtAnDieLeitung() {
    ProcessInstance fall = melde(17, 11, "SUNDERN", "BERUFSKOLLEG");
    complete(task(fall), Map.of("bildungsgang", "BERUFSKOLLEG"));
    angemeldet(fall);
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_BeratungsgespraechDokumentieren");
    fuehreJobAus(fall, "Event_WiedervorlageUeberfaellig");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_BeratungsgespraechDokumentieren", "Call_UeberfaelligeWiedervorlageKlaeren");
    BpmnAwareTests.assertThat(fall).calledProcessInstance("Process_Baustein_Ueberfaelligkeit")
        .task("Task_UeberfaelligkeitKlaeren").hasCandidateGroup("kiLeitung");
  }

  @Test
  void kontaktAbgebrochenBeendetDenFallOhneNachfrage() {
    ProcessInstance fall = melde(19, 12, "WINTERBERG", "KEINE");
    complete(task(fall), Map.of("partnerAuswahl", List.of("JUGENDMIGRATIONSDIENST"), "vermittlungsziel", "Sprachkurs"));
    complete(task(fall), einwilligung(fall, false, "JUGENDLICHE"));
    complete(task(fall), sitzung("ABSCHLUSS", Map.of()));
    informiereNachSitzung(fall);
    complete(task(fall), Map.of("ergebnis", "KONTAKT_ABGEBROCHEN"));
    BpmnAwareTests.assertThat(fall).isEnded().hasPassed("Event_OhneAnschlussBeendet").hasNotPassed("Task_NachfrageErfassen");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void werEinwilligtEntscheidenAlterUndZweck() {
    // 14 and KAoA-kompakt (review U5): the guardians consent, also for a young person capable of understanding
    ProcessInstance fall = melde(14, 9, "ARNSBERG", "KLASSE_10");
    complete(task(fall), Map.of("bildungsgang", "IFK", "kaoaKompakt", true));
    angemeldet(fall);
    String aufgabe = task(fall).getId();
    assertThat(engine.getTaskService().getVariableLocal(aufgabe, "einsichtsfrage")).isEqualTo(false);
    assertThat(engine.getTaskService().getVariable(aufgabe, "einwilligendePerson")).isEqualTo("SORGEBERECHTIGTE");
    Map<String, Object> einsichtsfaehig = new HashMap<>(einwilligung(fall, true, "JUGENDLICHE"));
    einsichtsfaehig.put("einsichtsfaehig", "JA");
    assertThatThrownBy(() -> engine.getTaskService().complete(aufgabe, einsichtsfaehig))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Für diesen Zweck (KAoA-kompakt) willigen bei Minderjährigen die Sorgeberechtigten ein")
        .hasMessageContaining("Gewählt war: die oder der Jugendliche selbst.");
    assertThat(engine.getTaskService().createTaskQuery().taskId(aufgabe).count()).isEqualTo(1);
    assertThat(einwilligungen.vonFall(fall.getBusinessKey())).isEmpty();
    Map<String, Object> eltern = new HashMap<>(einwilligung(fall, true, "SORGEBERECHTIGTE"));
    eltern.put("sprache", "Arabisch, mit Sprachmittlerin");
    engine.getTaskService().complete(aufgabe, eltern);
    assertThat(einwilligungen.liegtVor(fall.getBusinessKey(), "KOKO_KAOA")).isTrue();
    assertThat(jdbc.queryForMap("SELECT person_rolle, einsichtsfaehig, informiert, sprache FROM ki_einwilligung WHERE aktenzeichen = ?",
        fall.getBusinessKey())).containsValues("SORGEBERECHTIGTE", true, "Arabisch, mit Sprachmittlerin");

    // 13: the guardians, whatever the purpose; the form does not ask for the capacity
    ProcessInstance kind = melde(13, 8, "ARNSBERG", "KLASSE_10");
    complete(task(kind), Map.of("bildungsgang", "IFK", "kaoaKompakt", true));
    angemeldet(kind);
    String dritte = task(kind).getId();
    assertThat(engine.getTaskService().getVariableLocal(dritte, "einsichtsfrage")).isEqualTo(false);
    assertThat(engine.getTaskService().getVariable(dritte, "einwilligendePerson")).isEqualTo("SORGEBERECHTIGTE");
    assertThatThrownBy(() -> engine.getTaskService().complete(dritte, einwilligung(kind, true, "JUGENDLICHE")))
        .hasMessageContaining("Unter 14 Jahren willigen die Sorgeberechtigten ein.");
    // and nobody consents without having been told of the right to withdraw
    Map<String, Object> ohneInformation = new HashMap<>(einwilligung(kind, true, "SORGEBERECHTIGTE"));
    ohneInformation.put("informiert", false);
    assertThatThrownBy(() -> engine.getTaskService().complete(dritte, ohneInformation)).hasMessageContaining("Recht auf Widerruf");
    engine.getTaskService().complete(dritte, einwilligung(kind, true, "SORGEBERECHTIGTE"));

    ProcessInstance volljaehrig = melde(19, 12, "ARNSBERG", "KEINE");
    complete(task(volljaehrig), Map.of("partnerAuswahl", List.of("HWK"), "vermittlungsziel", "Ausbildung"));
    String zweite = task(volljaehrig).getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(zweite, einwilligung(volljaehrig, true, "SORGEBERECHTIGTE")))
        .hasMessageContaining("Volljährige willigen selbst ein");
  }
}
