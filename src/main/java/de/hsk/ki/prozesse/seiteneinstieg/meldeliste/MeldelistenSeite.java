package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.web.Formularschutz;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page for report lists (Meldelisten) of the administrative staff: upload, column mapping,
 * preview, confirmation with progress, error report. kiVerwaltung works with it, kiLeitung may look;
 * nobody else, funding staff and partners least of all: the lists name children.
 */
@Controller
public class MeldelistenSeite {

  static final String PFAD = "/ki/meldelisten";
  static final DateTimeFormatter ZEIT = de.hsk.ki.plattform.zeit.Zeit.ZEITPUNKT;

  private final Meldelisten listen;
  private final Meldelistenstart start;
  private final AngemeldeteBenutzer angemeldet;
  private final Zugriffsprotokoll protokoll;
  private final PartnerVerzeichnis verzeichnis;
  private final de.hsk.ki.plattform.person.Personenregister register;
  private final de.hsk.ki.plattform.fall.Fallstaende staende;

  public MeldelistenSeite(Meldelisten listen, Meldelistenstart start, AngemeldeteBenutzer angemeldet, Zugriffsprotokoll protokoll,
      PartnerVerzeichnis verzeichnis, de.hsk.ki.plattform.person.Personenregister register, de.hsk.ki.plattform.fall.Fallstaende staende) {
    this.register = register;
    this.staende = staende;
    this.listen = listen;
    this.start = start;
    this.angemeldet = angemeldet;
    this.protokoll = protokoll;
    this.verzeichnis = verzeichnis;
  }

  @GetMapping(value = PFAD, produces = "text/html")
  public String uebersicht(HttpServletRequest request, HttpServletResponse response, Model model) {
    var benutzer = darf(request, response, model, false, null);
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    return uebersicht(benutzer.get(), request, model);
  }

  private String uebersicht(AngemeldeteBenutzer.Benutzer benutzer, HttpServletRequest request, Model model) {
    model.addAttribute("listen", listen.listen(50));
    model.addAttribute("kommunen", verzeichnis.kommunen());
    model.addAttribute("stellen", Meldelisten.STELLEN);
    model.addAttribute("schreiben", schreiben(benutzer));
    model.addAttribute("token", Formularschutz.token(request));
    model.addAttribute("anzeige", new Anzeige(verzeichnis));
    return "seiteneinstieg/meldeliste/uebersicht";
  }

  @PostMapping(value = PFAD, produces = "text/html")
  public String hochladen(@RequestParam(required = false) String kommune, @RequestParam(required = false) String stelle,
      @RequestParam(required = false) MultipartFile datei, @RequestParam(name = Formularschutz.FELD, required = false) String token,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes weiter) throws IOException {
    var benutzer = darf(request, response, model, true, token);
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    List<String> fehler = new ArrayList<>();
    if (kommune == null || verzeichnis.kommune(kommune).isEmpty()) {
      fehler.add("Bitte die Kommune wählen, aus der die Liste kommt.");
    }
    if (stelle == null || !Meldelisten.STELLEN.containsKey(stelle)) {
      fehler.add("Bitte die meldende Stelle wählen (Einwohnermeldeamt oder Schulverwaltungsamt).");
    }
    Meldelistendatei.Tabelle tabelle = null;
    if (datei == null || datei.isEmpty()) {
      fehler.add("Bitte eine Datei wählen (CSV oder Excel .xlsx).");
    } else if (datei.getSize() > Meldelistendatei.HOECHSTENS_BYTES) {
      fehler.add("Die Datei ist zu groß (höchstens 2 MB). Bitte die Liste teilen und in mehreren Teilen hochladen.");
    } else if (fehler.isEmpty()) {
      try {
        tabelle = Meldelistendatei.lese(datei.getBytes(), datei.getOriginalFilename());
      } catch (Meldelistendatei.Unlesbar e) {
        fehler.add(e.getMessage());
      }
    }
    if (!fehler.isEmpty()) {
      response.setStatus(400);
      model.addAttribute("fehler", fehler);
      return uebersicht(benutzer.get(), request, model);
    }
    String name = datei.getOriginalFilename() == null ? "meldeliste" : datei.getOriginalFilename().replaceAll("[\\p{Cntrl}<>\"]", "");
    Meldelisten.Hochgeladen h = listen.hochladen(tabelle, kommune, stelle, name, benutzer.get().id());
    if (h.schonBekannt()) {
      weiter.addFlashAttribute("hinweis", "Diese Datei wurde bereits am " + ZEIT.format(h.liste().hochgeladenAm())
          + " hochgeladen. Es wird nichts doppelt angelegt; hier ist die damalige Liste.");
    } else {
      weiter.addFlashAttribute("erfolg", "Die Liste ist gelesen: " + tabelle.zeilen().size() + " Zeilen. Bitte die Spaltenzuordnung und"
          + " die Vorschau prüfen.");
    }
    return "redirect:" + PFAD + "/" + h.liste().id();
  }

