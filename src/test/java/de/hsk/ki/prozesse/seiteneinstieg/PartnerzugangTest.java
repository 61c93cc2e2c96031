package de.hsk.ki.prozesse.seiteneinstieg;

import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.identitaet.Partnergruppen;
import de.hsk.ki.testkit.AlsPerson;
import de.hsk.ki.testkit.Fristablauf;
import de.hsk.ki.testkit.Testpostfach;
import de.hsk.ki.testkit.WebappSitzung;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16: the school, the Bezirksregierung, the health office and the Schulträger answer their
 * steps themselves in Tasklist, each institution in its own group; they see the data of their step
 * only, only their own cases and only while the step is theirs.
 */
@KiSpringTest
class PartnerzugangTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final String SCHULE = Partnergruppen.gruppe("SCHULE-GR-ARNSBERG-1");
  static final String ANDERE_SCHULE = Partnergruppen.gruppe("SCHULE-GR-ARNSBERG-2");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired de.hsk.ki.plattform.datenschutz.FallLoeschung loeschung;

  @AfterEach
  void uhr() {
    ClockUtil.reset();
  }

  private Task task(String schritt, ProcessInstance fall) {
    return engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey(schritt).singleResult();
  }

  private void erledige(ProcessInstance fall, String schritt, Map<String, Object> werte) {
    engine.getTaskService().complete(task(schritt, fall).getId(), werte);
  }

  /** A case waiting for the school's answer on its admission. */
  private ProcessInstance fallBeiDerSchule() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 9));
    erledige(fall, "Task_EinladungVersenden", einladung());
    erledige(fall, "Task_ErstberatungDurchfuehren", erstberatung("GRUNDSCHULE", false));
    erledige(fall, "Task_ZuweisungSchulamt", zuweisung("SCHULE-GR-ARNSBERG-1"));
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_SchuleInformieren");
    return fall;
  }

  private <T> T als(String benutzer, String gruppe, Supplier<T> was) {
    engine.getIdentityService().setAuthentication(benutzer, List.of(gruppe));
    try {
      return was.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private long siehtAufgaben(String gruppe, ProcessInstance fall) {
    return als("jemand", gruppe, () -> engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).count());
  }

  @Test
  void jedeSchuleUndDienststelleDesVerzeichnissesHatIhreGruppeMitZugangZurAufgabenliste() {
    var gruppe = engine.getIdentityService().createGroupQuery().groupId(SCHULE).singleResult();
    assertThat(gruppe.getType()).isEqualTo(Partnergruppen.TYP);
    assertThat(gruppe.getName()).isEqualTo("Grundschule Arnsberg 1 (Demo)");
    for (String stelle : List.of("BEZIRKSREGIERUNG", "GESUNDHEITSAMT", "SCHULTRAEGER_ARNSBERG", "SCHULE-GY-WINTERBERG-1")) {
      assertThat(engine.getIdentityService().createGroupQuery().groupId(Partnergruppen.gruppe(stelle)).count()).as(stelle).isOne();
    }
    // the coordination process lets every authority answer; the Schulamt keeps its own group, no process names advised institutions
    assertThat(engine.getIdentityService().createGroupQuery().groupId(Partnergruppen.gruppe("JOBCENTER")).count()).isOne();
    assertThat(engine.getIdentityService().createGroupQuery().groupId(Partnergruppen.gruppe("SCHULAMT")).count()).isZero();
    assertThat(engine.getAuthorizationService().isUserAuthorized("gsommer", List.of(SCHULE),
        org.camunda.bpm.engine.authorization.Permissions.ACCESS, org.camunda.bpm.engine.authorization.Resources.APPLICATION, "tasklist")).isTrue();
  }

  @Test
  void dieSchuleSiehtNurIhrenFallMitDenDatenIhresSchrittsUndNurSolangeErIhrerIst() {
    ProcessInstance fall = fallBeiDerSchule();
    Task aufnahme = task("Task_AufnahmeErfassen", fall);

    assertThat(siehtAufgaben(SCHULE, fall)).isOne();
    assertThat(siehtAufgaben(ANDERE_SCHULE, fall)).isZero();
    assertThat(siehtAufgaben(Partnergruppen.gruppe("BEZIRKSREGIERUNG"), fall)).isZero();

    Map<String, Object> sichtbar = (Map<String, Object>) als("gsommer", SCHULE, () -> engine.getFormService().getTaskFormVariables(aufnahme.getId()));
    assertThat(sichtbar).containsKeys("vorname", "nachname", "geburtsdatum", "anschrift", "erziehungsberechtigte", "sprachen",
        "schulbesuchsjahre", "schulbeginn");
    assertThat(sichtbar).doesNotContainKeys("beratungsnotiz", "aosfHinweis", "zuweisungsnotiz", "staatsangehoerigkeit", "bemerkung");
    // another school cannot read the variables by asking for them
    assertThatThrownBy(() -> als("fremd", ANDERE_SCHULE, () -> engine.getFormService().getTaskFormVariables(aufnahme.getId())))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

    // bad answers: German errors, nothing changes
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "gsommer", SCHULE, aufnahme.getId(), Map.of("aufnahme", "ANGENOMMEN")))
        .hasMessageContaining("Aufgenommen zum");
    Map<String, Object> fremdesFeld = new HashMap<>(aufnahme(true));
    fremdesFeld.put("empfohleneSchulform", "GYMNASIUM");
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "gsommer", SCHULE, aufnahme.getId(), fremdesFeld))
        .hasMessageContaining("empfohleneSchulform");
    assertThat(task("Task_AufnahmeErfassen", fall)).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "empfohleneSchulform")).isEqualTo("GRUNDSCHULE");

    AlsPerson.erledige(engine, "gsommer", SCHULE, aufnahme.getId(), aufnahme(true));
    // the step is done: the school sees neither the task nor its history, until the first school day is its step
    assertThat(siehtAufgaben(SCHULE, fall)).isZero();
    assertThat(als("gsommer", SCHULE, () -> engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(fall.getId()).count())).isZero();
    assertThat(als("gsommer", SCHULE, () -> engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(fall.getId()).count())).isZero();
  }

  @Test
  void nachDerFristUndDemZugangszeitraumEndetDerZugangDerSchuleDieKiBehaeltDieAufgabe() {
    ProcessInstance fall = fallBeiDerSchule();
    Task aufnahme = task("Task_AufnahmeErfassen", fall);
    engine.getIdentityService().setAuthentication("gsommer", List.of(SCHULE));
    engine.getTaskService().claim(aufnahme.getId(), "gsommer");
    engine.getIdentityService().clearAuthentication();

    // 7 days to answer plus 30 days of access
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(38))));
    var ablauf = engine.getManagementService().createJobQuery().processInstanceId(fall.getId()).timers()
        .activityId("Task_AufnahmeErfassen").singleResult();
    assertThat(ablauf.getDuedate()).isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(36))));
    engine.getManagementService().executeJob(ablauf.getId());

    Task danach = task("Task_AufnahmeErfassen", fall);
    assertThat(danach.getAssignee()).isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(danach.getId())).extracting(l -> l.getGroupId())
        .contains("kiVerwaltung").doesNotContain(SCHULE);
    assertThat(siehtAufgaben(SCHULE, fall)).isZero();
    assertThat(siehtAufgaben("kiVerwaltung", fall)).isOne();
    assertThatThrownBy(() -> als("gsommer", SCHULE, () -> engine.getFormService().getTaskFormVariables(danach.getId())))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    // the clerk records the answer that came by phone
    AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", danach.getId(), aufnahme(true));
    assertThat(task("Task_ZuweisungsschreibenVersenden", fall)).isNotNull();
  }

  @Test
  void nachDerLoeschungDesFallsSiehtDieSchuleNichtsMehr() {
    ProcessInstance fall = fallBeiDerSchule();
    assertThat(siehtAufgaben(SCHULE, fall)).isOne();
    String aufgabe = task("Task_AufnahmeErfassen", fall).getId();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ru_authorization WHERE group_id_ = ? AND resource_id_ = ?",
        Integer.class, SCHULE, aufgabe)).isPositive();
    loeschung.loesche(fall.getBusinessKey(), "admin", "Antrag der Familie");
    assertThat(siehtAufgaben(SCHULE, fall)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ru_authorization WHERE resource_id_ = ?", Integer.class, aufgabe)).isZero();
  }

  @Test
  void kommtDasKindNichtUebernimmtDerSchultraegerDieSchulpflichtueberwachung() throws Exception {
    ProcessInstance fall = fallBeiDerSchule();
    AlsPerson.erledige(engine, "gsommer", SCHULE, task("Task_AufnahmeErfassen", fall).getId(), aufnahme(true));
    erledige(fall, "Task_ZuweisungsschreibenVersenden", zuweisungsschreiben());
    Task ersterTag = task("Task_SchulbesuchBestaetigen", fall);
    assertThat(ersterTag.getDueDate()).isAfter(java.sql.Timestamp.valueOf(LocalDate.now().plusDays(13).atStartOfDay()));
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "gsommer", SCHULE, ersterTag.getId(), Map.of("schulbesuch", "NICHT_BEGONNEN")))
        .hasMessageContaining("Was ist bekannt");
    AlsPerson.erledige(engine, "gsommer", SCHULE, ersterTag.getId(),
        Map.of("schulbesuch", "NICHT_BEGONNEN", "schulbesuchNotiz", "nicht erschienen, Telefon abgemeldet"));

    int vorher = greenMail.getReceivedMessages().length;
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_SchultraegerInformieren");
    MimeMessage mail = greenMail.getReceivedMessages()[vorher];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("schultraeger.arnsberg@example.org");
    assertThat(mail.getSubject()).contains(fall.getBusinessKey()).doesNotContain(MARKER_NAME);
    assertThat(mail.getContent().toString()).doesNotContain(MARKER_NAME).doesNotContain("Musterweg").contains("/camunda/app/tasklist/");

    String traeger = Partnergruppen.gruppe("SCHULTRAEGER_ARNSBERG");
    Task ueberwachen = task("Task_SchulpflichtUeberwachen", fall);
    Map<String, Object> sichtbar = (Map<String, Object>) als("bschmitt", traeger, () -> engine.getFormService().getTaskFormVariables(ueberwachen.getId()));
    assertThat(sichtbar).containsKeys("vorname", "nachname", "anschrift", "erziehungsberechtigte", "schulbesuchNotiz")
        .doesNotContainKeys("sprachen", "deutschniveau", "beratungsnotiz");
    assertThat(siehtAufgaben(Partnergruppen.gruppe("SCHULTRAEGER_SUNDERN"), fall)).isZero();
    AlsPerson.erledige(engine, "bschmitt", traeger, ueberwachen.getId(), Map.of("schulpflichtUebernommen", "UEBERNOMMEN"));
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(fall.getId())
        .activityId("Event_SchulbesuchNichtBegonnen").count()).isOne();
  }

  @Test
  void derSchultraegerNimmtDieZuweisungBisZumErstenSchultagZurKenntnis() throws Exception {
    ProcessInstance fall = fallBeiDerSchule();
    AlsPerson.erledige(engine, "gsommer", SCHULE, task("Task_AufnahmeErfassen", fall).getId(), aufnahme(true));
    erledige(fall, "Task_ZuweisungsschreibenVersenden", zuweisungsschreiben());
    int vorher = greenMail.getReceivedMessages().length;
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_SchultraegerZuweisungMitteilen");
    MimeMessage mail = greenMail.getReceivedMessages()[vorher];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("schultraeger.arnsberg@example.org");
    assertThat(mail.getSubject()).contains(fall.getBusinessKey()).doesNotContain(MARKER_NAME);
    assertThat(mail.getContent().toString()).doesNotContain(MARKER_NAME).contains("/camunda/app/tasklist/")
        .contains("Zuweisung zur Kenntnis nehmen").doesNotContain("wir rufen Sie an");

    // only the Schulträger of the family's town, and not the KI's groups: nobody at the KI has to tick it off
    String traeger = Partnergruppen.gruppe("SCHULTRAEGER_ARNSBERG");
    Task kenntnis = task("Task_ZuweisungZurKenntnis", fall);
    assertThat(engine.getTaskService().getIdentityLinksForTask(kenntnis.getId())).extracting(l -> l.getGroupId())
        .containsExactly(traeger);
    Map<String, Object> sichtbar = (Map<String, Object>) als("bschmitt", traeger, () -> engine.getFormService().getTaskFormVariables(kenntnis.getId()));
    assertThat(sichtbar).containsKeys("vorname", "nachname", "anschrift", "schulbeginn", "zugewieseneSchule")
        .doesNotContainKeys("sprachen", "deutschniveau", "beratungsnotiz", "telefon");
    WebappSitzung schultraeger = new WebappSitzung(port);
    assertThat(schultraeger.anmelden("bschmitt", "Sauerland-2026").statusCode()).isEqualTo(200);
    String pdf = "/ki/seiteneinstieg/zuweisungsschreiben/" + fall.getBusinessKey() + "/pdf";
    assertThat(schultraeger.getBytes(pdf).statusCode()).isEqualTo(200);

    // the school confirms the first day: the Schulträger's copy ends, and with it its access
    AlsPerson.erledige(engine, "gsommer", SCHULE, task("Task_SchulbesuchBestaetigen", fall).getId(),
        Map.of("schulbesuch", "BEGONNEN", "schulbesuchSeit", LocalDate.now().toString()));
    assertThat(task("Task_ZuweisungZurKenntnis", fall)).isNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(fall.getId())
        .activityId("Event_SchulstartGeklaert").count()).isOne();
    assertThat(siehtAufgaben(traeger, fall)).isZero();
    assertThat(schultraeger.getBytes(pdf).statusCode()).isEqualTo(404);
  }

  @Test
  void einSchultraegerOhneKontoErfaehrtDieZuweisungPerMailOhneNamen() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("BRILON", 9));
    erledige(fall, "Task_EinladungVersenden", einladung());
    erledige(fall, "Task_ErstberatungDurchfuehren", erstberatung("GRUNDSCHULE", false));
    erledige(fall, "Task_ZuweisungSchulamt", zuweisung("SCHULE-GR-BRILON-1"));
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_SchuleInformieren");
    erledige(fall, "Task_AufnahmeErfassen", aufnahme(true));
    erledige(fall, "Task_ZuweisungsschreibenVersenden", zuweisungsschreiben());
    int vorher = greenMail.getReceivedMessages().length;
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_SchultraegerZuweisungMitteilen");
    MimeMessage mail = greenMail.getReceivedMessages()[vorher];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("schultraeger.brilon@example.org");
    assertThat(mail.getContent().toString()).doesNotContain(MARKER_NAME).contains("wir rufen Sie an").doesNotContain("/camunda/app/tasklist/");
    assertThat(task("Task_ZuweisungZurKenntnis", fall)).isNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(fall.getId())
        .activityId("Event_SchultraegerPerMailInformiert").count()).isOne();
  }

  @Test
  void sprachmittlungAusDemPoolWirdAngefragtUndMitVerschwiegenheitBestaetigt() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 9));
    Map<String, Object> einladung = new HashMap<>(einladung());
    einladung.putAll(Map.of("sprachmittlungUeber", "POOL", "dolmetscherSprache", "Tigrinya",
        "terminOrt", "VOR_ORT_KOMMUNE", "terminOrtAdresse", "Bürgerbüro Neheim, Marktplatz 1, 59755 Arnsberg"));
    // an on-site appointment needs its address (review S12)
    Map<String, Object> ohneAdresse = new HashMap<>(einladung);
    ohneAdresse.remove("terminOrtAdresse");
    Task einladen = task("Task_EinladungVersenden", fall);
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", einladen.getId(), ohneAdresse))
        .hasMessageContaining("Anschrift vor Ort");
    AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", einladen.getId(), einladung);
    assertThat(task("Task_ErstberatungDurchfuehren", fall)).isNotNull();

    int vorher = greenMail.getReceivedMessages().length;
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_SprachmittlungAnfragen");
    MimeMessage mail = greenMail.getReceivedMessages()[vorher];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("sprachmittlung@example.org");
    assertThat(mail.getSubject()).contains(fall.getBusinessKey()).doesNotContain(MARKER_NAME);
    assertThat(mail.getContent().toString()).contains("Tigrinya").contains("Bürgerbüro Neheim, Marktplatz 1")
        .contains(LocalDate.now().plusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))).contains("10:30")
        .doesNotContain(MARKER_NAME).doesNotContain("Amina");

    Task bestaetigen = task("Task_SprachmittlungBestaetigen", fall);
    assertThat(bestaetigen.getDueDate()).isBefore(java.sql.Timestamp.valueOf(LocalDate.now().plusDays(3).atStartOfDay()));
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", bestaetigen.getId(),
        Map.of("sprachmittlungErgebnis", "ZUGESAGT", "sprachmittlerName", "Herr Tesfaye"))).hasMessageContaining("Verschwiegenheitserklärung");
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", bestaetigen.getId(),
        Map.of("sprachmittlungErgebnis", "ZUGESAGT", "sprachmittlerName", "Herr Tesfaye", "verschwiegenheitErklaert", "JA",
            "sprachmittlungKosten", "25.5"))).hasMessageContaining("z. B. 25,00");
    AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", bestaetigen.getId(), Map.of("sprachmittlungErgebnis", "ZUGESAGT",
        "sprachmittlerName", "Herr Tesfaye", "verschwiegenheitErklaert", "JA", "sprachmittlungKosten", "25,00"));
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "sprachmittlungKosten")).isEqualTo("25,00");
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(fall).hasPassed("Event_SprachmittlungGeklaert")
        .isWaitingAt("Task_ErstberatungDurchfuehren");
  }

  @Test
  void anderweitigGebuchteSprachmittlungFragtDenPoolNicht() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 9));
    erledige(fall, "Task_EinladungVersenden", einladung());
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(fall).hasPassed("Event_OhneSprachmittlungAusDemPool")
        .hasNotPassed("Task_SprachmittlungAnfragen").isWaitingAt("Task_ErstberatungDurchfuehren");
  }

  @Test
  void eineFamilieDieZweimalNichtErscheintKommtZurSchulpflichtueberwachungDesSchultraegers() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 9));
    erledige(fall, "Task_EinladungVersenden", einladung());
    // a no-show records only that: the counselling fields are not required then, the note is (review S5)
    Task erste = task("Task_ErstberatungDurchfuehren", fall);
    // not before the appointment's day
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte", erste.getId(),
        Map.of("erstberatungErgebnis", "NICHT_ERSCHIENEN", "nichtErschienenNotiz", "x"))).hasMessageContaining("liegt noch in der Zukunft");
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(LocalDate.now().plusDays(4).atTime(9, 0)));
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte", erste.getId(),
        Map.of("erstberatungErgebnis", "NICHT_ERSCHIENEN"))).hasMessageContaining("Was ist bekannt");
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte", erste.getId(),
        Map.of("erstberatungErgebnis", "ERSCHIENEN"))).hasMessageContaining("Schulbesuchsjahre");
    AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte", erste.getId(),
        Map.of("erstberatungErgebnis", "NICHT_ERSCHIENEN", "nichtErschienenNotiz", "nicht abgesagt, Telefon aus"));

    // back to the invitation, the attempt in the case's read-only history, the next forms start empty
    Task zweiteEinladung = task("Task_EinladungVersenden", fall);
    assertThat(zweiteEinladung).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "kontaktversuche")).isEqualTo(1L);
    assertThat((String) engine.getRuntimeService().getVariable(fall.getId(), "bisherigeKontaktversuche"))
        .contains("1. Versuch am").contains("zum Termin am").contains("nicht erschienen").contains("Telefon aus");
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "erstberatungErgebnis")).isNull();
    // the interpreter chosen for the first appointment is offered again, the appointment itself not
    assertThat(engine.getTaskService().getVariable(zweiteEinladung.getId(), "dolmetscherSprache")).isEqualTo("Arabisch");
    assertThat(engine.getTaskService().getVariable(zweiteEinladung.getId(), "sprachmittlungUeber")).isEqualTo("EXTERN");
    assertThat(engine.getTaskService().getVariable(zweiteEinladung.getId(), "terminUhrzeit")).isNull();
    Map<String, Object> zweiterTermin = new HashMap<>(einladung());
    zweiterTermin.put("terminDatum", LocalDate.now().plusDays(6).toString());
    erledige(fall, "Task_EinladungVersenden", zweiterTermin);
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(LocalDate.now().plusDays(7).atTime(9, 0)));
    AlsPerson.erledige(engine, "tbecker", "kiLehrkraefte", task("Task_ErstberatungDurchfuehren", fall).getId(),
        Map.of("erstberatungErgebnis", "NICHT_ERSCHIENEN", "nichtErschienenNotiz", "wieder nicht gekommen"));

    Task abschluss = task("Task_FallOhneErstberatungAbschliessen", fall);
    AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", abschluss.getId(), Map.of("abschlussgrund", "NICHT_ERSCHIENEN",
        "abschlussnotiz", "Nachbarn: Familie zu Verwandten nach Sundern"));
    int vorher = greenMail.getReceivedMessages().length;
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_SchultraegerOhneErstberatungInformieren");
    MimeMessage mail = greenMail.getReceivedMessages()[vorher];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("schultraeger.arnsberg@example.org");
    assertThat(mail.getSubject()).contains(fall.getBusinessKey()).contains("keine Erstberatung").doesNotContain(MARKER_NAME);
    assertThat(mail.getContent().toString()).doesNotContain(MARKER_NAME).doesNotContain("Musterweg").contains("/camunda/app/tasklist/");

    // the Schulträger of the family's town sees who and what was tried, nothing of a counselling
    String traeger = Partnergruppen.gruppe("SCHULTRAEGER_ARNSBERG");
    Task ueberwachen = task("Task_SchulpflichtUeberwachen", fall);
    Map<String, Object> sichtbar = (Map<String, Object>) als("bschmitt", traeger, () -> engine.getFormService().getTaskFormVariables(ueberwachen.getId()));
    assertThat(sichtbar.get("abschlussnotiz")).asString().contains("Verwandten nach Sundern");
    assertThat(sichtbar).containsKeys("vorname", "nachname", "anschrift", "erziehungsberechtigte", "bisherigeKontaktversuche", "abschlussgrund")
        .doesNotContainKeys("sprachen", "deutschniveau", "beratungsnotiz");
    assertThat(siehtAufgaben(Partnergruppen.gruppe("SCHULTRAEGER_SUNDERN"), fall)).isZero();
    AlsPerson.erledige(engine, "bschmitt", traeger, ueberwachen.getId(), Map.of("schulpflichtUebernommen", "UEBERNOMMEN"));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(fall).isEnded()
        .hasPassed("Event_SchulbesuchNichtBegonnen").hasNotPassed("Gateway_GesundheitsamtErforderlich", "Event_FallOhneErstberatungGeschlossen");
  }

  @Test
  void wegzugOhneErstberatungSchliesstOhneSchultraeger() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 9));
    for (int versuch = 0; versuch < 2; versuch++) {
      erledige(fall, "Task_EinladungVersenden", Map.of("einladungsergebnis", "NICHT_ERREICHBAR", "kontaktnotiz", "Brief zurück"));
    }
    AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", task("Task_FallOhneErstberatungAbschliessen", fall).getId(),
        Map.of("abschlussgrund", "VERZOGEN", "abschlussnotiz", "nach Dortmund verzogen"));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(fall).isEnded()
        .hasPassed("Event_FallOhneErstberatungGeschlossen").hasNotPassed("Task_SchultraegerOhneErstberatungInformieren");
  }

  @Test
  void dasGesundheitsamtSiehtWasEsFuerDieEinladungBrauchtUndTraegtDieTeilnahmeEin() {
    ProcessInstance fall = fallBeiDerSchule();
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_GesundheitsamtBenachrichtigen");
    Task untersuchung = task("Task_UntersuchungErfassen", fall);
    String amt = Partnergruppen.gruppe("GESUNDHEITSAMT");
    Map<String, Object> sichtbar = (Map<String, Object>) als("lwagner", amt, () -> engine.getFormService().getTaskFormVariables(untersuchung.getId()));
    assertThat(sichtbar).containsKeys("vorname", "nachname", "geburtsdatum", "anschrift", "erziehungsberechtigte", "bevorzugteSprache", "dolmetscherBenoetigt")
        .doesNotContainKeys("deutschniveau", "beratungsnotiz", "empfohleneSchulform", "sprachen");
    assertThat(siehtAufgaben(amt, fall)).isOne();
    AlsPerson.erledige(engine, "lwagner", amt, untersuchung.getId(), Map.of("untersuchungsstand", "ERFOLGT", "untersuchungAm", LocalDate.now().toString()));
    assertThat(siehtAufgaben(amt, fall)).isZero();
  }

  @Test
  void derBeratungsbogenOeffnetSichNurImOffenenSchrittMitPersonNurFuerDieSchuleUndJedesOeffnenStehtImProtokoll() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 9));
    erledige(fall, "Task_EinladungVersenden", einladung());
    erledige(fall, "Task_ErstberatungDurchfuehren", erstberatung("GRUNDSCHULE", false));
    String pfad = "/ki/seiteneinstieg/beratungsbogen/" + fall.getBusinessKey();

    // the supervision's version: no name, no address
    HttpResponse<byte[]> aufsicht = angemeldet("jklein").getBytes(pfad);
    assertThat(aufsicht.statusCode()).isEqualTo(200);
    assertThat(aufsicht.headers().firstValue("Content-Type")).hasValue("application/pdf");
    String ohnePerson = text(aufsicht.body());
    assertThat(ohnePerson).contains("Beratungsbogen").contains(fall.getBusinessKey()).contains("Arabisch, Englisch").contains("Grundschule")
        .doesNotContain(MARKER_NAME).doesNotContain("Musterweg");
    // the school has no task yet
    assertThat(angemeldet("gsommer").getBytes(pfad).statusCode()).isEqualTo(404);

    erledige(fall, "Task_ZuweisungSchulamt", zuweisung("SCHULE-GR-ARNSBERG-1"));
    Fristablauf.fuehreAus(engine, fall.getId(), "Task_SchuleInformieren");
    HttpResponse<byte[]> schule = angemeldet("gsommer").getBytes(pfad);
    assertThat(schule.statusCode()).isEqualTo(200);
    // kept beside the browser tests' screenshots, for a look at the layout
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
    java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/beratungsbogen-schule.pdf"), schule.body());
    assertThat(text(schule.body())).contains("Amina " + MARKER_NAME).contains("Musterweg 3").contains("Rana " + MARKER_NAME)
        .contains("Grundschule Arnsberg 1 (Demo)");
    // the Schulamt's step is over; the health office and the teacher have no step that needs it
    assertThat(angemeldet("jklein").getBytes(pfad).statusCode()).isEqualTo(404);
    assertThat(angemeldet("lwagner").getBytes(pfad).statusCode()).isEqualTo(404);
    assertThat(angemeldet("tbecker").getBytes(pfad).statusCode()).isEqualTo(404);
    assertThat(jdbc.queryForList("SELECT benutzer || ':' || ressource FROM ki_zugriffsprotokoll WHERE aktenzeichen = ? ORDER BY zeitpunkt",
        String.class, fall.getBusinessKey())).contains("jklein:Beratungsbogen ohne Person (PDF)", "gsommer:Beratungsbogen (PDF)");
  }

  @Test
  void dieSchuleErhaeltDasZuweisungsschreibenAlsPdfUnterschriebenVonDerSachbearbeitung() throws Exception {
    ProcessInstance fall = fallBeiDerSchule();
    AlsPerson.erledige(engine, "gsommer", SCHULE, task("Task_AufnahmeErfassen", fall).getId(), aufnahme(true));
    String pfad = "/ki/seiteneinstieg/zuweisungsschreiben/" + fall.getBusinessKey() + "/pdf";
    // before it is sent: the clerk's PDF; the school has no step yet
    HttpResponse<byte[]> entwurf = angemeldet("pschneider").getBytes(pfad);
    assertThat(entwurf.statusCode()).isEqualTo(200);
    assertThat(text(entwurf.body())).contains("Zuweisung eines Schulplatzes").contains("Amina " + MARKER_NAME)
        .contains("Grundschule Arnsberg 1 (Demo)").contains("Petra Schneider");
    assertThat(angemeldet("gsommer").getBytes(pfad).statusCode()).isEqualTo(404);

    Task versenden = task("Task_ZuweisungsschreibenVersenden", fall);
    engine.getIdentityService().setAuthentication("pschneider", List.of("kiVerwaltung"));
    engine.getTaskService().claim(versenden.getId(), "pschneider");
    engine.getIdentityService().clearAuthentication();
    AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", versenden.getId(), zuweisungsschreiben());
    HttpResponse<byte[]> kopie = angemeldet("gsommer").getBytes(pfad);
    assertThat(kopie.statusCode()).isEqualTo(200);
    assertThat(kopie.headers().firstValue("Content-Type")).hasValue("application/pdf");
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
    java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/zuweisungsschreiben-kopie-schule.pdf"), kopie.body());
    assertThat(text(kopie.body())).contains("Amina " + MARKER_NAME).contains("Petra Schneider").doesNotContain("Gabriele Sommer");
    assertThat(angemeldet("jklein").getBytes(pfad).statusCode()).isEqualTo(404);
    assertThat(jdbc.queryForList("SELECT benutzer FROM ki_zugriffsprotokoll WHERE aktenzeichen = ? AND ressource = 'Zuweisungsschreiben'",
        String.class, fall.getBusinessKey())).contains("pschneider", "gsommer");
  }

  private WebappSitzung angemeldet(String benutzer) throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    HttpResponse<String> login = sitzung.anmelden(benutzer, "Sauerland-2026");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return sitzung;
  }

  /** The PDF's text, as a reader would copy it out. */
  static String text(byte[] pdf) throws Exception {
    try (var leser = new com.lowagie.text.pdf.PdfReader(pdf)) {
      var extraktor = new com.lowagie.text.pdf.parser.PdfTextExtractor(leser);
      StringBuilder text = new StringBuilder();
      for (int seite = 1; seite <= leser.getNumberOfPages(); seite++) {
        text.append(extraktor.getTextFromPage(seite)).append('\n');
      }
      return text.toString();
    }
  }
}
