package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.dokument.PdfDokumente;
import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.prozesse.seiteneinstieg.Einladungsorte;
import de.hsk.ki.prozesse.seiteneinstieg.KiKontakt;
import de.hsk.ki.web.Formularschutz;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The collective invitation of a list's families to a consultation day, and its letters (page and PDF). */
@Controller
public class SammeleinladungSeite {

  private final MeldelistenSeite seite;
  private final Meldelisten listen;
  private final Sammeleinladung einladung;
  private final Einladungsorte einladungsorte;
  private final KiKontakt kontakt;
  private final PdfDokumente pdf;
  private final Zugriffsprotokoll protokoll;
  private final ProcessEngine engine;

  public SammeleinladungSeite(MeldelistenSeite seite, Meldelisten listen, Sammeleinladung einladung, Einladungsorte einladungsorte,
      KiKontakt kontakt, PdfDokumente pdf, Zugriffsprotokoll protokoll, ProcessEngine engine) {
    this.seite = seite;
    this.listen = listen;
    this.einladung = einladung;
    this.einladungsorte = einladungsorte;
    this.kontakt = kontakt;
    this.pdf = pdf;
    this.protokoll = protokoll;
    this.engine = engine;
  }

  @GetMapping(value = MeldelistenSeite.PFAD + "/{id}/einladung", produces = "text/html")
  public String formular(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
    var benutzer = seite.darf(request, response, model, false, null);
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    Optional<Meldelisten.Liste> liste = listen.liste(id);
    if (liste.isEmpty()) {
      response.setStatus(404);
      model.addAttribute("meldung", "Diese Meldeliste gibt es nicht.");
      return "ki/hinweis";
    }
    return zeige(liste.get(), MeldelistenSeite.schreiben(benutzer.get()), request, model);
  }

  private String zeige(Meldelisten.Liste liste, boolean schreiben, HttpServletRequest request, Model model) {
    model.addAttribute("liste", liste);
    model.addAttribute("orte", Sammeleinladung.ORTE);
    model.addAttribute("familien", listen.gestarteteZeilen(liste.id()).stream().map(Meldelisten.GestarteteZeile::gruppe).distinct().count());
    model.addAttribute("schreiben", schreiben);
    model.addAttribute("token", Formularschutz.token(request));
    model.addAttribute("pfad", MeldelistenSeite.PFAD + "/" + liste.id());
    return "seiteneinstieg/meldeliste/einladung";
  }

  @PostMapping(value = MeldelistenSeite.PFAD + "/{id}/einladung", produces = "text/html")
  public String einladen(@PathVariable long id, @RequestParam(required = false) String datum, @RequestParam(required = false) String uhrzeit,
      @RequestParam(required = false) String ort, @RequestParam(required = false) String adresse,
      @RequestParam(name = Formularschutz.FELD, required = false) String token, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    var benutzer = seite.darf(request, response, model, true, token);
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    Optional<Meldelisten.Liste> liste = listen.liste(id);
    if (liste.isEmpty()) {
      response.setStatus(404);
      model.addAttribute("meldung", "Diese Meldeliste gibt es nicht.");
      return "ki/hinweis";
    }
    try {
      Sammeleinladung.Ergebnis e = einladung.einladen(liste.get(), datum, uhrzeit, ort, adresse);
      e.mitTermin().forEach(a -> protokoll.lesend(benutzer.get().id(), a, "Sammeleinladung Meldeliste " + id));
      model.addAttribute("ergebnis", e);
    } catch (Meldelisten.Abgelehnt e) {
      response.setStatus(400);
      model.addAttribute("fehler", List.of(e.getMessage()));
      // what was typed stays in the form
      model.addAttribute("eingabe", java.util.Map.of("datum", datum == null ? "" : datum, "uhrzeit", uhrzeit == null ? "" : uhrzeit,
          "ort", ort == null ? "" : ort, "adresse", adresse == null ? "" : adresse));
    }
    return zeige(listen.liste(id).orElseThrow(), true, request, model);
  }

  @GetMapping(value = MeldelistenSeite.PFAD + "/{id}/einladungsschreiben", produces = "text/html")
  public String briefe(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
    return briefe(id, request, response, model, "Sammeleinladung");
  }

  @GetMapping(value = MeldelistenSeite.PFAD + "/{id}/einladungsschreiben.pdf")
  public ResponseEntity<byte[]> briefePdf(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
    ExtendedModelMap model = new ExtendedModelMap();
    String ansicht = briefe(id, request, response, model, "Sammeleinladung (PDF)");
    if (!"seiteneinstieg/meldeliste/sammeleinladung".equals(ansicht)) {
      return pdf.hinweis(response.getStatus(), model);
    }
    return pdf.antwort(ansicht, model, "Einladungen-Meldeliste-" + id + ".pdf");
  }

  private String briefe(long id, HttpServletRequest request, HttpServletResponse response, Model model, String ressource) {
    var benutzer = seite.darf(request, response, model, false, null);
    if (benutzer.isEmpty()) {
      return "ki/hinweis";
    }
    Optional<Meldelisten.Liste> liste = listen.liste(id);
    if (liste.isEmpty() || liste.get().terminDatum() == null) {
      response.setStatus(liste.isEmpty() ? 404 : 409);
      model.addAttribute("meldung", liste.isEmpty() ? "Diese Meldeliste gibt es nicht."
          : "Für diese Liste ist noch kein Beratungstag festgelegt. Bitte zuerst Datum, Uhrzeit und Ort eintragen.");
      return "ki/hinweis";
    }
    Meldelisten.Liste l = liste.get();
    List<Sammeleinladung.Brief> briefe = einladung.briefe(l);
    briefe.forEach(b -> b.kinder().forEach(k -> protokoll.lesend(benutzer.get().id(), k.aktenzeichen(), ressource)));
    model.addAttribute("briefe", briefe);
    model.addAttribute("kontakt", kontakt);
    model.addAttribute("bearbeitung", name(benutzer.get().id()));
    model.addAttribute("heute", Zeit.heute().format(Sammeleinladung.DATUM));
    model.addAttribute("termin", l.terminDatum().format(Sammeleinladung.DATUM));
    model.addAttribute("wochentag", l.terminDatum().getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.GERMAN));
    model.addAttribute("uhrzeit", l.terminUhrzeit());
    model.addAttribute("ort", einladungsorte.text(l.terminOrt(), l.terminAdresse()));
    model.addAttribute("pdfAdresse", MeldelistenSeite.PFAD + "/" + id + "/einladungsschreiben.pdf");
    model.addAttribute("zurueck", MeldelistenSeite.PFAD + "/" + id + "/einladung");
    return "seiteneinstieg/meldeliste/sammeleinladung";
  }

  private String name(String benutzerId) {
    User user = engine.getIdentityService().createUserQuery().userId(benutzerId).singleResult();
    if (user == null) {
      return benutzerId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " " + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? benutzerId : name;
  }
}
