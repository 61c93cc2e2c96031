package de.hsk.ki.prozesse.uebergang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.einwilligung.Einwilligungen;
import de.hsk.ki.testkit.AlsPerson;
import de.hsk.ki.testkit.Einwilligungsantwort;
import de.hsk.ki.testkit.Fristablauf;
import de.hsk.ki.testkit.Testpostfach;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Review U5: KAoA-kompakt is suggested to the young person's school and the Kommunale Koordinierung,
 * with the guardians' consent for a minor, by case number only; no provider is booked.
 */
@KiSpringTest
class KaoaKompaktTest {

  static final String MARKER = "Kaoatestname";
  static final String SCHULE = "SCHULE-RE-BRILON-1";

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired Einwilligungen einwilligungen;
  @Autowired Vermittlungsvorlage vermittlungsvorlage;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  private ProcessInstance sechzehnjaehrigeInKlasse10() {
    Map<String, Object> v = Uebergangsfall.meldung(MARKER, 16, 10, "BRILON", "KLASSE_10", "AUFENTHALTSERLAUBNIS", "A2");
    return engine.getRuntimeService().startProcessInstanceByKey(Uebergang.SCHLUESSEL, v);
  }

  private Task task(ProcessInstance fall, Uebergang.Element schritt) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.getBusinessKey())
        .taskDefinitionKey(schritt.name()).singleResult();
  }

  /** The school track with KAoA-kompakt, as the teacher submits it in Tasklist, then the registration at the Berufskolleg. */
  private void kaoaAnregen(ProcessInstance fall, String schule) {
    Map<String, Object> werte = new HashMap<>(Map.of("bildungsgang", "IFK", "kaoaKompakt", true));
    if (schule != null) {
      werte.put("kaoaSchule", schule);
    }
    AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte", task(fall, Uebergang.Element.Task_SchulischenAnschlussFestlegen).getId(), werte);
    complete(task(fall, Uebergang.Element.Task_AnmeldungBerufskolleg), Map.of("anmeldungsergebnis", "ANGEMELDET",
        "berufskolleg", "Berufskolleg Brilon", "schulbeginn", LocalDate.now().plusDays(30).toString()));
  }

  private Task einwilligungsaufgabe(ProcessInstance fall) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.getBusinessKey())
        .taskDefinitionKey("Task_EinwilligungEinholen").singleResult();
  }

  @Test
  void dieSchuleUndDieKoordinierungErfahrenNachEinwilligungDerSorgeberechtigtenNurDasAktenzeichen() throws Exception {
    ProcessInstance fall = sechzehnjaehrigeInKlasse10();
    // the schools with a grade 10 or an IFK are offered, those of the young person's municipality first; no primary school
    @SuppressWarnings("unchecked")
    List<Map<String, String>> schulen = (List<Map<String, String>>) engine.getTaskService()
        .getVariableLocal(task(fall, Uebergang.Element.Task_SchulischenAnschlussFestlegen).getId(), Uebergang.KAOA_SCHUL_OPTIONEN.name());
    assertThat(schulen).extracting(o -> o.get("value")).contains(SCHULE, "SCHULE-BE-MESCHEDE-1").doesNotContain("SCHULE-GR-BRILON-1");
    assertThat(schulen.get(0).get("label")).contains("Brilon");
    kaoaAnregen(fall, SCHULE);

    // one consent task for the school and the KoKo: a 16-year-old does not consent alone, the guardians do
    Task aufgabe = einwilligungsaufgabe(fall);
    assertThat(engine.getTaskService().getVariable(aufgabe.getId(), "offenePartner")).asList().containsExactly(SCHULE, "KOKO_KAOA");
    assertThat((String) engine.getTaskService().getVariable(aufgabe.getId(), "karte")).endsWith("Partner: Schule, KAoA-Koordinierung");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> personen = (List<Map<String, String>>) engine.getTaskService().getVariableLocal(aufgabe.getId(), "personOptionen");
    assertThat(personen).extracting(o -> o.get("value")).containsExactly("SORGEBERECHTIGTE");
    assertThat(engine.getTaskService().getVariableLocal(aufgabe.getId(), "einsichtsfrage")).isEqualTo(false);
    Map<String, Object> selbst = new HashMap<>(Einwilligungsantwort.fuerAlle(engine.getTaskService(), aufgabe, true, "JUGENDLICHE"));
    selbst.put("einsichtsfaehig", "JA");
    assertThatThrownBy(() -> engine.getTaskService().complete(aufgabe.getId(), selbst))
        .hasMessageContaining("Für diesen Zweck (KAoA-kompakt) willigen bei Minderjährigen die Sorgeberechtigten ein");
    assertThat(einwilligungen.vonFall(fall.getBusinessKey())).isEmpty();

    Map<String, Object> eltern = new HashMap<>(Einwilligungsantwort.fuerAlle(engine.getTaskService(), aufgabe, true, "SORGEBERECHTIGTE"));
    eltern.put("einwilligendeName", "Frau " + MARKER);
    complete(aufgabe, eltern);
    assertThat(einwilligungen.vonFall(fall.getBusinessKey())).extracting(Einwilligungen.Einwilligung::personRolle)
        .containsOnly("SORGEBERECHTIGTE");
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_PartnerVermitteln");
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_PartnerVermitteln");

    MimeMessage[] mails = greenMail.getReceivedMessages();
    assertThat(Arrays.stream(mails).map(m -> {
      try {
        return m.getAllRecipients()[0].toString();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    })).containsExactlyInAnyOrder("realschule.brilon@example.org", "kaoa-koordinierung@example.org");
    for (MimeMessage mail : mails) {
      assertThat(mail.getSubject()).isEqualTo("[" + fall.getBusinessKey() + "] Anregung KAoA-kompakt (Einwilligung liegt vor)");
      String text = mail.getContent().toString();
      assertThat(text).contains(fall.getBusinessKey()).contains("regt die Teilnahme an KAoA-kompakt an")
          .contains("Realschule Brilon (Demo)").contains("wurde schriftlich erteilt")
          .doesNotContain(MARKER).doesNotContain("Yusuf").doesNotContain(Uebergangsfall.meldung(MARKER, 16, 10, "BRILON", "KLASSE_10",
              "EU", "A2").get("geburtsdatum").toString().substring(0, 4));
    }
    // a suggestion, not a referral: no partner step in Tasklist, the counselling goes on
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_BeratungsgespraechDokumentieren").hasNotPassed("Task_VermittlungRueckmelden");
  }

  @Test
  void ohneEinwilligungGehtKeineAnregungHinausUndOhneSchuleNurAnDieKoordinierung() {
    ProcessInstance fall = sechzehnjaehrigeInKlasse10();
    kaoaAnregen(fall, null);
    Task aufgabe = einwilligungsaufgabe(fall);
    assertThat(engine.getTaskService().getVariable(aufgabe.getId(), "offenePartner")).asList().containsExactly("KOKO_KAOA");
    complete(aufgabe, Einwilligungsantwort.fuerAlle(engine.getTaskService(), aufgabe, false, "SORGEBERECHTIGTE"));

    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_BeratungsgespraechDokumentieren").hasNotPassed("Task_PartnerVermitteln");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(einwilligungen.liegtVor(fall.getBusinessKey(), "KOKO_KAOA")).isFalse();
  }

  @Test
  void derServerNimmtNurEineSchuleDesVerzeichnissesAn() {
    ProcessInstance fall = sechzehnjaehrigeInKlasse10();
    String aufgabe = task(fall, Uebergang.Element.Task_SchulischenAnschlussFestlegen).getId();
    // a key that is not among the offered schools, e.g. an office: refused at the form
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte", aufgabe,
        new HashMap<>(Map.of("bildungsgang", "IFK", "kaoaKompakt", true, "kaoaSchule", "JOBCENTER"))))
        .hasMessageContaining("JOBCENTER");
    // the Java API, without the form: the listener refuses it too
    assertThatThrownBy(() -> engine.getTaskService().complete(aufgabe, Map.of("bildungsgang", "IFK", "kaoaKompakt", true,
        "kaoaSchule", "JOBCENTER"))).hasMessageContaining("ist keine Schule im Partnerverzeichnis");
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_SchulischenAnschlussFestlegen");
  }

  @Test
  void fuerFaelleAeltererModelleBleibtDieBuchungBeimTraeger() {
    // a case of model 1.2.0 whose consent for the provider was given before the change still sends the booking
    assertThat(vermittlungsvorlage.fuer("KAOA_TRAEGER")).isEqualTo("KAOA_KOMPAKT_BUCHUNG");
    assertThat(vermittlungsvorlage.fuer("KOKO_KAOA")).isEqualTo("KAOA_KOMPAKT_ANREGUNG");
    assertThat(vermittlungsvorlage.fuer(SCHULE)).isEqualTo("KAOA_KOMPAKT_ANREGUNG");
    assertThat(vermittlungsvorlage.fuer("JOBCENTER")).isEqualTo("VERMITTLUNG");
  }

  @Test
  void einFallDesModells120LaeuftAufSeinerFassungZuEnde() throws Exception {
    var repo = engine.getRepositoryService();
    org.camunda.bpm.engine.repository.Deployment alt;
    try (java.io.InputStream modell = getClass().getResourceAsStream("/altmodelle/uebergang-1.2.0.bpmn")) {
      alt = repo.createDeployment().name("test-uebergang-1.2.0").addInputStream("uebergang-schule-beruf.bpmn", modell).deploy();
    }
    org.camunda.bpm.engine.repository.Deployment neu;
    try (java.io.InputStream modell = getClass().getResourceAsStream("/processes/uebergang/uebergang-schule-beruf.bpmn")) {
      neu = repo.createDeployment().name("test-uebergang-aktuell").addInputStream("uebergang-schule-beruf.bpmn", modell).deploy();
    }
    try {
      var fassung = repo.createProcessDefinitionQuery().deploymentId(alt.getId()).singleResult();
      assertThat(fassung.getVersionTag()).isEqualTo("1.2.0");

      // a case whose old listener chose the provider and whose consent to it was given before the change:
      // the booking still goes out as before (the state such a case has, set by hand)
      ProcessInstance gebucht = engine.getRuntimeService().startProcessInstanceById(fassung.getId(),
          Uebergangsfall.meldung(MARKER, 16, 10, "BRILON", "KLASSE_10", "EU", "A2"));
      complete(task(gebucht, Uebergang.Element.Task_SchulischenAnschlussFestlegen), Map.of("bildungsgang", "IFK"));
      engine.getRuntimeService().setVariable(gebucht.getId(), "vermittlungsPartner", Widerruf.liste(List.of("KAOA_TRAEGER")));
      einwilligungen.erfasse(gebucht.getBusinessKey(), "KAOA_TRAEGER", true, "SORGEBERECHTIGTE", "Eltern", "KAoA-kompakt",
          LocalDate.now(), "tbecker", "SCHRIFTLICH");
      complete(task(gebucht, Uebergang.Element.Task_AnmeldungBerufskolleg), Map.of("anmeldungsergebnis", "ANGEMELDET",
          "berufskolleg", "Berufskolleg Brilon", "schulbeginn", LocalDate.now().plusDays(30).toString()));
      Fristablauf.fuehreAus(engine, gebucht.getId(), "Task_PartnerVermitteln");
      assertThat(greenMail.getReceivedMessages()).singleElement().satisfies(m -> {
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("kaoa-kompakt@example.org");
        assertThat(m.getSubject()).endsWith("Anmeldung KAoA-kompakt (Einwilligung liegt vor)");
      });
      BpmnAwareTests.assertThat(gebucht).isWaitingAt("Task_BeratungsgespraechDokumentieren");

      // an open task of the old version shows the new form: it suggests too, the guardians consent
      ProcessInstance fall = engine.getRuntimeService().startProcessInstanceById(fassung.getId(),
          Uebergangsfall.meldung(MARKER, 16, 10, "BRILON", "KLASSE_10", "EU", "A2"));
      kaoaAnregen(fall, null);
      Task aufgabe = einwilligungsaufgabe(fall);
      assertThat(engine.getTaskService().getVariable(aufgabe.getId(), "offenePartner")).asList().containsExactly("KOKO_KAOA");
      assertThat(engine.getTaskService().getVariable(aufgabe.getId(), "einwilligendePerson")).isEqualTo("SORGEBERECHTIGTE");
      complete(aufgabe, Einwilligungsantwort.fuerAlle(engine.getTaskService(), aufgabe, true, "SORGEBERECHTIGTE"));
      Fristablauf.fuehreAus(engine, fall.getId(), "Task_PartnerVermitteln");
      assertThat(greenMail.getReceivedMessages()).hasSize(2);
      // GreenMail does not keep the order of sending
      MimeMessage anregung = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
        try {
          return m.getAllRecipients()[0].toString().equals("kaoa-koordinierung@example.org");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).findFirst().orElseThrow();
      assertThat(anregung.getContent().toString()).contains("regt die Teilnahme an KAoA-kompakt an")
          .doesNotContain(MARKER).doesNotContain("besucht die Schule");

      // the old version knows no withdrawal at any time: refused with a hint; in its session it still applies at once
      engine.getIdentityService().setAuthentication("mhoffmann", List.of("kiLeitung"));
      try {
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(WiderrufErfassen.SCHLUESSEL,
            new HashMap<>(Map.of("widerrufFall", fall.getBusinessKey(), "widerrufPartner", new java.util.ArrayList<>(List.of("KOKO_KAOA")),
                "widerrufEingang", "BRIEF", "widerrufEingangAm", LocalDate.now().toString()))))
            .hasMessageContaining("läuft nach einer älteren Prozessversion");
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      complete(task(fall, Uebergang.Element.Task_BeratungsgespraechDokumentieren), new HashMap<>(Map.of(
          "sitzungsdatum", LocalDate.now().toString(), "sitzungsinhalt", "Gespräch", "vereinbarteSchritte", "weiter",
          "naechsterSchritt", "WEITERE_BERATUNG", "wiedervorlage", LocalDate.now().plusDays(14).toString(),
          "einwilligungWiderrufen", new java.util.ArrayList<>(List.of("KOKO_KAOA")))));
      assertThat(einwilligungen.liegtVor(fall.getBusinessKey(), "KOKO_KAOA")).isFalse();
      BpmnAwareTests.assertThat(fall).isWaitingAt("Event_Wiedervorlage");
    } finally {
      repo.deleteDeployment(neu.getId(), true);
      repo.deleteDeployment(alt.getId(), true);
    }
  }
}
