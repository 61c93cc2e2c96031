package de.hsk.ki.prozesse.foerderung;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.testkit.AlsPerson;
import de.hsk.ki.testkit.Fristablauf;
import de.hsk.ki.testkit.Rest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The funding year (processes/foerderung/programmjahr.bpmn) on the real wiring, on the project's
 * clock set to the first working day of 2027. Programme SONSTIGES, so the years other tests start
 * do not collide with the key FP-SONSTIGES-2027; each test removes its year.
 */
@KiSpringTest
class FoerderprogrammjahrTest {

  static final String PROGRAMM = "SONSTIGES";
  static final long JAHR = 2027;
  static final String AKTENZEICHEN = "FP-SONSTIGES-2027";
  static final LocalDate HEUTE = LocalDate.of(2027, 1, 4);
  static final LocalDate LANDESFRIST = LocalDate.of(2027, 2, 15);
  static final LocalDate LOKALE_FRIST = LocalDate.of(2027, 3, 31);
  /** Member of funding and coordination: the one who could sign what she prepared, were it not refused. */
  static final String BEIDE = "bfoerdleit";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ProgrammjahrFristen fristen;

  @BeforeEach
  void uhrUndPerson() {
    ClockUtil.setCurrentTime(Date.from(HEUTE.atTime(8, 0).atZone(Zeit.ZONE).toInstant()));
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(BEIDE).count() == 0) {
      var u = identity.newUser(BEIDE);
      u.setFirstName("Birgit");
      u.setLastName("Förder-Leitung");
      u.setPassword(Rest.DEMO_PASSWORT);
      identity.saveUser(u);
      identity.createMembership(BEIDE, KiGruppen.FOERDERUNG);
      identity.createMembership(BEIDE, KiGruppen.LEITUNG);
    }
  }

  @AfterEach
  void aufraeumen() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Foerderung.PROGRAMMJAHR).list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "Test"));
  }

  Map<String, Object> anlage() {
    Map<String, Object> v = new HashMap<>();
    v.put(Foerderung.PROGRAMM.name(), PROGRAMM);
    v.put(Foerderung.FOERDERJAHR.name(), JAHR);
    v.put(Foerderung.LANDESANTRAGSFRIST.name(), LANDESFRIST.toString());
    v.put(Foerderung.LOKALE_ANTRAGSFRIST.name(), LOKALE_FRIST.toString());
    v.put(Foerderung.BEANTRAGTES_BUDGET.name(), "50.000,00");
    return v;
  }

  ProcessInstance anlegen(String benutzer) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(Foerderung.PROGRAMMJAHR)
        .latestVersion().singleResult().getId();
    engine.getIdentityService().setAuthentication(benutzer, List.of(KiGruppen.FOERDERUNG));
    try {
      return engine.getFormService().submitStartForm(definition, anlage());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  String lokal(Task aufgabe, de.hsk.ki.plattform.prozess.Variable<?> variable) {
    return (String) engine.getTaskService().getVariableLocal(aufgabe.getId(), variable.name());
  }

  Task aufgabe(ProcessInstance fall, Foerderung.Element element) {
    return engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey(element.name()).singleResult();
  }

  /** Claims and completes as Tasklist does: the person takes the task, then submits its form. */
  void erledige(ProcessInstance fall, Foerderung.Element element, String benutzer, String gruppe, Map<String, Object> werte) {
    Task t = aufgabe(fall, element);
    assertThat(t).as(element.name()).isNotNull();
    engine.getTaskService().claim(t.getId(), benutzer);
    AlsPerson.erledige(engine, benutzer, gruppe, t.getId(), werte);
  }

  static Map<String, Object> gezeichnet(String datumFeld) {
    Map<String, Object> v = new HashMap<>();
    v.put(Foerderung.ZEICHNUNG.name(), "GEZEICHNET");
    v.put(Foerderung.ZEICHNUNG_NICHT_BEFANGEN.name(), true);
    if (datumFeld != null) {
      v.put(datumFeld, HEUTE.toString());
    }
    return v;
  }

  void landesantragGezeichnet(ProcessInstance fall) {
    erledige(fall, Foerderung.Element.Task_LandesantragVorbereiten, "fyilmaz", KiGruppen.FOERDERUNG,
        Map.of(Foerderung.LANDESANTRAG_HINWEIS.name(), "Antrag mit Finanzplan"));
    erledige(fall, Foerderung.Element.Task_LandesantragZeichnen, "mhoffmann", KiGruppen.LEITUNG,
        gezeichnet(Foerderung.LANDESANTRAG_EINGEREICHT_AM.name()));
  }

  void bescheid(ProcessInstance fall, String betrag) {
    erledige(fall, Foerderung.Element.Task_ZuwendungsbescheidErfassen, "fyilmaz", KiGruppen.FOERDERUNG, Map.of(
        Foerderung.LANDESBETRAG.name(), betrag,
        Foerderung.LANDES_BEWILLIGUNG_VON.name(), "2027-04-01",
        Foerderung.LANDES_BEWILLIGUNG_BIS.name(), "2027-12-31",
        Foerderung.VN_FRIST_LAND.name(), "2028-03-31"));
  }

  @Test
  void anlegenGibtDasAktenzeichenDesJahresUndLehntEinZweitesAb() {
    // when
    ProcessInstance fall = anlegen("fyilmaz");

    // then
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(fall.getId()).singleResult().getBusinessKey())
        .isEqualTo(AKTENZEICHEN);
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), Foerderung.AKTENZEICHEN.name())).isEqualTo(AKTENZEICHEN);
    Task vorbereiten = aufgabe(fall, Foerderung.Element.Task_LandesantragVorbereiten);
    assertThat(vorbereiten).isNotNull();
    // what its form shows: the state's deadline and the budget the German way, not the stored values
    assertThat(lokal(vorbereiten, Foerderung.LANDESANTRAGSFRIST_TEXT)).isEqualTo("15.02.2027");
    assertThat(lokal(vorbereiten, Foerderung.BEANTRAGTES_BUDGET_TEXT)).isEqualTo("50.000,00 €");
    // the quota distribution is not implemented: the start form no longer offers it
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "verteilungNachKommunen")).isNull();
    assertThatThrownBy(() -> anlegen("mhoffmann")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Das Programmjahr Sonstiges 2027 ist bereits angelegt (FP-SONSTIGES-2027)");
  }

  @Test
  void landesantragIstVorDerLandesfristFaelligUndDanachUeberfaellig() {
    // given
    ProcessInstance fall = anlegen("fyilmaz");
    Task vorbereiten = aufgabe(fall, Foerderung.Element.Task_LandesantragVorbereiten);
    LocalDate faellig = LANDESFRIST.minus(Period.parse(fristen.getLandesantragVorlauf()));

    // then: due at the end of the day the setting before the state's deadline
    assertThat(vorbereiten.getDueDate()).isEqualTo(Zeit.tagesende(faellig));
    // in time: not overdue on its own day
    ClockUtil.setCurrentTime(Date.from(faellig.atTime(12, 0).atZone(Zeit.ZONE).toInstant()));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).dueBefore(ClockUtil.getCurrentTime()).count())
        .isZero();
    // late (and never done): overdue the next day, and the signature is due on the state's deadline day
    ClockUtil.setCurrentTime(Date.from(faellig.plusDays(1).atTime(8, 0).atZone(Zeit.ZONE).toInstant()));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).dueBefore(ClockUtil.getCurrentTime()).count())
        .isOne();
    landesantragVorbereitetVon(fall, "fyilmaz");
    assertThat(aufgabe(fall, Foerderung.Element.Task_LandesantragZeichnen).getDueDate()).isEqualTo(Zeit.tagesende(LANDESFRIST));
  }

  void landesantragVorbereitetVon(ProcessInstance fall, String benutzer) {
    erledige(fall, Foerderung.Element.Task_LandesantragVorbereiten, benutzer, KiGruppen.FOERDERUNG,
        Map.of(Foerderung.LANDESANTRAG_HINWEIS.name(), "Antrag mit Finanzplan"));
  }

  @Test
  void werDenLandesantragVorbereitetHatZeichnetIhnNichtUeberDieJavaApi() {
    // given
    ProcessInstance fall = anlegen(BEIDE);
    landesantragVorbereitetVon(fall, BEIDE);
    Task zeichnen = aufgabe(fall, Foerderung.Element.Task_LandesantragZeichnen);
    // the form names who prepared it by name; the id stays for the four-eyes rule
    assertThat(lokal(zeichnen, Foerderung.VORSCHLAG_VON_NAME)).isEqualTo("Birgit Förder-Leitung");
    assertThat(engine.getTaskService().getVariable(zeichnen.getId(), Foerderung.VORSCHLAG_VON.name())).isEqualTo(BEIDE);

    // when / then: neither taking it nor completing it as the signed-in preparer
    assertThatThrownBy(() -> engine.getTaskService().claim(zeichnen.getId(), BEIDE)).hasMessageContaining("Vier-Augen-Prinzip");
    engine.getIdentityService().setAuthentication(BEIDE, List.of(KiGruppen.FOERDERUNG, KiGruppen.LEITUNG));
    assertThatThrownBy(() -> engine.getTaskService().complete(zeichnen.getId(), gezeichnet(Foerderung.LANDESANTRAG_EINGEREICHT_AM.name())))
        .hasMessageContaining("Vier-Augen-Prinzip");
    engine.getIdentityService().clearAuthentication();
    assertThat(aufgabe(fall, Foerderung.Element.Task_LandesantragZeichnen)).isNotNull();
  }

  @Test
  void werDenLandesantragVorbereitetHatZeichnetIhnNichtUeberRest() throws Exception {
    // given
    ProcessInstance fall = anlegen(BEIDE);
    landesantragVorbereitetVon(fall, BEIDE);
    Task zeichnen = aufgabe(fall, Foerderung.Element.Task_LandesantragZeichnen);
    Rest rest = Rest.als(port, BEIDE);

    // when
    HttpResponse<String> uebernehmen = rest.post("/task/" + zeichnen.getId() + "/claim", Map.of("userId", BEIDE));
    HttpResponse<String> abschliessen = rest.post("/task/" + zeichnen.getId() + "/complete",
        Rest.formular(gezeichnet(Foerderung.LANDESANTRAG_EINGEREICHT_AM.name())));

    // then: refused in German, the task stays
    assertThat(uebernehmen.statusCode()).as(uebernehmen.body()).isEqualTo(400);
    assertThat(uebernehmen.body()).contains("Vier-Augen-Prinzip");
    assertThat(abschliessen.statusCode()).as(abschliessen.body()).isEqualTo(400);
    assertThat(abschliessen.body()).contains("Vier-Augen-Prinzip");
    assertThat(aufgabe(fall, Foerderung.Element.Task_LandesantragZeichnen)).isNotNull();
    // a second person signs
    erledige(fall, Foerderung.Element.Task_LandesantragZeichnen, "mhoffmann", KiGruppen.LEITUNG,
        gezeichnet(Foerderung.LANDESANTRAG_EINGEREICHT_AM.name()));
    assertThat(aufgabe(fall, Foerderung.Element.Task_ZuwendungsbescheidErfassen)).isNotNull();
  }

  @Test
  void zurueckZurUeberarbeitungFuehrtZumVorbereitenZurueck() {
    // given
    ProcessInstance fall = anlegen("fyilmaz");
    landesantragVorbereitetVon(fall, "fyilmaz");

    // when
    erledige(fall, Foerderung.Element.Task_LandesantragZeichnen, "mhoffmann", KiGruppen.LEITUNG, Map.of(
        Foerderung.ZEICHNUNG.name(), "ZURUECK", Foerderung.ZEICHNUNG_HINWEIS.name(), "Finanzplan fehlt",
        Foerderung.ZEICHNUNG_NICHT_BEFANGEN.name(), true));

    // then: a fresh preparation, the next signature starts with an empty decision
    assertThat(aufgabe(fall, Foerderung.Element.Task_LandesantragVorbereiten)).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), Foerderung.ZEICHNUNG_HINWEIS.name())).isEqualTo("Finanzplan fehlt");
    landesantragVorbereitetVon(fall, "fyilmaz");
    Task zweite = aufgabe(fall, Foerderung.Element.Task_LandesantragZeichnen);
    assertThat(engine.getTaskService().getVariable(zweite.getId(), Foerderung.ZEICHNUNG.name())).isNull();
  }

  @Test
  void einGekuerzterBescheidVerlangtEinAngepasstesBudget() {
    // given
    ProcessInstance fall = anlegen("fyilmaz");
    landesantragGezeichnet(fall);

    // when
    bescheid(fall, "40.000,00");

    // then
    Task budget = aufgabe(fall, Foerderung.Element.Task_BudgetAnpassen);
    assertThat(budget).isNotNull();
    assertThat(lokal(budget, Foerderung.LANDESBETRAG_TEXT)).isEqualTo("40.000,00 €");
    assertThat(lokal(budget, Foerderung.BEANTRAGTES_BUDGET_TEXT)).isEqualTo("50.000,00 €");
    erledige(fall, Foerderung.Element.Task_BudgetAnpassen, "fyilmaz", KiGruppen.FOERDERUNG,
        Map.of(Foerderung.BUDGET.name(), "40.000,00", Foerderung.BUDGET_HINWEIS.name(), "Kürzung des Landes"));
    assertThat(aufgabe(fall, Foerderung.Element.Task_BudgetAnpassen)).isNull();
  }

  @Test
  void derVolleBescheidBrauchtKeineAnpassung() {
    ProcessInstance fall = anlegen("fyilmaz");
    landesantragGezeichnet(fall);

    bescheid(fall, "50.000,00");

    assertThat(aufgabe(fall, Foerderung.Element.Task_BudgetAnpassen)).isNull();
  }

  @Test
  void vomAufrufBisZurPruefmitteilung() {
    // given: signed; the call goes out before the state decided
    ProcessInstance fall = anlegen("fyilmaz");
    landesantragGezeichnet(fall);
    Task aufruf = aufgabe(fall, Foerderung.Element.Task_FoerderaufrufVersenden);
    assertThat(aufruf.getDueDate()).isEqualTo(Zeit.tagesende(LOKALE_FRIST.minus(Period.parse(fristen.getAufrufVorlauf()))));
    assertThat((String) engine.getTaskService().getVariableLocal(aufruf.getId(), Foerderung.AUFRUFTEXT.name()))
        .contains("Vorbehaltlich der Landesbewilligung").contains("bis zum 31.03.2027")
        // plain text for the e-mail: no Markdown markers
        .startsWith("Förderaufruf Sonstiges 2027\n\n").doesNotContain("*").doesNotContain("_");
    assertThat(lokal(aufgabe(fall, Foerderung.Element.Task_ZuwendungsbescheidErfassen), Foerderung.BEANTRAGTES_BUDGET_TEXT))
        .isEqualTo("50.000,00 €");
    erledige(fall, Foerderung.Element.Task_FoerderaufrufVersenden, "fyilmaz", KiGruppen.FOERDERUNG,
        Map.of(Foerderung.AUFRUF_VERSANDT_AM.name(), HEUTE.toString()));
    bescheid(fall, "50.000,00");

    // the local deadline: applications of that day still count, the distribution starts the morning after
    Job frist = Fristablauf.job(engine, fall.getId(), Foerderung.Element.Event_LokaleAntragsfrist.name());
    assertThat(frist.getDuedate()).isEqualTo(Zeit.morgens(LOKALE_FRIST.plusDays(1)));
    assertThat(aufgabe(fall, Foerderung.Element.Task_Verteilungsvorschlag)).isNull();
    ClockUtil.setCurrentTime(frist.getDuedate());
    engine.getManagementService().executeJob(frist.getId());
    Task vorschlag = aufgabe(fall, Foerderung.Element.Task_Verteilungsvorschlag);
    assertThat((String) engine.getTaskService().getVariableLocal(vorschlag.getId(), Foerderung.VERTEILUNGSUEBERSICHT.name()))
        .contains("Budget 50.000,00 €");
    erledige(fall, Foerderung.Element.Task_Verteilungsvorschlag, "fyilmaz", KiGruppen.FOERDERUNG,
        Map.of(Foerderung.VERTEILUNGSVORSCHLAG.name(), "Alle Anträge voll"));
    // four eyes here too: the proposer may not decide
    Task beschluss = aufgabe(fall, Foerderung.Element.Task_VerteilungBeschliessen);
    assertThat(lokal(beschluss, Foerderung.VORSCHLAG_VON_NAME)).isEqualTo("Fatma Yilmaz");
    assertThatThrownBy(() -> engine.getTaskService().claim(beschluss.getId(), "fyilmaz")).isInstanceOf(ProcessEngineException.class);
    erledige(fall, Foerderung.Element.Task_VerteilungBeschliessen, "mhoffmann", KiGruppen.LEITUNG, gezeichnet(null));

    // implementation period: a call-off on the first of each month, from the month after the grant starts
    Job zyklus = Fristablauf.job(engine, fall.getId(), Foerderung.Element.Event_MonatlicherMittelabruf.name());
    assertThat(zyklus.getDuedate()).isEqualTo(Date.from(ZonedDateTime.of(2027, 5, 1, 8, 0, 0, 0, Zeit.ZONE).toInstant()));
    ClockUtil.setCurrentTime(zyklus.getDuedate());
    engine.getManagementService().executeJob(zyklus.getId());
    Task abruf = aufgabe(fall, Foerderung.Element.Task_MittelabrufBeimLand);
    assertThat((String) engine.getTaskService().getVariableLocal(abruf.getId(), Foerderung.ABRUFUEBERSICHT.name()))
        .contains("keine Auszahlungen angeordnet");
    erledige(fall, Foerderung.Element.Task_MittelabrufBeimLand, "fyilmaz", KiGruppen.FOERDERUNG,
        Map.of(Foerderung.ABRUFBETRAG.name(), "0"));
    Job naechster = Fristablauf.job(engine, fall.getId(), Foerderung.Element.Event_MonatlicherMittelabruf.name());
    assertThat(naechster.getDuedate()).isEqualTo(Date.from(ZonedDateTime.of(2027, 6, 1, 8, 0, 0, 0, Zeit.ZONE).toInstant()));

    // the end of the implementation period ends the monthly call-offs
    Job ende = Fristablauf.job(engine, fall.getId(), Foerderung.Element.Event_DurchfuehrungEndet.name());
    assertThat(ende.getDuedate()).isEqualTo(Zeit.morgens(LocalDate.of(2028, 1, 1)));
    ClockUtil.setCurrentTime(ende.getDuedate());
    engine.getManagementService().executeJob(ende.getId());
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(fall.getId())
        .activityId(Foerderung.Element.Event_MonatlicherMittelabruf.name()).count()).isZero();

    // collective proof of use, signed by another person, then the state's review without repayment
    Task nachweis = aufgabe(fall, Foerderung.Element.Task_SammelnachweisErstellen);
    assertThat(nachweis.getDueDate()).isEqualTo(Zeit.tagesende(LocalDate.of(2028, 3, 31)
        .minus(Period.parse(fristen.getSammelnachweisVorlauf()))));
    assertThat((String) engine.getTaskService().getVariableLocal(nachweis.getId(), Foerderung.NACHWEISUEBERSICHT.name()))
        .contains("Landesmittel: 50.000,00 €");
    erledige(fall, Foerderung.Element.Task_SammelnachweisErstellen, "fyilmaz", KiGruppen.FOERDERUNG,
        Map.of(Foerderung.SACHBERICHT.name(), "Sachbericht 2027"));
    assertThat(lokal(aufgabe(fall, Foerderung.Element.Task_SammelnachweisZeichnen), Foerderung.VORSCHLAG_VON_NAME))
        .isEqualTo("Fatma Yilmaz");
    erledige(fall, Foerderung.Element.Task_SammelnachweisZeichnen, "mhoffmann", KiGruppen.LEITUNG,
        gezeichnet(Foerderung.VN_EINGEREICHT_AM.name()));
    erledige(fall, Foerderung.Element.Task_PruefmitteilungErfassen, "fyilmaz", KiGruppen.FOERDERUNG, Map.of(
        Foerderung.PRUEFMITTEILUNG_AM.name(), Zeit.heute().toString(), Foerderung.RUECKZAHLUNG_LAND.name(), false));

    // then
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(fall.getId()).singleResult()
        .getEndActivityId()).isEqualTo(Foerderung.Element.Event_ProgrammjahrAbgeschlossen.name());
  }

  @Test
  void dieRueckzahlungZeigtDenBetragInEuroUndEinKontoOhneNamenMitSeinerKennung() {
    // given: prepared by an account without first and last name
    var identity = engine.getIdentityService();
    var ohneName = identity.newUser("fpohnename");
    ohneName.setPassword(Rest.DEMO_PASSWORT);
    identity.saveUser(ohneName);
    identity.createMembership("fpohnename", KiGruppen.FOERDERUNG);
    ProcessInstance fall = anlegen("fyilmaz");
    try {
      landesantragVorbereitetVon(fall, "fpohnename");
    } finally {
      identity.deleteUser("fpohnename");
    }
    assertThat(lokal(aufgabe(fall, Foerderung.Element.Task_LandesantragZeichnen), Foerderung.VORSCHLAG_VON_NAME))
        .isEqualTo("fpohnename");
    erledige(fall, Foerderung.Element.Task_LandesantragZeichnen, "mhoffmann", KiGruppen.LEITUNG,
        gezeichnet(Foerderung.LANDESANTRAG_EINGEREICHT_AM.name()));

    // when: the state demands a repayment (the steps before it moved on directly)
    Task aufruf = aufgabe(fall, Foerderung.Element.Task_FoerderaufrufVersenden);
    assertThat(aufruf).isNotNull();
    engine.getRuntimeService().createProcessInstanceModification(fall.getId())
        .startBeforeActivity(Foerderung.Element.Task_RueckzahlungAnweisen.name())
        .setVariable(Foerderung.RUECKZAHLUNGSBETRAG_LAND.name(), "1234,5")
        .cancelAllForActivity(Foerderung.Element.Task_FoerderaufrufVersenden.name())
        .cancelAllForActivity(Foerderung.Element.Task_ZuwendungsbescheidErfassen.name())
        .execute();

    // then
    assertThat(lokal(aufgabe(fall, Foerderung.Element.Task_RueckzahlungAnweisen), Foerderung.RUECKZAHLUNGSBETRAG_LAND_TEXT))
        .isEqualTo("1.234,50 €");
  }
}
