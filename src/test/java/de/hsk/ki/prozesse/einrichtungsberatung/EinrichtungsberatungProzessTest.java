package de.hsk.ki.prozesse.einrichtungsberatung;

import static de.hsk.ki.prozesse.einrichtungsberatung.Einrichtungsberatung.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.datenschutz.FallLoeschung;
import de.hsk.ki.testkit.Datenbanksuche;
import de.hsk.ki.testkit.Testpostfach;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of the advice process on the real wiring, with a real SMTP server. */
@KiSpringTest
class EinrichtungsberatungProzessTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired FallLoeschung loeschung;
  @Autowired Materialkatalog katalog;

  Beratungsfall kitaWorkshop(String name) {
    return Beratungsfall.eingang(engine, Beratungsfall.anfrage(name, "KITA", "SPRACHBILDUNG", "WORKSHOP"));
  }

  List<MimeMessage> mails(String betreffEnthaelt) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> betreff(m).contains(betreffEnthaelt)).toList();
  }

  static String betreff(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String an(MimeMessage m) throws Exception {
    return m.getRecipients(Message.RecipientType.TO)[0].toString();
  }

  static String text(MimeMessage m) throws Exception {
    return m.getContent().toString();
  }

  String abschluss(Beratungsfall fall) {
    return jdbc.queryForObject("SELECT abschluss FROM ki_eb_fall WHERE aktenzeichen = ?", String.class, fall.aktenzeichen());
  }

  long materialId(String inventarnummer) {
    return jdbc.queryForObject("SELECT id FROM ki_eb_material WHERE inventarnummer = ?", Long.class, inventarnummer);
  }

  long neuesMaterial(String inventarnummer) {
    jdbc.update("INSERT INTO ki_eb_material (inventarnummer, bezeichnung, beschreibung, aktiv) VALUES (?, ?, ?, TRUE)",
        inventarnummer, "DaZ-Box Grundschule " + inventarnummer, "Bildkarten und Spiele");
    return materialId(inventarnummer);
  }

  @Test
  void einmaligerWorkshopFuerEineKitaVonDerAnfrageBisZurEvaluation() throws Exception {
    // given a Kita asking for a workshop on language education
    Beratungsfall fall = kitaWorkshop("Kita Regenbogen Brilon");
    assertThat(fall.aktenzeichen()).matches("EB-\\d{4}-\\d{4,}");
    assertThat(fall.variable("team")).isEqualTo("kiSozialarbeit");
    assertThat(fall.variable("angebotstyp")).isEqualTo("STANDARD");
    assertThat(fall.kandidaten(Task_BedarfKlaeren)).containsExactly("kiSozialarbeit");
    Task klaeren = fall.aufgabe(Task_BedarfKlaeren);
    assertThat(klaeren.getDueDate()).isNotNull();
    // the institution entered the partner directory and the e-mails go there
    String partner = (String) fall.variable("einrichtungPartner");
    assertThat(jdbc.queryForObject("SELECT typ FROM ki_partner WHERE schluessel = ?", String.class, partner)).isEqualTo("EINRICHTUNG");

    // when the team clarifies and agrees a session in ten days
    fall.klaeren("STANDARD");
    fall.vereinbaren(LocalDate.now().plusDays(10), false, false);

    // then the institution has a confirmation with date and place, without personal data of clients
    MimeMessage bestaetigung = mails("Terminbestätigung").get(0);
    assertThat(an(bestaetigung)).isEqualTo("kontakt@kitaregenbogenbrilon.example.org");
    assertThat(text(bestaetigung)).contains(fall.aktenzeichen()).contains("14:30").contains("in Ihrer Einrichtung")
        .contains("Sprachbildung – Mehrsprachigkeit in der Kita");

    // a week before, the reminder asks for the number of participants; on the day the team documents
    fall.terminDurchfuehren(14, null);
    assertThat(mails("Erinnerung an Ihren Termin")).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT teilnehmende FROM ki_eb_termin WHERE aktenzeichen = ?", Integer.class, fall.aktenzeichen()))
        .isEqualTo(14);

    // the evaluation request goes out, the answer is recorded, the request ends as delivered
    assertThat(mails("Ihre Rückmeldung")).hasSize(1);
    fall.evaluieren(false);
    assertThat(fall.beendet()).isTrue();
    assertThat(abschluss(fall)).isEqualTo("DURCHGEFUEHRT");
    assertThat(jdbc.queryForObject("SELECT zufriedenheit FROM ki_eb_fall WHERE aktenzeichen = ?", Integer.class, fall.aktenzeichen()))
        .isEqualTo(1);
  }

  @Test
  void massgeschneiderteReiheFuerEineSchuleMitHonorarBescheinigungenUndFolgeanfrage() throws Exception {
    // given a secondary school asking for a series on teaching newly arrived pupils
    Beratungsfall fall = Beratungsfall.eingang(engine,
        Beratungsfall.anfrage("Sekundarschule Olsberg", "SCHULE_WEITERFUEHREND", "SEITENEINSTIEG_DAZ", "REIHE"));
    assertThat(fall.kandidaten(Task_BedarfKlaeren)).containsExactly("kiLehrkraefte");
    fall.klaeren("INDIVIDUELL");

    // an external trainer: the administration prepares the fee contract, coordination refuses the first one
    fall.vereinbaren(LocalDate.now().plusDays(3), true, true);
    assertThat(fall.kandidaten(Task_Honorarvereinbarung)).containsExactly("kiVerwaltung");
    fall.erledige(Task_Honorarvereinbarung, Map.of("finanzierung", "HAUSHALT", "vertragVorbereitet", true,
        "scheinselbststaendigkeitGeprueft", true));
    assertThat(fall.kandidaten(Task_HonorarUnterzeichnen)).containsExactly("kiLeitung");
    fall.erledige(Task_HonorarUnterzeichnen, Map.of("honorarFreigabe", "ABGELEHNT", "honorarBegruendung", "Honorar über dem Satz"));
    assertThat(mails("Terminbestätigung")).isEmpty();
    fall.vereinbaren(LocalDate.now().plusDays(3), true, true);
    fall.erledige(Task_Honorarvereinbarung, Map.of("finanzierung", "HAUSHALT", "vertragVorbereitet", true,
        "scheinselbststaendigkeitGeprueft", true));
    fall.erledige(Task_HonorarUnterzeichnen, Map.of("honorarFreigabe", "UNTERZEICHNET"));

    // three sessions, each agreed after the one before and confirmed by e-mail; the next form starts empty
    fall.terminDurchfuehren(18, LocalDate.now().plusDays(14));
    assertThat(fall.variable("termin")).isEqualTo(LocalDate.now().plusDays(14).toString());
    fall.terminAbwarten();
    assertThat(engine.getTaskService().getVariable(fall.aufgabe(Task_Durchfuehren).getId(), "inhalte")).isNull();
    assertThat(engine.getTaskService().getVariable(fall.aufgabe(Task_Durchfuehren).getId(), "teilnehmendeGesamt")).isNull();
    fall.terminDokumentieren(16, LocalDate.now().plusDays(28));
    // the last documentation as Tasklist submits it, with the participants' names for the certificates
    fall.terminAbwarten();
    engine.getFormService().submitTaskForm(fall.aufgabe(Task_Durchfuehren).getId(), Map.of("stattgefunden", "JA",
        "durchgefuehrtAm", LocalDate.now().toString(), "dauerMinuten", 90L, "teilnehmendeGesamt", 17L, "inhalte", "Abschluss der Reihe",
        "teilnehmendeNamen", "Anna Beispiel\nBernd Muster", "weitererTermin", false));
    fall.jobsAusfuehren();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(fall.fall.getId()).formFields().list())
        .as("the engine records form submissions beside the variables").anyMatch(d -> d.toString().contains("teilnehmendeNamen"));
    assertThat(mails("Terminbestätigung")).hasSize(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_eb_termin WHERE aktenzeichen = ?", Integer.class, fall.aktenzeichen()))
        .isEqualTo(3);

    // certificates by the administration, then the evaluation with a follow-up need
    assertThat(fall.kandidaten(Task_BescheinigungenAusstellen)).containsExactly("kiVerwaltung");
    fall.erledige(Task_BescheinigungenAusstellen, Map.of("bescheinigungenAm", LocalDate.now().toString(), "bescheinigungenVersand", "POST"));
    fall.evaluieren(true);

    // the request ends; the participants' names are gone; a linked request for the follow-up exists
    assertThat(fall.beendet()).isTrue();
    assertThat(abschluss(fall)).isEqualTo("DURCHGEFUEHRT");
    assertThat(fall.historisch("teilnehmendeNamen")).isNull();
    assertThat(Datenbanksuche.fundstellen(jdbc, "Bernd Muster")).isEmpty();
    var folge = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Einrichtungsberatung.SCHLUESSEL)
        .variableValueEquals("vorgaenger", fall.aktenzeichen()).singleResult();
    assertThat(folge).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(folge.getId(), "thema")).isEqualTo("ELTERNARBEIT");
    assertThat(engine.getRuntimeService().getVariable(folge.getId(), "einrichtung")).isEqualTo("Sekundarschule Olsberg");
  }

  @Test
  void verweisGehtMitDerZustaendigenStellePerEMailAnDieEinrichtung() throws Exception {
    Beratungsfall fall = Beratungsfall.eingang(engine,
        Beratungsfall.anfrage("Grundschule Hallenberg", "SCHULE_GRUND", "LEHRERFORTBILDUNG", "WORKSHOP"));
    assertThat(fall.variable("angebotstyp")).isEqualTo("VERWEIS");
    assertThat(fall.kandidaten(Task_Weiterverweisen)).containsExactly("kiLehrkraefte");
    fall.erledige(Task_Weiterverweisen, Map.of("verweisStelle", "Kompetenzteam Hochsauerlandkreis",
        "verweisHinweis", "Telefon 0291 94-0"));
    MimeMessage verweis = mails("Ihre Anfrage").get(0);
    assertThat(text(verweis)).contains("Kompetenzteam Hochsauerlandkreis").contains("Telefon 0291 94-0");
    assertThat(fall.beendet()).isTrue();
    assertThat(abschluss(fall)).isEqualTo("VERWIESEN");
  }

  @Test
  void foerderfragenGehenAnDieFoerderberatung() {
    Beratungsfall fall = Beratungsfall.eingang(engine, Beratungsfall.anfrage("Verein Brücke Meschede", "VEREIN", "FOERDERPROGRAMME", "BERATUNG"));
    assertThat(fall.kandidaten(Task_Foerderberatung)).containsExactly("kiFoerderung");
    fall.erledige(Task_Foerderberatung, Map.of("beratenAm", LocalDate.now().toString(), "ergebnisFoerderung", "ANTRAG_EMPFOHLEN"));
    assertThat(abschluss(fall)).isEqualTo("FOERDERUNG");
  }

  @Test
  void einAbgesagtesAngebotEndetOhneEvaluation() {
    Beratungsfall fall = kitaWorkshop("Kita Mühlenbach Brilon");
    fall.klaeren("STANDARD");
    fall.vereinbaren(LocalDate.now().plusDays(2), false, false);
    fall.terminAbwarten();
    fall.erledige(Task_Durchfuehren, Map.of("stattgefunden", "ABGESAGT", "besonderheiten", "Personalausfall in der Kita"));
    assertThat(fall.beendet()).isTrue();
    assertThat(abschluss(fall)).isEqualTo("ABGESAGT");
    assertThat(mails("Ihre Rückmeldung")).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_eb_termin WHERE aktenzeichen = ?", Integer.class, fall.aktenzeichen())).isZero();
  }

  @Test
  void keinBedarfEndetOhneEMail() {
    Beratungsfall fall = kitaWorkshop("Kita Sonnenschein Brilon");
    fall.klaeren("KEIN_BEDARF");
    assertThat(fall.beendet()).isTrue();
    assertThat(abschluss(fall)).isEqualTo("KEIN_BEDARF");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void wartelisteFuehrtZurNeuenKlaerungMitNeuerFrist() {
    Beratungsfall fall = kitaWorkshop("Kita Pusteblume Brilon");
    fall.klaeren("KAPAZITAET_FEHLT");
    assertThat(fall.kandidaten(Task_Priorisieren)).containsExactly("kiLeitung");
    fall.erledige(Task_Priorisieren, Map.of("prioritaet", "WARTELISTE", "warteBis", LocalDate.now().plusMonths(2).toString()));
    assertThat(fall.aufgaben(Task_BedarfKlaeren.name())).isEmpty();
    fall.timerFeuert(Event_Warteliste);
    assertThat(fall.aufgabe(Task_BedarfKlaeren)).isNotNull();
    assertThat(fall.variable("fristErstkontaktBis")).isEqualTo(LocalDate.now().plusDays(10).toString());
  }

  @Test
  void absageMitAlternative() throws Exception {
    Beratungsfall fall = kitaWorkshop("Kita Löwenzahn Brilon");
    fall.klaeren("KAPAZITAET_FEHLT");
    fall.erledige(Task_Priorisieren, Map.of("prioritaet", "ABLEHNEN", "alternative", "Landesprogramm Griffbereit, Familienbildungsstätte"));
    assertThat(text(mails("Ihre Anfrage").get(0))).contains("Landesprogramm Griffbereit");
    assertThat(abschluss(fall)).isEqualTo("ABGELEHNT");
  }

  @Test
  void erstkontaktfristErinnertUndEskaliertAnDieLeitung() {
    Beratungsfall fall = kitaWorkshop("Kita Wirbelwind Brilon");
    fall.timerFeuert(Event_ErstkontaktFaellig);
    Task klaeren = fall.aufgabe(Task_BedarfKlaeren);
    assertThat(klaeren.getPriority()).isEqualTo(EinrichtungsberatungAblauf.DRINGEND);
    assertThat(engine.getTaskService().getTaskComments(klaeren.getId())).extracting(c -> c.getFullMessage())
        .anyMatch(t -> t.contains("Frist für den Erstkontakt"));
    fall.timerFeuert(Event_ErstkontaktUeberfaellig);
    Task klaerung = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.aktenzeichen())
        .processDefinitionKey("Process_Baustein_Ueberfaelligkeit").singleResult();
    assertThat(klaerung).isNotNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(klaerung.getId())).anyMatch(l -> "kiLeitung".equals(l.getGroupId()));
    // the team's task stays
    assertThat(fall.aufgabe(Task_BedarfKlaeren)).isNotNull();
  }

  @Test
  void ohneAntwortAufDieEvaluationErinnertEinmalUndVermerktKeineRueckmeldung() throws Exception {
    Beratungsfall fall = kitaWorkshop("Kita Kunterbunt Brilon");
    fall.klaeren("STANDARD");
    fall.vereinbaren(LocalDate.now().plusDays(2), false, false);
    fall.terminDurchfuehren(9, null);
    fall.timerFeuert(Event_EvaluationErinnern);
    assertThat(mails("Erinnerung: Ihre Rückmeldung")).hasSize(1);
    fall.timerFeuert(Event_KeineRueckmeldung);
    assertThat(fall.beendet()).isTrue();
    assertThat(fall.historisch("evaluation")).isEqualTo("KEINE_RUECKMELDUNG");
    assertThat(abschluss(fall)).isEqualTo("DURCHGEFUEHRT");
  }

  @Test
  void materialWirdReserviertAusgegebenErinnertUndZurueckgenommen() throws Exception {
    long box = neuesMaterial("DAZ-T-1");
    Beratungsfall fall = Beratungsfall.eingang(engine, Beratungsfall.anfrage("Grundschule Medebach", "SCHULE_GRUND", "SEITENEINSTIEG_DAZ",
        "MATERIALAUSLEIHE"));
    assertThat(fall.kandidaten(Task_Reservieren)).containsExactly("kiVerwaltung");
    LocalDate von = LocalDate.now().plusDays(1);
    LocalDate bis = LocalDate.now().plusDays(21);
    fall.erledige(Task_Reservieren, Map.of("material", String.valueOf(box), "ausleiheVon", von.toString(), "ausleiheBis", bis.toString(),
        "ausgabeort", "KI"));
    assertThat(text(mails("Reservierung").get(0))).contains("DAZ-T-1").contains("Abholung im Kommunalen Integrationszentrum");

    // while it is reserved, another school cannot hold the same box at the same time
    assertThat(katalog.konflikt(box, von.plusDays(5), bis.plusDays(5), "EB-2099-9999")).isPresent();
    // and the next reservation's select says when it is promised
    assertThat(katalog.optionen().get(String.valueOf(box)))
        .endsWith("vergeben: " + von.format(Beratungstermine.DATUM) + "–" + bis.format(Beratungstermine.DATUM));

    fall.erledige(Task_MaterialAusgeben, Map.of("ausgabe", "AUSGEGEBEN", "ausgegebenAm", LocalDate.now().toString()));
    fall.timerFeuert(Event_VorRueckgabe);
    assertThat(mails("Rückgabe").get(0).getContent().toString()).contains(bis.format(Beratungstermine.DATUM));
    fall.timerFeuert(Event_RueckgabeUeberfaellig);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fall.aktenzeichen())
        .processDefinitionKey("Process_Baustein_Ueberfaelligkeit").count()).isEqualTo(1);
    fall.erledige(Task_RueckgabeErfassen, Map.of("zurueckAm", LocalDate.now().toString(), "zustand", "VOLLSTAENDIG"));

    assertThat(fall.beendet()).isTrue();
    assertThat(abschluss(fall)).isEqualTo("MATERIAL");
    assertThat(katalog.konflikt(box, von.plusDays(5), bis.plusDays(5), "EB-2099-9999")).isEmpty();
  }

  @Test
  void stornierteReservierungGibtDasMaterialFrei() {
    long box = neuesMaterial("DAZ-T-2");
    Beratungsfall fall = Beratungsfall.eingang(engine, Beratungsfall.anfrage("Kita Apfelbaum Brilon", "KITA", "SPRACHBILDUNG", "MATERIALAUSLEIHE"));
    LocalDate von = LocalDate.now().plusDays(1);
    fall.erledige(Task_Reservieren, Map.of("material", String.valueOf(box), "ausleiheVon", von.toString(),
        "ausleiheBis", von.plusDays(14).toString(), "ausgabeort", "EINRICHTUNG"));
    fall.erledige(Task_MaterialAusgeben, Map.of("ausgabe", "STORNIERT"));
    assertThat(fall.beendet()).isTrue();
    assertThat(katalog.konflikt(box, von, von.plusDays(14), "EB-2099-9998")).isEmpty();
  }

  @Test
  void hoechstdauerSchliesstDieAnfrageUndStorniertDieReservierung() {
    long box = neuesMaterial("DAZ-T-3");
    Beratungsfall fall = Beratungsfall.eingang(engine, Beratungsfall.anfrage("Kita Wiesengrund Brilon", "KITA", "SPRACHBILDUNG", "MATERIALAUSLEIHE"));
    LocalDate von = LocalDate.now().plusDays(1);
    fall.erledige(Task_Reservieren, Map.of("material", String.valueOf(box), "ausleiheVon", von.toString(),
        "ausleiheBis", von.plusDays(14).toString(), "ausgabeort", "KI"));
    fall.timerFeuert(Event_HoechstdauerErreicht);
    assertThat(fall.beendet()).isTrue();
    assertThat(abschluss(fall)).isEqualTo("ZEITABLAUF");
    assertThat(katalog.konflikt(box, von, von.plusDays(14), "EB-2099-9997")).isEmpty();
  }

  @Test
  void loeschungAufAntragLaesstNichtsZurueck() {
    Map<String, Object> anfrage = Beratungsfall.anfrage("Kita am Bach Brilon", "KITA", "SPRACHBILDUNG", "WORKSHOP");
    anfrage.put("anliegen", "Loeschmarker: Sprachbildung im Alltag");
    Beratungsfall fall = Beratungsfall.eingang(engine, anfrage);
    fall.klaeren("STANDARD");
    fall.vereinbaren(LocalDate.now().plusDays(2), false, false);
    fall.terminDurchfuehren(5, null);
    assertThat(Datenbanksuche.fundstellen(jdbc, "Loeschmarker")).isNotEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_eb_termin WHERE aktenzeichen = ?", Integer.class, fall.aktenzeichen())).isEqualTo(1);
    loeschung.loesche(fall.aktenzeichen(), "admin", "Löschung auf Antrag");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_eb_termin WHERE aktenzeichen = ?", Integer.class, fall.aktenzeichen())).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_eb_fall WHERE aktenzeichen = ?", Integer.class, fall.aktenzeichen())).isZero();
    assertThat(Datenbanksuche.fundstellen(jdbc, "Loeschmarker")).isEmpty();
  }

  @Test
  void eineListeAlsSerialisiertesJsonUeberDieJavaSchnittstelle() {
    // a checked start by a person with a list as a serialised JSON object (no deserialisation on the way in)
    Map<String, Object> anfrage = new java.util.HashMap<>(Beratungsfall.anfrage("Kita Feldweg Brilon", "KITA", "SPRACHBILDUNG", "WORKSHOP"));
    anfrage.put("zielgruppe", org.camunda.bpm.engine.variable.Variables.serializedObjectValue("[\"ELTERN\"]")
        .serializationDataFormat("application/json").objectTypeName("java.util.ArrayList").create());
    engine.getIdentityService().setAuthentication("pschneider", List.of("kiVerwaltung"));
    try {
      var fall = engine.getRuntimeService().createProcessInstanceByKey(Einrichtungsberatung.SCHLUESSEL)
          .setVariables(org.camunda.bpm.engine.variable.Variables.fromMap(anfrage)).execute();
      assertThat(fall.getBusinessKey()).startsWith("EB-");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void einGeburtsdatumImAnliegenWirdAbgewiesen() {
    Map<String, Object> anfrage = Beratungsfall.anfrage("Kita Eule Brilon", "KITA", "SPRACHBILDUNG", "WORKSHOP");
    anfrage.put("anliegen", "Es geht um Ali, geb. 03.04.2019, der kein Deutsch spricht.");
    anfrage.put("zielgruppe", "[\"KOLLEGIUM\"]"); // as Tasklist submits a checklist
    engine.getIdentityService().setAuthentication("pschneider", List.of("kiVerwaltung"));
    try {
      assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(Einrichtungsberatung.SCHLUESSEL, anfrage))
          .hasMessageContaining("Geburtsdatum");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
