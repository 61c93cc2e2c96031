package de.hsk.ki.prozesse.seiteneinstieg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.dokument.PdfDokumente;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.Aufgabenzugang;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.partner.Schulform;
import de.hsk.ki.plattform.zeit.Zeit;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The counselling record ("Beratungsbogen", review S1, issue 16) as PDF, generated from the case at
 * the moment it is opened (a correction reaches the reader). Two versions by need-to-know: the
 * school that admits the child (and the KI clerk who sends the letters) gets it with name, address
 * and guardians; the school supervision, which assigns a place, without name and contact data, as it
 * sees the case in its task. Only who sees the open task of the step may open it; every opening is
 * in the access log with the case number.
 */
@Controller
public class BeratungsbogenController {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** Steps whose readers need the person: the school's admission and first day, the letter to the family. */
  static final List<Seiteneinstieg.Element> MIT_PERSON = List.of(Seiteneinstieg.Element.Task_AufnahmeErfassen,
      Seiteneinstieg.Element.Task_SchulbesuchBestaetigen, Seiteneinstieg.Element.Task_ZuweisungsschreibenVersenden);
  /** The supervision's decision: school history, knowledge and recommendation, no name. */
  static final List<Seiteneinstieg.Element> OHNE_PERSON = List.of(Seiteneinstieg.Element.Task_ZuweisungSchulamt,
      Seiteneinstieg.Element.Task_ZuweisungErfassen);

  private final ProcessEngine engine;
  private final AngemeldeteBenutzer angemeldet;
  private final Aufgabenzugang zugang;
  private final Zugriffsprotokoll protokoll;
  private final PdfDokumente pdf;
  private final PartnerVerzeichnis verzeichnis;
  private final KiKontakt kontakt;
  private final de.hsk.ki.plattform.partner.Bezeichnungen bezeichnungen;
  private final Map<String, Map<String, String>> optionen;

  public BeratungsbogenController(ProcessEngine engine, AngemeldeteBenutzer angemeldet, Aufgabenzugang zugang,
      Zugriffsprotokoll protokoll, PdfDokumente pdf, PartnerVerzeichnis verzeichnis, KiKontakt kontakt,
      de.hsk.ki.plattform.partner.Bezeichnungen bezeichnungen) {
    this.bezeichnungen = bezeichnungen;
    this.engine = engine;
    this.angemeldet = angemeldet;
    this.zugang = zugang;
    this.protokoll = protokoll;
    this.pdf = pdf;
    this.verzeichnis = verzeichnis;
    this.kontakt = kontakt;
    this.optionen = optionen("forms/seiteneinstieg/erstberatung.form", "forms/seiteneinstieg/meldung.form");
  }

  @GetMapping("/ki/seiteneinstieg/beratungsbogen/{aktenzeichen}")
  public ResponseEntity<byte[]> beratungsbogen(@PathVariable String aktenzeichen, HttpServletRequest request) {
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      return hinweis(401, "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
    }
    boolean mitPerson = MIT_PERSON.stream().anyMatch(s -> zugang.siehtOffeneAufgabe(benutzer.get(), aktenzeichen, s.name()));
    boolean ohnePerson = !mitPerson && OHNE_PERSON.stream().anyMatch(s -> zugang.siehtOffeneAufgabe(benutzer.get(), aktenzeichen, s.name()));
    ProcessInstance instanz = mitPerson || ohnePerson ? engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(aktenzeichen, Seiteneinstieg.SCHLUESSEL).singleResult() : null;
    if (instanz == null) {
      return hinweis(404, "Zu diesem Aktenzeichen gibt es keinen offenen Fall, dessen Beratungsbogen Sie öffnen dürfen.");
    }
    Map<String, Object> v = engine.getRuntimeService().getVariables(instanz.getId());
    if (v.get("empfohleneSchulform") == null) {
      return hinweis(409, "Für diesen Fall liegt noch kein Ergebnis der Erstberatung vor.");
    }
    protokoll.lesend(benutzer.get().id(), aktenzeichen, mitPerson ? "Beratungsbogen (PDF)" : "Beratungsbogen ohne Person (PDF)");
    Map<String, Object> werte = new HashMap<>();
    werte.put("aktenzeichen", aktenzeichen);
    werte.put("mitPerson", mitPerson);
    werte.put("kontakt", kontakt);
    werte.put("heute", Zeit.heute().format(DATUM));
    werte.put("v", v);
    werte.put("t", texte(v));
    return pdf.antwort("seiteneinstieg/beratungsbogen", werte, "Beratungsbogen-" + aktenzeichen + ".pdf");
  }

