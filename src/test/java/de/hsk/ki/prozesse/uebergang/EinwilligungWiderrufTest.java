package de.hsk.ki.prozesse.uebergang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.einwilligung.Einwilligungen;
import de.hsk.ki.plattform.identitaet.Partnergruppen;
import de.hsk.ki.testkit.Einwilligungsantwort;
import de.hsk.ki.testkit.Fristablauf;
import de.hsk.ki.testkit.Testpostfach;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Review U7: a withdrawal is recorded at any time ("Widerruf einer Einwilligung erfassen"), checked on
 * the server before anything happens; it applies at once, ends the partner's Tasklist access, and
 * every partner that received data is told by e-mail without personal data (Art. 19 GDPR) – the same
 * for a withdrawal recorded in the counselling session.
 */
@KiSpringTest
class EinwilligungWiderrufTest {

  static final String MARKER = "Widerruftestname";
  static final String JOBCENTER = Partnergruppen.gruppe("JOBCENTER");

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired Einwilligungen einwilligungen;

  @BeforeEach
  void konto() {
    BpmnAwareTests.init(engine);
    if (engine.getIdentityService().createUserQuery().userId("extjobcenterw").count() == 0) {
      User u = engine.getIdentityService().newUser("extjobcenterw");
      u.setFirstName("Jana");
      u.setLastName("Widerruf");
      u.setPassword("Jobcenter-2026!");
      engine.getIdentityService().saveUser(u);
      engine.getIdentityService().createMembership("extjobcenterw", JOBCENTER);
    }
  }

  @AfterEach
  void ohneKonto() {
    // other tests of this context expect the job centre to answer by e-mail
    engine.getIdentityService().deleteUser("extjobcenterw");
  }

  /** A 20-year-old referred to the job centre and the IHK with consent; both received the referral e-mail. */
  private ProcessInstance vermittelt() {
    Map<String, Object> v = Uebergangsfall.meldung(MARKER, 20, 12, "MESCHEDE", "KEINE", "AUFENTHALTSERLAUBNIS", "A2");
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey(Uebergang.SCHLUESSEL, v);
    complete(task(fall, "Task_VermittlungPlanen"), Map.of("partnerAuswahl", new ArrayList<>(List.of("JOBCENTER", "IHK")),
        "vermittlungsziel", "Ausbildung im Handel"));
    complete(task(fall, "Task_EinwilligungEinholen"), Einwilligungsantwort.antwort("JUGENDLICHE",
        Einwilligungsantwort.zeile("JOBCENTER", true, "SCHRIFTLICH"), Einwilligungsantwort.zeile("IHK", true, "SCHRIFTLICH")));
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_PartnerVermitteln");
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_PartnerVermitteln");
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    return fall;
  }

