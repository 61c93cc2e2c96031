package de.hsk.ki.prozesse.foerderung;

import static de.hsk.ki.prozesse.foerderung.Foerderung.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.geld.Betrag;
import de.hsk.ki.prozesse.foerderung.Foerderung.Element;
import de.hsk.ki.testkit.AlsPerson;
import de.hsk.ki.testkit.Jobs;
import de.hsk.ki.testkit.Testpostfach;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import static de.hsk.ki.prozesse.foerderung.Foerderfall.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Paths of a funding application on the real wiring, each step completed by a signed-in person as in Tasklist. */
@KiSpringTest
class FoerderantragProzessTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final String FOERDERUNG = Foerderfall.FOERDERUNG;
  static final String LEITUNG = Foerderfall.LEITUNG;
  static final String VERWALTUNG = Foerderfall.VERWALTUNG;

  @Autowired ProcessEngine engine;

  List<MimeMessage> mails(String betreffEnthaelt) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().contains(betreffEnthaelt);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Test
  void einAntragVomEingangUeberZweiTranchenBisZumAnerkanntenNachweis() {
    // given an association applying for two blocks: 2 rooms × 1.000 € and 20 escorts × 35 €
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Willkommen in Arnsberg e.V.", List.of(baustein("A1", 2), baustein("B1", 20))));
    assertThat(fall.aktenzeichen()).matches("FA-\\d{4}-\\d{4,}");
    assertThat(mails("Eingangsbestätigung")).hasSize(1);
    assertThat(Foerderung.PFLICHTUNTERLAGEN.name()).isNotNull();

    // when it is complete and reviewed, the amount is the sum of the rates
    fall.erledige(Task_VollstaendigkeitPruefen, "fyilmaz", FOERDERUNG, Map.of("vorhandeneUnterlagen", fall.unterlagen(), "vollstaendigkeit", "VOLLSTAENDIG"));
    assertThat(fall.betrag("berechneterBetrag")).isEqualByComparingTo("2700.00");
    // no funding year of this programme runs in the tests: the review is told
    assertThat((String) engine.getTaskService().getVariableLocal(fall.aufgabe(Task_FachlichPruefen).getId(), "plausibilitaetText"))
        .contains("noch kein Förderprogrammjahr angelegt");
    fall.erledige(Task_FachlichPruefen, "fyilmaz", FOERDERUNG, pruefung("BEWILLIGEN", "2700,00"));
    assertThat(fall.variable("zeichnungsgruppe")).isEqualTo("kiLeitung");

    // then the reviewer may neither take over nor complete the decision
    Task entscheidung = fall.aufgabe(Task_BewilligungEntscheiden);
    assertThatThrownBy(() -> engine.getTaskService().claim(entscheidung.getId(), "fyilmaz")).hasMessageContaining("Vier-Augen-Prinzip");
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "fyilmaz", LEITUNG, entscheidung.getId(),
        Map.of("entscheidung", "BEWILLIGT", "entscheidungNichtBefangen", true))).hasMessageContaining("Vier-Augen-Prinzip");
    fall.erledige(Task_BewilligungEntscheiden, "mhoffmann", LEITUNG, Map.of("entscheidung", "BEWILLIGT", "entscheidungNichtBefangen", true));
    assertThat(fall.betrag("bewilligterBetrag")).isEqualByComparingTo("2700.00");
    assertThat(mails("Weiterleitungsvertrag").size() + mails("Vertrag").size()).isGreaterThan(0);
    fall.erledige(Task_VertragEingang, "pschneider", VERWALTUNG, Map.of("vertragEingangAm", LocalDate.now().toString()));

    // two tranches: more than the remainder is refused, the certifier may not order
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "fyilmaz", FOERDERUNG, fall.aufgabe(Task_MittelabrufErfassen).getId(),
        Map.of("abrufArt", "ABRUF", "abrufBaustein", "A1", "abrufbetrag", "2700,01", "zweiMonate", true, "kostenplanGeprueft", true)))
        .hasMessageContaining("übersteigt den Restbetrag");
    fall.erledige(Task_MittelabrufErfassen, "fyilmaz", FOERDERUNG,
        Map.of("abrufArt", "ABRUF", "abrufBaustein", "A1", "abrufbetrag", "2000,00", "zweiMonate", true, "kostenplanGeprueft", true));
    fall.erledige(Task_SachlichRichtig, "fyilmaz", FOERDERUNG, Map.of("sachlichRichtig", true));
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "fyilmaz", LEITUNG, fall.aufgabe(Task_AuszahlungAnordnen).getId(),
        Map.of("anordnung", true))).hasMessageContaining("Vier-Augen-Prinzip");
    fall.erledige(Task_AuszahlungAnordnen, "mhoffmann", LEITUNG, Map.of("anordnung", true));
    assertThat(mails("Auszahlungsanordnung")).hasSize(1);
    fall.erledige(Task_ZahlungBuchen, "pschneider", VERWALTUNG, Map.of("gebuchtAm", LocalDate.now().toString()));
    fall.tranche("B1", "700,00");
    assertThat(fall.betrag("ausgezahlterBetrag")).isEqualByComparingTo("2700.00");
    assertThat(Zeilen.von(fall.variable("auszahlungen"))).hasSize(2);

    // the proof shows everything; a second person counter-signs
    fall.nachweis(2, 20);
    assertThat(fall.variable("pruefergebnis")).isEqualTo("ANERKANNT");
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "fyilmaz", FOERDERUNG, fall.aufgabe(Task_PruefvermerkGegenzeichnen).getId(),
        Map.of("gegenzeichnung", "BESTAETIGT"))).hasMessageContaining("Vier-Augen-Prinzip");
    fall.erledige(Task_PruefvermerkGegenzeichnen, "kwolf", FOERDERUNG, Map.of("gegenzeichnung", "BESTAETIGT"));
    assertThat(fall.beendet()).isTrue();
    assertThat(fall.historisch("status")).isEqualTo("ABGESCHLOSSEN");
    assertThat(Betrag.von(fall.historisch("anerkannterBetrag"))).isEqualByComparingTo("2700.00");
  }

  @Test
  void eineAblehnungGehtMitGruendenAnDenTraeger() {
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Kulturbrücke Meschede", List.of(baustein("B2", 2))));
    fall.erledige(Task_VollstaendigkeitPruefen, "fyilmaz", FOERDERUNG, Map.of("vorhandeneUnterlagen", fall.unterlagen(), "vollstaendigkeit", "VOLLSTAENDIG"));
    fall.erledige(Task_FachlichPruefen, "fyilmaz", FOERDERUNG, pruefung("ABLEHNEN", "0,00"));
    // the reason is required for a refusal
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "mhoffmann", LEITUNG, fall.aufgabe(Task_BewilligungEntscheiden).getId(),
        Map.of("entscheidung", "ABGELEHNT", "entscheidungNichtBefangen", true))).hasMessageContaining("Begründung");
    fall.erledige(Task_BewilligungEntscheiden, "mhoffmann", LEITUNG,
        Map.of("entscheidung", "ABGELEHNT", "begruendung", "Zielgruppe nicht erreicht.", "entscheidungNichtBefangen", true));
    assertThat(fall.beendet()).isTrue();
    assertThat(fall.historisch("status")).isEqualTo("ABGELEHNT");
    assertThat(mails("Ablehnung")).hasSize(1);
  }

  @Test
  void einTeilweiseNachgewiesenerBausteinWirdMitZinsenZurueckgefordertUndUnbezahltDerKreiskasseUebergeben() {
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Netzwerk Sundern hilft", List.of(baustein("B1", 20), baustein("D2", 4))));
    fall.erledige(Task_VollstaendigkeitPruefen, "fyilmaz", FOERDERUNG, Map.of("vorhandeneUnterlagen", fall.unterlagen(), "vollstaendigkeit", "VOLLSTAENDIG"));
    assertThat(fall.betrag("berechneterBetrag")).isEqualByComparingTo("900.00"); // 20 × 35 + 4 × 50
    fall.erledige(Task_FachlichPruefen, "fyilmaz", FOERDERUNG, pruefung("BEWILLIGEN", "900,00"));
    fall.erledige(Task_BewilligungEntscheiden, "mhoffmann", LEITUNG, Map.of("entscheidung", "BEWILLIGT", "entscheidungNichtBefangen", true));
    fall.erledige(Task_VertragEingang, "pschneider", VERWALTUNG, Map.of("vertragEingangAm", LocalDate.now().toString()));
    fall.tranche("B1", "700,00");
    fall.tranche("D2", "200,00");

    // 13 of 20 escorts proven: 700 × 13/20 = 455,00 recognised, 245,00 back
    fall.nachweis(13, 4);
    assertThat(fall.variable("pruefergebnis")).isEqualTo("TEILWEISE");
    assertThat(fall.betrag("anerkannterBetrag")).isEqualByComparingTo("655.00");
    fall.erledige(Task_PruefvermerkGegenzeichnen, "kwolf", FOERDERUNG, Map.of("gegenzeichnung", "BESTAETIGT"));
    assertThat(fall.betrag("rueckforderungsbetrag")).isEqualByComparingTo("245.00");
    assertThat(mails("Anhörung")).hasSize(1);

    // no statement: the hearing deadline passes, the Leitung fixes the reclaim, interest runs to the payment deadline
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(fall.id())
        .activityId(Event_AnhoerungAbgelaufen.name()).singleResult().getId());
    fall.jobs();
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "mhoffmann", LEITUNG, fall.aufgabe(Task_RueckforderungEntscheiden).getId(),
        Map.of("rueckforderungEntscheidung", "FESTSETZEN", "festgesetzterBetrag", "245,01", "begruendung", "Mengen unterschritten.", "rueckforderungNichtBefangen", true)))
        .hasMessageContaining("höchstens");
    fall.erledige(Task_RueckforderungEntscheiden, "mhoffmann", LEITUNG,
        Map.of("rueckforderungEntscheidung", "FESTSETZEN", "festgesetzterBetrag", "245,00", "begruendung", "Mengen unterschritten.", "rueckforderungNichtBefangen", true));
    assertThat(fall.betrag("zinsen").signum()).isGreaterThanOrEqualTo(0);
    assertThat(mails("Rückforderung")).isNotEmpty();

    // unpaid by the deadline: handed to the county treasury
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(fall.id())
        .activityId(Event_ZahlungUeberfaellig.name()).singleResult().getId());
    fall.jobs();
    assertThat(fall.beendet()).isTrue();
    assertThat(fall.historisch("status")).isEqualTo("VOLLSTRECKUNG");
    assertThat(mails("Vollstreckung")).hasSize(1);
  }

  @Test
  void eineFalscheIbanUndFehlendeErklaerungenWerdenAbgewiesenOhneDassEinFallEntsteht() {
    Map<String, Object> antrag = antrag("Verein mit Tippfehler", List.of(baustein("B1", 10)));
    antrag.put("iban", "DE89 3704 0044 0532 0130 01");
    antrag.put("erklaerungen", new ArrayList<>(List.of("NICHT_BEGONNEN")));
    long vorher = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Foerderung.ANTRAG).count();
    assertThatThrownBy(() -> Foerderfall.eingang(engine, antrag)).hasMessageContaining("IBAN").hasMessageContaining("Erklärungen");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Foerderung.ANTRAG).count()).isEqualTo(vorher);
  }


  // ---- every deadline: answered in time, late, never ----

  @Test
  void fehlendeUnterlagenKommenInDerFristNachDerErinnerungOderNieUndDieLeitungEntscheidet() {
    // in time: the request names what is missing and its deadline; the documents arrive, completeness is checked again
    Foerderfall rechtzeitig = Foerderfall.eingang(engine, antrag("Nachreicher in der Frist e.V.", List.of(baustein("B1", 10))));
    unvollstaendig(rechtzeitig);
    assertThat(mails("Nachforderung von Unterlagen").stream().filter(m -> betreff(m).contains(rechtzeitig.aktenzeichen()))).hasSize(1);
    LocalDate frist = LocalDate.parse((String) rechtzeitig.variable("nachforderungBis"));
    assertThat(frist).isEqualTo(LocalDate.now().plus(java.time.Period.parse("P14D"))); // Decision_FA_Fristen, KOMM_AN_II
    assertThat(rechtzeitig.aufgabe(Task_UnterlagenEingang).getDueDate()).isNotNull();
    rechtzeitig.erledige(Task_UnterlagenEingang, "pschneider", VERWALTUNG, Map.of("unterlagenEingangAm", LocalDate.now().toString()));
    assertThat(rechtzeitig.aufgabe(Task_VollstaendigkeitPruefen)).isNotNull();

    // late: at the deadline one reminder with a week more; the documents come then
    Foerderfall spaet = Foerderfall.eingang(engine, antrag("Nachreicher nach Erinnerung e.V.", List.of(baustein("B1", 10))));
    unvollstaendig(spaet);
    java.util.Date abgelaufen = spaet.timerFeuertAmTag(Event_NachforderungAbgelaufen);
    assertThat(abgelaufen.toInstant().atZone(de.hsk.ki.plattform.zeit.Zeit.ZONE).toLocalDate())
        .isEqualTo(LocalDate.now().plusDays(14));
    assertThat(mails("Nachforderung von Unterlagen").stream().filter(m -> betreff(m).contains(spaet.aktenzeichen()))).hasSize(2);
    spaet.erledige(Task_UnterlagenEingangNachErinnerung, "pschneider", VERWALTUNG, Map.of("unterlagenEingangAm", LocalDate.now().toString()));
    assertThat(spaet.aufgabe(Task_VollstaendigkeitPruefen)).isNotNull();

    // never: the Leitung extends once, then refuses; the refusal letter goes out
    Foerderfall nie = Foerderfall.eingang(engine, antrag("Nachreicher nie e.V.", List.of(baustein("B1", 10))));
    unvollstaendig(nie);
    nie.timerFeuert(Event_NachforderungAbgelaufen);
    nie.timerFeuert(Event_ErinnerungAbgelaufen);
    assertThat(nie.kandidaten(Task_FristverlaengerungEntscheiden)).containsExactly(LEITUNG);
    nie.erledige(Task_FristverlaengerungEntscheiden, "mhoffmann", LEITUNG, Map.of("fristverlaengerung", "VERLAENGERN",
        "nachforderungBis", LocalDate.now().plusDays(10).toString(), "begruendung", "Vorstand im Urlaub."));
    assertThat(nie.aufgabe(Task_UnterlagenEingangNachErinnerung).getDueDate()).isNotNull();
    nie.timerFeuert(Event_ErinnerungAbgelaufen);
    nie.erledige(Task_FristverlaengerungEntscheiden, "mhoffmann", LEITUNG,
        Map.of("fristverlaengerung", "ABLEHNEN", "begruendung", "Unterlagen trotz Verlängerung nicht eingegangen."));
    assertThat(nie.beendet()).isTrue();
    assertThat(nie.historisch("status")).isEqualTo("ABGELEHNT");
    assertThat(mails("Ablehnung").stream().filter(m -> betreff(m).contains(nie.aktenzeichen()))).hasSize(1);
  }

  void unvollstaendig(Foerderfall fall) {
    fall.erledige(Task_VollstaendigkeitPruefen, "fyilmaz", FOERDERUNG, Map.of("vorhandeneUnterlagen", new ArrayList<>(),
        "vollstaendigkeit", "UNVOLLSTAENDIG", "fehlendeUnterlagen", "Satzung, Vereinsregisterauszug"));
  }

  @Test
  void derVertragKommtNachDerErinnerungOderNieUndDieBewilligungWirdZurueckgezogen() {
    Foerderfall erinnert = Foerderfall.eingang(engine, antrag("Vertrag nach Erinnerung e.V.", List.of(baustein("B1", 10))));
    erinnert.vollstaendigUndGeprueft("350,00");
    erinnert.erledige(Task_BewilligungEntscheiden, "mhoffmann", LEITUNG, Map.of("entscheidung", "BEWILLIGT", "entscheidungNichtBefangen", true));
    java.util.Date erinnerung = erinnert.timerFeuertAmTag(Event_VertragNichtZurueck);
    assertThat(erinnerung.toInstant().atZone(de.hsk.ki.plattform.zeit.Zeit.ZONE).toLocalDate()).isEqualTo(LocalDate.now().plusDays(28));
    assertThat(mails("Erinnerung an den Weiterleitungsvertrag").stream().filter(m -> betreff(m).contains(erinnert.aktenzeichen()))).hasSize(1);
    erinnert.erledige(Task_VertragEingangNachErinnerung, "pschneider", VERWALTUNG, Map.of("vertragEingangAm", LocalDate.now().toString()));
    assertThat(erinnert.aufgabe(Task_MittelabrufErfassen)).isNotNull();

    Foerderfall nie = Foerderfall.eingang(engine, antrag("Vertrag nie e.V.", List.of(baustein("B1", 10))));
    nie.vollstaendigUndGeprueft("350,00");
    nie.erledige(Task_BewilligungEntscheiden, "mhoffmann", LEITUNG, Map.of("entscheidung", "BEWILLIGT", "entscheidungNichtBefangen", true));
    nie.timerFeuert(Event_VertragNichtZurueck);
    java.util.Date rueckzug = nie.timerFeuertAmTag(Event_VertragWeiterNichtZurueck);
    assertThat(rueckzug.toInstant().atZone(de.hsk.ki.plattform.zeit.Zeit.ZONE).toLocalDate()).isEqualTo(LocalDate.now().plusDays(56));
    // the Leitung first waits a week, then withdraws
    nie.erledige(Task_BewilligungZurueckziehen, "mhoffmann", LEITUNG, Map.of("rueckzug", "WARTEN",
        "vertragWartenBis", LocalDate.now().plusDays(7).toString(), "begruendung", "Vorstand hat Rücksendung zugesagt."));
    java.util.Date gewartet = nie.timerFeuertAmTag(Event_VertragWeiterNichtZurueck);
    assertThat(gewartet.toInstant().atZone(de.hsk.ki.plattform.zeit.Zeit.ZONE).toLocalDate()).isEqualTo(LocalDate.now().plusDays(7));
    nie.erledige(Task_BewilligungZurueckziehen, "mhoffmann", LEITUNG,
        Map.of("rueckzug", "ZURUECKZIEHEN", "begruendung", "Vertrag trotz Erinnerung nicht zurückgesandt."));
    assertThat(nie.beendet()).isTrue();
    assertThat(nie.historisch("status")).isEqualTo("ZURUECKGEZOGEN");
  }

  @Test
  void nachDemLetztenAbruftagVerfallenDieRestmittelUndDerNachweisFolgt() {
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Abruffrist e.V.", List.of(baustein("B1", 20))));
    fall.bewilligtMitVertrag("700,00");
    assertThat(fall.variable("letzterAbruftag")).isNull(); // task-local only
    fall.tranche("B1", "300,00");
    java.util.Date frist = fall.timerFeuertAmTag(Event_AbruffristAbgelaufen);
    assertThat(frist.toInstant().atZone(de.hsk.ki.plattform.zeit.Zeit.ZONE).toLocalDate()).isEqualTo(LocalDate.of((int) JAHR, 11, 16));
    assertThat(fall.aufgabe(Task_VerwendungsnachweisEingang)).isNotNull();
    assertThat(fall.betrag("ausgezahlterBetrag")).isEqualByComparingTo("300.00");
  }

  @Test
  void ohneVerwendungsnachweisErinnertDasKiZweimalUndDieLeitungWiderruftMitVollerRueckforderung() {
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Nachweis fehlt e.V.", List.of(baustein("B1", 20))));
    fall.bewilligtMitVertrag("700,00");
    fall.tranche("B1", "700,00");
    LocalDate faellig = LocalDate.of((int) JAHR + 1, 1, 31);
    assertThat(fall.variable("vnFaelligAm")).isEqualTo(faellig.toString());

    // four weeks before: a notice; on the day after: a reminder; two weeks later: the second one announcing revocation
    assertThat(tag(fall.timerFeuertAmTag(Event_VnHinweis))).isEqualTo(faellig.minusDays(28));
    assertThat(tag(fall.timerFeuertAmTag(Event_VnFaellig))).isEqualTo(faellig.plusDays(1));
    assertThat(tag(fall.timerFeuertAmTag(Event_VnZweiteErinnerung))).isEqualTo(faellig.plusDays(14));
    List<String> texte = mails("Verwendungsnachweis").stream().filter(m -> betreff(m).contains(fall.aktenzeichen())).map(FoerderantragProzessTest::text).toList();
    assertThat(texte).hasSize(3);
    assertThat(texte.get(0)).contains("bis zum 31.01." + (JAHR + 1) + " fällig");
    assertThat(texte.get(1)).contains("liegt uns noch nicht vor");
    assertThat(texte.get(2)).contains("prüfen wir").contains("Widerruf");

    // four weeks after: the Leitung grants a grace period once, then revokes
    assertThat(tag(fall.timerFeuertAmTag(Event_VnUeberfaellig))).isEqualTo(faellig.plusDays(28));
    fall.erledige(Task_WiderrufPruefen, "mhoffmann", LEITUNG, Map.of("widerruf", "NACHFRIST",
        "nachfristBis", LocalDate.now().plusDays(14).toString(), "begruendung", "Kassenwart erkrankt."));
    assertThat(fall.variable("vnFaelligAm")).isEqualTo(LocalDate.now().plusDays(14).toString());
    fall.timerFeuert(Event_VnUeberfaellig);
    fall.erledige(Task_WiderrufPruefen, "mhoffmann", LEITUNG, Map.of("widerruf", "WIDERRUF", "begruendung", "Kein Nachweis trotz Nachfrist."));
    assertThat(fall.variable("rueckforderungGrund")).isEqualTo("VN_NICHT_VORGELEGT");
    assertThat(fall.variable("massnahme")).isEqualTo("VOLLWIDERRUF");
    assertThat(fall.betrag("rueckforderungsbetrag")).isEqualByComparingTo("700.00");
    assertThat(fall.aufgabe(Task_StellungnahmeErfassen)).isNotNull();

    // the association answers in time; the Leitung fixes the reclaim; it is paid
    fall.erledige(Task_StellungnahmeErfassen, "fyilmaz", FOERDERUNG,
        Map.of("stellungnahmeAm", LocalDate.now().toString(), "stellungnahme", "Maßnahme ausgefallen, Rückzahlung zugesagt."));
    fall.erledige(Task_RueckforderungEntscheiden, "mhoffmann", LEITUNG, Map.of("rueckforderungEntscheidung", "FESTSETZEN",
        "festgesetzterBetrag", "700,00", "begruendung", "Vollwiderruf, kein Nachweis.", "rueckforderungNichtBefangen", true));
    fall.erledige(Task_ZahlungseingangErfassen, "pschneider", VERWALTUNG,
        Map.of("zahlungEingangAm", LocalDate.now().toString(), "zahlungBetrag", "700,00"));
    assertThat(fall.beendet()).isTrue();
    assertThat(fall.historisch("status")).isEqualTo("ZURUECKGEZAHLT");
  }

  @Test
  void eineTeilbewilligungVerteiltDenBetragCentgenauUndEineRueckgabeGehtZurPruefung() {
    // 3 × 35 (B1) + 1 × 250 (B2) + 1 × 50 (C2) = 405,00
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Teilbewilligung e.V.", List.of(baustein("B1", 3), baustein("B2", 1), baustein("C2", 1))));
    fall.vollstaendigUndGeprueft("405,00");
    fall.erledige(Task_BewilligungEntscheiden, "mhoffmann", LEITUNG,
        Map.of("entscheidung", "ZURUECK_AN_PRUEFUNG", "begruendung", "Bitte Kostenplan B2 nachfragen.", "entscheidungNichtBefangen", true));
    fall.erledige(Task_FachlichPruefen, "fyilmaz", FOERDERUNG, pruefung("TEILWEISE", "400,00"));
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "mhoffmann", LEITUNG, fall.aufgabe(Task_BewilligungEntscheiden).getId(),
        Map.of("entscheidung", "TEILBEWILLIGT", "bewilligterBetrag", "405,00", "begruendung", "B2 gekürzt.", "entscheidungNichtBefangen", true)))
        .hasMessageContaining("unter dem berechneten Betrag");
    fall.erledige(Task_BewilligungEntscheiden, "mhoffmann", LEITUNG,
        Map.of("entscheidung", "TEILBEWILLIGT", "bewilligterBetrag", "100,00", "begruendung", "Nur ein Teil plausibel.", "entscheidungNichtBefangen", true));
    // 100 × 105/405 = 25,92…, 100 × 250/405 = 61,72…, the last row takes the remaining cents
    List<Map<String, Object>> zeilen = Zeilen.von(fall.variable("bausteine"));
    assertThat(zeilen).extracting(z -> z.get("bewilligt")).containsExactly("25,92", "61,72", "12,36");
    assertThat(zeilen.stream().map(z -> Betrag.von(z.get("bewilligt"))).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.00");
    assertThat(fall.betrag("bewilligterBetrag")).isEqualByComparingTo("100.00");
  }

  @Test
  void ueberZehntausendEuroZeichnetDieFachdienstleitung() {
    // 2 × 1.000 (A1) + 12 × 400 (A2) + 8 × 250 (B2) + 24 × 100 (D1) + 2 × 500 (C1) = 12.200,00
    Map<String, Object> gross = antrag("Großer Träger gGmbH",
        List.of(baustein("A1", 2), baustein("A2", 12), baustein("B2", 8), baustein("D1", 24), baustein("C1", 2)));
    gross.put("ehrenamtliche", 5L);
    Foerderfall fall = Foerderfall.eingang(engine, gross);
    fall.vollstaendigUndGeprueft("12200,00");
    assertThat(fall.variable("zeichnungsgruppe")).isEqualTo("fachdienstleitung");
    assertThat(fall.kandidaten(Task_BewilligungEntscheiden)).containsExactly("fachdienstleitung");
    // a hint for the review: 2.440 € per volunteer (5 volunteers) is more than 2.000 €
    assertThat(de.hsk.ki.plattform.fall.Listen.alsStrings(fall.variable("plausibilitaetshinweise")))
        .anyMatch(h -> h.startsWith("Verhältnismäßigkeit prüfen"));
  }

  @Test
  void einVerspaeteterAntragBrauchtDieZulassungDerLeitung() {
    // given a running funding year whose local deadline passed yesterday
    var jahr = engine.getRuntimeService().createProcessInstanceByKey(Foerderung.PROGRAMMJAHR)
        .setVariable("programm", "IFKUF").setVariable("foerderjahr", JAHR)
        .setVariable("lokaleAntragsfrist", LocalDate.now().minusDays(1).toString())
        .setVariable("landesantragsfrist", LocalDate.now().plusMonths(1).toString())
        .startBeforeActivity("Task_LandesantragVorbereiten").execute();
    try {
      Map<String, Object> spaet = antrag("Späte Initiative", List.of(baustein("GRUNDQUALIFIZIERUNG", 1)));
      spaet.put("programm", "IFKUF");
      Foerderfall abgelehnt = Foerderfall.eingang(engine, spaet);
      assertThat(abgelehnt.variable("verspaetet")).isEqualTo(true);
      assertThat(abgelehnt.kandidaten(Task_VerspaetungEntscheiden)).containsExactly(LEITUNG);
      abgelehnt.erledige(Task_VerspaetungEntscheiden, "mhoffmann", LEITUNG,
          Map.of("verspaetungZulassung", "ABLEHNEN", "begruendung", "Frist war öffentlich bekannt."));
      assertThat(abgelehnt.beendet()).isTrue();
      assertThat(mails("Ablehnung").stream().filter(m -> betreff(m).contains(abgelehnt.aktenzeichen()))).hasSize(1);

      Foerderfall zugelassen = Foerderfall.eingang(engine, spaet);
      zugelassen.erledige(Task_VerspaetungEntscheiden, "mhoffmann", LEITUNG,
          Map.of("verspaetungZulassung", "ZULASSEN", "begruendung", "Poststempel vor Fristende."));
      assertThat(zugelassen.aufgabe(Task_VollstaendigkeitPruefen)).isNotNull();
    } finally {
      engine.getRuntimeService().deleteProcessInstance(jahr.getId(), "Testende");
    }
  }

  @Test
  void eineAenderungsanzeigeSenktDieBewilligungNachFreigabeUndDerNachweisFordertDasZuvielGezahlteZurueck() {
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Kleiner als geplant e.V.", List.of(baustein("B1", 20))));
    // before the approval a change notice is refused with a reason
    assertThatThrownBy(() -> aenderungMelden(fall.aktenzeichen())).hasMessageContaining("noch nicht bewilligt");
    fall.bewilligtMitVertrag("700,00");
    fall.tranche("B1", "700,00");

    // the association reports half the escorts; funding staff propose 350,00, the Leitung releases it
    aenderungMelden(fall.aktenzeichen());
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "fyilmaz", FOERDERUNG, fall.aufgabe(Task_AenderungBewerten).getId(),
        anpassung(fall, "700,00"))).hasMessageContaining("senkt die Bewilligung");
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "fyilmaz", FOERDERUNG, fall.aufgabe(Task_AenderungBewerten).getId(),
        anpassung(fall, "800,00"))).hasMessageContaining("höchstens der bisher bewilligte Betrag");
    fall.erledige(Task_AenderungBewerten, "fyilmaz", FOERDERUNG, anpassung(fall, "350,00"));
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "fyilmaz", LEITUNG, fall.aufgabe(Task_AenderungFreigeben).getId(),
        Map.of("aenderungFreigabe", "FREIGEGEBEN"))).hasMessageContaining("Vier-Augen-Prinzip");
    fall.erledige(Task_AenderungFreigeben, "mhoffmann", LEITUNG, Map.of("aenderungFreigabe", "FREIGEGEBEN"));
    assertThat(fall.betrag("bewilligterBetrag")).isEqualByComparingTo("350.00");
    assertThat(Zeilen.von(fall.variable("bausteine")).get(0).get("bewilligt")).isEqualTo("350,00");
    // the main path went on meanwhile: the case still waits for the proof of use
    assertThat(fall.aufgabe(Task_VerwendungsnachweisEingang)).isNotNull();

    // ten escorts proven: 350,00 recognised of 700,00 paid, the other half goes back
    fall.nachweis(10);
    assertThat(fall.betrag("anerkannterBetrag")).isEqualByComparingTo("350.00");
    assertThat(fall.variable("anteilProzent")).isEqualTo(50L);
    assertThat(fall.variable("pruefergebnis")).isEqualTo("TEILWEISE");
    fall.erledige(Task_PruefvermerkGegenzeichnen, "kwolf", FOERDERUNG, Map.of("gegenzeichnung", "BESTAETIGT"));
    assertThat(fall.betrag("rueckforderungsbetrag")).isEqualByComparingTo("350.00");
  }

  /** The assessment's rows as the form submits them, every block set to the given amounts in turn. */
  Map<String, Object> anpassung(Foerderfall fall, String... neu) {
    List<Map<String, Object>> zeilen = Zeilen.von(engine.getTaskService().getVariableLocal(fall.aufgabe(Task_AenderungBewerten).getId(), "anpassungszeilen"));
    for (int i = 0; i < zeilen.size(); i++) {
      zeilen.get(i).put("neu", neu[i]);
    }
    return Map.of("aenderungWirkung", "ANPASSUNG", "anpassungszeilen", zeilen, "aenderungBewertung", "Hälfte der Begleitungen.");
  }

  @Test
  void eineAnpassungSenktNurDenGenanntenBausteinZeigtOffenenAufgabenDenNeuenRestbetragUndGehtAlsBriefAnDenTraeger() throws Exception {
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Nur B1 kleiner e.V.", List.of(baustein("A1", 2), baustein("B1", 20))));
    fall.bewilligtMitVertrag("2700,00");
    fall.tranche("A1", "2000,00");
    assertThat(engine.getTaskService().getVariableLocal(fall.aufgabe(Task_MittelabrufErfassen).getId(), "restText")).isEqualTo("700,00 €");
    String meldung = aenderungMelden(fall.aktenzeichen());
    // Tasklist's answer after the start points to the application, not to a "closed case"
    var sitzung = new de.hsk.ki.testkit.WebappSitzung(port);
    sitzung.anmelden("fyilmaz", de.hsk.ki.testkit.Rest.DEMO_PASSWORT);
    assertThat(sitzung.get("/ki/fall/" + meldung + "/naechster-schritt").body()).contains("\"weiterAn\":\"" + fall.aktenzeichen() + "\"");
    fall.erledige(Task_AenderungBewerten, "fyilmaz", FOERDERUNG, anpassung(fall, "2000,00", "420,00"));
    fall.erledige(Task_AenderungFreigeben, "mhoffmann", LEITUNG, Map.of("aenderungFreigabe", "FREIGEGEBEN"));
    assertThat(Zeilen.von(fall.variable("bausteine"))).extracting(z -> z.get("bewilligt")).containsExactly("2000,00", "420,00");
    assertThat(fall.betrag("bewilligterBetrag")).isEqualByComparingTo("2420.00");
    // the open funds request shows the new remainder at once
    assertThat(engine.getTaskService().getVariableLocal(fall.aufgabe(Task_MittelabrufErfassen).getId(), "restText")).isEqualTo("420,00 €");
    assertThat(engine.getTaskService().getVariableLocal(fall.aufgabe(Task_MittelabrufErfassen).getId(), "bewilligtText")).isEqualTo("2.420,00 €");
    // and the association is told
    List<MimeMessage> brief = mails("Änderung der Zuwendung").stream().filter(m -> betreff(m).contains(fall.aktenzeichen())).toList();
    assertThat(brief).hasSize(1);
    assertThat(ablage.briefe(fall.aktenzeichen())).extracting(Briefablage.Eintrag::art).contains(Briefart.ANPASSUNG);
  }

  String aenderungMelden(String aktenzeichen) {
    engine.getIdentityService().setAuthentication("fyilmaz", List.of(FOERDERUNG));
    String id;
    try {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(Foerderaenderung.SCHLUESSEL)
          .latestVersion().singleResult().getId();
      id = engine.getFormService().submitStartForm(definition, Map.of("aenderungFall", aktenzeichen, "aenderungArt", "KLEINER",
          "aenderungEingangAm", LocalDate.now().toString(), "aenderungBeschreibung", "Nur zehn statt zwanzig Begleitungen.")).getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Jobs.ausfuehren(engine, id);
    return id;
  }

  @Test
  void zweiWochenVorDemLetztenAbruftagErfaehrtDerTraegerDenRestbetragEinmal() {
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Restbetrag e.V.", List.of(baustein("B1", 20))));
    fall.bewilligtMitVertrag("700,00");
    fall.tranche("B1", "200,00");
    assertThat(tag(fall.timerFeuertAmTag(Event_LetzterAbrufNaht))).isEqualTo(LocalDate.of((int) JAHR, 11, 1));
    List<MimeMessage> hinweis = mails("letzter Tag für Mittelabrufe").stream().filter(m -> betreff(m).contains(fall.aktenzeichen())).toList();
    assertThat(hinweis).hasSize(1);
    assertThat(text(hinweis.get(0))).contains("15.11." + JAHR).contains("500,00 €");
    // a further call-off: the notice is not sent again, its timer now lies behind the last day
    fall.tranche("B1", "100,00");
    var timer = engine.getManagementService().createJobQuery().processInstanceId(fall.id()).timers().activityId(Event_LetzterAbrufNaht.name()).singleResult();
    assertThat(tag(timer.getDuedate())).isEqualTo(LocalDate.of((int) JAHR, 11, 17));
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @Test
  void auchUeberRestEntscheidetNichtWerGeprueftHat() throws Exception {
    // a coordinator who also belongs to the funding group reviews an application ...
    String doppelrolle = de.hsk.ki.testkit.Testkonto.anlegen(engine.getIdentityService(), "fdoppel", "Frida", "Doppelrolle", FOERDERUNG, LEITUNG);
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Doppelrolle prüft e.V.", List.of(baustein("B1", 10))));
    fall.erledige(Task_VollstaendigkeitPruefen, "fyilmaz", FOERDERUNG, Map.of("vorhandeneUnterlagen", fall.unterlagen(), "vollstaendigkeit", "VOLLSTAENDIG"));
    de.hsk.ki.testkit.Rest leitung = de.hsk.ki.testkit.Rest.als(port, doppelrolle);
    String pruefung = fall.aufgabe(Task_FachlichPruefen).getId();
    var uebernahme = leitung.post("/task/" + pruefung + "/claim", Map.of("userId", doppelrolle));
    assertThat(uebernahme.statusCode()).as(uebernahme.body()).isEqualTo(204);
    var antwort = leitung.post("/task/" + pruefung + "/submit-form", de.hsk.ki.testkit.Rest.formular(pruefung("BEWILLIGEN", "350,00")));
    assertThat(antwort.statusCode()).as(antwort.body()).isEqualTo(204);
    fall.jobs();
    assertThat(fall.variable("pruefer")).isEqualTo(doppelrolle);
    // ... so she may neither take over nor complete the decision through REST; a colleague may
    String entscheidung = fall.aufgabe(Task_BewilligungEntscheiden).getId();
    var uebernehmen = leitung.post("/task/" + entscheidung + "/claim", Map.of("userId", doppelrolle));
    assertThat(uebernehmen.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(uebernehmen.body()).contains("Vier-Augen-Prinzip");
    var abschliessen = leitung.post("/task/" + entscheidung + "/submit-form",
        de.hsk.ki.testkit.Rest.formular(Map.of("entscheidung", "BEWILLIGT", "entscheidungNichtBefangen", true)));
    assertThat(abschliessen.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(abschliessen.body()).contains("Vier-Augen-Prinzip");
    assertThat(fall.aufgabe(Task_BewilligungEntscheiden)).isNotNull();
    var kollegin = de.hsk.ki.testkit.Rest.als(port, "mhoffmann");
    assertThat(kollegin.post("/task/" + entscheidung + "/claim", Map.of("userId", "mhoffmann")).statusCode()).isEqualTo(204);
    var entschieden = kollegin.post("/task/" + entscheidung + "/submit-form",
        de.hsk.ki.testkit.Rest.formular(Map.of("entscheidung", "BEWILLIGT", "entscheidungNichtBefangen", true)));
    assertThat(entschieden.statusCode()).as(entschieden.body()).isEqualTo(204);
  }

  @Test
  void einUnvollstaendigerNachweisWirdEinmalNachgefordertDannNichtAnerkanntUndEineRueckgabeGehtZurPruefung() {
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Nachweis lückenhaft e.V.", List.of(baustein("B1", 20))));
    fall.bewilligtMitVertrag("700,00");
    fall.tranche("B1", "700,00");
    unvollstaendigerNachweis(fall);
    assertThat(fall.variable("pruefergebnis")).isEqualTo("NACHFORDERUNG");
    // the second person sends the check back once; then counter-signs the request for more
    fall.erledige(Task_PruefvermerkGegenzeichnen, "kwolf", FOERDERUNG, Map.of("gegenzeichnung", "ZURUECK", "gegenzeichnungNotiz", "Belegliste fehlt im Vermerk."));
    assertThat(fall.aufgabe(Task_VerwendungsnachweisPruefen)).isNotNull();
    fall.erledige(Task_VerwendungsnachweisPruefen, "fyilmaz", FOERDERUNG, nachweisWerte(fall, false, 20));
    fall.erledige(Task_PruefvermerkGegenzeichnen, "kwolf", FOERDERUNG, Map.of("gegenzeichnung", "BESTAETIGT"));
    assertThat(fall.variable("vnNachforderungen")).isEqualTo(1L);
    // the second incomplete proof is not recognised: reclaim
    unvollstaendigerNachweis(fall);
    assertThat(fall.variable("pruefergebnis")).isEqualTo("NICHT_ANERKANNT");
    fall.erledige(Task_PruefvermerkGegenzeichnen, "kwolf", FOERDERUNG, Map.of("gegenzeichnung", "BESTAETIGT"));
    assertThat(fall.aufgabe(Task_StellungnahmeErfassen)).isNotNull();
  }

  void unvollstaendigerNachweis(Foerderfall fall) {
    fall.erledige(Task_VerwendungsnachweisEingang, "pschneider", VERWALTUNG, Map.of("vnEingangAm", LocalDate.now().toString()));
    fall.erledige(Task_VerwendungsnachweisPruefen, "fyilmaz", FOERDERUNG, nachweisWerte(fall, false, 20));
  }

  Map<String, Object> nachweisWerte(Foerderfall fall, boolean vollstaendig, long nachgewiesen) {
    List<Map<String, Object>> zeilen = Zeilen.von(engine.getTaskService().getVariableLocal(fall.aufgabe(Task_VerwendungsnachweisPruefen).getId(), "nachweiszeilen"));
    zeilen.get(0).put("nachgewiesen", nachgewiesen);
    return Map.of("vnVollstaendig", vollstaendig, "nachweiszeilen", zeilen, "teilnehmendeTatsaechlich", 30L, "auflagenErfuellt", true,
        "abweichungen", "Sachbericht fehlt.");
  }

  @Autowired Briefablage ablage;
  @Autowired de.hsk.ki.plattform.datenschutz.FallLoeschung loeschung;

  @Test
  void dieBriefeDesFallsSindAbgelegtWieSieVersandtWurdenNurFuerDieFoerderungLesbarUndMitDemFallGeloescht() throws Exception {
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Briefablage e.V.", List.of(baustein("B1", 10))));
    fall.bewilligtMitVertrag("350,00");
    List<Briefablage.Eintrag> briefe = ablage.briefe(fall.aktenzeichen());
    assertThat(briefe).extracting(Briefablage.Eintrag::art).containsExactly(Briefart.EINGANGSBESTAETIGUNG, Briefart.BEWILLIGUNG, Briefart.VERTRAG);
    // approval and contract went in one e-mail with two PDFs
    List<MimeMessage> bewilligung = mails("Bewilligung und Weiterleitungsvertrag").stream().filter(m -> betreff(m).contains(fall.aktenzeichen())).toList();
    assertThat(bewilligung).hasSize(1);
    assertThat(((jakarta.mail.Multipart) bewilligung.get(0).getContent()).getCount()).isEqualTo(3);

    var foerderung = new de.hsk.ki.testkit.WebappSitzung(port);
    foerderung.anmelden("fyilmaz", de.hsk.ki.testkit.Rest.DEMO_PASSWORT);
    var liste = foerderung.get("/ki/foerderung/" + fall.aktenzeichen() + "/briefe");
    assertThat(liste.statusCode()).isEqualTo(200);
    assertThat(liste.body()).contains("Eingangsbestätigung").contains("Weiterleitungsvertrag").contains("Briefablage e.V.");
    var vertrag = foerderung.getBytes("/ki/foerderung/" + fall.aktenzeichen() + "/briefe/" + briefe.get(2).schluessel());
    assertThat(vertrag.statusCode()).isEqualTo(200);
    assertThat(pdfText(vertrag.body())).contains("Weiterleitungsvertrag").contains("350,00 €");

    // a teacher of the KI reads no funding letters
    var lehrkraft = new de.hsk.ki.testkit.WebappSitzung(port);
    lehrkraft.anmelden("tbecker", de.hsk.ki.testkit.Rest.DEMO_PASSWORT);
    assertThat(lehrkraft.get("/ki/foerderung/" + fall.aktenzeichen() + "/briefe").statusCode()).isEqualTo(403);
    assertThat(lehrkraft.getBytes("/ki/foerderung/" + fall.aktenzeichen() + "/briefe/" + briefe.get(2).schluessel()).statusCode()).isEqualTo(403);

    // erasure of the case takes its letters
    engine.getRuntimeService().deleteProcessInstance(fall.id(), "Testende");
    loeschung.loesche(fall.aktenzeichen(), "admin", "Löschung auf Antrag");
    assertThat(ablage.briefe(fall.aktenzeichen())).isEmpty();
  }

  static String pdfText(byte[] pdf) throws Exception {
    var reader = new com.lowagie.text.pdf.PdfReader(pdf);
    var extraktor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
    StringBuilder text = new StringBuilder();
    for (int seite = 1; seite <= reader.getNumberOfPages(); seite++) {
      text.append(extraktor.getTextFromPage(seite)).append('\n');
    }
    return text.toString();
  }

  static LocalDate tag(java.util.Date datum) {
    return datum.toInstant().atZone(de.hsk.ki.plattform.zeit.Zeit.ZONE).toLocalDate();
  }

  static String betreff(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(MimeMessage m) {
    try {
      return m.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
