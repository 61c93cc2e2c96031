package de.hsk.ki.prozesse.seiteneinstieg;

import org.springframework.http.ResponseEntity;
import org.springframework.ui.ExtendedModelMap;

import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.Aufgabenzugang;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.partner.Schulform;
import de.hsk.ki.plattform.zeit.Zeit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The letters to the family (assignment letter, invitation to the first counselling) as printable
 * German pages in DIN 5008 layout: window-envelope address block, the KI's contact block, the
 * salutation from the guardians, the signing clerk. Only staff who can see an open task of the case
 * in Tasklist may open them; every opening is logged.
 */
@Controller
public class ZuweisungsschreibenController {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final Set<String> BERUFSKOLLEG_BILDUNGSGAENGE = Set.of("IFK", "FIT_FUER_MEHR");
  /** The forms of initial German support as the assignment form names them (BASS 13-63 Nr. 3). */
  static final Map<String, String> ERSTFOERDERUNG = Map.of(
      "INTEGRIERT", "integriert: Regelklasse mit zusätzlicher Deutschförderung",
      "TEILINTEGRIERT", "teilintegriert: Sprachfördergruppe und Unterricht in der Regelklasse",
      "ALPHABETISIERUNG", "Erstalphabetisierung in einer Sprachfördergruppe");

  private final ProcessEngine engine;
  private final Aufgabenzugang zugang;
  private final AngemeldeteBenutzer angemeldet;
  private final PartnerVerzeichnis verzeichnis;
  private final de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll protokoll;
  private final KiKontakt kontakt;
  private final de.hsk.ki.plattform.dokument.PdfDokumente pdf;
  private final Briefuebersetzungen uebersetzungen;
  private final Zuweisungsbescheid bescheid;
  private final Einladungsorte einladungsorte;

  public ZuweisungsschreibenController(ProcessEngine engine, AngemeldeteBenutzer angemeldet, PartnerVerzeichnis verzeichnis,
      de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll protokoll, Aufgabenzugang zugang, KiKontakt kontakt,
      de.hsk.ki.plattform.dokument.PdfDokumente pdf, Briefuebersetzungen uebersetzungen, Zuweisungsbescheid bescheid,
      Einladungsorte einladungsorte) {
    this.einladungsorte = einladungsorte;
    this.pdf = pdf;
    this.uebersetzungen = uebersetzungen;
    this.bescheid = bescheid;
    this.engine = engine;
    this.zugang = zugang;
    this.angemeldet = angemeldet;
    this.verzeichnis = verzeichnis;
    this.protokoll = protokoll;
    this.kontakt = kontakt;
  }

  @GetMapping(value = "/ki/seiteneinstieg/zuweisungsschreiben/{aktenzeichen}", produces = "text/html")
  public String zuweisungsschreiben(@PathVariable String aktenzeichen, @RequestParam(required = false) String sprache,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    String ansicht = zuweisungsschreiben(aktenzeichen, List.of(Seiteneinstieg.Element.Task_ZuweisungsschreibenVersenden), request, response, model);
    if ("seiteneinstieg/zuweisungsschreiben".equals(ansicht)) {
      uebersetzung(model, sprache, false);
    }
    return ansicht;
  }

  /**
   * The same letter as PDF: for the clerk who sends it, for the school in its first-school-day step
   * and for the Schulträger in its acknowledgement, who get the copy the family holds (review S7),
   * signed and dated as it was sent.
   */
  @GetMapping(value = "/ki/seiteneinstieg/zuweisungsschreiben/{aktenzeichen}/pdf")
  public ResponseEntity<byte[]> zuweisungsschreibenPdf(@PathVariable String aktenzeichen, HttpServletRequest request,
      HttpServletResponse response) {
    ExtendedModelMap model = new ExtendedModelMap();
    String ansicht = zuweisungsschreiben(aktenzeichen, List.of(Seiteneinstieg.Element.Task_ZuweisungsschreibenVersenden,
        Seiteneinstieg.Element.Task_SchulbesuchBestaetigen, Seiteneinstieg.Element.Task_ZuweisungZurKenntnis), request, response, model);
    if (!"seiteneinstieg/zuweisungsschreiben".equals(ansicht)) {
      return pdf.hinweis(response.getStatus(), model);
    }
    versandt(aktenzeichen, model);
    uebersetzung(model, null, true);
    return pdf.antwort(ansicht, model, "Zuweisungsschreiben-" + aktenzeichen + ".pdf");
  }

