package de.hsk.ki.web;

import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.zustaendigkeit.Abwesenheit;
import de.hsk.ki.plattform.zustaendigkeit.Fallverantwortung;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page for absences and handover (issue 17): staff record their own absence with a stand-in,
 * the Leitung records one for anybody of the KI and reads the log of who held which case when.
 */
@Controller
public class AbwesenheitSeite {

  static final String PFAD = "/ki/abwesenheit";

  private final Abwesenheit abwesenheit;
  private final Fallverantwortung verantwortung;
  private final AngemeldeteBenutzer angemeldet;
  private final Zugriffsprotokoll protokoll;

  public AbwesenheitSeite(Abwesenheit abwesenheit, Fallverantwortung verantwortung, AngemeldeteBenutzer angemeldet,
      Zugriffsprotokoll protokoll) {
    this.abwesenheit = abwesenheit;
    this.verantwortung = verantwortung;
    this.angemeldet = angemeldet;
    this.protokoll = protokoll;
  }

  /** What was typed, shown again after a refusal. */
  public record Eingabe(String benutzer, String vertretung, String von, String bis, String uebergabe, boolean zurueckgeben) {}

  @GetMapping(value = PFAD, produces = "text/html")
  public String seite(@RequestParam(name = "fall", required = false) String fall,
      @RequestParam(name = "person", required = false) String person,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = personal(request, response, model);
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    var b = benutzer.get();
    return zeige(b, new Eingabe(b.id(), "", "", "", "", true), fall, person, request, model);
  }

