package de.hsk.ki.web;

import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.person.Familienakte;
import de.hsk.ki.plattform.person.Familienangaben;
import de.hsk.ki.plattform.person.Personenregister;
import de.hsk.ki.plattform.person.Personenseiten;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.Personenname;
import de.hsk.ki.plattform.zeit.Zeit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The family file as a page beside Tasklist, and the change of the family's contact on it. Every
 * view goes into the access log once per case it shows.
 */
@Controller
public class FamilienakteSeite {

  static final String PFAD = "/ki/familie/{nr}";

  private final Familienakte akte;
  private final Personenregister register;
  private final AngemeldeteBenutzer angemeldet;
  private final Zugriffsprotokoll protokoll;
  private final IdentityService identitaet;

  public FamilienakteSeite(Familienakte akte, Personenregister register, AngemeldeteBenutzer angemeldet, Zugriffsprotokoll protokoll,
      ProcessEngine engine) {
    this.akte = akte;
    this.register = register;
    this.angemeldet = angemeldet;
    this.protokoll = protokoll;
    this.identitaet = engine.getIdentityService();
  }

  /** Dates the German way, for templates. */
  public static class Datum {
    public String datum(LocalDate tag) {
      return Zeit.anzeige(tag);
    }
  }

  /** Dates and times the German way, and staff names, for the template. */
  public final class Anzeige extends Datum {

    public String datum(Instant zeit) {
      return zeit == null ? "–" : Zeit.anzeige(zeit.atZone(Zeit.ZONE).toLocalDate());
    }

    public String zeit(Instant zeit) {
      return Zeit.anzeige(zeit);
    }

    public String name(String benutzer) {
      return benutzer == null ? "–" : Personenname.von(identitaet, benutzer);
    }

    public int alter(LocalDate geboren) {
      return geboren == null ? -1 : java.time.Period.between(geboren, Zeit.heute()).getYears();
    }
  }

  @GetMapping(value = PFAD, produces = "text/html")
  public String seite(@PathVariable String nr, HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = darf(nr, request, response, model);
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    return zeige(Long.parseLong(nr), benutzer.get(), null, request, model);
  }

  @PostMapping(value = PFAD + "/kontakt", produces = "text/html")
  public String kontakt(@PathVariable String nr, @RequestParam(required = false) String erziehungsberechtigte,
      @RequestParam(required = false) String anschrift, @RequestParam(required = false) String telefon,
      @RequestParam(required = false) String email, @RequestParam(name = Formularschutz.FELD, required = false) String token,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes weiter) {
    response.setHeader("Cache-Control", "no-store");
    if (!Formularschutz.gueltig(request, token)) {
      response.setStatus(403);
      model.addAttribute("meldung", "Die Seite war zu lange offen. Bitte die Familienakte neu öffnen und die Änderung noch einmal eingeben.");
      return "ki/hinweis";
    }
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = darf(nr, request, response, model);
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    long familie = Long.parseLong(nr);
    Personenregister.Familie alt = register.familie(familie).orElseThrow();
    Familienangaben neu = new Familienangaben(wert(erziehungsberechtigte), wert(anschrift), wert(telefon), wert(email), alt.kommune());
    int faelle;
    try {
      faelle = akte.kontaktAendern(familie, neu, benutzer.get().id());
    } catch (Familienakte.Abgelehnt e) {
      response.setStatus(400);
      model.addAttribute("fehler", e.meldungen());
      return zeige(familie, benutzer.get(), neu, request, model);
    }
    weiter.addFlashAttribute("erfolg", "Kontakt der Familie geändert" + (faelle == 0 ? "." : faelle == 1
        ? "; der laufende Fall zeigt ihn ab sofort." : "; die " + faelle + " laufenden Fälle zeigen ihn ab sofort."));
    return "redirect:/ki/familie/" + familie;
  }

  private String zeige(long familie, AngemeldeteBenutzer.Benutzer benutzer, Familienangaben eingabe, HttpServletRequest request,
      Model model) {
    Familienakte.Akte a = akte.lesen(familie).orElseThrow();
    for (String az : a.aktenzeichen()) {
      protokoll.lesend(benutzer.id(), az, "Familienakte " + familie);
    }
    model.addAttribute("akte", a);
    Anzeige anzeige = new Anzeige();
    Map<String, String> stand = new java.util.HashMap<>();
    a.personen().forEach(p -> p.faelle().forEach(f -> stand.put(f.stand().aktenzeichen(),
        f.stand().wartetAuf(benutzer.id(), benutzer.gruppen(), anzeige::name))));
    model.addAttribute("stand", stand);
    // tasks the person could take up now: theirs, or unassigned for one of their groups
    java.util.Set<String> bearbeitbar = new java.util.HashSet<>();
    a.personen().forEach(p -> p.faelle().forEach(f -> f.stand().aufgaben().stream()
        .filter(t -> t.fuer(benutzer.id(), benutzer.gruppen()))
        .forEach(t -> bearbeitbar.add(t.id()))));
    model.addAttribute("bearbeitbar", bearbeitbar);
    model.addAttribute("eingabe", eingabe != null ? eingabe : a.familie().angaben());
    model.addAttribute("benutzer", benutzer.id());
    model.addAttribute("gruppen", benutzer.gruppen());
    model.addAttribute("anzeige", anzeige);
    model.addAttribute("token", Formularschutz.token(request));
    model.addAttribute("pfad", "/ki/familie/" + familie);
    return "ki/familienakte";
  }

  private Optional<AngemeldeteBenutzer.Benutzer> darf(String nr, HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("meldung", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
      return Optional.empty();
    }
    long familie;
    try {
      familie = Long.parseLong(nr);
    } catch (NumberFormatException e) {
      familie = -1;
    }
    // an unknown family and one the person may not see look the same, so numbers cannot be probed
    if (familie < 0 || register.familie(familie).isEmpty() || !akte.darfLesen(benutzer.get().id(), benutzer.get().gruppen(), familie)) {
      response.setStatus(403);
      model.addAttribute("meldung", "Diese Familienakte können Sie nicht öffnen: Sie zeigt sich nur, solange Sie oder Ihre Gruppe "
          + "in einem Fall der Familie eine Aufgabe haben oder für einen Fall zuständig sind.");
      return Optional.empty();
    }
    return benutzer;
  }

  private static String wert(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