  @GetMapping(value = PFAD + "/{id}", produces = "text/html")
  public String liste(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
    var benutzer = darf(request, response, model, false, null);
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    Optional<Meldelisten.Liste> liste = listen.liste(id);
    if (liste.isEmpty()) {
      return nichtGefunden(response, model);
    }
    return zeige(liste.get(), benutzer.get(), request, model);
  }

  private String zeige(Meldelisten.Liste liste, AngemeldeteBenutzer.Benutzer benutzer, HttpServletRequest request, Model model) {
    Meldelisten.Vorschau vorschau = listen.vorschau(liste);
    vorschau.zeilen().stream().map(Meldelisten.Vorschauzeile::aktenzeichen).filter(a -> a != null).distinct()
        .forEach(a -> protokoll.lesend(benutzer.id(), a, "Meldeliste " + liste.id()));
    model.addAttribute("liste", liste);
    model.addAttribute("vorschau", vorschau);
    model.addAttribute("stand", listen.stand(liste));
    model.addAttribute("laeuft", start.laeuft(liste.id()));
    model.addAttribute("ziele", Spaltenzuordnung.Ziel.values());
    model.addAttribute("maengel", liste.zuordnung().maengel());
    model.addAttribute("schreiben", schreiben(benutzer));
    model.addAttribute("token", Formularschutz.token(request));
    // what the clerk needs to tell candidates apart: their municipality and cases (each read in the access log)
    Map<Long, String> kandidatenfaelle = new java.util.HashMap<>();
    vorschau.zeilen().stream().flatMap(z -> z.kandidaten().stream()).map(k -> k.person()).distinct().forEach(person -> {
      var faelle = staende.von(register.faelleDerPerson(person));
      faelle.forEach(f -> protokoll.lesend(benutzer.id(), f.aktenzeichen(), "Meldeliste " + liste.id() + " (Dublettenprüfung)"));
      kandidatenfaelle.put(person, faelle.stream().map(f -> f.aktenzeichen() + " " + f.prozessname() + (f.beendet() ? ", abgeschlossen"
          : ", läuft")).collect(java.util.stream.Collectors.joining("; ")));
    });
    model.addAttribute("kandidatenfaelle", kandidatenfaelle);
    model.addAttribute("anzeige", new Anzeige(verzeichnis));
    model.addAttribute("pfad", PFAD + "/" + liste.id());
    return "seiteneinstieg/meldeliste/liste";
  }

  @PostMapping(value = PFAD + "/{id}/zuordnung", produces = "text/html")
  public String zuordnen(@PathVariable long id, @RequestParam Map<String, String> parameter,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes weiter) {
    var benutzer = darf(request, response, model, true, parameter.get(Formularschutz.FELD));
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    Optional<Meldelisten.Liste> liste = listen.liste(id);
    if (liste.isEmpty()) {
      return nichtGefunden(response, model);
    }
    if (!liste.get().vorschau()) {
      return abgelehnt(liste.get(), benutzer.get(), "Die Liste ist schon bestätigt; die Zuordnung kann nicht mehr geändert werden.",
          request, response, model);
    }
    Map<String, Spaltenzuordnung.Ziel> spalten = new LinkedHashMap<>();
    List<String> kopf = liste.get().kopf();
    for (int i = 0; i < kopf.size(); i++) {
      String ziel = parameter.get("spalte-" + i);
      if (ziel != null && !ziel.isBlank()) {
        try {
          spalten.put(kopf.get(i), Spaltenzuordnung.Ziel.valueOf(ziel));
        } catch (IllegalArgumentException e) {
          return abgelehnt(liste.get(), benutzer.get(), "Unbekanntes Feld für Spalte „" + kopf.get(i) + "“.", request, response, model);
        }
      }
    }
    String sorgeform = parameter.getOrDefault("sorgeform", Spaltenzuordnung.SORGEFORM_VORGABE);
    if (!List.of("ELTERN", "VORMUND", "EINRICHTUNG").contains(sorgeform)) {
      return abgelehnt(liste.get(), benutzer.get(), "Bitte angeben, bei wem das Sorgerecht liegt.", request, response, model);
    }
    String sprache = parameter.getOrDefault("sprache", "").strip();
    String falsch = de.hsk.ki.plattform.formular.Freitext.fehler(sprache, 100, false);
    if (falsch != null) {
      return abgelehnt(liste.get(), benutzer.get(), "Bevorzugte Sprache der Familie: " + falsch, request, response, model);
    }
    Spaltenzuordnung neu = new Spaltenzuordnung(spalten, sorgeform, sprache);
    listen.zuordnen(liste.get(), neu, benutzer.get().id());
    weiter.addFlashAttribute("erfolg", "Die Spaltenzuordnung ist gespeichert und wird für die nächste Liste dieses Absenders vorgeschlagen.");
    return "redirect:" + PFAD + "/" + id;
  }

