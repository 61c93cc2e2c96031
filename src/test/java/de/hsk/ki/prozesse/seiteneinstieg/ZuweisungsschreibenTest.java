package de.hsk.ki.prozesse.seiteneinstieg;

import static de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.WebappSitzung;
import de.hsk.ki.testkit.Testpostfach;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The printable assignment letter: right content, and only for staff who work the case. */
@KiSpringTest
class ZuweisungsschreibenTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired Briefuebersetzungen uebersetzungen;

  private String basis() {
    return "http://localhost:" + port;
  }

  private WebappSitzung angemeldet(String benutzer) throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    HttpResponse<String> login = sitzung.anmelden(benutzer, "Sauerland-2026");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return sitzung;
  }

  private HttpResponse<String> schreiben(WebappSitzung sitzung, String aktenzeichen) throws Exception {
    return sitzung.get("/ki/seiteneinstieg/zuweisungsschreiben/" + aktenzeichen);
  }

  private ProcessInstance fallMitAngenommenerZuweisung() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 7));
    schliesseAb(fall, einladung());
    schliesseAb(fall, erstberatung("GRUNDSCHULE", false));
    schliesseAb(fall, zuweisung("SCHULE-GR-ARNSBERG-2"));
    String job = engine.getManagementService().createJobQuery().processInstanceId(fall.getId())
        .activityId("Task_SchuleInformieren").singleResult().getId();
    engine.getManagementService().executeJob(job);
    schliesseAb(fall, aufnahme(true));
    return fall;
  }

  private void schliesseAb(ProcessInstance fall, java.util.Map<String, Object> variablen) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(task.getId(), variablen);
  }

  @Test
  void verwaltungDrucktDasSchreibenMitSchuleUndErstemSchultag() throws Exception {
    ProcessInstance fall = fallMitAngenommenerZuweisung();
    HttpResponse<String> antwort = schreiben(angemeldet("pschneider"), fall.getBusinessKey());

    assertThat(antwort.statusCode()).isEqualTo(200);
    assertThat(antwort.headers().firstValue("Cache-Control")).hasValue("no-store");
    String datum = LocalDate.now().plusDays(7).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    assertThat(antwort.body())
        .contains("Zuweisung eines Schulplatzes")
        .contains(fall.getBusinessKey())
        .contains("Amina " + MARKER_NAME)
        .contains("Grundschule Arnsberg 2 (Demo)")
        .contains("Erster Schultag:</td><td>" + datum)
        .contains("Frau Schulz");
  }

  @Test
  void ohneAnmeldungOderOhneAufgabeImFallGibtEsKeinSchreiben() throws Exception {
    ProcessInstance fall = fallMitAngenommenerZuweisung();
    HttpResponse<String> ohne = schreiben(new WebappSitzung(port), fall.getBusinessKey());
    assertThat(ohne.statusCode()).isEqualTo(401);
    assertThat(ohne.body()).contains("Bitte melden Sie sich zuerst").doesNotContain(MARKER_NAME);

    HttpResponse<String> schulamt = schreiben(angemeldet("jklein"), fall.getBusinessKey());
    assertThat(schulamt.statusCode()).isEqualTo(404);
    assertThat(schulamt.body()).doesNotContain(MARKER_NAME);
  }

  @Test
  void briefNachDin5008MitKontaktDerKiSachbearbeiterinUndAnredeDerEltern() throws Exception {
    java.util.Map<String, Object> meldung = new java.util.HashMap<>(meldung("ARNSBERG", 7));
    meldung.put("erziehungsberechtigte", "Frau Rana " + MARKER_NAME + ", Herr Karim " + MARKER_NAME);
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung);
    schliesseAb(fall, einladung());
    schliesseAb(fall, erstberatung("GRUNDSCHULE", false));
    schliesseAb(fall, zuweisung("SCHULE-GR-ARNSBERG-2"));
    fuehreJobAus(fall);
    schliesseAb(fall, aufnahme(true));

    String brief = schreiben(angemeldet("pschneider"), fall.getBusinessKey()).body();
    // window-envelope block: each guardian, street, postcode and town on a line of their own
    assertThat(brief).contains("<div>Frau Rana " + MARKER_NAME + "</div><div>Herr Karim " + MARKER_NAME + "</div><div>Musterweg 3</div><div>59821 Arnsberg</div>");
    assertThat(brief).contains("Sehr geehrte Frau " + MARKER_NAME + ", sehr geehrter Herr " + MARKER_NAME + ",")
        .doesNotContain("Sehr geehrte Damen und Herren");
    // the KI's contact block (demo settings) and the clerk who opened the letter, also under "Im Auftrag"
    assertThat(brief).contains("Eichholzstraße 9").contains("Telefon:</span> <span>0291 00000-0 (Test)")
        .contains("E-Mail:</span> <span>").contains("Sprechzeiten:")
        .contains("Ihre Ansprechperson:</span> <span data-bearbeitung>Petra Schneider");
    assertThat(brief.substring(brief.indexOf("Im Auftrag"))).contains("Petra Schneider");
  }

  @Test
  void nachAblehnungNenntDerBriefDieNeueSchuleUndIhreAnsprechperson() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 12));
    schliesseAb(fall, einladung());
    schliesseAb(fall, erstberatung("HAUPTSCHULE", false));
    schliesseAb(fall, zuweisung("SCHULE-HA-ARNSBERG-1")); // contact "Frau Schulz"
    fuehreJobAus(fall);
    schliesseAb(fall, aufnahme(false));
    schliesseAb(fall, java.util.Map.of("zuweisungsergebnis", "ZUGEWIESEN", "zugewieseneSchule", "SCHULE-HA-MESCHEDE-1",
        "schulbeginn", LocalDate.now().plusDays(10).toString(), "ansprechperson", "Herr Neumann"));
    fuehreJobAus(fall);
    // the school admits for a day after the supervision's start: the letter names the school's day
    schliesseAb(fall, java.util.Map.of("aufnahme", "ANGENOMMEN", "aufnahmeAm", LocalDate.now().plusDays(11).toString()));

    String brief = schreiben(angemeldet("pschneider"), fall.getBusinessKey()).body();
    assertThat(brief).contains("Hauptschule Meschede (Demo)").contains("Herr Neumann")
        .contains("Erster Schultag:</td><td>" + LocalDate.now().plusDays(11).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
        .doesNotContain("Frau Schulz").doesNotContain("Hauptschule Arnsberg");
  }

  @Test
  void ifkEinerSechzehnjaehrigenNenntDenBildungsgangUndSchreibtSieSelbstAnWennVolljaehrig() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("SUNDERN", 16));
    schliesseAb(fall, einladung());
    schliesseAb(fall, erstberatung("IFK", false));
    String anfrage = engine.getManagementService().createJobQuery().processInstanceId(fall.getId())
        .activityId("Task_ZuweisungAnfragen").singleResult().getId();
    engine.getManagementService().executeJob(anfrage);
    schliesseAb(fall, zuweisung("SCHULE-BE-ARNSBERG-1"));
    fuehreJobAus(fall);
    schliesseAb(fall, aufnahme(true));

    String brief = schreiben(angemeldet("pschneider"), fall.getBusinessKey()).body();
    assertThat(brief).contains("Bildungsgang:</td><td>Internationale Förderklasse").doesNotContain("Klasse:</td>")
        .contains("Zugewiesen von:</td><td>Bezirksregierung Arnsberg").doesNotContain("Schülerbeförderung");
  }

  @Test
  void nenntKlasseDeutschfoerderungBefoerderungUndDieZuweisendeStelle() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 12));
    schliesseAb(fall, einladung());
    schliesseAb(fall, erstberatung("HAUPTSCHULE", false));
    java.util.Map<String, Object> zuweisung = new java.util.HashMap<>(zuweisung("SCHULE-HA-MESCHEDE-1"));
    zuweisung.putAll(java.util.Map.of("jahrgangsstufe", 6, "erstfoerderungsform", "ALPHABETISIERUNG", "schuelerbefoerderung", true));
    schliesseAb(fall, zuweisung);
    fuehreJobAus(fall);
    schliesseAb(fall, aufnahme(true));

    String brief = schreiben(angemeldet("pschneider"), fall.getBusinessKey()).body();
    assertThat(brief).contains("Klasse:</td><td>6")
        .contains("Deutschförderung:</td><td>Erstalphabetisierung in einer Sprachfördergruppe")
        .contains("Zugewiesen von:</td><td>Schulamt für den Hochsauerlandkreis (Demo)")
        .contains("Schülerbeförderung");
  }

  @Test
  void unbegleiteteMinderjaehrigeDieEinladungGehtAnDenVormundMitKopieAnDieEinrichtung() throws Exception {
    // review S13: the report names the youth-welfare office and the care state; checked on the server
    java.util.Map<String, Object> meldung = new java.util.HashMap<>(meldung("ARNSBERG", 15));
    meldung.put("sorgeform", "VORMUND");
    meldung.put("erziehungsberechtigte", "Frau Petra Vormund");
    meldung.put("einrichtung", "Wohngruppe Sonnenhof, Hauptstraße 5, 59821 Arnsberg");
    engine.getIdentityService().setAuthentication("pschneider", java.util.List.of("kiVerwaltung"));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung))
          .hasMessageContaining("Zuständiges Jugendamt: Pflichtfeld").hasMessageContaining("Stand: Pflichtfeld");
      java.util.Map<String, Object> eltern = new java.util.HashMap<>(meldung);
      eltern.put("sorgeform", "ELTERN");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", eltern))
          .hasMessageContaining("nur zu Kindern mit Vormund");
      meldung.put("jugendamt", "JUGENDAMT_ARNSBERG");
      meldung.put("inobhutnahmeStatus", "VORMUNDSCHAFT");
      meldung.put("bezugsbetreuer", "Herr Jonas Betreuer");
      ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung);
      engine.getIdentityService().clearAuthentication();
      assertThat(engine.getRuntimeService().getVariable(fall.getId(), "jugendamt")).isEqualTo("JUGENDAMT_ARNSBERG");

      HttpResponse<String> antwort = angemeldet("pschneider").get("/ki/seiteneinstieg/einladung/" + fall.getBusinessKey()
          + "?datum=" + LocalDate.now().plusDays(5) + "&uhrzeit=10:30&ort=KREISHAUS_ARNSBERG");
      assertThat(antwort.statusCode()).isEqualTo(200);
      assertThat(antwort.body()).contains("Frau Petra Vormund").contains("Kopie an: <span>Wohngruppe Sonnenhof, Hauptstraße 5, 59821 Arnsberg</span>");

      // the invitation shows the facility read-only: a submission may not change it there
      org.camunda.bpm.engine.task.Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
      java.util.Map<String, Object> geaendert = new java.util.HashMap<>(einladung());
      geaendert.put("einrichtung", "Andere Einrichtung, Irgendwo 1");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> de.hsk.ki.testkit.AlsPerson.erledige(engine, "pschneider", "kiVerwaltung",
          einladung.getId(), geaendert)).hasMessageContaining("Einrichtung (Name und Anschrift): wird hier nur angezeigt");
      java.util.Map<String, Object> gleich = new java.util.HashMap<>(einladung());
      gleich.put("einrichtung", "Wohngruppe Sonnenhof, Hauptstraße 5, 59821 Arnsberg");
      gleich.put("jugendamt", "JUGENDAMT_ARNSBERG");
      de.hsk.ki.testkit.AlsPerson.erledige(engine, "pschneider", "kiVerwaltung", einladung.getId(), gleich);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void einladungsschreibenMitTerminAusDemOffenenFormular() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 7));
    LocalDate termin = LocalDate.now().plusDays(5);
    WebappSitzung sitzung = angemeldet("pschneider");
    HttpResponse<String> antwort = sitzung.get("/ki/seiteneinstieg/einladung/" + fall.getBusinessKey()
        + "?datum=" + termin + "&uhrzeit=10:30&ort=KREISHAUS_ARNSBERG");

    assertThat(antwort.statusCode()).isEqualTo(200);
    assertThat(antwort.headers().firstValue("Cache-Control")).hasValue("no-store");
    String wochentag = termin.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.GERMAN);
    assertThat(antwort.body()).contains("Einladung zur Erstberatung")
        .contains(wochentag + ", " + termin.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ", 10:30 Uhr")
        .contains("Kreishaus Arnsberg, Eichholzstraße 9, 59821 Arnsberg")
        .contains("Amina " + MARKER_NAME).contains("Impfpass")
        .contains("Guten Tag Rana " + MARKER_NAME + ",")
        .contains("Petra Schneider").contains("Telefon:").doesNotContain("Kopie an:");

    HttpResponse<String> falsch = sitzung.get("/ki/seiteneinstieg/einladung/" + fall.getBusinessKey()
        + "?datum=" + termin + "&uhrzeit=25:00&ort=RATHAUS");
    assertThat(falsch.statusCode()).isEqualTo(409);
    assertThat(falsch.body()).contains("fehlen Datum, Uhrzeit (HH:MM) oder Ort").doesNotContain(MARKER_NAME);

    HttpResponse<String> schulamt = angemeldet("jklein").get("/ki/seiteneinstieg/einladung/" + fall.getBusinessKey()
        + "?datum=" + termin + "&uhrzeit=10:30&ort=KREISHAUS_ARNSBERG");
    assertThat(schulamt.statusCode()).isEqualTo(404);
    assertThat(schulamt.body()).doesNotContain(MARKER_NAME);
  }

  @Test
  void datenschutzhinweisNachArt13FuerDieErstberatungMitDerSpracheAusDemFormular() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 9));
    String pfad = "/ki/seiteneinstieg/datenschutzhinweis/" + fall.getBusinessKey() + "?sprache=ARABISCH";
    // not before the counselling: only who works that step opens it
    assertThat(angemeldet("tbecker").get(pfad).statusCode()).isEqualTo(404);
    schliesseAb(fall, einladung());

    HttpResponse<String> antwort = angemeldet("tbecker").get(pfad);
    assertThat(antwort.statusCode()).isEqualTo(200);
    assertThat(antwort.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(antwort.body()).contains("Informationen zum Datenschutz (Art. 13 und 14 Datenschutz-Grundverordnung)")
        .contains("aus der Meldung von <span>dem Einwohnermeldeamt</span>").contains("Gesundheitsdaten nur in einem Fall")
        .doesNotContain("untere Schulaufsicht des Landes")
        .contains("in der Sprache <strong>Arabisch</strong> erläutert")
        .contains("Hochsauerlandkreis, Der Landrat").contains("Datenschutzbeauftragte des Hochsauerlandkreises")
        .contains("Art. 6 Abs. 1 Buchstabe e DSGVO").contains("Schulamt für den Hochsauerlandkreis oder Bezirksregierung Arnsberg")
        .contains("fünf Jahre").contains("Art. 7 Abs. 3").contains("Kavalleriestraße 2–4, 40213 Düsseldorf")
        .contains("Guten Tag Rana " + MARKER_NAME + ",").contains("Amina " + MARKER_NAME);
    // an unknown language is not printed
    assertThat(angemeldet("tbecker").get("/ki/seiteneinstieg/datenschutzhinweis/" + fall.getBusinessKey() + "?sprache=%3Cb%3E").body())
        .doesNotContain("in der Sprache").doesNotContain("<b>");
    assertThat(new WebappSitzung(port).get(pfad).statusCode()).isEqualTo(401);
    assertThat(angemeldet("jklein").get(pfad).statusCode()).isEqualTo(404);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ki_zugriffsprotokoll WHERE aktenzeichen = ? AND benutzer = 'tbecker'"
        + " AND ressource = 'Datenschutzhinweis'", Integer.class, fall.getBusinessKey())).isEqualTo(2);
  }

  @Test
  void datenschutzhinweisNenntDasSchulamtAlsVerantwortlichenWennEsBeraet() throws Exception {
    // 12 years in Brilon: the Schulamt counsels
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("BRILON", 12));
    schliesseAb(fall, einladung());
    HttpResponse<String> antwort = angemeldet("jklein").get("/ki/seiteneinstieg/datenschutzhinweis/" + fall.getBusinessKey()
        + "?sprache=ANDERE");
    assertThat(antwort.statusCode()).isEqualTo(200);
    assertThat(antwort.body()).contains("für die Beratung und die Zuweisung: das Schulamt").contains("(untere Schulaufsicht des Landes")
        .contains("mündlich übersetzt").doesNotContain("in der Sprache")
        .doesNotContain("geben wir nur mit Ihrer Einwilligung");
  }

  /** The Schulamt at its own step of the case (Schulplatz zuweisen) opens neither letter. */
  @Test
  void schulamtOeffnetBeiSeinerEigenenAufgabeKeinSchreiben() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 7));
    schliesseAb(fall, einladung());
    schliesseAb(fall, erstberatung("GRUNDSCHULE", false));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_ZuweisungSchulamt");
    WebappSitzung schulamt = angemeldet("jklein");
    HttpResponse<String> einladung = schulamt.get("/ki/seiteneinstieg/einladung/" + fall.getBusinessKey()
        + "?datum=" + LocalDate.now().plusDays(5) + "&uhrzeit=10:30&ort=KREISHAUS_ARNSBERG");
    assertThat(einladung.statusCode()).isEqualTo(404);
    assertThat(einladung.body()).doesNotContain(MARKER_NAME).doesNotContain("Amina");
    HttpResponse<String> zuweisung = schreiben(schulamt, fall.getBusinessKey());
    assertThat(zuweisung.statusCode()).isEqualTo(404);
    assertThat(zuweisung.body()).doesNotContain(MARKER_NAME).doesNotContain("Amina");
  }

  @Test
  void nenntDieEntscheidendeStelleMitRechtsbehelfKopienUndLegtEineUebersetzungBei() throws Exception {
    ProcessInstance fall = fallMitAngenommenerZuweisung();
    Task brief = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    // the report says "Arabisch": the letter task offers it as the second page's language (review S7)
    assertThat(engine.getTaskService().getVariable(brief.getId(), "briefSprache")).isEqualTo("ARABISCH");
    WebappSitzung verwaltung = angemeldet("pschneider");

    String arabisch = schreiben(verwaltung, fall.getBusinessKey()).body();
    assertThat(arabisch).contains("data-uebersetzung").contains("dir=\"rtl\"").contains("lang=\"ar\"")
        .contains("تخصيص مقعد دراسي").contains("Amina " + MARKER_NAME);

    String ukrainisch = verwaltung.get("/ki/seiteneinstieg/zuweisungsschreiben/" + fall.getBusinessKey() + "?sprache=UKRAINISCH").body();
    assertThat(ukrainisch).contains("Надання місця в школі").contains("lang=\"uk\"")
        .contains("Рішення ухвалив орган шкільного нагляду: Schulamt für den Hochsauerlandkreis (Demo)")
        .contains("Rechtsbehelfsbelehrung:")
        .contains("Gegen diese Entscheidung (Schulamt für den Hochsauerlandkreis (Demo)) kann innerhalb eines Monats")
        .contains("Verwaltungsgericht Arnsberg")
        .contains("Kopie an: <span>Grundschule Arnsberg 2 (Demo); Stadt/Gemeinde Arnsberg, Schulverwaltung (Demo)</span>")
        .contains("Контактна особа:</td><td dir=\"ltr\">Frau Schulz");
    String deutsch = verwaltung.get("/ki/seiteneinstieg/zuweisungsschreiben/" + fall.getBusinessKey() + "?sprache=KEINE").body();
    assertThat(deutsch).doesNotContain("data-uebersetzung").contains("Rechtsbehelfsbelehrung:");
    // an unknown code is German only, never an error page
    assertThat(verwaltung.get("/ki/seiteneinstieg/zuweisungsschreiben/" + fall.getBusinessKey() + "?sprache=KLINGONISCH").body())
        .doesNotContain("data-uebersetzung").contains("Zuweisung eines Schulplatzes");
  }

  @Test
  void dasPdfTraegtDieUebersetzungInLateinischerOderKyrillischerSchriftUndNenntSonstDieGedruckte() throws Exception {
    for (String sprache : java.util.List.of("UKRAINISCH", "ARABISCH")) {
      ProcessInstance fall = fallMitAngenommenerZuweisung();
      java.util.Map<String, Object> versand = new java.util.HashMap<>(zuweisungsschreiben());
      versand.put("briefSprache", sprache);
      schliesseAb(fall, versand);
      // the school's first-day step still has the KI's group as fallback: the clerk opens the same copy
      HttpResponse<byte[]> pdf = angemeldet("pschneider").getBytes("/ki/seiteneinstieg/zuweisungsschreiben/" + fall.getBusinessKey() + "/pdf");
      assertThat(pdf.statusCode()).isEqualTo(200);
      try (var leser = new com.lowagie.text.pdf.PdfReader(pdf.body())) {
        var text = new com.lowagie.text.pdf.parser.PdfTextExtractor(leser);
        if (sprache.equals("UKRAINISCH")) {
          assertThat(leser.getNumberOfPages()).isEqualTo(2);
          assertThat(text.getTextFromPage(2)).contains("Надання місця в школі").contains(fall.getBusinessKey());
        } else {
          assertThat(leser.getNumberOfPages()).isEqualTo(1);
          assertThat(text.getTextFromPage(1)).contains("Übersetzung").contains("Arabisch").contains("PDF-Fassung");
        }
      }
    }
  }

  @Test
  void jedeSpracheDesFormularsHatAlleSaetzeDerZweitenSeite() throws Exception {
    var formular = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        java.nio.file.Files.readString(java.nio.file.Path.of("forms/seiteneinstieg/zuweisungsschreiben.form")));
    java.util.List<String> sprachen = new java.util.ArrayList<>();
    formular.get("components").forEach(c -> {
      if ("briefSprache".equals(c.path("key").asText())) {
        c.get("values").forEach(w -> sprachen.add(w.get("value").asText()));
      }
    });
    assertThat(sprachen).contains("KEINE", "ARABISCH", "UKRAINISCH");
    sprachen.remove("KEINE");
    assertThat(uebersetzungen.sprachen()).containsExactlyInAnyOrderElementsOf(sprachen);
    for (String sprache : sprachen) {
      var text = uebersetzungen.fuer(sprache, java.util.Map.of("name", "N", "geburtsdatum", "G", "stelle", "S", "aktenzeichen", "A")).orElseThrow();
      assertThat(text).as(sprache).containsKeys("sprache", "lang", "rtl", "hinweis", "titel", "einleitung", "schule", "anschrift",
          "klasse", "ersterTag", "vorstellenKind", "vorstellenSelbst", "rechtsbehelf", "fragen", "deutschfoerderung", "ansprechperson",
          "einladungTitel", "einladungKind", "einladungSelbst", "terminLabel", "ortLabel", "mitbringenKind", "mitbringenSelbst",
          "dolmetschung", "absagen");
      assertThat((String) text.get("einleitung")).as(sprache).contains("N").contains("G").contains("S").doesNotContain("{");
      assertThat((String) text.get("fragen")).as(sprache).contains("A");
    }
    assertThat(Briefuebersetzungen.ausMeldung("Ukrainisch, etwas Russisch")).isEqualTo("UKRAINISCH");
    assertThat(Briefuebersetzungen.ausMeldung("Dari")).isEqualTo("FARSI_DARI");
    assertThat(Briefuebersetzungen.ausMeldung("Tigrinya")).isEqualTo("KEINE");
  }

  @Test
  void einladungVorOrtMitAnschriftUndZweiterSeiteInDerSpracheDerFamilie() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", meldung("ARNSBERG", 9));
    WebappSitzung verwaltung = angemeldet("pschneider");
    String basis = "/ki/seiteneinstieg/einladung/" + fall.getBusinessKey() + "?datum=" + LocalDate.now().plusDays(5)
        + "&uhrzeit=10:30&ort=VOR_ORT_KOMMUNE";
    HttpResponse<String> ohne = verwaltung.get(basis);
    assertThat(ohne.statusCode()).isEqualTo(409);
    assertThat(ohne.body()).contains("vor Ort: die Anschrift");
    String adresse = java.net.URLEncoder.encode("Bürgerbüro Neheim, Marktplatz 1, 59755 Arnsberg", java.nio.charset.StandardCharsets.UTF_8);
    String tuerkisch = verwaltung.get(basis + "&adresse=" + adresse + "&sprache=TUERKISCH").body();
    assertThat(tuerkisch).contains("Bürgerbüro Neheim, Marktplatz 1, 59755 Arnsberg").contains("data-uebersetzung").contains("lang=\"tr\"")
        .contains("Okul konusunda ilk danışma görüşmesine davet").contains("Amina " + MARKER_NAME).contains("Anlage: Übersetzung");
    // without a choice in the form: the language the invitation task preselected from the report (Arabic)
    String ausDemFall = verwaltung.get(basis + "&adresse=" + adresse).body();
    assertThat(ausDemFall).contains("دعوة إلى أول جلسة استشارية").contains("dir=\"rtl\"");
    assertThat(verwaltung.get(basis + "&adresse=" + adresse + "&sprache=KEINE").body()).doesNotContain("data-uebersetzung");
    // what the form's pattern refuses, the letter refuses too
    assertThat(verwaltung.get(basis + "&adresse=" + java.net.URLEncoder.encode("<b>Rathaus</b>", java.nio.charset.StandardCharsets.UTF_8))
        .statusCode()).isEqualTo(409);
  }

  private void fuehreJobAus(ProcessInstance fall) {
    String job = engine.getManagementService().createJobQuery().processInstanceId(fall.getId())
        .activityId("Task_SchuleInformieren").singleResult().getId();
    engine.getManagementService().executeJob(job);
  }
}
