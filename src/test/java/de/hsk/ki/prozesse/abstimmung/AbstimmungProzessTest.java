package de.hsk.ki.prozesse.abstimmung;

import static de.hsk.ki.prozesse.abstimmung.Abstimmung.Element.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.datenschutz.FallLoeschung;
import de.hsk.ki.testkit.Einwilligungsantwort;
import de.hsk.ki.testkit.Datenbanksuche;
import de.hsk.ki.testkit.Testpostfach;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of the coordination process on the real wiring, with a real SMTP server. */
@KiSpringTest
class AbstimmungProzessTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final List<String> VIER_STELLEN = List.of("SCHULAMT", "BEZIRKSREGIERUNG", "JUGENDAMT_ARNSBERG", "JOBCENTER");

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired AbstimmungFristen fristen;
  @Autowired FallLoeschung loeschung;
  @Autowired Abstimmungsfaelle faelle;

  Abstimmungsfall strukturell(String titel, String dringlichkeit) {
    return Abstimmungsfall.melde(engine, Abstimmungsfall.bedarf(titel, "STRUKTURELL",
        List.of("SCHULE", "SGB_VIII", "SGB_II"), List.of("ARNSBERG"), dringlichkeit));
  }

  /** Accepted, the four authorities asked, all answered: the case waits in consolidation. */
  Abstimmungsfall bisZurKonsolidierung(String titel, String dringlichkeit) {
    Abstimmungsfall fall = strukturell(titel, dringlichkeit);
    fall.annehmen("ademir");
    fall.beteiligteFestlegen(VIER_STELLEN, LocalDate.now().plusDays(14));
    for (String stelle : VIER_STELLEN) {
      fall.stellungnahmeErfassen(stelle, "JA", "Wir unterstützen den Vorschlag.");
    }
    return fall;
  }

  List<String> empfaenger(String betreffEnthaelt) throws Exception {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> betreff(m).contains(betreffEnthaelt))
        .map(m -> adresse(m)).sorted().toList();
  }

  private static String betreff(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String adresse(MimeMessage m) {
    try {
      return m.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void abgegebenGehtPerEMailAnDieZustaendigeStelle() throws Exception {
    // given a need that belongs elsewhere
    Abstimmungsfall fall = strukturell("Impfangebote in Sammelunterkünften", "MITTEL");
    assertThat(fall.aktenzeichen()).matches("AB-\\d{4}-\\d{4,}");
    assertThat(fall.aufgabe(Task_Vorpruefen).getDueDate()).isNotNull();

    // when coordination hands it over to the health office
    fall.vorpruefen("ABGEBEN", Map.of("abgabeAn", "GESUNDHEITSAMT"));

    // then the health office has an e-mail with the title and the case number, and the case ends as handed over
    assertThat(empfaenger("Abstimmung")).containsExactly("gesundheitsamt@example.org");
    String text = (String) greenMail.getReceivedMessages()[0].getContent();
    assertThat(text).contains("Impfangebote in Sammelunterkünften").contains(fall.aktenzeichen());
    assertThat(fall.beendet()).isTrue();
    assertThat(fall.historisch("abschluss")).isEqualTo("ABGEGEBEN");
    assertThat(jdbc.queryForObject("SELECT abschluss FROM ki_ab_fall WHERE aktenzeichen = ?", String.class, fall.aktenzeichen()))
        .isEqualTo("ABGEGEBEN");
  }

  @Test
  void abgelehntEndetOhneEMail() {
    Abstimmungsfall fall = strukturell("Bereits im Arbeitskreis geklärt", "NIEDRIG");
    fall.vorpruefen("ABLEHNEN", Map.of("vorpruefungBegruendung", "Wird im Arbeitskreis Schule behandelt."));
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(fall.beendet()).isTrue();
    assertThat(fall.historisch("abschluss")).isEqualTo("ABGELEHNT");
  }

  @Test
  void strukturellVomBedarfBisZuGepruefterWirkung() throws Exception {
    // given: school places for newly arrived 16–18-year-olds in Arnsberg, schools, youth welfare and basic income
    Abstimmungsfall fall = strukturell("Schulplätze für neu zugewanderte 16- bis 18-Jährige", "HOCH");
    fall.annehmen("ademir");

    // the table proposes the Schulamt, the Bezirksregierung, the town's school office, its youth-welfare office and the job centre
    assertThat(de.hsk.ki.plattform.fall.Listen.alsStrings(fall.variable("beteiligte")))
        .containsExactlyInAnyOrder("SCHULAMT", "BEZIRKSREGIERUNG", "SCHULTRAEGER_ARNSBERG", "JUGENDAMT_ARNSBERG", "JOBCENTER");
    Task festlegen = fall.aufgabe(Task_BeteiligteFestlegen);
    assertThat(festlegen.getAssignee()).isEqualTo("ademir");

    // when the moderator asks four of them
    LocalDate frist = LocalDate.now().plusDays(14);
    fall.beteiligteFestlegen(VIER_STELLEN, frist);

    // then each gets a request without personal data, and one statement task waits per authority
    assertThat(empfaenger("Bitte um Stellungnahme")).containsExactly("bezirksregierung@example.org", "jobcenter@example.org",
        "jugendamt.arnsberg@example.org", "schulamt@example.org");
    assertThat(fall.aufgaben(Task_StellungnahmeErfassen.name())).hasSize(4);
    // the Schulamt and every authority with its own partner group give their statement in Tasklist (ADR 0006);
    // administrative staff record a reply that comes by e-mail or post
    assertThat(gruppen(fall.stellungnahmeVon("SCHULAMT"))).containsExactlyInAnyOrder("kiVerwaltung", "schulamt");
    assertThat(gruppen(fall.stellungnahmeVon("JOBCENTER"))).containsExactlyInAnyOrder("kiVerwaltung", "partnerJOBCENTER");
    assertThat(gruppen(fall.stellungnahmeVon("JUGENDAMT_ARNSBERG"))).containsExactlyInAnyOrder("kiVerwaltung", "partnerJUGENDAMTARNSBERG");
    // the e-mail sends an authority to Tasklist only when one of its people has an account there
    assertThat(anfrageAn("jobcenter@example.org")).contains("auf diese E-Mail").doesNotContain("/camunda/app/tasklist/");
    assertThat(anfrageAn("schulamt@example.org")).contains("in der Aufgabenliste ab").contains("/camunda/app/tasklist/");
    // due at the end of the deadline day, not overdue on it; named after its authority
    Task jobcenter = fall.stellungnahmeVon("JOBCENTER");
    assertThat(jobcenter.getDueDate().toInstant()).isEqualTo(frist.atTime(23, 59).atZone(ZoneId.of("Europe/Berlin")).toInstant());
    assertThat(jobcenter.getName()).isEqualTo("Stellungnahme erfassen: Jobcenter Hochsauerlandkreis (Demo)");
    // the staff and offices offered in earlier forms are gone from the case
    assertThat(fall.variable("moderationOptionen")).isNull();
    assertThat(fall.variable("stellenOptionen")).isNull();
    assertThat((String) fall.variable("bedarfUebersicht")).contains("Schulrecht (SchulG NRW)").contains("Arnsberg").contains("hoch");

    // all four answer
    fall.stellungnahmeErfassen("SCHULAMT", "JA", "Zwei Lehrkräfte aus dem Stellenbudget möglich.");
    fall.stellungnahmeErfassen("BEZIRKSREGIERUNG", "TEILWEISE", "Klasse am Berufskolleg Arnsberg denkbar.");
    fall.stellungnahmeErfassen("JUGENDAMT_ARNSBERG", "JA", "Schulsozialarbeit wird gestellt.");
    fall.stellungnahmeErfassen("JOBCENTER", "NEIN", "Keine Zuständigkeit für Schulpflichtige.");

    // consolidation shows every position, and no authority stayed silent
    Task konsolidieren = fall.aufgabe(Task_Konsolidieren);
    assertThat(konsolidieren.getAssignee()).isEqualTo("ademir");
    String uebersicht = (String) fall.aufgabenvariable(Task_Konsolidieren, "stellungnahmenUebersicht");
    assertThat(fall.variable("stellungnahmenUebersicht")).as("positions are on the consolidation task only").isNull();
    assertThat(uebersicht).contains("Jobcenter").contains("stimmt nicht zu").contains("Klasse am Berufskolleg Arnsberg denkbar.");
    assertThat(fall.variable("ohneRueckmeldung")).isEqualTo(0L);
    fall.konsolidieren();

    // administrative staff prepare the meeting: invitations to the four
    assertThat(gruppen(fall.aufgabe(Task_TerminVorbereiten))).containsExactly("kiVerwaltung");
    greenMail.reset();
    LocalDate termin = LocalDate.now().plusDays(21);
    fall.terminVorbereiten(termin);
    assertThat(empfaenger("Einladung")).hasSize(4);
    // a reminder a week before the meeting
    List<Job> erinnerung = fall.timer(Event_VorDemTermin);
    assertThat(erinnerung).hasSize(1);
    assertThat(erinnerung.get(0).getDuedate().toInstant()).isEqualTo(morgens(termin.minus(Period.parse(fristen.getTerminErinnerung()))));
    fall.timerFeuert(erinnerung.get(0));
    assertThat(empfaenger("Erinnerung an den Abstimmungstermin")).hasSize(4);

    // agreement with three measures
    fall.terminDurchfuehren("EINIGUNG");
    assertThat(fall.aufgabenvariable(Task_MassnahmeErfassen, "verantwortlichOptionen").toString()).contains("ki:kiFoerderung").contains("partner:JOBCENTER");
    LocalDate bis = LocalDate.now().plusDays(60);
    fall.massnahme("Internationale Förderklasse am Berufskolleg einrichten", "partner:BEZIRKSREGIERUNG", bis, true);
    fall.massnahme("Eltern über das Angebot informieren", "ki:kiVerwaltung", bis, true);
    greenMail.reset();
    fall.massnahme("Lehrkräfte abordnen", "partner:SCHULAMT", bis, false);

    // the agreement goes to every participant
    assertThat(empfaenger("Vereinbarung")).hasSize(4);
    String vereinbarung = (String) greenMail.getReceivedMessages()[0].getContent();
    assertThat(vereinbarung).contains("Internationale Förderklasse").contains("Lehrkräfte abordnen").contains("KI – Verwaltung");

    // the KI's own measure is a task for its group, done
    Task umsetzen = fall.aufgabe(Task_MassnahmeUmsetzen);
    assertThat(gruppen(umsetzen)).containsExactly("kiVerwaltung");
    engine.getTaskService().complete(umsetzen.getId(), Abstimmungsfall.stand("ERLEDIGT", null));
    fall.jobsAusfuehren();

    // the partners' measures are asked about at their due date
    List<Job> faellig = fall.timer(Event_MassnahmeFaellig);
    assertThat(faellig).hasSize(2);
    assertThat(faellig.get(0).getDuedate().toInstant()).isEqualTo(morgens(bis));
    greenMail.reset();
    faellig.forEach(fall::timerFeuert);
    assertThat(empfaenger("Stand einer vereinbarten Maßnahme")).containsExactly("bezirksregierung@example.org", "schulamt@example.org");

    // the Bezirksregierung is late: a new date, asked again then; the Schulamt's measure failed
    List<Task> stand = fall.aufgaben(Task_StandErfassen.name());
    assertThat(stand).hasSize(2);
    for (Task t : stand) {
      String text = (String) engine.getTaskService().getVariable(t.getId(), "massnahmeText");
      if (text.startsWith("Internationale")) {
        engine.getTaskService().complete(t.getId(), Abstimmungsfall.stand("VERZOEGERT", bis.plusDays(30)));
      } else {
        engine.getTaskService().complete(t.getId(), Abstimmungsfall.stand("GESCHEITERT", null));
      }
      fall.jobsAusfuehren();
    }
    List<Job> wieder = fall.timer(Event_MassnahmeFaellig);
    assertThat(wieder).hasSize(1);
    assertThat(wieder.get(0).getDuedate().toInstant()).isEqualTo(morgens(bis.plusDays(30)));
    fall.timerFeuert(wieder.get(0));
    engine.getTaskService().complete(fall.aufgabe(Task_StandErfassen).getId(), Abstimmungsfall.stand("ERLEDIGT", null));
    fall.jobsAusfuehren();

    // the effect is reviewed the configured period after the last measure
    Job wirkung = fall.timer(Event_WirkungFaellig).get(0);
    Instant erwartet = Instant.now().atZone(ZoneId.of("Europe/Berlin")).plus(Period.parse(fristen.getWirkungspruefung())).toInstant();
    assertThat(wirkung.getDuedate().toInstant()).isBetween(erwartet.minusSeconds(120), erwartet.plusSeconds(120));
    fall.timerFeuert(wirkung);
    assertThat((String) fall.aufgabenvariable(Task_WirkungPruefen, "massnahmenUebersicht")).contains("erledigt").contains("gescheitert");
    fall.erledige(Task_WirkungPruefen, Map.of("zielErreicht", "TEILWEISE", "wirkungBegruendung", "Klasse läuft, Lehrkräfte fehlen.",
        "wirkung", "ZIEL_ERREICHT"));

    // then the case is implemented, and the measures are recorded as the owners reported
    assertThat(fall.beendet()).isTrue();
    assertThat(fall.historisch("abschluss")).isEqualTo("UMGESETZT");
    assertThat(jdbc.queryForList("SELECT status FROM ki_ab_massnahme WHERE aktenzeichen = ? ORDER BY id", String.class, fall.aktenzeichen()))
        .containsExactly("ERLEDIGT", "ERLEDIGT", "GESCHEITERT");
  }

  @Test
  void eineStelleSpaetEineGarNicht() throws Exception {
    // given two authorities asked
    Abstimmungsfall fall = strukturell("Sprachkurse für Eltern", "MITTEL");
    fall.annehmen("ademir");
    LocalDate frist = LocalDate.now().plusDays(14);
    fall.beteiligteFestlegen(List.of("JOBCENTER", "JUGENDAMT_ARNSBERG"), frist);
    greenMail.reset();

    // when the reminder lead before the deadline is reached: a reminder to both
    List<Job> erinnerung = fall.timer(Event_ErinnerungVorFrist);
    assertThat(erinnerung).hasSize(2);
    assertThat(erinnerung.get(0).getDuedate().toInstant()).isEqualTo(morgens(frist.minus(Period.parse(fristen.getErinnerungVorFrist()))));
    erinnerung.forEach(fall::timerFeuert);
    assertThat(empfaenger("Erinnerung: Stellungnahme")).containsExactly("jobcenter@example.org", "jugendamt.arnsberg@example.org");

    // on the deadline day a second reminder
    greenMail.reset();
    List<Job> fristtag = fall.timer(Event_FristErreicht);
    assertThat(fristtag.get(0).getDuedate().toInstant()).isEqualTo(morgens(frist));
    fristtag.forEach(fall::timerFeuert);
    assertThat(empfaenger("Stellungnahme")).hasSize(2);

    // the Jugendamt answers late; the job centre never
    fall.stellungnahmeErfassen("JUGENDAMT_ARNSBERG", "TEILWEISE", "Nur mit zusätzlichen Mitteln.");
    assertThat(fall.timer(Event_StellungnahmeUeberfaellig)).hasSize(1);

    // a week after the deadline coordination clarifies (building block), then "keine Rückmeldung"
    Job eskalation = fall.timer(Event_StellungnahmeUeberfaellig).get(0);
    assertThat(eskalation.getDuedate().toInstant()).isEqualTo(morgens(frist.plus(Period.parse(fristen.getNachfrist()))));
    fall.timerFeuert(eskalation);
    Task klaeren = fall.aufgabe("Task_UeberfaelligkeitKlaeren");
    assertThat(gruppen(klaeren)).containsExactly("kiLeitung");
    ProcessInstance baustein = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(klaeren.getProcessInstanceId())
        .singleResult();
    assertThat((String) engine.getRuntimeService().getVariable(baustein.getId(), "anlass")).contains("Jobcenter")
        .contains(fristen.text("nachfrist"));
    engine.getTaskService().complete(klaeren.getId(), Map.of("eskalationsmassnahme", "Behördenleitung angeschrieben, keine Antwort."));
    fall.jobsAusfuehren();

    // then the case goes on without the silent authority; the clarification note stayed with its authority
    fall.aufgabe(Task_Konsolidieren);
    assertThat(fall.variable("eskalationsmassnahme")).isNull();
    assertThat((String) fall.aufgabenvariable(Task_Konsolidieren, "stellungnahmenUebersicht")).contains("keine Rückmeldung").contains("Nur mit zusätzlichen Mitteln.");
    assertThat(fall.variable("ohneRueckmeldung")).isEqualTo(1L);
  }

  @Test
  void jedeStelleMitEigenenFragenUndEigenerFrist() throws Exception {
    // given the moderator wants to adapt the request for single authorities
    Abstimmungsfall fall = strukturell("Sprachförderung in Kitas", "MITTEL");
    fall.annehmen("ademir");
    LocalDate gemeinsam = LocalDate.now().plusDays(14);
    fall.erledige(Task_BeteiligteFestlegen, Map.of("beteiligte", List.of("JOBCENTER", "JUGENDAMT_ARNSBERG"),
        "fragen", "Wie viele Plätze?", "stellungnahmeBis", gemeinsam.toString(), "anfrageAnpassen", true));

    // then one task per authority, prefilled with the common request, and no e-mail yet
    List<Task> anpassen = fall.aufgaben(Task_AnfrageAnpassen.name());
    assertThat(anpassen).hasSize(2);
    assertThat(anpassen).extracting(Task::getAssignee).containsOnly("ademir");
    assertThat(anpassen).extracting(Task::getName)
        .containsExactlyInAnyOrder("Anfrage anpassen: Jobcenter Hochsauerlandkreis (Demo)", "Anfrage anpassen: Jugendamt der Stadt Arnsberg (Demo)");
    assertThat(empfaenger("Bitte um Stellungnahme")).isEmpty();

    // when the job centre gets its own question and a later deadline, the youth office keeps the common ones
    LocalDate eigene = LocalDate.now().plusDays(28);
    for (Task t : anpassen) {
      boolean jobcenter = "JOBCENTER".equals(engine.getTaskService().getVariable(t.getId(), "beteiligter"));
      assertThat(engine.getTaskService().getVariable(t.getId(), "fragen")).isEqualTo("Wie viele Plätze?");
      engine.getTaskService().complete(t.getId(), jobcenter
          ? Map.of("fragen", "Welche Maßnahmen nach § 16 SGB II kommen in Frage?", "stellungnahmeBis", eigene.toString())
          : Map.of("fragen", "Wie viele Plätze?", "stellungnahmeBis", gemeinsam.toString()));
    }
    fall.jobsAusfuehren();

    // then each request names its own questions, and deadlines, reminders and the overview follow each
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      String text = (String) m.getContent();
      if (adresse(m).startsWith("jobcenter")) {
        assertThat(text).contains("§ 16 SGB II").doesNotContain("Wie viele Plätze?").contains(eigene.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
      } else {
        assertThat(text).contains("Wie viele Plätze?").doesNotContain("§ 16 SGB II");
      }
    }
    assertThat(fall.stellungnahmeVon("JOBCENTER").getDueDate().toInstant()).isEqualTo(eigene.atTime(23, 59).atZone(ZoneId.of("Europe/Berlin")).toInstant());
    assertThat(fall.stellungnahmeVon("JUGENDAMT_ARNSBERG").getDueDate().toInstant()).isEqualTo(gemeinsam.atTime(23, 59).atZone(ZoneId.of("Europe/Berlin")).toInstant());
    assertThat(fall.timer(Event_FristErreicht)).extracting(j -> j.getDuedate().toInstant()).containsExactlyInAnyOrder(morgens(gemeinsam), morgens(eigene));
    assertThat(jdbc.queryForObject("SELECT frist FROM ki_ab_beteiligung WHERE aktenzeichen = ? AND stelle = 'JOBCENTER'", java.sql.Date.class,
        fall.aktenzeichen()).toLocalDate()).isEqualTo(eigene);
    // the case's common request is unchanged
    assertThat(fall.variable("fragen")).isEqualTo("Wie viele Plätze?");
  }

  @Test
  void eineAbstimmungDieNieEndetWirdNachDerHoechstdauerGeschlossen() {
    // given a case left waiting in consolidation
    Abstimmungsfall fall = bisZurKonsolidierung("Liegt seit Jahren", "NIEDRIG");
    Task konsolidieren = fall.aufgabe(Task_Konsolidieren);

    // when the maximum duration has passed since the start
    de.hsk.ki.testkit.Fristablauf.lasseVerstreichen(engine, fall.fall.getId(), Event_HoechstdauerErreicht.name(),
        fristen.getHoechstdauer(), engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(fall.fall.getId())
            .singleResult().getStartTime().toInstant());
    fall.jobsAusfuehren();

    // then it is closed with its own outcome, its tasks are gone, and its history can age out
    assertThat(fall.beendet()).isTrue();
    assertThat(engine.getTaskService().createTaskQuery().taskId(konsolidieren.getId()).count()).isZero();
    assertThat(fall.historisch("abschluss")).isEqualTo("ZEITABLAUF");
    assertThat(jdbc.queryForObject("SELECT abschluss FROM ki_ab_fall WHERE aktenzeichen = ?", String.class, fall.aktenzeichen()))
        .isEqualTo("ZEITABLAUF");
  }

  @Test
  void niemandAntwortetDerFallGehtTrotzdemWeiter() {
    Abstimmungsfall fall = strukturell("Kita-Plätze für geflüchtete Kinder", "MITTEL");
    fall.annehmen("ademir");
    fall.beteiligteFestlegen(List.of("JUGENDAMT_ARNSBERG", "SCHULTRAEGER_ARNSBERG"), LocalDate.now().plusDays(14));
    for (Job j : fall.timer(Event_StellungnahmeUeberfaellig)) {
      fall.timerFeuert(j);
    }
    for (Task klaeren : fall.aufgaben("Task_UeberfaelligkeitKlaeren")) {
      engine.getTaskService().complete(klaeren.getId(), Map.of("eskalationsmassnahme", "Nachgefragt, keine Antwort."));
    }
    fall.jobsAusfuehren();
    fall.aufgabe(Task_Konsolidieren);
    assertThat(fall.variable("ohneRueckmeldung")).isEqualTo(2L);
    assertThat(jdbc.queryForList("SELECT status FROM ki_ab_beteiligung WHERE aktenzeichen = ?", String.class, fall.aktenzeichen()))
        .containsOnly("KEINE_RUECKMELDUNG");
  }

  @Test
  void dreimalVertagtDannEskalationUndEndeOhneEinigung() {
    // given an agreed consolidation
    Abstimmungsfall fall = bisZurKonsolidierung("Schulwegbegleitung in Flächengemeinden", "MITTEL");

    // when the meeting is adjourned twice, the case returns to consolidation each time
    fall.bisZumErgebnis("VERTAGT");
    fall.aufgabe(Task_Konsolidieren);
    fall.bisZumErgebnis("VERTAGT");
    fall.aufgabe(Task_Konsolidieren);
    assertThat(fall.variable("anzahlVertagungen")).isEqualTo(2L);

    // the third adjournment escalates; the table names the level
    fall.bisZumErgebnis("VERTAGT");
    Task eskalieren = fall.aufgabe(Task_Eskalieren);
    assertThat(gruppen(eskalieren)).containsExactly("kiLeitung");
    assertThat(fall.variable("eskalationsstufe")).isEqualTo("Dezernentin oder Dezernent");

    // coordination ends it without agreement
    fall.erledige(Task_Eskalieren, Map.of("eskalationEntscheidung", "BEENDEN", "eskalationBegruendung", "Dezernent sieht keinen Spielraum."));
    assertThat(fall.beendet()).isTrue();
    assertThat(fall.historisch("abschluss")).isEqualTo("OHNE_EINIGUNG");
  }

  @Test
  void keineEinigungEskaliertUndKannWeiterKonsolidiertWerden() {
    Abstimmungsfall fall = bisZurKonsolidierung("Ferienangebote für neu zugewanderte Kinder", "HOCH");
    fall.bisZumErgebnis("KEINE_EINIGUNG");
    assertThat(fall.variable("eskalationsstufe")).isEqualTo("Vorlage an den Integrationsausschuss bzw. Kreistag");
    fall.erledige(Task_Eskalieren, Map.of("eskalationEntscheidung", "WEITER", "eskalationBegruendung", "Ausschuss hat Mittel bewilligt."));
    fall.aufgabe(Task_Konsolidieren);
  }

  @Test
  void wirkungsPruefungSchicktZurueckInDieKonsolidierung() {
    // given an agreement with one KI measure, done
    Abstimmungsfall fall = bisZurKonsolidierung("Dolmetscherpool für Elterngespräche", "MITTEL");
    fall.bisZumErgebnis("TEILEINIGUNG");
    fall.massnahme("Pool aufbauen", "ki:kiSozialarbeit", LocalDate.now().plusDays(30), false);
    engine.getTaskService().complete(fall.aufgabe(Task_MassnahmeUmsetzen).getId(), Abstimmungsfall.stand("ERLEDIGT", null));
    fall.jobsAusfuehren();
    fall.timerFeuert(fall.timer(Event_WirkungFaellig).get(0));

    // when the review says the goal was missed
    fall.erledige(Task_WirkungPruefen, Map.of("zielErreicht", "NEIN", "wirkungBegruendung", "Pool wird kaum genutzt.", "wirkung", "NACHSTEUERN"));

    // then the moderator consolidates again, and a new agreement tracks only its new measures
    fall.aufgabe(Task_Konsolidieren);
    fall.bisZumErgebnis("EINIGUNG");
    fall.massnahme("Pool bei Schulen bekannt machen", "ki:kiVerwaltung", LocalDate.now().plusDays(30), false);
    assertThat(fall.aufgaben(Task_MassnahmeUmsetzen.name())).hasSize(1);
    assertThat((String) engine.getTaskService().getVariable(fall.aufgabe(Task_MassnahmeUmsetzen).getId(), "massnahmeText"))
        .startsWith("Pool bei Schulen bekannt machen");
  }

  @Test
  void fallbezogenNurMitEinwilligungJeStelle() throws Exception {
    // given a case conference about one young person
    Abstimmungsfall fall = Abstimmungsfall.melde(engine, Abstimmungsfall.bedarf("Fallkonferenz Schulplatz", "FALLBEZOGEN",
        List.of("SCHULE"), List.of("BRILON"), "HOCH"));
    fall.vorpruefen("ANNEHMEN", Map.of("moderation", "ademir", "art", "FALLBEZOGEN"));
    Task rechtsgrundlage = fall.aufgabe(Task_RechtsgrundlageKlaeren);
    assertThat(rechtsgrundlage.getAssignee()).isEqualTo("ademir");
    fall.erledige(Task_RechtsgrundlageKlaeren, Map.of("rechtsgrundlage", "EINWILLIGUNG", "vorname", "Amina", "nachname", "Fallkonferenzmarker",
        "geburtsdatum", LocalDate.now().minusYears(17).toString()));
    assertThat(fall.variable("alter")).isEqualTo(17L);
    fall.beteiligteFestlegen(List.of("SCHULAMT", "BEZIRKSREGIERUNG"), LocalDate.now().plusDays(14));

    // when the young person consents for the Schulamt and refuses for the Bezirksregierung, in one
    // step with a row per body
    List<Task> einwilligungen = fall.aufgaben("Task_EinwilligungEinholen");
    assertThat(einwilligungen).hasSize(1);
    assertThat(gruppen(einwilligungen.get(0))).containsExactly("kiSozialarbeit");
    assertThat(engine.getTaskService().getVariable(einwilligungen.get(0).getId(), "offenePartner")).asList()
        .containsExactly("SCHULAMT", "BEZIRKSREGIERUNG");
    Map<String, Object> antwort = new java.util.HashMap<>(Einwilligungsantwort.antwort("JUGENDLICHE",
        Einwilligungsantwort.zeile("SCHULAMT", true, "SCHRIFTLICH"), Einwilligungsantwort.zeile("BEZIRKSREGIERUNG", false, "MUENDLICH")));
    antwort.put("einwilligendeName", "Amina");
    antwort.put("einsichtsfaehig", "JA"); // 17: she consents herself once found capable of understanding
    engine.getTaskService().complete(einwilligungen.get(0).getId(), antwort);
    fall.jobsAusfuehren();

    // then only the Schulamt is asked; the Bezirksregierung is recorded as not involved
    assertThat(empfaenger("Bitte um Stellungnahme")).containsExactly("schulamt@example.org");
    assertThat(fall.aufgaben(Task_StellungnahmeErfassen.name())).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT status FROM ki_ab_beteiligung WHERE aktenzeichen = ? AND stelle = 'BEZIRKSREGIERUNG'",
        String.class, fall.aktenzeichen())).isEqualTo("OHNE_EINWILLIGUNG");
    // no e-mail names the young person
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      assertThat(m.getSubject() + m.getContent()).doesNotContain("Fallkonferenzmarker").doesNotContain("Amina");
    }

    // the funding group is never offered as owner of a measure of a case about a person
    fall.stellungnahmeErfassen("SCHULAMT", "JA", "Platz an der Realschule Brilon möglich.");
    fall.bisZumErgebnis("EINIGUNG");
    // and only the moderator's team or coordination own a measure: the task carries the person's data
    assertThat(fall.aufgabenvariable(Task_MassnahmeErfassen, "verantwortlichOptionen").toString()).contains("ki:kiSozialarbeit")
        .contains("ki:kiLeitung").doesNotContain("kiFoerderung").doesNotContain("kiVerwaltung").doesNotContain("kiLehrkraefte")
        .contains("partner:SCHULAMT").doesNotContain("BEZIRKSREGIERUNG");

    // and erasure on request leaves nothing of the case in any table
    assertThat(Datenbanksuche.fundstellen(jdbc, "Fallkonferenzmarker")).isNotEmpty();
    loeschung.loesche(fall.aktenzeichen(), "admin", "Löschung auf Antrag");
    assertThat(Datenbanksuche.fundstellen(jdbc, "Fallkonferenzmarker")).isEmpty();
  }

  @Test
  void fallbezogenAnonymisiertHaeltKeinePersonendaten() {
    Abstimmungsfall fall = Abstimmungsfall.melde(engine, Abstimmungsfall.bedarf("Anonyme Fallbesprechung", "FALLBEZOGEN",
        List.of("SGB_VIII"), List.of("MEDEBACH"), "MITTEL"));
    fall.vorpruefen("ANNEHMEN", Map.of("moderation", "ademir", "art", "FALLBEZOGEN"));
    fall.erledige(Task_RechtsgrundlageKlaeren, Map.of("rechtsgrundlage", "ANONYMISIERT"));
    assertThat(fall.variable("vorname")).isNull();
    assertThat(fall.variable("geburtsdatum")).isNull();
    // Medebach has no youth-welfare office of its own: the county's
    assertThat(de.hsk.ki.plattform.fall.Listen.alsStrings(fall.variable("beteiligte"))).containsExactly("JUGENDAMT_HSK");
    fall.beteiligteFestlegen(List.of("JUGENDAMT_HSK"), LocalDate.now().plusDays(14));
    assertThat(fall.aufgaben("Task_EinwilligungEinholen")).isEmpty();
    assertThat(fall.aufgaben(Task_StellungnahmeErfassen.name())).hasSize(1);
  }

  @Test
  void erasureLeavesNothingOfAStructuralCase() {
    String marker = "Abstimmungsmarker" + System.nanoTime();
    Abstimmungsfall fall = bisZurKonsolidierung(marker, "MITTEL");
    fall.bisZumErgebnis("EINIGUNG");
    fall.massnahme("Maßnahme " + marker, "ki:kiVerwaltung", LocalDate.now().plusDays(10), false);
    assertThat(Datenbanksuche.fundstellen(jdbc, marker)).isNotEmpty();
    loeschung.loesche(fall.aktenzeichen(), "admin", "Test der Löschung");
    assertThat(Datenbanksuche.fundstellen(jdbc, marker)).isEmpty();
  }

  @Test
  void nachDerHistorienbereinigungGehenAuchDieZeilenDesFalls() {
    // given a live case and rows of a case whose history the engine has already cleaned up
    Abstimmungsfall lebend = strukturell("Bleibt bestehen", "MITTEL");
    jdbc.update("INSERT INTO ki_ab_fall (aktenzeichen, titel, art, thema, rechtskreise, kommunen, angelegt_am) VALUES (?, ?, ?, ?, ?, ?, ?)",
        "AB-2019-0001", "Alt", "STRUKTURELL", "SONSTIGES", "SCHULE", "BRILON", LocalDate.of(2019, 3, 1));
    jdbc.update("INSERT INTO ki_ab_beteiligung (aktenzeichen, stelle, frist, status) VALUES (?, ?, ?, ?)",
        "AB-2019-0001", "SCHULAMT", LocalDate.of(2019, 3, 15), "EINGEGANGEN");

    // when the daily cleanup runs
    faelle.bereinigen();

    // then only the old case's rows are gone
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_ab_fall WHERE aktenzeichen = 'AB-2019-0001'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_ab_beteiligung WHERE aktenzeichen = 'AB-2019-0001'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_ab_fall WHERE aktenzeichen = ?", Long.class, lebend.aktenzeichen())).isEqualTo(1L);
  }

  private List<String> gruppen(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  private static Instant morgens(LocalDate tag) {
    return tag.atTime(8, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
  }

  private String anfrageAn(String adresse) {
    return java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(adresse) && m.getSubject().contains("Bitte um Stellungnahme");
      } catch (Exception e) {
        return false;
      }
    }).map(m -> {
      try {
        return m.getContent().toString();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow();
  }
}