  /**
   * The second page in the family's language: from the open letter task's form (query parameter) or,
   * once sent, from the case. Right-to-left scripts are left out of the PDF, whose renderer cannot
   * join Arabic letters; the printed letter has them, and the PDF says that it had.
   */
  private void uebersetzung(Model model, String ausFormular, boolean alsPdf) {
    @SuppressWarnings("unchecked")
    Map<String, Object> v = (Map<String, Object>) model.getAttribute("v");
    String sprache = ausFormular != null ? ausFormular : (String) v.get(Seiteneinstieg.BRIEF_SPRACHE.name());
    Map<String, String> werte = new java.util.HashMap<>();
    werte.put("name", v.get("vorname") + " " + v.get("nachname"));
    werte.put("geburtsdatum", (String) model.getAttribute("geburtsdatum"));
    werte.put("aktenzeichen", (String) model.getAttribute("aktenzeichen"));
    Object stelle = model.getAttribute("zuweisendeStelle");
    werte.put("stelle", stelle == null ? "" : stelle.toString());
    uebersetzungen.fuer(sprache, werte).ifPresent(text -> {
      if (alsPdf && Boolean.TRUE.equals(text.get("rtl"))) {
        model.addAttribute("uebersetzungNurGedruckt", SPRACHEN.getOrDefault(sprache, sprache));
      } else {
        model.addAttribute("uebersetzung", text);
        model.addAttribute("uebersetzungSprache", SPRACHEN.getOrDefault(sprache, sprache));
      }
    });
  }

  /** The invitation's second page in the family's language (review S12), printed from the browser. */
  private void einladungUebersetzung(Model model, String sprache, LocalDate termin, String zeit, String ort) {
    @SuppressWarnings("unchecked")
    Map<String, Object> v = (Map<String, Object>) model.getAttribute("v");
    Map<String, String> werte = new java.util.HashMap<>();
    werte.put("name", v.get("vorname") + " " + v.get("nachname"));
    werte.put("geburtsdatum", (String) model.getAttribute("geburtsdatum"));
    werte.put("aktenzeichen", (String) model.getAttribute("aktenzeichen"));
    werte.put("termin", termin.format(DATUM) + ", " + zeit);
    werte.put("ort", ort);
    uebersetzungen.fuer(sprache, werte).ifPresent(text -> {
      model.addAttribute("uebersetzung", text);
      model.addAttribute("uebersetzungSprache", SPRACHEN.getOrDefault(sprache, sprache));
    });
  }

  /** Once the letter has gone out: the clerk who sent it signs, on the day it was sent. */
  private void versandt(String aktenzeichen, ExtendedModelMap model) {
    var versand = engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(aktenzeichen)
        .taskDefinitionKey(Seiteneinstieg.Element.Task_ZuweisungsschreibenVersenden.name()).finished()
        .orderByHistoricTaskInstanceEndTime().desc().list().stream().findFirst();
    versand.ifPresent(t -> {
      // never the name of whoever opens the copy (the school's secretary)
      model.addAttribute("bearbeitung", t.getAssignee() != null ? name(t.getAssignee()) : kontakt.stelle());
      model.addAttribute("heute", Zeit.datum(t.getEndTime().toInstant().atZone(Zeit.ZONE).toLocalDate()).format(DATUM));
    });
  }

