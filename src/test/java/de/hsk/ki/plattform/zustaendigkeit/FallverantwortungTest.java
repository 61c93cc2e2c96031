package de.hsk.ki.plattform.zustaendigkeit;

import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.einladung;
import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.erstberatung;
import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.meldung;
import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.datenschutz.FallLoeschung;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.testkit.AlsPerson;
import de.hsk.ki.testkit.Testkonto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The responsible caseworker on the lateral-entry process (real engine and models): who completes
 * the group's first task becomes responsible, later tasks of the group come pre-assigned; not to
 * somebody who left the group, never against the four-eyes rule; a case's rows go with its erasure.
 */
@KiSpringTest
class FallverantwortungTest {

  static final String RUECKFRAGE = "Task_RueckfrageBeantworten";

  @Autowired ProcessEngine engine;
  @Autowired Fallverantwortung verantwortung;
  @Autowired FallLoeschung loeschung;
  @Autowired JdbcTemplate jdbc;
  @Autowired de.hsk.ki.plattform.person.Personenregister register;

  @AfterEach
  void abmelden() {
    engine.getIdentityService().clearAuthentication();
  }

  /** A lateral-entry case in Arnsberg (the KI's teachers counsel): invited by the clerk, counselled by the teacher. */
  static ProcessInstance beraten(ProcessEngine engine, String sachbearbeitung, String lehrkraft) {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 12));
    AlsPerson.erledige(engine, sachbearbeitung, KiGruppen.VERWALTUNG, aufgabe(engine, fall, "Task_EinladungVersenden").getId(), einladung());
    AlsPerson.erledige(engine, lehrkraft, KiGruppen.LEHRKRAEFTE, aufgabe(engine, fall, "Task_ErstberatungDurchfuehren").getId(),
        erstberatung("HAUPTSCHULE", false));
    return fall;
  }

  /** The Schulamt asks the counselling back: a later task of the teachers' group in the same case. */
  static Task rueckfrage(ProcessEngine engine, ProcessInstance fall) {
    Map<String, Object> werte = new HashMap<>();
    werte.put("zuweisungsergebnis", "RUECKFRAGE_KI");
    werte.put("rueckfrage", "Bitte die Empfehlung prüfen.");
    AlsPerson.erledige(engine, "jklein", KiGruppen.SCHULAMT, aufgabe(engine, fall, "Task_ZuweisungSchulamt").getId(), werte);
    return aufgabe(engine, fall, RUECKFRAGE);
  }

  static Task aufgabe(ProcessEngine engine, ProcessInstance fall, String schluessel) {
    return engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey(schluessel).singleResult();
  }

  static String konto(ProcessEngine engine, String id, String gruppe) {
    return Testkonto.anlegen(engine.getIdentityService(), id, "Test", id, gruppe);
  }

  @Test
  void werDieErsteAufgabeDerGruppeErledigtIstVerantwortlichUndBekommtSpaetereAufgabenDerGruppe() {
    // given
    String sachbearbeitung = konto(engine, "zvsachbearb1", KiGruppen.VERWALTUNG);
    String lehrkraft = konto(engine, "zvlehrkraft1", KiGruppen.LEHRKRAEFTE);
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 12));
    String az = fall.getBusinessKey();
    AlsPerson.erledige(engine, sachbearbeitung, KiGruppen.VERWALTUNG, aufgabe(engine, fall, "Task_EinladungVersenden").getId(), einladung());
    // the clerk is responsible within the administration, but the case's responsible comes with the first counselling
    assertThat(verantwortung.verantwortlich(az, KiGruppen.VERWALTUNG)).contains(sachbearbeitung);
    assertThat(verantwortung.zustaendig(az)).isEmpty();
    // the counselling task was not pre-assigned: nobody of the teachers' group is responsible yet
    Task erstberatung = aufgabe(engine, fall, "Task_ErstberatungDurchfuehren");
    assertThat(erstberatung.getAssignee()).isNull();

    // when
    AlsPerson.erledige(engine, lehrkraft, KiGruppen.LEHRKRAEFTE, erstberatung.getId(), erstberatung("HAUPTSCHULE", false));

    // then
    assertThat(verantwortung.zustaendig(az)).contains(lehrkraft);
    assertThat(verantwortung.faelleVon(lehrkraft)).contains(az);
    assertThat(verantwortung.faelleVon(sachbearbeitung)).doesNotContain(az);
    // the Schulamt's task is not the KI's: nobody pre-assigned
    assertThat(aufgabe(engine, fall, "Task_ZuweisungSchulamt").getAssignee()).isNull();
    // a later task of the teachers' group comes to the same teacher
    assertThat(rueckfrage(engine, fall).getAssignee()).isEqualTo(lehrkraft);
    assertThat(verantwortung.verlauf(az, null, 10)).extracting(Fallverantwortung.Verlaufseintrag::benutzer)
        .containsExactlyInAnyOrder(sachbearbeitung, lehrkraft);
  }

  @Test
  void werDieGruppeVerlassenHatBekommtKeineAufgabeMehrSieBleibtBeiDerGruppe() {
    // given
    String lehrkraft = konto(engine, "zvlehrkraft2", KiGruppen.LEHRKRAEFTE);
    ProcessInstance fall = beraten(engine, "pschneider", lehrkraft);
    assertThat(verantwortung.zustaendig(fall.getBusinessKey())).contains(lehrkraft);

    // when
    engine.getIdentityService().deleteMembership(lehrkraft, KiGruppen.LEHRKRAEFTE);

    // then
    Task spaeter = rueckfrage(engine, fall);
    assertThat(spaeter.getAssignee()).isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(spaeter.getId())).extracting(l -> l.getGroupId())
        .contains(KiGruppen.LEHRKRAEFTE);
    // whoever of the group does it now takes over the case
    String nachfolge = konto(engine, "zvlehrkraft3", KiGruppen.LEHRKRAEFTE);
    AlsPerson.erledige(engine, nachfolge, KiGruppen.LEHRKRAEFTE, spaeter.getId(),
        Map.of("rueckfrageAntwort", "Empfehlung bleibt.", "zugewieseneSchulform", "HAUPTSCHULE", "empfohleneKlasse", 7));
    assertThat(verantwortung.zustaendig(fall.getBusinessKey())).contains(nachfolge);
    assertThat(verantwortung.verlauf(fall.getBusinessKey(), lehrkraft, 10)).singleElement()
        .satisfies(v -> assertThat(v.bis()).isNotNull());
  }

  @Test
  void dieFreigabeNachDemEigenenVorschlagWirdNieVorbelegt() {
    // given: a proposal of the social workers, then the four-eyes building block for the same group
    engine.getRepositoryService().createDeployment().name("test-vieraugen-zustaendigkeit")
        .addClasspathResource("testmodelle/vieraugen-zustaendigkeit-test.bpmn").enableDuplicateFiltering(true).deploy();
    String vorschlagend = konto(engine, "zvsozial1", KiGruppen.SOZIALARBEIT);
    String zweite = konto(engine, "zvsozial2", KiGruppen.SOZIALARBEIT);
    // a case number of the transition process, whose cases the social workers work
    String az = "UB-2099-" + System.nanoTime();
    engine.getRuntimeService().startProcessInstanceByKey("Process_TestVierAugenZustaendigkeit", az);

    // when: the one who proposes becomes responsible for the group in the case
    Task vorschlag = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(az).taskDefinitionKey("Task_Vorschlagen")
        .singleResult();
    engine.getTaskService().claim(vorschlag.getId(), vorschlagend);
    AlsPerson.erledige(engine, vorschlagend, KiGruppen.SOZIALARBEIT, vorschlag.getId(), Map.of());

    // then: the decision stays with the group: the proposer may not have it
    assertThat(verantwortung.verantwortlich(az, KiGruppen.SOZIALARBEIT)).contains(vorschlagend);
    Task freigabe = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(az).taskDefinitionKey("Task_FreigabeEntscheiden")
        .singleResult();
    assertThat(freigabe).isNotNull();
    assertThat(freigabe.getAssignee()).isNull();

    // and where somebody else is responsible, the decision does go to them
    String az2 = "UB-2099-" + System.nanoTime();
    verantwortung.festhalten(az2, KiGruppen.SOZIALARBEIT, zweite, true, b -> true);
    engine.getRuntimeService().startProcessInstanceByKey("Process_TestVierAugenZustaendigkeit", az2);
    Task vorschlag2 = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(az2).taskDefinitionKey("Task_Vorschlagen")
        .singleResult();
    assertThat(vorschlag2.getAssignee()).isEqualTo(zweite);
    engine.getTaskService().setAssignee(vorschlag2.getId(), vorschlagend);
    AlsPerson.erledige(engine, vorschlagend, KiGruppen.SOZIALARBEIT, vorschlag2.getId(), Map.of());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(az2).taskDefinitionKey("Task_FreigabeEntscheiden")
        .singleResult().getAssignee()).isEqualTo(zweite);
  }

  @Test
  void foerderfaelleHabenKeineFallverantwortung() {
    // funding staff check one after another (completeness, review, signature): no pre-assignment there
    engine.getRepositoryService().createDeployment().name("test-vieraugen")
        .addClasspathResource("testmodelle/vieraugen-test.bpmn").enableDuplicateFiltering(true).deploy();
    String az = "FA-2099-" + System.nanoTime();
    engine.getRuntimeService().startProcessInstanceByKey("Process_TestVierAugen", az);
    Task vorschlag = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(az).taskDefinitionKey("Task_Vorschlagen")
        .singleResult();
    engine.getTaskService().claim(vorschlag.getId(), "fyilmaz");
    AlsPerson.erledige(engine, "fyilmaz", KiGruppen.FOERDERUNG, vorschlag.getId(), Map.of());
    assertThat(verantwortung.verantwortungen(az)).isEmpty();
  }

  @Test
  void einSpaetererFallDerselbenPersonBevorzugtDieBisherigenFachkraefte() {
    // given: an earlier case of the child, invited and counselled
    String sachbearbeitung = konto(engine, "zvsachbearb5", KiGruppen.VERWALTUNG);
    String lehrkraft = konto(engine, "zvlehrkraft5", KiGruppen.LEHRKRAEFTE);
    ProcessInstance frueher = beraten(engine, sachbearbeitung, lehrkraft);
    Long person = register.personZumFall(frueher.getBusinessKey()).orElseThrow();

    // when: a new case of the same person starts
    Map<String, Object> meldung = new HashMap<>(meldung("ARNSBERG", 12));
    meldung.put(de.hsk.ki.plattform.person.Personenzuordnung.PERSON, person);
    ProcessInstance spaeter = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung);

    // then: its tasks go first to whoever had the group in the earlier case
    Task einladen = aufgabe(engine, spaeter, "Task_EinladungVersenden");
    assertThat(einladen.getAssignee()).isEqualTo(sachbearbeitung);
    AlsPerson.erledige(engine, sachbearbeitung, KiGruppen.VERWALTUNG, einladen.getId(), einladung());
    assertThat(aufgabe(engine, spaeter, "Task_ErstberatungDurchfuehren").getAssignee()).isEqualTo(lehrkraft);
    // the transition team's table reads the earlier caseworker's group
    assertThat(verantwortung.bisherigeGruppe(spaeter.getBusinessKey())).isEqualTo(KiGruppen.LEHRKRAEFTE);
    assertThat(verantwortung.bisherigeGruppe(frueher.getBusinessKey())).isNull();
  }

  @Test
  void dieLoeschungEinesFallsEntferntSeineZeilen() {
    // given
    String lehrkraft = konto(engine, "zvlehrkraft4", KiGruppen.LEHRKRAEFTE);
    ProcessInstance fall = beraten(engine, "pschneider", lehrkraft);
    String az = fall.getBusinessKey();
    assertThat(zeilen(az)).isGreaterThan(0);

    // when
    loeschung.loesche(az, "admin", "Test: Löschung auf Antrag");

    // then
    assertThat(zeilen(az)).isZero();
    assertThat(verantwortung.zustaendig(az)).isEmpty();
    assertThat(verantwortung.faelleVon(lehrkraft)).doesNotContain(az);
  }

  private int zeilen(String az) {
    int n = 0;
    for (String tabelle : List.of("ki_fallverantwortung", "ki_fallverantwortung_verlauf", "ki_abwesenheit_uebergabe")) {
      n += jdbc.queryForObject("SELECT COUNT(*) FROM " + tabelle + " WHERE aktenzeichen = ?", Integer.class, az);
    }
    return n;
  }
}
