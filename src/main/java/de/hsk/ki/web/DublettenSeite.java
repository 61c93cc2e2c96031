package de.hsk.ki.web;

import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.person.Familienakte;
import de.hsk.ki.plattform.person.Familienangaben;
import de.hsk.ki.plattform.person.Personenregister;
import de.hsk.ki.plattform.person.Personenseiten;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Possible duplicates found when a case started: the clerks who take in reports (kiVerwaltung) and
 * the coordination decide whether the new person is one already known (the cases are joined under
 * one person) or a different one.
 */
@Controller
public class DublettenSeite {

  static final String PFAD = Personenseiten.DUBLETTEN;
  static final List<String> GRUPPEN = Personenseiten.DUBLETTEN_GRUPPEN;

  private final Personenregister register;
  private final AngemeldeteBenutzer angemeldet;
  private final Zugriffsprotokoll protokoll;

  public DublettenSeite(Personenregister register, AngemeldeteBenutzer angemeldet, Zugriffsprotokoll protokoll) {
    this.register = register;
    this.angemeldet = angemeldet;
    this.protokoll = protokoll;
  }

  public record Eintrag(Personenregister.Verdacht verdacht, List<String> faelleNeu, List<String> faelleBekannt) {}

  @GetMapping(value = PFAD, produces = "text/html")
  public String seite(HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = darf(request, response, model);
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    List<Eintrag> eintraege = register.offeneVerdachte().stream().map(v -> new Eintrag(v, register.faelleDerPerson(v.neu().nr()),
        register.faelleDerPerson(v.bekannt().nr()))).toList();
    for (Eintrag e : eintraege) {
      e.faelleNeu().forEach(az -> protokoll.lesend(benutzer.get().id(), az, "Dublettenprüfung"));
      e.faelleBekannt().forEach(az -> protokoll.lesend(benutzer.get().id(), az, "Dublettenprüfung"));
    }
    model.addAttribute("eintraege", eintraege);
    java.util.Map<String, String> kommunen = new java.util.HashMap<>();
    eintraege.forEach(e -> java.util.stream.Stream.of(e.verdacht().neu().kommune(), e.verdacht().bekannt().kommune())
        .filter(java.util.Objects::nonNull).forEach(k -> kommunen.put(k, de.hsk.ki.plattform.fall.Kartentext.lesbar(k))));
    model.addAttribute("kommunen", kommunen);
    model.addAttribute("token", Formularschutz.token(request));
    model.addAttribute("anzeige", new FamilienakteSeite.Datum());
    return "ki/dubletten";
  }

  @PostMapping(value = PFAD, produces = "text/html")
  @Transactional
  public String entscheiden(@RequestParam(required = false) Long person, @RequestParam(required = false) Long kandidat,
      @RequestParam(required = false) String entscheidung, @RequestParam(name = Formularschutz.FELD, required = false) String token,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes weiter) {
    response.setHeader("Cache-Control", "no-store");
    if (!Formularschutz.gueltig(request, token)) {
      response.setStatus(403);
      model.addAttribute("meldung", "Die Seite war zu lange offen. Bitte die Dublettenprüfung neu öffnen.");
      return "ki/hinweis";
    }
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = darf(request, response, model);
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    boolean offen = person != null && kandidat != null && register.offeneVerdachte().stream()
        .anyMatch(v -> v.neu().nr() == person && v.bekannt().nr() == kandidat);
    if (!offen) {
      weiter.addFlashAttribute("erfolg", "Diese Prüfung ist bereits entschieden.");
      return "redirect:" + PFAD;
    }
    if ("gleich".equals(entscheidung)) {
      List<String> faelle = register.faelleDerPerson(person);
      register.zusammenfuehren(person, kandidat);
      weiter.addFlashAttribute("erfolg", "Zusammengeführt: " + String.join(", ", faelle)
          + " gehören jetzt zur bereits bekannten Person.");
    } else if ("verschieden".equals(entscheidung)) {
      register.verdachtVerwerfen(person, kandidat);
      weiter.addFlashAttribute("erfolg", "Als verschiedene Personen vermerkt.");
    } else {
      response.setStatus(400);
      model.addAttribute("meldung", "Bitte „Dieselbe Person“ oder „Verschiedene Personen“ wählen.");
      return "ki/hinweis";
    }
    return "redirect:" + PFAD;
  }

  private Optional<AngemeldeteBenutzer.Benutzer> darf(HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("meldung", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
      return Optional.empty();
    }
    if (benutzer.get().gruppen().stream().noneMatch(GRUPPEN::contains)) {
      response.setStatus(403);
      model.addAttribute("meldung", "Die Dublettenprüfung ist der Verwaltung und der Leitung des Kommunalen Integrationszentrums vorbehalten.");
      return Optional.empty();
    }
    return benutzer;
  }
}