  @PostMapping(value = PFAD + "/{id}/starten", produces = "text/html")
  public String starten(@PathVariable long id, @RequestParam Map<String, String> parameter,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes weiter) {
    var benutzer = darf(request, response, model, true, parameter.get(Formularschutz.FELD));
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    Optional<Meldelisten.Liste> liste = listen.liste(id);
    if (liste.isEmpty()) {
      return nichtGefunden(response, model);
    }
    Map<Integer, String> entscheidungen = new HashMap<>();
    parameter.forEach((k, v) -> {
      if (k.startsWith("entscheidung-")) {
        try {
          entscheidungen.put(Integer.parseInt(k.substring("entscheidung-".length())), v);
        } catch (NumberFormatException e) {
          // not a row of this page
        }
      }
    });
    try {
      Meldelisten.Vorschau v = listen.bestaetigen(liste.get(), entscheidungen, "ja".equals(parameter.get("fehlerhafteUebergehen")),
          benutzer.get().id());
      start.imHintergrund(id);
      weiter.addFlashAttribute("erfolg", v.gute() + " Fälle werden angelegt. Der Fortschritt steht unten; die Seite kann offen bleiben"
          + " oder geschlossen werden.");
      return "redirect:" + PFAD + "/" + id;
    } catch (Meldelisten.Abgelehnt e) {
      model.addAttribute("entscheidungen", entscheidungen);
      return abgelehnt(liste.get(), benutzer.get(), e.getMessage(), request, response, model);
    }
  }

  @PostMapping(value = PFAD + "/{id}/fortsetzen", produces = "text/html")
  public String fortsetzen(@PathVariable long id, @RequestParam(name = Formularschutz.FELD, required = false) String token,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes weiter) {
    var benutzer = darf(request, response, model, true, token);
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    Optional<Meldelisten.Liste> liste = listen.liste(id);
    if (liste.isEmpty()) {
      return nichtGefunden(response, model);
    }
    if (Meldelisten.START.equals(liste.get().status())) {
      start.imHintergrund(id);
      weiter.addFlashAttribute("erfolg", "Das Anlegen wird fortgesetzt.");
    }
    return "redirect:" + PFAD + "/" + id;
  }

  /** Progress for the page's indicator (polled). */
  @GetMapping(value = PFAD + "/{id}/stand", produces = "application/json")
  public ResponseEntity<Map<String, Object>> stand(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
    var benutzer = darf(request, response, new org.springframework.ui.ExtendedModelMap(), false, null);
    if (benutzer.isEmpty()) {
      return ResponseEntity.status(response.getStatus()).body(Map.of("meldung", "Kein Zugriff."));
    }
    Optional<Meldelisten.Liste> liste = listen.liste(id);
    if (liste.isEmpty()) {
      return ResponseEntity.status(404).body(Map.of("meldung", "Diese Meldeliste gibt es nicht."));
    }
    Meldelisten.Stand s = listen.stand(liste.get());
    Map<String, Object> antwort = new LinkedHashMap<>();
    antwort.put("status", s.status());
    antwort.put("zuStarten", s.zuStarten());
    antwort.put("gestartet", s.gestartet());
    antwort.put("offen", s.offen());
    antwort.put("nichtAngelegt", s.nichtAngelegt());
    antwort.put("fertig", s.fertig());
    antwort.put("laeuft", start.laeuft(id));
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(antwort);
  }

