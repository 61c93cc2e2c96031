package de.hsk.ki.prozesse.foerderung;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.lowagie.text.pdf.CMapAwareDocumentFont;
import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.testkit.Jobs;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.Testpostfach;
import de.hsk.ki.testkit.WebappSitzung;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The funding letters: the page (who may open it, 404s, access log), the PDF of each kind, and the
 * e-mail to the applicant with the letter attached, sent once. The application model is built
 * elsewhere; stand-in models with an FA case number carry the variables (the letters find a case by
 * its number, not by its model).
 */
@KiSpringTest
class FoerderbriefeTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  private static final String STELLVERTRETER = "Process_FA_Brieftest";
  private static final String VERSAND = "Process_FA_Versandtest";
  private static final AtomicInteger NUMMER = new AtomicInteger(8800);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired Foerderbriefe briefe;

  @BeforeEach
  void modelleBereitstellen() {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(STELLVERTRETER).count() == 0) {
      BpmnModelInstance fall = Bpmn.createExecutableProcess(STELLVERTRETER).camundaHistoryTimeToLive(1)
          .startEvent("Event_Start").userTask("Task_Warten").camundaCandidateGroups("kiFoerderung").endEvent("Event_Ende").done();
      // the letter step as the application model is to use it; an end listener fails once on request (a retried job)
      BpmnModelInstance versand = Bpmn.createExecutableProcess(VERSAND).camundaHistoryTimeToLive(1)
          .startEvent("Event_Start")
          .serviceTask("Task_BriefSenden").camundaAsyncBefore().camundaDelegateExpression("${foerderbriefVersand}")
          .camundaInputParameter("brief", "BEWILLIGUNG")
          .camundaExecutionListenerExpression("end", "${scheitern ? nichtVorhanden.length() : ''}")
          .userTask("Task_Warten").camundaCandidateGroups("kiFoerderung").endEvent("Event_Ende").done();
      engine.getRepositoryService().createDeployment().name("Foerderbrieftest")
          .addModelInstance("foerderbrieftest.bpmn", fall).addModelInstance("foerderversandtest.bpmn", versand).deploy();
    }
  }

  private static Map<String, Object> antrag() {
    Map<String, Object> v = new HashMap<>();
    v.put(Foerderung.PROGRAMM.name(), "KOMM_AN_II");
    v.put(Foerderung.FOERDERJAHR.name(), 2026L);
    v.put(Foerderung.EINGANGSDATUM.name(), "2026-02-02");
    v.put(Foerderung.TRAEGER.name(), "Willkommen in Meschede e. V.");
    v.put(Foerderung.ANSPRECHPERSON.name(), "Erika Beispiel");
    v.put(Foerderung.VERTRETUNG.name(), "Hans Vorstand (Vorsitzender)");
    v.put(Foerderung.STRASSE.name(), "Ruhrstraße 1");
    v.put(Foerderung.PLZ.name(), "59872");
    v.put(Foerderung.ORT.name(), "Meschede");
    v.put(Foerderung.EMAIL.name(), "verein@example.org");
    v.put(Foerderung.IBAN.name(), "DE89370400440532013000");
    v.put(Foerderung.KONTOINHABER.name(), "Willkommen in Meschede e. V.");
    v.put(Foerderung.BAUSTEINE.name(), Zeilen.alsJson(List.of(
        Map.of("baustein", "A1", "menge", 2, "von", "2026-03-01", "bis", "2026-12-31", "beschreibung", "Treffpunkt einrichten",
            "kostenplan", "2.400,00", "betrag", "2000,00", "bewilligt", "2000,00"),
        Map.of("baustein", "B2", "menge", 3, "von", "2026-04-01", "bis", "2026-11-30", "beschreibung", "Sommerfest",
            "kostenplan", "800,00", "betrag", "750,00", "bewilligt", "500,50"))));
    v.put(Foerderung.BEWILLIGTER_BETRAG.name(), "2500,50");
    v.put(Foerderung.ENTSCHEIDUNG.name(), "TEILBEWILLIGT");
    v.put(Foerderung.BEWILLIGUNG_VON.name(), "2026-03-01");
    v.put(Foerderung.BEWILLIGUNG_BIS.name(), "2026-12-31");
    v.put(Foerderung.AUFLAGEN.name(), "Belegungsplan bis 31.03.2026 nachreichen");
    v.put(Foerderung.BEGRUENDUNG.name(), "Baustein B2 nur für zwei Maßnahmen plausibel.");
    v.put(Foerderung.FEHLENDE_UNTERLAGEN.name(), "Satzung\nVereinsregisterauszug");
    v.put(Foerderung.NACHFORDERUNG_BIS.name(), "2026-02-20");
    v.put(Foerderung.VN_FAELLIG_AM.name(), "2027-01-31");
    v.put(Foerderung.RUECKFORDERUNGSBETRAG.name(), "17.871,97");
    v.put(Foerderung.RUECKFORDERUNG_GRUND.name(), "MENGENUNTERSCHREITUNG");
    v.put(Foerderung.UNWIRKSAM_AB.name(), "2025-05-01");
    v.put(Foerderung.ZAHLUNG_BIS.name(), "2025-09-01");
    v.put(Foerderung.ANHOERUNG_BIS.name(), "2025-06-15");
    return v;
  }

  private ProcessInstance fall() {
    return engine.getRuntimeService().startProcessInstanceByKey(STELLVERTRETER, "FA-2026-" + NUMMER.incrementAndGet(), antrag());
  }

  private WebappSitzung angemeldet(String benutzer) throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    HttpResponse<String> login = sitzung.anmelden(benutzer, Rest.DEMO_PASSWORT);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return sitzung;
  }

  private static String text(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    PdfTextExtractor extraktor = new PdfTextExtractor(reader);
    for (int seite = 1; seite <= reader.getNumberOfPages(); seite++) {
      text.append(extraktor.getTextFromPage(seite)).append(' ');
    }
    reader.close();
    return text.toString().replaceAll("\\s+", " "); // lines wrap where the page ends; compare the words
  }

  /** A piece of text on a page: where it starts (mm from the paper's left and top edge) and the area it is painted in. */
  record Textstueck(String text, float linksMm, float obenMm, float[] sichtbarMm) {
    /** Starts inside its clip: Flying Saucer clips what lies outside the page box's content area. */
    boolean sichtbar() {
      return linksMm >= sichtbarMm[0] - 0.01f && linksMm <= sichtbarMm[2] && obenMm >= sichtbarMm[1] && obenMm <= sichtbarMm[3];
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "„%s“ at %.1f/%.1f mm, painted only in %.1f–%.1f/%.1f–%.1f mm", text, linksMm, obenMm,
          sichtbarMm[0], sichtbarMm[2], sichtbarMm[1], sichtbarMm[3]);
    }
  }

  private static float mm(float punkte) {
    return punkte * 25.4f / 72f;
  }

  /**
   * The text shown on page one with its position and the clip in force when it is shown, read from the
   * content stream (paths, clips, q/Q, cm, Tf, Tm/Td, Tj/TJ): the text extractor returns clipped text whole.
   */
  static List<Textstueck> seiteEins(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    try {
      float hoehe = reader.getPageSize(1).getHeight();
      float breite = reader.getPageSize(1).getWidth();
      PdfDictionary schriften = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
      Map<PdfName, CMapAwareDocumentFont> geladen = new HashMap<>();
      PdfContentParser parser = new PdfContentParser(new PRTokeniser(reader.getPageContent(1)));
      List<PdfObject> operanden = new ArrayList<>();
      Deque<float[][]> gespeichert = new ArrayDeque<>();
      float[] ctm = {1, 0, 0, 1, 0, 0};
      float[] clip = {0, 0, breite, hoehe}; // x0, y0, x1, y1 in points from the bottom left
      float[] pfad = null;
      boolean clipAnPfad = false;
      CMapAwareDocumentFont schrift = null;
      float[] zeile = {0, 0};
      List<Textstueck> stuecke = new ArrayList<>();
      while (!parser.parse(operanden).isEmpty()) {
        String op = operanden.get(operanden.size() - 1).toString();
        List<PdfObject> a = operanden.subList(0, operanden.size() - 1);
        switch (op) {
          case "q" -> gespeichert.push(new float[][] {ctm.clone(), clip.clone()});
          case "Q" -> {
            float[][] zustand = gespeichert.pop();
            ctm = zustand[0];
            clip = zustand[1];
          }
          case "cm" -> {
            float[] m = zahlen(a);
            ctm = new float[] {m[0] * ctm[0] + m[1] * ctm[2], m[0] * ctm[1] + m[1] * ctm[3], m[2] * ctm[0] + m[3] * ctm[2],
                m[2] * ctm[1] + m[3] * ctm[3], m[4] * ctm[0] + m[5] * ctm[2] + ctm[4], m[4] * ctm[1] + m[5] * ctm[3] + ctm[5]};
          }
          case "m", "l", "c", "v", "y" -> {
            float[] z = zahlen(a);
            for (int i = 0; i + 1 < z.length; i += 2) {
              pfad = erweitert(pfad, ctm, z[i], z[i + 1]);
            }
          }
          case "re" -> {
            float[] z = zahlen(a);
            pfad = erweitert(erweitert(pfad, ctm, z[0], z[1]), ctm, z[0] + z[2], z[1] + z[3]);
          }
          case "W", "W*" -> clipAnPfad = true;
          case "n", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*" -> {
            if (clipAnPfad && pfad != null) {
              clip = new float[] {Math.max(clip[0], pfad[0]), Math.max(clip[1], pfad[1]), Math.min(clip[2], pfad[2]), Math.min(clip[3], pfad[3])};
            }
            clipAnPfad = false;
            pfad = null;
          }
          case "Tf" -> schrift = geladen.computeIfAbsent((PdfName) a.get(0),
              name -> new CMapAwareDocumentFont((PRIndirectReference) schriften.get(name)));
          case "Tm" -> {
            float[] z = zahlen(a);
            zeile = new float[] {z[4], z[5]};
          }
          case "Td", "TD" -> {
            float[] z = zahlen(a);
            zeile = new float[] {zeile[0] + z[0], zeile[1] + z[1]};
          }
          case "Tj", "TJ" -> {
            StringBuilder text = new StringBuilder();
            for (PdfObject o : a.get(0) instanceof PdfArray feld ? feld.getElements() : List.of(a.get(0))) {
              if (o instanceof PdfString zeichen && schrift != null) {
                byte[] bytes = zeichen.getOriginalBytes();
                text.append(schrift.decode(bytes, 0, bytes.length));
              }
            }
            float x = ctm[0] * zeile[0] + ctm[2] * zeile[1] + ctm[4];
            float y = ctm[1] * zeile[0] + ctm[3] * zeile[1] + ctm[5];
            if (!text.toString().isBlank()) {
              stuecke.add(new Textstueck(text.toString().strip(), mm(x), mm(hoehe - y),
                  new float[] {mm(clip[0]), mm(hoehe - clip[3]), mm(clip[2]), mm(hoehe - clip[1])}));
            }
          }
          default -> { }
        }
      }
      return stuecke;
    } finally {
      reader.close();
    }
  }

  private static float[] zahlen(List<PdfObject> operanden) {
    float[] z = new float[operanden.size()];
    for (int i = 0; i < z.length; i++) {
      z[i] = ((PdfNumber) operanden.get(i)).floatValue();
    }
    return z;
  }

  private static float[] erweitert(float[] box, float[] ctm, float px, float py) {
    float x = ctm[0] * px + ctm[2] * py + ctm[4];
    float y = ctm[1] * px + ctm[3] * py + ctm[5];
    return box == null ? new float[] {x, y, x, y}
        : new float[] {Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)};
  }

  private int protokolleintraege(String benutzer, String aktenzeichen) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ki_zugriffsprotokoll WHERE benutzer = ? AND aktenzeichen = ? AND ressource LIKE 'Förderbrief %'",
        Integer.class, benutzer, aktenzeichen);
  }

  @Test
  void foerderungSiehtDieVorschauMitLinkZumPdfUndDasLesenStehtImProtokoll() throws Exception {
    ProcessInstance fall = fall();
    WebappSitzung foerderung = angemeldet("fyilmaz");

    HttpResponse<String> seite = foerderung.get("/ki/foerderung/" + fall.getBusinessKey() + "/brief/bewilligung");

    assertThat(seite.statusCode()).isEqualTo(200);
    assertThat(seite.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(seite.body()).contains("Als PDF herunterladen").contains("?format=pdf").contains("2.500,50 €").contains("Teilbewilligung")
        .contains("ANBest-P");
    HttpResponse<byte[]> pdf = foerderung.getBytes("/ki/foerderung/" + fall.getBusinessKey() + "/brief/bewilligung?format=pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    assertThat(text(pdf.body())).contains("2.500,50 €").contains(fall.getBusinessKey());
    assertThat(protokolleintraege("fyilmaz", fall.getBusinessKey())).isEqualTo(2);
  }

  @Test
  void dieLeitungDarfEbenfalls() throws Exception {
    ProcessInstance fall = fall();
    assertThat(angemeldet("mhoffmann").get("/ki/foerderung/" + fall.getBusinessKey() + "/brief/ablehnung").statusCode()).isEqualTo(200);
  }

  @Test
  void dieVerwaltungSiehtKeinenFoerderbriefDennDerVertragTraegtDieBankverbindung() throws Exception {
    verboten("pschneider");
  }

  @Test
  void lehrkraefteSehenKeinenFoerderbrief() throws Exception {
    verboten("tbecker");
  }

  @Test
  void dasSchulamtSiehtKeinenFoerderbrief() throws Exception {
    verboten("jklein");
  }

  @Test
  void dieSozialarbeitSiehtKeinenFoerderbrief() throws Exception {
    verboten("ademir");
  }

  private void verboten(String benutzer) throws Exception {
    ProcessInstance fall = fall();
    HttpResponse<String> antwort = angemeldet(benutzer).get("/ki/foerderung/" + fall.getBusinessKey() + "/brief/bewilligung?format=pdf");
    assertThat(antwort.statusCode()).isEqualTo(403);
    assertThat(antwort.body()).contains("vorbehalten").doesNotContain("Meschede").doesNotContain("2.500,50");
    assertThat(protokolleintraege(benutzer, fall.getBusinessKey())).isZero();
  }

  @Test
  void ohneAnmeldungKeinBrief() throws Exception {
    ProcessInstance fall = fall();
    HttpResponse<String> antwort = new WebappSitzung(port).get("/ki/foerderung/" + fall.getBusinessKey() + "/brief/bewilligung");
    assertThat(antwort.statusCode()).isEqualTo(401);
    assertThat(antwort.body()).contains("Bitte melden Sie sich zuerst").doesNotContain("Meschede");
  }

  @Test
  void unbekannteArtOderUnbekannterFallIstEinDeutsches404() throws Exception {
    ProcessInstance fall = fall();
    WebappSitzung foerderung = angemeldet("fyilmaz");

    HttpResponse<String> art = foerderung.get("/ki/foerderung/" + fall.getBusinessKey() + "/brief/mahnung");
    HttpResponse<String> unbekannt = foerderung.get("/ki/foerderung/FA-2026-0999999/brief/bewilligung");
    HttpResponse<String> andererProzess = foerderung.get("/ki/foerderung/SE-2026-0001/brief/bewilligung");

    assertThat(art.statusCode()).isEqualTo(404);
    assertThat(art.body()).contains("Diesen Brief gibt es nicht");
    assertThat(unbekannt.statusCode()).isEqualTo(404);
    assertThat(unbekannt.body()).contains("keinen Förderantrag");
    assertThat(andererProzess.statusCode()).isEqualTo(404);
    assertThat(protokolleintraege("fyilmaz", fall.getBusinessKey())).isZero();
  }

  @Test
  void einBeendeterFallLiestSeineVariablenAusDerHistorie() throws Exception {
    ProcessInstance fall = fall();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult().getId());

    assertThat(text(briefe.pdf(fall.getBusinessKey(), "bewilligung"))).contains("2.500,50 €");
  }

  /**
   * User walk: the address and the return line were cut at the left edge of every letter as PDF (the
   * window 20 mm from the edge inside a 25 mm page margin, which Flying Saucer clips). Every piece of text
   * on page one must start inside the painted area, the window where DIN 5008 form B puts it.
   */
  @Test
  void dieAnschriftStehtImFensterNachDin5008UndNichtsAufSeiteEinsWirdAbgeschnitten() throws Exception {
    String az = fall().getBusinessKey();
    for (Briefart art : Briefart.values()) {
      List<Textstueck> seite = seiteEins(briefe.pdf(az, art.name()));

      assertThat(seite).as(art + ": text on page one outside the painted area").filteredOn(t -> !t.sichtbar()).isEmpty();
      // in the head (above 98.5 mm, where the text begins): the contract names the association again in its text
      Textstueck ruecksendung = stueck(seite, "Hochsauerlandkreis · Eichholzstraße 9 · 59821 Arnsberg", art);
      Textstueck name = stueck(seite, "Willkommen in Meschede e. V.", art);
      Textstueck ort = stueck(seite, "59872 Meschede", art);
      for (Textstueck t : List.of(ruecksendung, name, stueck(seite, "Ruhrstraße 1", art), ort)) {
        assertThat(t.linksMm()).as(art + ": " + t.text() + " 20 mm from the left edge").isCloseTo(20f, within(0.5f));
      }
      // baselines: the return line in the 17.7 mm below 45 mm, the address in the 27.3 mm below that
      assertThat(ruecksendung.obenMm()).as(art + ": return line").isBetween(45f, 62.7f);
      assertThat(name.obenMm()).as(art + ": first address line").isBetween(62.7f, 90f);
      assertThat(ort.obenMm()).as(art + ": last address line").isBetween(62.7f, 90f);
    }
  }

  private static Textstueck stueck(List<Textstueck> seite, String text, Briefart art) {
    return seite.stream().filter(t -> t.text().equals(text) && t.obenMm() < 98.5f).findFirst()
        .orElseThrow(() -> new AssertionError(art + ": no „" + text + "“ on page one, but " + seite.stream().map(Textstueck::text).toList()));
  }

  @Test
  void jedeBriefartMitIhrenAngaben() throws Exception {
    String az = fall().getBusinessKey();

    assertThat(text(briefe.pdf(az, "EINGANGSBESTAETIGUNG"))).contains("Bitte beginnen Sie die Maßnahme nicht vor der Bewilligung")
        .contains("02.02.2026").contains("30.03.2026").contains("KOMM-AN NRW, Programmteil II").contains("Willkommen in Meschede e. V.");
    assertThat(text(briefe.pdf(az, "NACHFORDERUNG"))).contains("Satzung").contains("Vereinsregisterauszug").contains("20.02.2026");
    String bewilligung = text(briefe.pdf(az, "BEWILLIGUNG"));
    assertThat(bewilligung).contains("2.500,50 €").contains("2.000,00 €").contains("500,50 €").contains("A1 Renovierung/Ausstattung")
        .contains("01.03.2026").contains("31.12.2026").contains("ANBest-P").contains("31.01.2027").contains("Belegungsplan bis 31.03.2026")
        .contains("Verwaltungsgericht Arnsberg").doesNotContain("DE89");
    assertThat(text(briefe.pdf(az, "ABLEHNUNG"))).contains("lehne ich ab").contains("Baustein B2 nur für zwei Maßnahmen plausibel.")
        .contains("Verwaltungsgericht Arnsberg").contains("§ 110");
    assertThat(text(briefe.pdf(az, "VERTRAG"))).contains("Weiterleitungsvertrag").contains("DE89 3704 0044 0532 0130 00")
        .contains("ANBest-P").contains("Logo").contains("Landesrechnungshof").contains("fünf Prozentpunkten über dem Basiszinssatz")
        .contains("Datenschutz").contains("Für den Träger").contains("Hans Vorstand")
        .contains("Kommunale Integrationszentrum Hochsauerlandkreis").doesNotContain("das Kommunales");
    assertThat(text(briefe.pdf(az, "ANHOERUNG"))).contains("§ 28 VwVfG NRW").contains("17.871,97 €").contains("15.06.2025")
        .contains("bewilligten Mengen").contains("zu widerrufen und").doesNotContain("bzw.").doesNotContain("DE89");
    // the interest of ZinsenTest: 407,49 € on 17.871,97 € from 01.05.2025 to 31.08.2025
    assertThat(text(briefe.pdf(az, "RUECKFORDERUNG"))).contains("17.871,97 €").contains("407,49 €").contains("18.279,46 €")
        .contains("01.05.2025 – 30.06.2025").contains("7,27 %").contains("6,27 %").contains("01.09.2025")
        .contains("Verwaltungsgericht Arnsberg").contains("DE02 1203 0000 0000 2020 51"); // the treasury account of the test settings
    assertThatThrownBy(() -> briefe.pdf(az, "MAHNUNG")).hasMessageContaining("Unbekannte Briefart");
  }

  @Test
  void dieAnpassungNenntDieAenderungsanzeigeUndDieNeuenBetraegeAufDenCent() throws Exception {
    Map<String, Object> v = antrag();
    // after Task_AenderungFreigeben: the smaller approval spread over the blocks, a new end of the period
    v.put(Foerderung.BAUSTEINE.name(), Zeilen.alsJson(List.of(
        Map.of("baustein", "A1", "menge", 2, "von", "2026-03-01", "bis", "2026-12-31", "betrag", "2000,00", "bewilligt", "1600,25"),
        Map.of("baustein", "B2", "menge", 3, "von", "2026-04-01", "bis", "2026-11-30", "betrag", "750,00", "bewilligt", "399,74"))));
    v.put(Foerderung.BEWILLIGTER_BETRAG.name(), "1999,99");
    v.put(Foerderung.BEWILLIGUNG_BIS.name(), "2026-10-31");
    v.put(Foerderung.AENDERUNG_ART.name(), "KLEINER");
    v.put(Foerderung.AENDERUNG_EINGANG_AM.name(), "2026-06-10");
    v.put(Foerderung.AENDERUNG_BESCHREIBUNG.name(), "Das Sommerfest findet nur einmal statt.");
    String az = engine.getRuntimeService().startProcessInstanceByKey(STELLVERTRETER, "FA-2026-" + NUMMER.incrementAndGet(), v).getBusinessKey();

    String brief = text(briefe.pdf(az, "anpassung"));

    assertThat(brief).contains("Änderung der Zuwendung").contains("Nachtrag zum Weiterleitungsvertrag").contains(az)
        .contains("10.06.2026").contains("Maßnahme wird kleiner").contains("Das Sommerfest findet nur einmal statt.")
        .contains("A1 Renovierung/Ausstattung").contains("1.600,25 €").contains("399,74 €").contains("Zuwendung insgesamt").contains("1.999,99 €")
        .contains("31.10.2026").contains("mit dem Verwendungsnachweis zurück")
        .contains("Alle übrigen Bestimmungen des Weiterleitungsvertrags gelten unverändert weiter").contains("Für den Träger")
        .doesNotContain("2.500,50").doesNotContain("Rechtsbehelfsbelehrung").doesNotContain("Verwaltungsgericht").doesNotContain("DE89");
    assertThat(Briefart.von("anpassung")).contains(Briefart.ANPASSUNG);
    assertThat(Briefart.ANPASSUNG.titel()).isEqualTo("Änderung der Zuwendung");
    assertThat(Briefart.ANPASSUNG.dateiname(az)).isEqualTo("Anpassung-" + az + ".pdf");
    v.put(Foerderung.AENDERUNG_ART.name(), "ENTFAELLT");
    assertThat(text(briefe.pdf(az, Briefart.ANPASSUNG, v))).contains("Maßnahme entfällt");
  }

  @Test
  void dieStelleNachDemArtikel() {
    assertThat(Foerderbriefe.mitArtikel("Kommunales Integrationszentrum Hochsauerlandkreis"))
        .isEqualTo("das Kommunale Integrationszentrum Hochsauerlandkreis");
    assertThat(Foerderbriefe.mitArtikel("Fachdienst Integration")).isEqualTo("die Stelle „Fachdienst Integration“");
  }

  @Test
  void dieBewilligungGehtAlsPdfAnhangGenauEinmalAnDenTraeger() throws Exception {
    Map<String, Object> v = antrag();
    v.put("scheitern", true);
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey(VERSAND, "FA-2026-" + NUMMER.incrementAndGet(), v);
    Job job = engine.getManagementService().createJobQuery().processInstanceId(fall.getId()).singleResult();

    // the first attempt sends, then fails after the e-mail (the job is rolled back and retried)
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).isNotNull();
    engine.getRuntimeService().setVariable(fall.getId(), "scheitern", false);
    Jobs.ausfuehren(engine, fall.getId());

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskDefinitionKey("Task_Warten").count()).isOne();
    MimeMessage[] mails = greenMail.getReceivedMessages();
    List<MimeMessage> anDenTraeger = java.util.Arrays.stream(mails).filter(m -> {
      try {
        return m.getSubject().contains(fall.getBusinessKey());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(anDenTraeger).as("sent once, not again by the retry").hasSize(1);
    MimeMessage mail = anDenTraeger.get(0);
    assertThat(mail.getSubject()).isEqualTo("Förderantrag " + fall.getBusinessKey() + ": Bewilligung");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("verein@example.org");
    Multipart teile = (Multipart) mail.getContent();
    Part anhang = null;
    String text = null;
    for (int i = 0; i < teile.getCount(); i++) {
      Part teil = teile.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(teil.getDisposition())) {
        anhang = teil;
      } else if (teil.getContent() instanceof Multipart innen) {
        text = innen.getBodyPart(0).getContent().toString();
      } else {
        text = teil.getContent().toString();
      }
    }
    assertThat(anhang).isNotNull();
    assertThat(anhang.getFileName()).isEqualTo("Bewilligung-" + fall.getBusinessKey() + ".pdf");
    assertThat(anhang.getContentType()).startsWith("application/pdf");
    assertThat(text(anhang.getInputStream().readAllBytes())).contains("2.500,50 €").contains("Willkommen in Meschede e. V.");
    assertThat(text).contains(fall.getBusinessKey()).doesNotContain("Erika Beispiel");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_mailausgang WHERE aktenzeichen = ? AND empfaenger = 'ANTRAGSTELLER'"
        + " AND status = 'GESENDET'", Integer.class, fall.getBusinessKey())).isOne();
    assertThat(new String(mail.getHeader("Message-ID")[0].getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).endsWith("@ki-prozesse>");
  }
}
