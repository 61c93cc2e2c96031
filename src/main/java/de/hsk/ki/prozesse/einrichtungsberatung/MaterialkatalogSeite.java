package de.hsk.ki.prozesse.einrichtungsberatung;

import de.hsk.ki.web.Formularschutz;
import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.zeit.Zeit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lending catalogue for staff: administration (kiVerwaltung) and coordination (kiLeitung) see
 * every item and who holds it; administration adds items and retires or reactivates them. Names case
 * numbers only; every case listed is in the access log.
 */
@Controller
public class MaterialkatalogSeite {

  static final String PFAD = "/ki/einrichtungsberatung/material";
  static final int INVENTARNUMMER_MAX = 32;
  static final int BEZEICHNUNG_MAX = 200;
  static final int BESCHREIBUNG_MAX = 1000;

  private static final Pattern INVENTARNUMMER = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ./_-]*");

  private final Materialkatalog katalog;
  private final AngemeldeteBenutzer angemeldet;
  private final Zugriffsprotokoll protokoll;

  public MaterialkatalogSeite(Materialkatalog katalog, AngemeldeteBenutzer angemeldet, Zugriffsprotokoll protokoll) {
    this.katalog = katalog;
    this.angemeldet = angemeldet;
    this.protokoll = protokoll;
  }

  public record Stand(String text, boolean ueberfaellig) {}

  public record Zeile(long id, String inventarnummer, String bezeichnung, String beschreibung, boolean aktiv, boolean belegt,
      List<Stand> staende) {}

  /** What was typed into the add form, shown again after a refusal. */
  public record Eingabe(String inventarnummer, String bezeichnung, String beschreibung) {
    static final Eingabe LEER = new Eingabe("", "", "");
  }

  @GetMapping(value = PFAD, produces = "text/html")
  public String seite(HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = angemeldet.aus(request);
    String abgelehnt = zugang(benutzer, false, response, model);
    if (abgelehnt != null) {
      return abgelehnt;
    }
    return zeige(benutzer.get(), Eingabe.LEER, request, model);
  }

  @PostMapping(value = PFAD, produces = "text/html")
  public String anlegen(@RequestParam(name = "inventarnummer", required = false) String inventarnummer,
      @RequestParam(name = "bezeichnung", required = false) String bezeichnung,
      @RequestParam(name = "beschreibung", required = false) String beschreibung,
      @RequestParam(name = Formularschutz.FELD, required = false) String token,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes weiter) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = angemeldet.aus(request);
    String abgelehnt = schreibzugang(benutzer, token, request, response, model);
    if (abgelehnt != null) {
      return abgelehnt;
    }
    Eingabe eingabe = new Eingabe(text(inventarnummer), text(bezeichnung), text(beschreibung));
    List<String> fehler = pruefe(eingabe);
    if (fehler.isEmpty() && katalog.inventarnummerVergeben(eingabe.inventarnummer())) {
      fehler.add("Inventarnummer: „" + eingabe.inventarnummer() + "“ ist schon vergeben.");
    }
    if (fehler.isEmpty()) {
      try {
        katalog.anlegen(eingabe.inventarnummer(), eingabe.bezeichnung(), eingabe.beschreibung().isEmpty() ? null : eingabe.beschreibung());
      } catch (DuplicateKeyException e) {
        fehler.add("Inventarnummer: „" + eingabe.inventarnummer() + "“ ist schon vergeben.");
      }
    }
    if (!fehler.isEmpty()) {
      response.setStatus(400);
      model.addAttribute("fehler", fehler);
      return zeige(benutzer.get(), eingabe, request, model);
    }
    weiter.addFlashAttribute("erfolg", "„" + eingabe.bezeichnung() + "“ (Inv.-Nr. " + eingabe.inventarnummer() + ") ist im Katalog.");
    return "redirect:" + PFAD;
  }

  @PostMapping(value = PFAD + "/{id}/aussondern", produces = "text/html")
  public String aussondern(@PathVariable("id") long id, @RequestParam(name = Formularschutz.FELD, required = false) String token,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes weiter) {
    return aktivSetzen(id, false, token, request, response, model, weiter);
  }

  @PostMapping(value = PFAD + "/{id}/reaktivieren", produces = "text/html")
  public String reaktivieren(@PathVariable("id") long id, @RequestParam(name = Formularschutz.FELD, required = false) String token,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes weiter) {
    return aktivSetzen(id, true, token, request, response, model, weiter);
  }

  private String aktivSetzen(long id, boolean aktiv, String token, HttpServletRequest request, HttpServletResponse response,
      Model model, RedirectAttributes weiter) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = angemeldet.aus(request);
    String abgelehnt = schreibzugang(benutzer, token, request, response, model);
    if (abgelehnt != null) {
      return abgelehnt;
    }
    Optional<String> verweigert = katalog.aktivSetzen(id, aktiv);
    if (verweigert.isPresent()) {
      response.setStatus(409);
      model.addAttribute("fehler", List.of(verweigert.get()));
      return zeige(benutzer.get(), Eingabe.LEER, request, model);
    }
    weiter.addFlashAttribute("erfolg", aktiv ? "Das Material ist wieder ausleihbar." : "Das Material ist ausgesondert.");
    return "redirect:" + PFAD;
  }

  /** The refusal page for those who may not see the catalogue, or null. */
  private static String zugang(Optional<AngemeldeteBenutzer.Benutzer> benutzer, boolean schreibend, HttpServletResponse response,
      Model model) {
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("meldung", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
      return "ki/hinweis";
    }
    List<String> gruppen = benutzer.get().gruppen();
    boolean darf = schreibend ? gruppen.contains(KiGruppen.VERWALTUNG)
        : gruppen.contains(KiGruppen.VERWALTUNG) || gruppen.contains(KiGruppen.LEITUNG);
    if (!darf) {
      response.setStatus(403);
      model.addAttribute("meldung", schreibend ? "Den Materialkatalog pflegt die Verwaltung des KI."
          : "Der Materialkatalog ist der Verwaltung sowie der Leitung und Koordination des KI vorbehalten.");
      return "ki/hinweis";
    }
    return null;
  }

  private static String schreibzugang(Optional<AngemeldeteBenutzer.Benutzer> benutzer, String token, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    String abgelehnt = zugang(benutzer, true, response, model);
    if (abgelehnt != null) {
      return abgelehnt;
    }
    if (!Formularschutz.gueltig(request, token)) {
      response.setStatus(403);
      model.addAttribute("meldung", "Die Änderung wurde abgelehnt, weil sie nicht aus dem Materialkatalog dieser Sitzung stammt. "
          + "Bitte die Seite neu laden und es noch einmal versuchen.");
      return "ki/hinweis";
    }
    return null;
  }

  private String zeige(AngemeldeteBenutzer.Benutzer benutzer, Eingabe eingabe, HttpServletRequest request, Model model) {
    LocalDate heute = Zeit.heute();
    List<Zeile> zeilen = new ArrayList<>();
    List<String> gelesen = new ArrayList<>();
    for (Materialkatalog.Eintrag e : katalog.eintraege()) {
      List<Stand> staende = new ArrayList<>();
      for (Materialkatalog.Belegung b : e.belegungen()) {
        gelesen.add(b.aktenzeichen());
        if (Materialkatalog.AUSGEGEBEN.equals(b.status())) {
          boolean ueberfaellig = b.bis().isBefore(heute);
          staende.add(new Stand("ausgegeben bis " + b.bis().format(Materialkatalog.DATUM) + " (Anfrage " + b.aktenzeichen() + ")"
              + (ueberfaellig ? " – überfällig" : ""), ueberfaellig));
        } else {
          staende.add(new Stand("reserviert vom " + b.von().format(Materialkatalog.DATUM) + " bis " + b.bis().format(Materialkatalog.DATUM)
              + " (Anfrage " + b.aktenzeichen() + ")", false));
        }
      }
      if (!e.material().aktiv()) {
        staende.add(0, new Stand("ausgesondert", false));
      } else if (staende.isEmpty()) {
        staende.add(new Stand("frei", false));
      }
      var m = e.material();
      zeilen.add(new Zeile(m.id(), m.inventarnummer(), m.bezeichnung(), m.beschreibung(), m.aktiv(), !e.belegungen().isEmpty(), staende));
    }
    gelesen.stream().distinct().forEach(a -> protokoll.lesend(benutzer.id(), a, "Materialkatalog"));
    model.addAttribute("zeilen", zeilen);
    model.addAttribute("pflegen", benutzer.gruppen().contains(KiGruppen.VERWALTUNG));
    model.addAttribute("eingabe", eingabe);
    model.addAttribute("token", Formularschutz.token(request));
    model.addAttribute("pfad", PFAD);
    return "einrichtungsberatung/material";
  }

  private static String text(String roh) {
    return roh == null ? "" : Normalizer.normalize(roh, Normalizer.Form.NFC).strip();
  }

  private static List<String> pruefe(Eingabe e) {
    List<String> fehler = new ArrayList<>();
    if (e.inventarnummer().isEmpty()) {
      fehler.add("Inventarnummer: Pflichtfeld, bitte ausfüllen.");
    } else if (e.inventarnummer().length() > INVENTARNUMMER_MAX) {
      fehler.add("Inventarnummer: höchstens " + INVENTARNUMMER_MAX + " Zeichen erlaubt.");
    } else if (!INVENTARNUMMER.matcher(e.inventarnummer()).matches()) {
      fehler.add("Inventarnummer: nur Buchstaben, Ziffern, Leerzeichen, Punkt, Bindestrich, Unterstrich und Schrägstrich erlaubt.");
    }
    String bezeichnung = de.hsk.ki.plattform.formular.Freitext.fehler(e.bezeichnung(), BEZEICHNUNG_MAX, false);
    if (e.bezeichnung().isEmpty()) {
      fehler.add("Bezeichnung: Pflichtfeld, bitte ausfüllen.");
    } else if (bezeichnung != null) {
      fehler.add("Bezeichnung: " + bezeichnung);
    }
    String beschreibung = de.hsk.ki.plattform.formular.Freitext.fehler(e.beschreibung(), BESCHREIBUNG_MAX, true);
    if (beschreibung != null) {
      fehler.add("Beschreibung: " + beschreibung);
    }
    return fehler;
  }

}