  private String zuweisungsschreiben(String aktenzeichen, List<Seiteneinstieg.Element> schritte, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    Fall fall = fall(aktenzeichen, schritte, request, response, model);
    if (fall == null) {
      return "ki/hinweis";
    }
    Map<String, Object> v = fall.variablen();
    if (v.get("zugewieseneSchule") == null || !"ANGENOMMEN".equals(v.get("aufnahme"))) {
      response.setStatus(409);
      model.addAttribute("meldung", "Für diesen Fall liegt noch keine angenommene Zuweisung vor.");
      return "ki/hinweis";
    }
    protokoll.lesend(fall.benutzer(), aktenzeichen, "Zuweisungsschreiben");
    model.addAttribute("pdfAdresse", "/ki/seiteneinstieg/zuweisungsschreiben/" + aktenzeichen + "/pdf");
    Partner schule = verzeichnis.finde((String) v.get("zugewieseneSchule")).orElse(null);
    model.addAttribute("schulName", schule != null ? schule.name() : v.get("zugewieseneSchule"));
    model.addAttribute("schulAnschrift", schule != null ? schule.anschrift() : null);
    // the day the school confirmed the admission for, else the supervision's school start
    model.addAttribute("schulbeginn", datum(v.get("aufnahmeAm") != null ? v.get("aufnahmeAm") : v.get("schulbeginn")));
    String schulform = (String) (v.get("zugewieseneSchulform") != null ? v.get("zugewieseneSchulform") : v.get("empfohleneSchulform"));
    model.addAttribute("bildungsgang", BERUFSKOLLEG_BILDUNGSGAENGE.contains(schulform) ? Schulform.bezeichnungVon(schulform) : null);
    model.addAttribute("jahrgangsstufe", BERUFSKOLLEG_BILDUNGSGAENGE.contains(schulform) ? null : v.get("jahrgangsstufe"));
    Object erstfoerderung = v.get("erstfoerderungsform");
    model.addAttribute("erstfoerderung", erstfoerderung == null ? null : ERSTFOERDERUNG.get(erstfoerderung));
    model.addAttribute("schuelerbefoerderung", Boolean.TRUE.equals(v.get("schuelerbefoerderung")));
    // the assignment is the supervision's decision, and the letter says whose
    String zuweisendeStelle = v.get("schulaufsicht") == null ? null
        : verzeichnis.finde((String) v.get("schulaufsicht")).map(Partner::name).orElse(null);
    model.addAttribute("zuweisendeStelle", zuweisendeStelle);
    model.addAttribute("rechtsbehelfsbelehrung", bescheid.fuer(zuweisendeStelle));
    // copies: the school and the Schulträger of the family's town (review S7), the facility for an unaccompanied minor
    List<String> kopien = new java.util.ArrayList<>();
    if (model.getAttribute("kopieAn") instanceof String einrichtung) {
      kopien.add(einrichtung);
    }
    kopien.add((String) model.getAttribute("schulName"));
    if (v.get("kommune") != null) {
      verzeichnis.finde("SCHULTRAEGER_" + v.get("kommune")).map(Partner::name).ifPresent(kopien::add);
    }
    model.addAttribute("kopieAn", String.join("; ", kopien));
    return "seiteneinstieg/zuweisungsschreiben";
  }

