package de.hsk.ki.prozesse.uebergang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Einwilligungsantwort;
import de.hsk.ki.plattform.identitaet.Partnergruppen;
import de.hsk.ki.testkit.AlsPerson;
import de.hsk.ki.testkit.Fristablauf;
import de.hsk.ki.testkit.Testpostfach;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16 for the transition process: a referral partner with an account (here the job centre)
 * answers in Tasklist beside the counselling, sees only what the consent covers, and loses the case
 * at once when the consent is withdrawn; without an answer its step ends by itself.
 */
@KiSpringTest
class VermittlungsrueckmeldungTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final String JOBCENTER = Partnergruppen.gruppe("JOBCENTER");
  static final String MARKER = "Qwertzi";

  @Autowired ProcessEngine engine;

  @BeforeEach
  void konto() {
    BpmnAwareTests.init(engine);
    if (engine.getIdentityService().createUserQuery().userId("extjobcenter").count() == 0) {
      User u = engine.getIdentityService().newUser("extjobcenter");
      u.setFirstName("Jana");
      u.setLastName("Vermittlung");
      u.setPassword("Jobcenter-2026!");
      engine.getIdentityService().saveUser(u);
      engine.getIdentityService().createMembership("extjobcenter", JOBCENTER);
    }
  }

  @AfterEach
  void ohneKonto() {
    // other tests of this context expect the job centre to answer by e-mail
    engine.getIdentityService().deleteUser("extjobcenter");
  }

  private ProcessInstance vermittelt(String kommune) {
    Map<String, Object> v = new HashMap<>();
    v.put("meldendeStelle", "SCHULE");
    v.put("vorname", "Yusuf");
    v.put("nachname", MARKER);
    v.put("geburtsdatum", LocalDate.now().minusYears(20).toString());
    v.put("kommune", kommune);
    v.put("telefon", "0291 555");
    v.put("schulbesuchsjahre", 12);
    v.put("aktuelleKlasse", "KEINE");
    v.put("abschluss", "KEINER");
    v.put("aufenthaltsstatus", "AUFENTHALTSERLAUBNIS");
    v.put("deutschniveau", "A2");
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", v);
    complete(task(fall, "Task_VermittlungPlanen"), Map.of("partnerAuswahl", new java.util.ArrayList<>(List.of("JOBCENTER", "IHK")), "vermittlungsziel", "Ausbildung im Handel"));
    complete(task(fall, "Task_EinwilligungEinholen"), Einwilligungsantwort.antwort("JUGENDLICHE",
        Einwilligungsantwort.zeile("JOBCENTER", true, "SCHRIFTLICH"), Einwilligungsantwort.zeile("IHK", true, "SCHRIFTLICH")));
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_PartnerVermitteln");
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_PartnerVermitteln");
    return fall;
  }

  private Task task(ProcessInstance fall, String schritt) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.getBusinessKey()).taskDefinitionKey(schritt).singleResult();
  }

  private long siehtAufgaben(String benutzer, String gruppe, ProcessInstance fall) {
    engine.getIdentityService().setAuthentication(benutzer, List.of(gruppe));
    try {
      return engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void derPartnerMitKontoMeldetNebenDerBeratungZurueckUndDasTeamLiestEsImGespraech() {
    ProcessInstance fall = vermittelt("MESCHEDE");
    // only the job centre has an account: only it gets the step; the IHK answers by e-mail as before; counselling goes on
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_BeratungsgespraechDokumentieren", "Task_VermittlungRueckmelden");
    Task rueckmeldung = task(fall, "Task_VermittlungRueckmelden");
    assertThat(engine.getTaskService().getIdentityLinksForTask(rueckmeldung.getId())).extracting(l -> l.getGroupId())
        .contains(JOBCENTER, "kiSozialarbeit");
    assertThat(siehtAufgaben("extjobcenter", JOBCENTER, fall)).isOne();
    assertThat(siehtAufgaben("jemand", Partnergruppen.gruppe("IHK"), fall)).isZero();
    assertThat(engine.getTaskService().getVariable(rueckmeldung.getId(), "karte").toString()).contains("Partner: Jobcenter");

    engine.getIdentityService().setAuthentication("extjobcenter", List.of(JOBCENTER));
    Map<String, Object> sichtbar;
    try {
      sichtbar = engine.getFormService().getTaskFormVariables(rueckmeldung.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(sichtbar).containsKeys("vorname", "nachname", "geburtsdatum", "telefon", "kommune", "abschluss", "deutschniveau",
        "vermittlungsziel").doesNotContainKeys("aufenthaltsstatus", "leistungsbezug", "sitzungsinhalt", "einwilligungenUebersicht");

    assertThatThrownBy(() -> AlsPerson.erledige(engine, "extjobcenter", JOBCENTER, rueckmeldung.getId(),
        Map.of("rueckmeldung", "NICHT_ZUSTAENDIG"))).hasMessageContaining("Notiz");
    AlsPerson.erledige(engine, "extjobcenter", JOBCENTER, rueckmeldung.getId(),
        Map.of("rueckmeldung", "AUFGENOMMEN", "rueckmeldungNotiz", "Einstiegsqualifizierung ab 1. März"));
    // the answer is taken over in a job after the partner's submission (two partners at once do not refuse each other)
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_VermittlungRueckmelden");
    assertThat((String) engine.getRuntimeService().getVariable(fall.getId(), "partnerRueckmeldungen"))
        .contains("Jobcenter Hochsauerlandkreis (Demo): in Beratung oder Maßnahme aufgenommen – Einstiegsqualifizierung ab 1. März");
    assertThat(siehtAufgaben("extjobcenter", JOBCENTER, fall)).isZero();
    assertThat(engine.getFormService().getTaskFormVariables(task(fall, "Task_BeratungsgespraechDokumentieren").getId()))
        .containsKey("partnerRueckmeldungen");
  }

  @Test
  void einWiderrufBeendetDenZugangDesPartnersSofortUndOhneAntwortEndetDerSchritt() {
    ProcessInstance fall = vermittelt("OLSBERG");
    assertThat(siehtAufgaben("extjobcenter", JOBCENTER, fall)).isOne();
    Task sitzung = task(fall, "Task_BeratungsgespraechDokumentieren");
    Map<String, Object> werte = new HashMap<>(Map.of("sitzungsdatum", LocalDate.now().toString(), "sitzungsinhalt", "Gespräch",
        "vereinbarteSchritte", "weiter", "naechsterSchritt", "WEITERE_BERATUNG", "wiedervorlage", LocalDate.now().plusDays(14).toString(),
        "einwilligungWiderrufen", new java.util.ArrayList<>(List.of("JOBCENTER"))));
    complete(sitzung, werte);
    assertThat(siehtAufgaben("extjobcenter", JOBCENTER, fall)).as("withdrawn: access ends at once").isZero();
    Task rueckmeldung = task(fall, "Task_VermittlungRueckmelden");
    assertThat(engine.getTaskService().getIdentityLinksForTask(rueckmeldung.getId())).extracting(l -> l.getGroupId())
        .doesNotContain(JOBCENTER).contains("kiSozialarbeit");

    Fristablauf.fuehreAus(engine, fall.getId(), "Event_RueckmeldungFristAbgelaufen");
    assertThat(task(fall, "Task_VermittlungRueckmelden")).isNull();
    assertThat((String) engine.getRuntimeService().getVariable(fall.getId(), "partnerRueckmeldungen")).contains("keine Rückmeldung");
  }

  @Test
  void endetDieBeratungEndetDerFallMitDenOffenenRueckmeldungen() {
    ProcessInstance fall = vermittelt("BRILON");
    Task rueckmeldung = task(fall, "Task_VermittlungRueckmelden");
    complete(task(fall, "Task_BeratungsgespraechDokumentieren"), new HashMap<>(Map.of("sitzungsdatum", LocalDate.now().toString(),
        "sitzungsinhalt", "Gespräch", "vereinbarteSchritte", "keine", "naechsterSchritt", "ABSCHLUSS")));
    complete(task(fall, "Task_ErgebnisErfassen"), Map.of("ergebnis", "KONTAKT_ABGEBROCHEN"));
    BpmnAwareTests.assertThat(fall).isEnded();
    assertThat(engine.getTaskService().createTaskQuery().taskId(rueckmeldung.getId()).count()).isZero();
    assertThat(siehtAufgaben("extjobcenter", JOBCENTER, fall)).isZero();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId(rueckmeldung.getId()).count()).isZero();
  }
}