  private Task task(ProcessInstance fall, String schritt) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.getBusinessKey()).taskDefinitionKey(schritt)
        .singleResult();
  }

  private static Map<String, Object> widerruf(String aktenzeichen, String... stellen) {
    Map<String, Object> v = new HashMap<>();
    v.put("widerrufFall", aktenzeichen);
    v.put("widerrufPartner", new ArrayList<>(List.of(stellen)));
    v.put("widerrufEingang", "TELEFON");
    v.put("widerrufEingangAm", LocalDate.now().minusDays(1).toString());
    v.put("widerrufNotiz", "Anruf der Mutter");
    return v;
  }

  /** Starts "Widerruf einer Einwilligung erfassen" as a person, as Tasklist does, and runs its job. */
  private void erfasse(String benutzer, String gruppe, Map<String, Object> werte) {
    engine.getIdentityService().setAuthentication(benutzer, List.of(gruppe));
    ProcessInstance vorgang;
    try {
      vorgang = engine.getRuntimeService().startProcessInstanceByKey(WiderrufErfassen.SCHLUESSEL, werte);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Fristablauf.fuehreAus(engine, vorgang.getId(), "Task_WiderrufAnFallMelden");
    BpmnAwareTests.assertThat(vorgang).isEnded();
  }

  private long siehtAufgaben(String benutzer, String gruppe, ProcessInstance fall) {
    engine.getIdentityService().setAuthentication(benutzer, List.of(gruppe));
    try {
      return engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).count();
    } finally {
      engine.getIdentityService().clearAuthentication();
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

  /** GreenMail does not keep the order of sending. */
  private List<MimeMessage> widerrufsmitteilungen() {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().endsWith("Widerruf der Einwilligung");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static void ohnePersonenbezug(MimeMessage mail, ProcessInstance fall) throws Exception {
    assertThat(mail.getSubject()).isEqualTo("[" + fall.getBusinessKey() + "] Widerruf der Einwilligung");
    assertThat(mail.getContent().toString()).contains(fall.getBusinessKey()).contains("wurde widerrufen")
        .contains("nicht weiter").contains("löschen Sie sie, soweit Sie keine eigene Rechtsgrundlage")
        .doesNotContain(MARKER).doesNotContain("Yusuf").doesNotContain("Anruf der Mutter");
  }

  @Test
  void derServerWeistEinenWiderrufAbBevorEtwasGeschieht() {
    ProcessInstance fall = vermittelt();
    String az = fall.getBusinessKey();

    // a case number that does not exist, and a case the person does not work on: the same answer
    assertThatThrownBy(() -> erfasse("mhoffmann", "kiLeitung", widerruf("UB-2026-9999", "JOBCENTER")))
        .hasMessageContaining("kein offener Fall UB-2026-9999, zu dem Sie einen Widerruf erfassen können");
    assertThatThrownBy(() -> erfasse("ademir", "kiSozialarbeit", widerruf(az, "JOBCENTER")))
        .hasMessageContaining("kein offener Fall " + az + ", zu dem Sie einen Widerruf erfassen können");
    // a partner without a valid consent in this case (never asked)
    assertThatThrownBy(() -> erfasse("mhoffmann", "kiLeitung", widerruf(az, "JOBCENTER", "HWK")))
        .hasMessageContaining("im Fall " + az + " liegt keine gültige Einwilligung für „Handwerkskammer (Ausbildungsberatung)“ vor");
    // received tomorrow: not possible
    Map<String, Object> morgen = widerruf(az, "JOBCENTER");
    morgen.put("widerrufEingangAm", LocalDate.now().plusDays(1).toString());
    assertThatThrownBy(() -> erfasse("mhoffmann", "kiLeitung", morgen)).hasMessageContaining("Eingegangen am");
    // how it came in is required
    Map<String, Object> ohneEingang = widerruf(az, "JOBCENTER");
    ohneEingang.remove("widerrufEingang");
    assertThatThrownBy(() -> erfasse("mhoffmann", "kiLeitung", ohneEingang)).hasMessageContaining("Wie ist der Widerruf eingegangen?");

    assertThat(einwilligungen.liegtVor(az, "JOBCENTER")).isTrue();
    assertThat(greenMail.getReceivedMessages()).hasSize(2);

    // a closed case: nothing to withdraw in any more
    engine.getRuntimeService().createMessageCorrelation("KI_FallVorzeitigBeendet").processInstanceBusinessKey(az)
        .setVariable("beendigungsgrund", "WEGZUG").correlate();
    BpmnAwareTests.assertThat(fall).isEnded();
    assertThatThrownBy(() -> erfasse("mhoffmann", "kiLeitung", widerruf(az, "JOBCENTER")))
        .hasMessageContaining("kein offener Fall " + az);
  }

  @Test
  void einWiderrufPerTelefonGiltSofortUndDerPartnerMitDatenErfaehrtEsOhnePersonenbezug() throws Exception {
    ProcessInstance fall = vermittelt();
    String az = fall.getBusinessKey();
    // the job centre answers in Tasklist beside the counselling; the HWK has a consent but never received anything
    assertThat(siehtAufgaben("extjobcenterw", JOBCENTER, fall)).isOne();
    einwilligungen.erfasse(az, "HWK", true, "JUGENDLICHE", "Person", "Ausbildung im Handwerk", LocalDate.now(), "ademir", "SCHRIFTLICH");
    // the counsellor works the case: she may record the withdrawal
    engine.getTaskService().claim(task(fall, "Task_BeratungsgespraechDokumentieren").getId(), "ademir");

    Map<String, Object> perTelefon = widerruf(az);
    perTelefon.put("widerrufPartner", org.camunda.spin.Spin.JSON("[\"JOBCENTER\",\"HWK\"]")); // as Tasklist sends a checklist
    erfasse("ademir", "kiSozialarbeit", perTelefon);

    // in force at once: register, partner access; the case goes on where it was
    assertThat(einwilligungen.liegtVor(az, "JOBCENTER")).isFalse();
    assertThat(einwilligungen.liegtVor(az, "HWK")).isFalse();
    assertThat(einwilligungen.liegtVor(az, "IHK")).isTrue();
    assertThat(siehtAufgaben("extjobcenterw", JOBCENTER, fall)).as("withdrawn: the partner's access ends").isZero();
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_BeratungsgespraechDokumentieren", "Task_VermittlungRueckmelden",
        "SubProcess_WiderrufEingegangen");
    assertThat((String) engine.getRuntimeService().getVariable(fall.getId(), "einwilligungenUebersicht")).contains("WIDERRUFEN");

    // one step per withdrawn partner, one after the other
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_WiderrufMitteilen");
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_WiderrufMitteilen");
    // only the partner that received data is told; the HWK never did, the IHK keeps its consent
    assertThat(empfaenger()).hasSize(3);
    assertThat(widerrufsmitteilungen()).singleElement().satisfies(m -> {
      assertThat(m.getAllRecipients()[0].toString()).isEqualTo("jobcenter@example.org");
      ohnePersonenbezug(m, fall);
    });
    BpmnAwareTests.assertThat(fall).isWaitingAt("Task_BeratungsgespraechDokumentieren", "Task_VermittlungRueckmelden")
        .hasPassed("Event_WiderrufMitgeteilt");
    // how and when it came in, and who recorded it, stay in the case's history
    Map<String, Object> historie = new HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(fall.getId()).list()
        .forEach(h -> historie.put(h.getName(), h.getValue()));
    assertThat(historie).containsEntry("widerrufEingang", "TELEFON").containsEntry("widerrufVon", "ademir")
        .containsEntry("widerrufEingangAm", LocalDate.now().minusDays(1).toString());
  }

  @Test
  void einWiderrufImBeratungsgespraechBenachrichtigtDiePartnerEbenso() throws Exception {
    ProcessInstance fall = vermittelt();
    Map<String, Object> sitzung = new HashMap<>(Map.of("sitzungsdatum", LocalDate.now().toString(), "sitzungsinhalt", "Gespräch",
        "vereinbarteSchritte", "weiter", "naechsterSchritt", "WEITERE_BERATUNG", "wiedervorlage", LocalDate.now().plusDays(14).toString(),
        "einwilligungWiderrufen", new ArrayList<>(List.of("IHK"))));
    complete(task(fall, "Task_BeratungsgespraechDokumentieren"), sitzung);
    assertThat(einwilligungen.liegtVor(fall.getBusinessKey(), "IHK")).isFalse();

    Fristablauf.fuehreAus(engine, fall.getId(), "Task_WiderrufAusGespraechMitteilen");
    assertThat(empfaenger()).hasSize(3);
    assertThat(widerrufsmitteilungen()).singleElement().satisfies(m -> {
      assertThat(m.getAllRecipients()[0].toString()).isEqualTo("ihk@example.org");
      ohnePersonenbezug(m, fall);
    });
    BpmnAwareTests.assertThat(fall).isWaitingAt("Event_Wiedervorlage");

    // the next session without a withdrawal tells nobody
    Fristablauf.fuehreAus(engine, fall.getId(), "Event_Wiedervorlage");
    sitzung.remove("einwilligungWiderrufen");
    complete(task(fall, "Task_BeratungsgespraechDokumentieren"), sitzung);
    BpmnAwareTests.assertThat(fall).isWaitingAt("Event_Wiedervorlage");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(fall.getId())
        .activityId("Task_WiderrufAusGespraechMitteilen").count()).isOne();
    assertThat(greenMail.getReceivedMessages()).hasSize(3);
  }
}