  /**
   * The invitation; date, time and place come from the open invitation task's form (query
   * parameters, checked here) or, once recorded, from the case.
   */
  @GetMapping(value = "/ki/seiteneinstieg/einladung/{aktenzeichen}", produces = "text/html")
  public String einladung(@PathVariable String aktenzeichen, @RequestParam(required = false) String datum,
      @RequestParam(required = false) String uhrzeit, @RequestParam(required = false) String ort,
      @RequestParam(required = false) String adresse, @RequestParam(required = false) String sprache,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    Fall fall = fall(aktenzeichen, Seiteneinstieg.Element.Task_EinladungVersenden, request, response, model);
    if (fall == null) {
      return "ki/hinweis";
    }
    Map<String, Object> v = fall.variablen();
    String tag = datum != null ? datum : (String) v.get("terminDatum");
    String zeit = uhrzeit != null ? uhrzeit : (String) v.get("terminUhrzeit");
    String terminOrt = ort != null ? ort : (String) v.get("terminOrt");
    LocalDate termin;
    try {
      termin = tag == null ? null : LocalDate.parse(tag);
    } catch (DateTimeParseException e) {
      termin = null;
    }
    String ortText = einladungsorte.text(terminOrt, ort != null ? adresse : v.get("terminOrtAdresse"));
    if (termin == null || zeit == null || !zeit.matches("([01][0-9]|2[0-3]):[0-5][0-9]") || ortText == null) {
      response.setStatus(409);
      model.addAttribute("meldung", "Für die Einladung fehlen Datum, Uhrzeit (HH:MM) oder Ort des Termins (vor Ort: die Anschrift, "
          + "höchstens " + Einladungsorte.ADRESSE_HOECHSTENS + " Zeichen). Bitte im Formular eintragen und das Schreiben dann erneut öffnen.");
      return "ki/hinweis";
    }
    protokoll.lesend(fall.benutzer(), aktenzeichen, "Einladungsschreiben");
    model.addAttribute("termin", termin.format(DATUM));
    model.addAttribute("wochentag", wochentag(termin));
    model.addAttribute("uhrzeit", zeit);
    model.addAttribute("ort", ortText);
    model.addAttribute("dolmetschung", Boolean.TRUE.equals(v.get("dolmetscherBenoetigt")));
    einladungUebersetzung(model, sprache != null ? sprache : (String) v.get(Seiteneinstieg.BRIEF_SPRACHE.name()), termin, zeit, ortText);
    return "seiteneinstieg/einladungsschreiben";
  }

  /** Where a report comes from, as the notice names it (Art. 14: data not collected from the family). */
  static final Map<String, String> MELDENDE_STELLEN = Map.of("EINWOHNERMELDEAMT", "dem Einwohnermeldeamt",
      "SCHULVERWALTUNG", "der Schulverwaltung Ihrer Stadt oder Gemeinde", "SCHULE", "einer Schule",
      "AUSLAENDERBEHOERDE", "der Ausländerbehörde", "JUGENDAMT", "dem Jugendamt", "FAMILIE", "Ihnen selbst");

  /** Languages the counselling can hand over or explain the notice in (the form's list). */
  static final Map<String, String> SPRACHEN = Map.ofEntries(Map.entry("DEUTSCH", "Deutsch"), Map.entry("ARABISCH", "Arabisch"),
      Map.entry("UKRAINISCH", "Ukrainisch"), Map.entry("RUSSISCH", "Russisch"), Map.entry("TUERKISCH", "Türkisch"),
      Map.entry("FARSI_DARI", "Farsi/Dari"), Map.entry("ENGLISCH", "Englisch"), Map.entry("FRANZOESISCH", "Französisch"),
      Map.entry("KURDISCH", "Kurdisch"), Map.entry("TIGRINYA", "Tigrinya"), Map.entry("SOMALI", "Somali"),
      Map.entry("PASCHTU", "Paschtu"), Map.entry("RUMAENISCH", "Rumänisch"), Map.entry("BULGARISCH", "Bulgarisch"),
      Map.entry("POLNISCH", "Polnisch"));