  /** The case's values as the reader reads them: dates as dd.MM.yyyy, options by their labels on the forms. */
  private Map<String, String> texte(Map<String, Object> v) {
    Map<String, String> t = new HashMap<>();
    for (String datum : List.of("geburtsdatum", "zuzugsdatum", "terminDatum", "schulbeginn", "aufnahmeAm")) {
      t.put(datum, v.get(datum) == null ? "–" : Zeit.datum(v.get(datum)).format(DATUM));
    }
    v.forEach((name, wert) -> {
      if (!t.containsKey(name) && wert != null && !(wert instanceof Map) && !(wert instanceof java.util.Collection)) {
        String text = optionen.getOrDefault(name, Map.of()).getOrDefault(String.valueOf(wert), String.valueOf(wert));
        t.put(name, wert instanceof Boolean b ? (b ? "ja" : "nein") : text);
      }
    });
    Object schulform = v.get("empfohleneSchulform");
    t.put("empfohleneSchulform", schulform == null ? "–" : Schulform.bezeichnungVon(String.valueOf(schulform)));
    Object zugewiesen = v.get("zugewieseneSchulform");
    t.put("zugewieseneSchulform", zugewiesen == null ? null : Schulform.bezeichnungVon(String.valueOf(zugewiesen)));
    Object schule = v.get("zugewieseneSchule");
    t.put("zugewieseneSchule", schule == null ? null : verzeichnis.finde(String.valueOf(schule)).map(Partner::name).orElse(String.valueOf(schule)));
    t.put("kommune", v.get("kommune") == null ? "–" : bezeichnungen.kommune(v.get("kommune")));
    Object alter = v.get("alter");
    t.put("alter", alter == null ? "–" : alter.toString());
    Object geboren = v.get("geburtsdatum");
    t.put("geburtsjahr", geboren == null ? "–" : geboren.toString().substring(0, 4));
    Object beratung = v.get("beratung");
    t.put("beratungsstelle", beratung instanceof Map<?, ?> b && "SCHULAMT".equals(b.get("beratungsstelle"))
        ? "Schulamt für den Hochsauerlandkreis" : kontakt.stelle());
    // the template reads these whether the case has them or not (SpEL refuses a missing key)
    for (String feld : List.of("staatsangehoerigkeit", "anschrift", "sorgeform", "erziehungsberechtigte", "jugendamt", "einrichtung",
        "bezugsbetreuer", "telefon", "bevorzugteSprache", "schulbesuchsjahre", "letzteKlasse", "herkunftsschulform", "sprachen",
        "lateinischeSchrift", "deutschniveau", "mathematikniveau", "interessen", "empfohleneKlasse", "jahrgangsstufe")) {
      t.putIfAbsent(feld, null);
    }
    Object erstfoerderung = v.get("erstfoerderungsform");
    t.put("erstfoerderungsform", erstfoerderung == null ? null : ZuweisungsschreibenController.ERSTFOERDERUNG.get(erstfoerderung));
    return t;
  }

  private ResponseEntity<byte[]> hinweis(int status, String meldung) {
    return pdf.hinweis(status, Map.of("meldung", meldung));
  }

  /** Field → value → label of the select, radio and checklist fields of the given forms. */
  static Map<String, Map<String, String>> optionen(String... formulare) {
    Map<String, Map<String, String>> felder = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String formular : formulare) {
      try (InputStream in = BeratungsbogenController.class.getClassLoader().getResourceAsStream(formular)) {
        if (in == null) {
          throw new IllegalStateException("Form " + formular + " not on the classpath");
        }
        sammle(json.readTree(in).path("components"), felder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return felder;
  }

  private static void sammle(JsonNode komponenten, Map<String, Map<String, String>> felder) {
    for (JsonNode k : komponenten) {
      if (k.has("key") && k.path("values").isArray()) {
        Map<String, String> werte = felder.computeIfAbsent(k.path("key").asText(), x -> new LinkedHashMap<>());
        k.path("values").forEach(o -> werte.putIfAbsent(o.path("value").asText(), o.path("label").asText()));
      }
      sammle(k.path("components"), felder);
    }
  }
}
