package de.hsk.ki.web;

import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.identitaet.Partnerkonten;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' page for partner accounts (ADR 0006) and the page on which an invited person sets
 * their password. The invitation page needs no login: the link's token is the proof, and it is
 * used up with the password.
 */
@Controller
public class PartnerkontenSeite {

  static final String PFAD = "/ki/betrieb/partnerkonten";
  static final String EINLADUNG = "/ki/konto/einladung";

  private final Partnerkonten konten;
  private final AngemeldeteBenutzer angemeldet;

  public PartnerkontenSeite(Partnerkonten konten, AngemeldeteBenutzer angemeldet) {
    this.konten = konten;
    this.angemeldet = angemeldet;
  }

  /** What was typed, shown again after a refusal. */
  public record Eingabe(String partner, String vorname, String nachname, String email) {
    static final Eingabe LEER = new Eingabe("", "", "", "");
  }

  @GetMapping(value = PFAD, produces = "text/html")
  public String seite(HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> betrieb = betrieb(request, response, model, null, false);
    return betrieb.isEmpty() ? "ki/hinweis" : zeige(Eingabe.LEER, request, model);
  }

  @PostMapping(value = PFAD, produces = "text/html")
  public String anlegen(@RequestParam(required = false) String partner, @RequestParam(required = false) String vorname,
      @RequestParam(required = false) String nachname, @RequestParam(required = false) String email,
      @RequestParam(name = Formularschutz.FELD, required = false) String token,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes weiter) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> betrieb = betrieb(request, response, model, token, true);
    if (betrieb.isEmpty()) {
      return "ki/hinweis";
    }
    Eingabe eingabe = new Eingabe(partner, vorname, nachname, email);
    try {
      String id = konten.einladen(partner, vorname, nachname, email, betrieb.get().id());
      weiter.addFlashAttribute("erfolg", "Konto „" + id + "“ angelegt; die Einladung ist an " + email.strip() + " gesendet.");
      return "redirect:" + PFAD;
    } catch (Partnerkonten.Abgelehnt e) {
      response.setStatus(400);
      model.addAttribute("fehler", List.of(e.getMessage().split("\n")));
      return zeige(eingabe, request, model);
    }
  }

  @PostMapping(value = PFAD + "/erneut", produces = "text/html")
  public String erneut(@RequestParam(required = false) String benutzer, @RequestParam(name = Formularschutz.FELD, required = false) String token,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes weiter) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> betrieb = betrieb(request, response, model, token, true);
    if (betrieb.isEmpty()) {
      return "ki/hinweis";
    }
    try {
      konten.erneutEinladen(benutzer, betrieb.get().id());
      weiter.addFlashAttribute("erfolg", "Neue Einladung an „" + benutzer + "“ gesendet; der frühere Link gilt nicht mehr.");
      return "redirect:" + PFAD;
    } catch (Partnerkonten.Abgelehnt e) {
      response.setStatus(400);
      model.addAttribute("fehler", List.of(e.getMessage()));
      return zeige(Eingabe.LEER, request, model);
    }
  }

  @GetMapping(value = EINLADUNG, produces = "text/html")
  public String einladung(@RequestParam(name = "t", required = false) String einladung, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    Optional<String> benutzer = konten.benutzerDerEinladung(einladung);
    if (benutzer.isEmpty()) {
      response.setStatus(404);
      model.addAttribute("meldung", "Diese Einladung ist ungültig oder abgelaufen. Bitte bitten Sie das Kommunale "
          + "Integrationszentrum um eine neue.");
      return "ki/hinweis";
    }
    model.addAttribute("benutzer", benutzer.get());
    model.addAttribute("einladung", einladung);
    model.addAttribute("token", Formularschutz.token(request));
    return "ki/einladung";
  }

  @PostMapping(value = EINLADUNG, produces = "text/html")
  public String kennwortSetzen(@RequestParam(name = "t", required = false) String einladung,
      @RequestParam(required = false) String kennwort, @RequestParam(required = false) String wiederholung,
      @RequestParam(name = Formularschutz.FELD, required = false) String token,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (!Formularschutz.gueltig(request, token)) {
      response.setStatus(403);
      model.addAttribute("meldung", "Die Seite war zu lange offen. Bitte den Link aus der E-Mail erneut öffnen.");
      return "ki/hinweis";
    }
    try {
      String benutzer = konten.kennwortSetzen(einladung, kennwort, wiederholung);
      model.addAttribute("meldung", "Ihr Kennwort ist gesetzt. Sie melden sich jetzt in der Aufgabenliste mit dem "
          + "Benutzernamen „" + benutzer + "“ an.");
      return "ki/hinweis";
    } catch (Partnerkonten.Abgelehnt e) {
      Optional<String> benutzer = konten.benutzerDerEinladung(einladung);
      if (benutzer.isEmpty()) {
        response.setStatus(404);
        model.addAttribute("meldung", e.getMessage());
        return "ki/hinweis";
      }
      response.setStatus(400);
      model.addAttribute("fehler", e.getMessage());
      model.addAttribute("benutzer", benutzer.get());
      model.addAttribute("einladung", einladung);
      model.addAttribute("token", Formularschutz.token(request));
      return "ki/einladung";
    }
  }

  private String zeige(Eingabe eingabe, HttpServletRequest request, Model model) {
    model.addAttribute("eingabe", eingabe);
    model.addAttribute("institutionen", konten.institutionen());
    model.addAttribute("konten", konten.konten());
    model.addAttribute("token", Formularschutz.token(request));
    model.addAttribute("pfad", PFAD);
    return "ki/partnerkonten";
  }

  /** The signed-in operator, or empty with the notice on the model (and the status set). */
  private Optional<AngemeldeteBenutzer.Benutzer> betrieb(HttpServletRequest request, HttpServletResponse response, Model model,
      String token, boolean schreibend) {
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("meldung", "Bitte melden Sie sich zuerst an (Cockpit oder Admin).");
      return Optional.empty();
    }
    if (!benutzer.get().gruppen().contains(KiGruppen.BETRIEB)) {
      response.setStatus(403);
      model.addAttribute("meldung", "Partnerkonten verwaltet der Betrieb.");
      return Optional.empty();
    }
    if (schreibend && !Formularschutz.gueltig(request, token)) {
      response.setStatus(403);
      model.addAttribute("meldung", "Die Seite war zu lange offen. Bitte neu laden und erneut absenden.");
      return Optional.empty();
    }
    return benutzer;
  }
}