  /**
   * The information under Art. 13 GDPR handed to the family at the first counselling, as a letter
   * to print: who processes what for which purpose on which legal basis, who receives it, how long
   * it is kept, the family's rights. The language it was explained in comes from the open form.
   */
  @GetMapping(value = "/ki/seiteneinstieg/datenschutzhinweis/{aktenzeichen}", produces = "text/html")
  public String datenschutzhinweis(@PathVariable String aktenzeichen, @RequestParam(required = false) String sprache,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    Fall fall = fall(aktenzeichen, Seiteneinstieg.Element.Task_ErstberatungDurchfuehren, request, response, model);
    if (fall == null) {
      return "ki/hinweis";
    }
    protokoll.lesend(fall.benutzer(), aktenzeichen, "Datenschutzhinweis");
    model.addAttribute("sprache", sprache == null ? null : SPRACHEN.get(sprache));
    model.addAttribute("andereSprache", "ANDERE".equals(sprache));
    // where the Schulamt counsels, it is the controller of its counselling and knows of a support need itself
    Object beratung = fall.variablen().get("beratung");
    model.addAttribute("schulamtBeraet", beratung instanceof Map<?, ?> b && "SCHULAMT".equals(b.get("beratungsstelle")));
    model.addAttribute("herkunft", MELDENDE_STELLEN.getOrDefault(String.valueOf(fall.variablen().get("meldendeStelle")), "einer Meldung"));
    return "seiteneinstieg/datenschutzhinweis";
  }

  private record Fall(String benutzer, Map<String, Object> variablen) {}

  /**
   * Access check and the model every letter needs; null when the page answers with a notice. Only
   * who works the step the letter belongs to may open it: the Schulamt's own open task in the same
   * case must not open a letter full of the family's data.
   */
  private Fall fall(String aktenzeichen, Seiteneinstieg.Element schritt, HttpServletRequest request, HttpServletResponse response, Model model) {
    return fall(aktenzeichen, List.of(schritt), request, response, model);
  }

  private Fall fall(String aktenzeichen, List<Seiteneinstieg.Element> schritte, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    response.setHeader("Cache-Control", "no-store");
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("meldung", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
      return null;
    }
    if (schritte.stream().noneMatch(schritt -> zugang.siehtOffeneAufgabe(benutzer.get(), aktenzeichen, schritt.name()))) {
      response.setStatus(404);
      model.addAttribute("meldung", "Zu diesem Aktenzeichen gibt es keinen offenen Fall, den Sie bearbeiten dürfen.");
      return null;
    }
    ProcessInstance instanz = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(aktenzeichen, Seiteneinstieg.SCHLUESSEL).singleResult();
    if (instanz == null) {
      response.setStatus(404);
      model.addAttribute("meldung", "Zu diesem Aktenzeichen gibt es keinen offenen Seiteneinstiegs-Fall.");
      return null;
    }
    Map<String, Object> v = engine.getRuntimeService().getVariables(instanz.getId());
    Long alter = v.get("alter") instanceof Number n ? n.longValue() : null;
    Briefanschrift an = Briefanschrift.von((String) v.get("erziehungsberechtigte"), (String) v.get("anschrift"),
        (String) v.get("vorname"), (String) v.get("nachname"), alter);
    model.addAttribute("v", v);
    model.addAttribute("aktenzeichen", aktenzeichen);
    model.addAttribute("empfaenger", an.zeilen());
    model.addAttribute("anrede", an.anrede());
    model.addAttribute("volljaehrig", alter != null && alter >= 18);
    // unaccompanied minors: the letter goes to the guardian, a copy to the facility (review S13)
    Object einrichtung = v.get("einrichtung");
    model.addAttribute("kopieAn", einrichtung == null || einrichtung.toString().isBlank() ? null : einrichtung.toString().strip());
    model.addAttribute("kontakt", kontakt);
    model.addAttribute("bearbeitung", name(benutzer.get().id()));
    model.addAttribute("heute", Zeit.heute().format(DATUM));
    model.addAttribute("geburtsdatum", datum(v.get("geburtsdatum")));
    return new Fall(benutzer.get().id(), v);
  }

  /** The clerk who signs: the person who opens the letter in their task (first and last name). */
  private String name(String benutzerId) {
    User user = engine.getIdentityService().createUserQuery().userId(benutzerId).singleResult();
    if (user == null) {
      return benutzerId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? benutzerId : name;
  }

  private static String wochentag(LocalDate tag) {
    return tag.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.GERMAN);
  }

  private static String datum(Object iso) {
    return iso == null ? "" : Zeit.datum(iso).format(DATUM);
  }
}