  /** The rows that became no case, with the reasons: the sender corrects them and sends them again. */
  @GetMapping(value = PFAD + "/{id}/fehlerbericht.csv")
  public ModelAndView fehlerbericht(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model)
      throws IOException {
    var benutzer = darf(request, response, model, false, null);
    if (benutzer.isEmpty()) {
      return new ModelAndView("ki/hinweis");
    }
    Optional<Meldelisten.Liste> liste = listen.liste(id);
    if (liste.isEmpty()) {
      nichtGefunden(response, model);
      return new ModelAndView("ki/hinweis");
    }
    List<Meldelisten.Fehlerzeile> zeilen = listen.fehlerzeilen(liste.get());
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"fehlerbericht-meldeliste-" + id + ".csv\"");
    // the preview counts children, the sender's file counts lines with the header: both, so neither side is misled
    List<String> kopf = new ArrayList<>(List.of("Zeile (Vorschau)", "Zeile (Datei)", "Grund"));
    kopf.addAll(liste.get().kopf());
    CSVFormat format = CSVFormat.Builder.create().setDelimiter(';').setRecordSeparator("\r\n").setHeader(kopf.toArray(String[]::new)).get();
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    try (CSVPrinter csv = new CSVPrinter(writer, format)) {
      for (Meldelisten.Fehlerzeile z : zeilen) {
        List<Object> werte = new ArrayList<>();
        werte.add(z.nr());
        werte.add(z.nr() + 1);
        werte.add(grund(z));
        if (z.zellen() != null) {
          // a cell starting with = + - @ would be a formula in Excel
          z.zellen().forEach(c -> werte.add(c.matches("^[=+\\-@].*") ? "'" + c : c));
        }
        csv.printRecord(werte);
      }
    }
    return null;
  }

  private static String grund(Meldelisten.Fehlerzeile z) {
    String art = switch (z.zustand()) {
      case "DOPPELT" -> "Doppelt in der Liste";
      case "BEREITS" -> "Schon angelegt";
      default -> "Fehlerhaft";
    };
    return art + (z.gruende() == null || z.gruende().isBlank() ? "" : ": " + z.gruende());
  }

  private String abgelehnt(Meldelisten.Liste liste, AngemeldeteBenutzer.Benutzer benutzer, String meldung, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    response.setStatus(400);
    model.addAttribute("fehler", List.of(meldung));
    return zeige(listen.liste(liste.id()).orElse(liste), benutzer, request, model);
  }

  private static String nichtGefunden(HttpServletResponse response, Model model) {
    response.setStatus(404);
    model.addAttribute("meldung", "Diese Meldeliste gibt es nicht.");
    return "ki/hinweis";
  }

  static boolean schreiben(AngemeldeteBenutzer.Benutzer b) {
    return b.gruppen().contains(KiGruppen.VERWALTUNG);
  }

  /**
   * The caller, or empty with the German notice on the model and the status set: kiVerwaltung reads
   * and writes, kiLeitung reads, nobody else.
   */
  Optional<AngemeldeteBenutzer.Benutzer> darf(HttpServletRequest request, HttpServletResponse response, Model model, boolean schreibend,
      String token) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("meldung", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
      return Optional.empty();
    }
    boolean verwaltung = benutzer.get().gruppen().contains(KiGruppen.VERWALTUNG);
    boolean leitung = benutzer.get().gruppen().contains(KiGruppen.LEITUNG);
    if (!verwaltung && !(leitung && !schreibend)) {
      response.setStatus(403);
      model.addAttribute("meldung", schreibend && leitung ? "Meldelisten bearbeitet die Verwaltung des KI; die Leitung kann sie ansehen."
          : "Meldelisten sind der Verwaltung und der Leitung des KI vorbehalten.");
      return Optional.empty();
    }
    if (schreibend && !Formularschutz.gueltig(request, token)) {
      response.setStatus(403);
      model.addAttribute("meldung", "Die Seite war zu lange offen. Bitte neu laden und erneut absenden.");
      return Optional.empty();
    }
    return benutzer;
  }

  /** What the templates need to show names, dates and states the German way. */
  public static final class Anzeige {
    private final PartnerVerzeichnis verzeichnis;

    Anzeige(PartnerVerzeichnis verzeichnis) {
      this.verzeichnis = verzeichnis;
    }

    public String kommune(String schluessel) {
      return verzeichnis.kommune(schluessel).map(PartnerVerzeichnis.Kommune::name).orElse(schluessel);
    }

    public String stelle(String schluessel) {
      return Meldelisten.STELLEN.getOrDefault(schluessel, schluessel);
    }

    public String zeit(java.time.Instant zeitpunkt) {
      return zeitpunkt == null ? "–" : ZEIT.format(zeitpunkt);
    }

    public String datum(Object iso) {
      if (iso == null || iso.toString().isBlank()) {
        return "";
      }
      try {
        return de.hsk.ki.plattform.zeit.Zeit.anzeige(java.time.LocalDate.parse(iso.toString()));
      } catch (java.time.format.DateTimeParseException e) {
        return iso.toString();
      }
    }

    public String status(String status) {
      return switch (status) {
        case Meldelisten.VORSCHAU -> "Vorschau – noch nichts angelegt";
        case Meldelisten.START -> "Fälle werden angelegt";
        case Meldelisten.FERTIG -> "Fälle angelegt";
        default -> status;
      };
    }

    public String zustand(String zustand) {
      return switch (zustand) {
        case "OK" -> "wird angelegt";
        case "OFFEN" -> "wartet auf Anlage";
        case "GESTARTET" -> "Fall angelegt";
        case "FEHLER" -> "fehlerhaft";
        case "DOPPELT" -> "doppelt in der Liste";
        case "BEREITS" -> "schon angelegt";
        default -> zustand;
      };
    }

    public String prozent(double anteil) {
      return String.format(java.util.Locale.GERMANY, "%.0f %%", anteil * 100);
    }
  }
}
