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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Paths of a funding application on the real wiring, each step completed by a signed-in person as in Tasklist. */
@KiSpringTest
class FoerderantragProzessTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  static final String FOERDERUNG = "kiFoerderung";
  static final String LEITUNG = "kiLeitung";
  static final String VERWALTUNG = "kiVerwaltung";
  /** Applications in autumn are for next year: calls for funds and the proof of use lie ahead. */
  static final long JAHR = de.hsk.ki.plattform.zeit.Zeit.heute().getYear() + 1L;

  @Autowired ProcessEngine engine;

  static Map<String, Object> antrag(String traeger, List<Map<String, Object>> bausteine) {
    Map<String, Object> v = new HashMap<>();
    v.put("programm", "KOMM_AN_II");
    v.put("foerderjahr", JAHR);
    v.put("eingangsdatum", LocalDate.now().toString());
    v.put("traeger", traeger);
    v.put("rechtsform", "EV");
    v.put("register", "Amtsgericht Arnsberg VR 1234");
    v.put("strasse", "Marktstraße 5");
    v.put("plz", "59821");
    v.put("ort", "Arnsberg");
    v.put("kommune", "ARNSBERG");
    v.put("ansprechperson", "Maria Beispiel");
    v.put("email", "vorstand@" + traeger.toLowerCase().replaceAll("[^a-z]", "") + ".example.org");
    v.put("vertretung", "Maria Beispiel (Vorsitzende)");
    v.put("ehrenamtliche", 12L);
    v.put("teilnehmende", 40L);
    v.put("iban", "DE89 3704 0044 0532 0130 00");
    v.put("kontoinhaber", traeger);
    v.put("bausteine", Zeilen.alsJson(bausteine));
    v.put("erklaerungen", new ArrayList<>(FoerderantragRegeln.ERKLAERUNGEN_ALLE));
    return v;
  }

  static Map<String, Object> baustein(String code, long menge) {
    Map<String, Object> z = new LinkedHashMap<>();
    z.put("baustein", code);
    z.put("menge", menge);
    return z;
  }

  ProcessInstance eingang(Map<String, Object> antrag) {
    ProcessInstance fall;
    engine.getIdentityService().setAuthentication("fyilmaz", List.of(FOERDERUNG));
    try {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(Foerderung.ANTRAG)
          .latestVersion().singleResult().getId();
      fall = engine.getFormService().submitStartForm(definition, antrag);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Jobs.ausfuehren(engine, fall.getId());
    return fall;
  }

  Task aufgabe(ProcessInstance fall, Element element) {
    List<Task> offen = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey(element.name()).list();
    assertThat(offen).as("open task " + element).hasSize(1);
    return offen.get(0);
  }

  void erledige(ProcessInstance fall, Element element, String person, String gruppe, Map<String, Object> werte) {
    AlsPerson.erledige(engine, person, gruppe, aufgabe(fall, element).getId(), werte);
    Jobs.ausfuehren(engine, fall.getId());
  }

  Object variable(ProcessInstance fall, String name) {
    return engine.getRuntimeService().getVariable(fall.getId(), name);
  }

  BigDecimal betrag(ProcessInstance fall, String name) {
    return Betrag.von(variable(fall, name));
  }

  boolean beendet(ProcessInstance fall) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(fall.getId()).count() == 0;
  }

  Object historisch(ProcessInstance fall, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(fall.getId()).variableName(name)
        .singleResult().getValue();
  }

  List<MimeMessage> mails(String betreffEnthaelt) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().contains(betreffEnthaelt);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  static Map<String, Object> pruefung(String votum, String betrag) {
    Map<String, Object> v = new HashMap<>();
    v.put("verhaeltnismaessigkeit", "1");
    v.put("kostenplanPlausibel", "1");
    v.put("zielgruppenbezug", "JA");
    v.put("willkommenskultur", "2");
    v.put("geschaeftsfuehrung", "JA");
    v.put("fruehereFoerderungen", "KEINE");
    v.put("votum", votum);
    v.put("vorgeschlagenerBetrag", betrag);
    v.put("nichtBefangen", true);
    if (!"BEWILLIGEN".equals(votum)) {
      v.put("pruefbegruendung", "Kostenplan teilweise nicht belegt.");
    }
    return v;
  }

  void tranche(ProcessInstance fall, String baustein, String betrag) {
    erledige(fall, Task_MittelabrufErfassen, "fyilmaz", FOERDERUNG,
        Map.of("abrufArt", "ABRUF", "abrufBaustein", baustein, "abrufbetrag", betrag, "zweiMonate", true, "kostenplanGeprueft", true));
    erledige(fall, Task_SachlichRichtig, "fyilmaz", FOERDERUNG, Map.of("sachlichRichtig", true));
    erledige(fall, Task_AuszahlungAnordnen, "mhoffmann", LEITUNG, Map.of("anordnung", true));
    erledige(fall, Task_ZahlungBuchen, "pschneider", VERWALTUNG, Map.of("gebuchtAm", LocalDate.now().toString()));
  }

  void nachweis(ProcessInstance fall, long... nachgewiesen) {
    erledige(fall, Task_VerwendungsnachweisEingang, "pschneider", VERWALTUNG, Map.of("vnEingangAm", LocalDate.now().toString()));
    List<Map<String, Object>> zeilen = Zeilen.von(engine.getTaskService().getVariableLocal(aufgabe(fall, Task_VerwendungsnachweisPruefen).getId(), "nachweiszeilen"));
    for (int i = 0; i < zeilen.size(); i++) {
      zeilen.get(i).put("nachgewiesen", nachgewiesen[i]);
    }
    Map<String, Object> v = new HashMap<>();
    v.put("vnVollstaendig", true);
    v.put("nachweiszeilen", zeilen);
    v.put("teilnehmendeTatsaechlich", 35L);
    v.put("auflagenErfuellt", true);
    v.put("logoVerwendet", true);
    if (Arrays.stream(nachgewiesen).sum() < zeilen.stream().mapToLong(z -> ((Number) z.get("menge")).longValue()).sum()) {
      v.put("rueckforderungGrund", "MENGENUNTERSCHREITUNG");
    }
    erledige(fall, Task_VerwendungsnachweisPruefen, "fyilmaz", FOERDERUNG, v);
  }

  @Test
  void einAntragVomEingangUeberZweiTranchenBisZumAnerkanntenNachweis() {
    // given an association applying for two blocks: 2 rooms × 1.000 € and 20 escorts × 35 €
    ProcessInstance fall = eingang(antrag("Willkommen in Arnsberg e.V.", List.of(baustein("A1", 2), baustein("B1", 20))));
    assertThat(fall.getBusinessKey()).matches("FA-\\d{4}-\\d{4,}");
    assertThat(mails("Eingangsbestätigung")).hasSize(1);
    assertThat(Foerderung.PFLICHTUNTERLAGEN.name()).isNotNull();

    // when it is complete and reviewed, the amount is the sum of the rates
    erledige(fall, Task_VollstaendigkeitPruefen, "fyilmaz", FOERDERUNG, Map.of("vorhandeneUnterlagen", unterlagen(fall), "vollstaendigkeit", "VOLLSTAENDIG"));
    assertThat(betrag(fall, "berechneterBetrag")).isEqualByComparingTo("2700.00");
    erledige(fall, Task_FachlichPruefen, "fyilmaz", FOERDERUNG, pruefung("BEWILLIGEN", "2700,00"));
    assertThat(variable(fall, "zeichnungsgruppe")).isEqualTo("kiLeitung");

    // then the reviewer may neither take over nor complete the decision
    Task entscheidung = aufgabe(fall, Task_BewilligungEntscheiden);
    assertThatThrownBy(() -> engine.getTaskService().claim(entscheidung.getId(), "fyilmaz")).hasMessageContaining("Vier-Augen-Prinzip");
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "fyilmaz", LEITUNG, entscheidung.getId(),
        Map.of("entscheidung", "BEWILLIGT", "nichtBefangen", true))).hasMessageContaining("Vier-Augen-Prinzip");
    erledige(fall, Task_BewilligungEntscheiden, "mhoffmann", LEITUNG, Map.of("entscheidung", "BEWILLIGT", "nichtBefangen", true));
    assertThat(betrag(fall, "bewilligterBetrag")).isEqualByComparingTo("2700.00");
    assertThat(mails("Weiterleitungsvertrag").size() + mails("Vertrag").size()).isGreaterThan(0);
    erledige(fall, Task_VertragEingang, "pschneider", VERWALTUNG, Map.of("vertragEingangAm", LocalDate.now().toString()));

    // two tranches: more than the remainder is refused, the certifier may not order
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "fyilmaz", FOERDERUNG, aufgabe(fall, Task_MittelabrufErfassen).getId(),
        Map.of("abrufArt", "ABRUF", "abrufBaustein", "A1", "abrufbetrag", "2700,01", "zweiMonate", true, "kostenplanGeprueft", true)))
        .hasMessageContaining("übersteigt den Restbetrag");
    erledige(fall, Task_MittelabrufErfassen, "fyilmaz", FOERDERUNG,
        Map.of("abrufArt", "ABRUF", "abrufBaustein", "A1", "abrufbetrag", "2000,00", "zweiMonate", true, "kostenplanGeprueft", true));
    erledige(fall, Task_SachlichRichtig, "fyilmaz", FOERDERUNG, Map.of("sachlichRichtig", true));
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "fyilmaz", LEITUNG, aufgabe(fall, Task_AuszahlungAnordnen).getId(),
        Map.of("anordnung", true))).hasMessageContaining("Vier-Augen-Prinzip");
    erledige(fall, Task_AuszahlungAnordnen, "mhoffmann", LEITUNG, Map.of("anordnung", true));
    assertThat(mails("Auszahlungsanordnung")).hasSize(1);
    erledige(fall, Task_ZahlungBuchen, "pschneider", VERWALTUNG, Map.of("gebuchtAm", LocalDate.now().toString()));
    tranche(fall, "B1", "700,00");
    assertThat(betrag(fall, "ausgezahlterBetrag")).isEqualByComparingTo("2700.00");
    assertThat(Zeilen.von(variable(fall, "auszahlungen"))).hasSize(2);

    // the proof shows everything; a second person counter-signs
    nachweis(fall, 2, 20);
    assertThat(variable(fall, "pruefergebnis")).isEqualTo("ANERKANNT");
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "fyilmaz", FOERDERUNG, aufgabe(fall, Task_PruefvermerkGegenzeichnen).getId(),
        Map.of("gegenzeichnung", "BESTAETIGT"))).hasMessageContaining("Vier-Augen-Prinzip");
    erledige(fall, Task_PruefvermerkGegenzeichnen, "kwolf", FOERDERUNG, Map.of("gegenzeichnung", "BESTAETIGT"));
    assertThat(beendet(fall)).isTrue();
    assertThat(historisch(fall, "status")).isEqualTo("ABGESCHLOSSEN");
    assertThat(Betrag.von(historisch(fall, "anerkannterBetrag"))).isEqualByComparingTo("2700.00");
  }

  @Test
  void eineAblehnungGehtMitGruendenAnDenTraeger() {
    ProcessInstance fall = eingang(antrag("Kulturbrücke Meschede", List.of(baustein("B2", 2))));
    erledige(fall, Task_VollstaendigkeitPruefen, "fyilmaz", FOERDERUNG, Map.of("vorhandeneUnterlagen", unterlagen(fall), "vollstaendigkeit", "VOLLSTAENDIG"));
    erledige(fall, Task_FachlichPruefen, "fyilmaz", FOERDERUNG, pruefung("ABLEHNEN", "0,00"));
    // the reason is required for a refusal
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "mhoffmann", LEITUNG, aufgabe(fall, Task_BewilligungEntscheiden).getId(),
        Map.of("entscheidung", "ABGELEHNT", "nichtBefangen", true))).hasMessageContaining("Begründung");
    erledige(fall, Task_BewilligungEntscheiden, "mhoffmann", LEITUNG,
        Map.of("entscheidung", "ABGELEHNT", "begruendung", "Zielgruppe nicht erreicht.", "nichtBefangen", true));
    assertThat(beendet(fall)).isTrue();
    assertThat(historisch(fall, "status")).isEqualTo("ABGELEHNT");
    assertThat(mails("Ablehnung")).hasSize(1);
  }

  @Test
  void einTeilweiseNachgewiesenerBausteinWirdMitZinsenZurueckgefordertUndUnbezahltDerKreiskasseUebergeben() {
    ProcessInstance fall = eingang(antrag("Netzwerk Sundern hilft", List.of(baustein("B1", 20), baustein("D2", 4))));
    erledige(fall, Task_VollstaendigkeitPruefen, "fyilmaz", FOERDERUNG, Map.of("vorhandeneUnterlagen", unterlagen(fall), "vollstaendigkeit", "VOLLSTAENDIG"));
    assertThat(betrag(fall, "berechneterBetrag")).isEqualByComparingTo("900.00"); // 20 × 35 + 4 × 50
    erledige(fall, Task_FachlichPruefen, "fyilmaz", FOERDERUNG, pruefung("BEWILLIGEN", "900,00"));
    erledige(fall, Task_BewilligungEntscheiden, "mhoffmann", LEITUNG, Map.of("entscheidung", "BEWILLIGT", "nichtBefangen", true));
    erledige(fall, Task_VertragEingang, "pschneider", VERWALTUNG, Map.of("vertragEingangAm", LocalDate.now().toString()));
    tranche(fall, "B1", "700,00");
    tranche(fall, "D2", "200,00");

    // 13 of 20 escorts proven: 700 × 13/20 = 455,00 recognised, 245,00 back
    nachweis(fall, 13, 4);
    assertThat(variable(fall, "pruefergebnis")).isEqualTo("TEILWEISE");
    assertThat(betrag(fall, "anerkannterBetrag")).isEqualByComparingTo("655.00");
    erledige(fall, Task_PruefvermerkGegenzeichnen, "kwolf", FOERDERUNG, Map.of("gegenzeichnung", "BESTAETIGT"));
    assertThat(betrag(fall, "rueckforderungsbetrag")).isEqualByComparingTo("245.00");
    assertThat(mails("Anhörung")).hasSize(1);

    // no statement: the hearing deadline passes, the Leitung fixes the reclaim, interest runs to the payment deadline
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(fall.getId())
        .activityId(Event_AnhoerungAbgelaufen.name()).singleResult().getId());
    Jobs.ausfuehren(engine, fall.getId());
    assertThatThrownBy(() -> AlsPerson.erledige(engine, "mhoffmann", LEITUNG, aufgabe(fall, Task_RueckforderungEntscheiden).getId(),
        Map.of("rueckforderungEntscheidung", "FESTSETZEN", "festgesetzterBetrag", "245,01", "begruendung", "Mengen unterschritten.", "nichtBefangen", true)))
        .hasMessageContaining("höchstens");
    erledige(fall, Task_RueckforderungEntscheiden, "mhoffmann", LEITUNG,
        Map.of("rueckforderungEntscheidung", "FESTSETZEN", "festgesetzterBetrag", "245,00", "begruendung", "Mengen unterschritten.", "nichtBefangen", true));
    assertThat(betrag(fall, "zinsen").signum()).isGreaterThanOrEqualTo(0);
    assertThat(mails("Rückforderung")).isNotEmpty();

    // unpaid by the deadline: handed to the county treasury
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(fall.getId())
        .activityId(Event_ZahlungUeberfaellig.name()).singleResult().getId());
    Jobs.ausfuehren(engine, fall.getId());
    assertThat(beendet(fall)).isTrue();
    assertThat(historisch(fall, "status")).isEqualTo("VOLLSTRECKUNG");
    assertThat(mails("Vollstreckung")).hasSize(1);
  }

  @Test
  void eineFalscheIbanUndFehlendeErklaerungenWerdenAbgewiesenOhneDassEinFallEntsteht() {
    Map<String, Object> antrag = antrag("Verein mit Tippfehler", List.of(baustein("B1", 10)));
    antrag.put("iban", "DE89 3704 0044 0532 0130 01");
    antrag.put("erklaerungen", new ArrayList<>(List.of("NICHT_BEGONNEN")));
    long vorher = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Foerderung.ANTRAG).count();
    assertThatThrownBy(() -> eingang(antrag)).hasMessageContaining("IBAN").hasMessageContaining("Erklärungen");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Foerderung.ANTRAG).count()).isEqualTo(vorher);
  }

  List<String> unterlagen(ProcessInstance fall) {
    return de.hsk.ki.plattform.fall.Listen.alsStrings(variable(fall, "pflichtunterlagen"));
  }
}