  @PostMapping(value = PFAD, produces = "text/html")
  public String erfassen(@RequestParam(required = false) String benutzer, @RequestParam(required = false) String vertretung,
      @RequestParam(required = false) String von, @RequestParam(required = false) String bis,
      @RequestParam(required = false) String uebergabe, @RequestParam(required = false) String zurueckgeben,
      @RequestParam(name = Formularschutz.FELD, required = false) String token,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes weiter) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> angemeldeter = personal(request, response, model);
    if (angemeldeter.isEmpty()) {
      return "ki/hinweis";
    }
    if (!Formularschutz.gueltig(request, token)) {
      response.setStatus(403);
      model.addAttribute("meldung", "Die Seite war zu lange offen. Bitte die Seite neu laden und erneut speichern.");
      return "ki/hinweis";
    }
    var b = angemeldeter.get();
    Eingabe eingabe = new Eingabe(benutzer == null || benutzer.isBlank() ? b.id() : benutzer.strip(), vertretung, von, bis, uebergabe,
        zurueckgeben != null);
    try {
      long id = abwesenheit.erfassen(b.id(), b.gruppen(), eingabe.benutzer(), vertretung, datum(von), datum(bis), uebergabe,
          zurueckgeben != null);
      var e = abwesenheit.eintrag(id).orElseThrow();
      weiter.addFlashAttribute("erfolg", "Abwesenheit von " + abwesenheit.name(e.benutzer()) + " (" + e.zeitraum() + ") gespeichert; "
          + (e.status() == Abwesenheit.Status.LAUFEND ? "Aufgaben und Fälle sind an " + abwesenheit.name(e.vertretung()) + " übergeben."
              : "die Übergabe an " + abwesenheit.name(e.vertretung()) + " geschieht am ersten Tag."));
      return "redirect:" + PFAD;
    } catch (Abwesenheit.Abgelehnt e) {
      response.setStatus(e.verboten() ? 403 : 400);
      model.addAttribute("fehler", e.meldungen());
      return zeige(b, eingabe, null, null, request, model);
    } catch (DateTimeParseException e) {
      response.setStatus(400);
      model.addAttribute("fehler", List.of("Kein gültiges Datum. Bitte TT.MM.JJJJ angeben."));
      return zeige(b, eingabe, null, null, request, model);
    }
  }

  @PostMapping(value = PFAD + "/{id}/beenden", produces = "text/html")
  public String beenden(@PathVariable("id") long id, @RequestParam(name = Formularschutz.FELD, required = false) String token,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes weiter) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> angemeldeter = personal(request, response, model);
    if (angemeldeter.isEmpty()) {
      return "ki/hinweis";
    }
    if (!Formularschutz.gueltig(request, token)) {
      response.setStatus(403);
      model.addAttribute("meldung", "Die Seite war zu lange offen. Bitte die Seite neu laden.");
      return "ki/hinweis";
    }
    var b = angemeldeter.get();
    try {
      abwesenheit.beenden(id, b.id(), b.gruppen());
      weiter.addFlashAttribute("erfolg", "Abwesenheit beendet.");
      return "redirect:" + PFAD;
    } catch (Abwesenheit.Abgelehnt e) {
      response.setStatus(e.verboten() ? 403 : 400);
      model.addAttribute("fehler", e.meldungen());
      return zeige(b, new Eingabe(b.id(), "", "", "", "", true), null, null, request, model);
    }
  }

  private String zeige(AngemeldeteBenutzer.Benutzer b, Eingabe eingabe, String fall, String person, HttpServletRequest request,
      Model model) {
    boolean leitung = b.gruppen().contains(KiGruppen.LEITUNG);
    var personal = abwesenheit.personal();
    model.addAttribute("leitung", leitung);
    model.addAttribute("ich", b.id());
    model.addAttribute("eingabe", eingabe);
    // a member of staff records for themselves and picks a stand-in from their own groups; the Leitung for anybody
    var meineGruppen = abwesenheit.personalgruppenVon(b.id());
    model.addAttribute("personen", leitung ? personal : personal.stream().filter(u -> u.getId().equals(b.id())).toList());
    model.addAttribute("vertretungen", leitung ? personal : personal.stream()
        .filter(u -> !u.getId().equals(b.id()))
        .filter(u -> abwesenheit.personalgruppenVon(u.getId()).stream().anyMatch(meineGruppen::contains)).toList());
    var abwesenheiten = abwesenheit.aktuelle(leitung ? null : b.id());
    model.addAttribute("abwesenheiten", abwesenheiten);
    java.util.Map<String, String> namen = new java.util.HashMap<>();
    abwesenheiten.forEach(a -> {
      namen.computeIfAbsent(a.benutzer(), abwesenheit::name);
      namen.computeIfAbsent(a.vertretung(), abwesenheit::name);
    });
    model.addAttribute("namen", namen);
    java.util.Map<String, String> gruppennamen = new java.util.HashMap<>();
    KiGruppen.ALLE.forEach(g -> gruppennamen.put(g.id(), g.name()));
    model.addAttribute("gruppennamen", gruppennamen);
    model.addAttribute("meineFaelle", verantwortung.faelleVon(b.id()));
    if (leitung) {
      var verlauf = verantwortung.verlauf(fall, person, 200);
      // case numbers and staff only; still a read of case records
      new TreeSet<>(verlauf.stream().map(Fallverantwortung.Verlaufseintrag::aktenzeichen).toList())
          .forEach(az -> protokoll.lesend(b.id(), az, PFAD + " (Verlauf der Fallverantwortung)"));
      verlauf.forEach(v -> namen.computeIfAbsent(v.benutzer(), abwesenheit::name));
      model.addAttribute("verlauf", verlauf);
      model.addAttribute("filterFall", fall == null ? "" : fall);
      model.addAttribute("filterPerson", person == null ? "" : person);
    }
    model.addAttribute("token", Formularschutz.token(request));
    model.addAttribute("pfad", PFAD);
    return "ki/abwesenheit";
  }

  /** The signed-in member of KI staff, or empty with the notice on the model (and the status set). */
  private Optional<AngemeldeteBenutzer.Benutzer> personal(HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<AngemeldeteBenutzer.Benutzer> b = angemeldet.aus(request);
    if (b.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("meldung", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
      return Optional.empty();
    }
    if (abwesenheit.personalgruppenVon(b.get().id()).isEmpty()) {
      response.setStatus(403);
      model.addAttribute("meldung", "Abwesenheiten und Vertretungen erfassen nur Beschäftigte des KI.");
      return Optional.empty();
    }
    return b;
  }

  /** ISO from the date field, or TT.MM.JJJJ typed by hand in a browser without one. */
  private static LocalDate datum(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    return t.contains(".") ? LocalDate.parse(t, java.time.format.DateTimeFormatter.ofPattern("dd.MM.uuuu")
        .withResolverStyle(java.time.format.ResolverStyle.STRICT)) : LocalDate.parse(t);
  }
}
