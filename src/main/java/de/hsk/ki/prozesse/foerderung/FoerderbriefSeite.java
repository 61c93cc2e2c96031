package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A funding letter as staff check it before it goes out: HTML preview with a link to the PDF
 * ({@code ?format=pdf}). Under /ki/ like the other letter pages, so the filter chain of our own pages
 * applies (session lifetime, origin check, security headers); logged-in webapp session as there.
 * Funding staff and coordination only; every read goes to the access log.
 */
@Controller
public class FoerderbriefSeite {

  static final String PFAD = "/ki/foerderung/{aktenzeichen}/brief/{art}";
  /**
   * Funding staff and coordination: the contract carries the applicant's bank details, which only
   * funding staff see (issue 12); administration books and records without the letters.
   */
  static final Set<String> GRUPPEN = Set.of(KiGruppen.FOERDERUNG, KiGruppen.LEITUNG);

  private final AngemeldeteBenutzer angemeldet;
  private final Zugriffsprotokoll protokoll;
  private final Foerderbriefe briefe;
  private final Briefablage ablage;

  public FoerderbriefSeite(AngemeldeteBenutzer angemeldet, Zugriffsprotokoll protokoll, Foerderbriefe briefe, Briefablage ablage) {
    this.angemeldet = angemeldet;
    this.protokoll = protokoll;
    this.briefe = briefe;
    this.ablage = ablage;
  }

  /** The letters of the case as they went out, newest last. */
  @GetMapping("/ki/foerderung/{aktenzeichen}/briefe")
  public ModelAndView abgelegt(@PathVariable String aktenzeichen, HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    Object einwand = einwand(aktenzeichen, request, response);
    if (einwand instanceof ModelAndView hinweis) {
      return hinweis;
    }
    Map<String, Object> variablen = briefe.variablen(aktenzeichen).orElseThrow();
    protokoll.lesend((String) einwand, aktenzeichen, "Förderbriefe (Liste)");
    return new ModelAndView("foerderung/briefe", Map.of("aktenzeichen", aktenzeichen, "briefe", ablage.briefe(aktenzeichen),
        "traeger", String.valueOf(variablen.getOrDefault(Foerderung.TRAEGER.name(), ""))));
  }

  /** One filed letter as the applicant received it. */
  @GetMapping("/ki/foerderung/{aktenzeichen}/briefe/{schluessel}")
  public ModelAndView abgelegterBrief(@PathVariable String aktenzeichen, @PathVariable String schluessel, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    Object einwand = einwand(aktenzeichen, request, response);
    if (einwand instanceof ModelAndView hinweis) {
      return hinweis;
    }
    Optional<byte[]> pdf = ablage.pdf(aktenzeichen, schluessel);
    Optional<Briefablage.Eintrag> eintrag = ablage.briefe(aktenzeichen).stream().filter(b -> b.schluessel().equals(schluessel)).findFirst();
    if (pdf.isEmpty() || eintrag.isEmpty()) {
      return hinweis(response, 404, "Diesen Brief gibt es zu diesem Förderantrag nicht.");
    }
    protokoll.lesend((String) einwand, aktenzeichen, "Förderbrief " + eintrag.get().art().name() + " (versandt)");
    response.setContentType("application/pdf");
    response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(eintrag.get().art().dateiname(aktenzeichen)).build().toString());
    response.setContentLength(pdf.get().length);
    response.getOutputStream().write(pdf.get());
    return null;
  }

  /** The person's id if they may read the case's letters, else the German page saying why not. */
  private Object einwand(String aktenzeichen, HttpServletRequest request, HttpServletResponse response) {
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      return hinweis(response, 401, "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
    }
    if (benutzer.get().gruppen().stream().noneMatch(GRUPPEN::contains)) {
      return hinweis(response, 403, "Förderbriefe sind den Förderprogrammen und der Leitung des KI vorbehalten.");
    }
    if (briefe.variablen(aktenzeichen).isEmpty()) {
      return hinweis(response, 404, "Zu diesem Aktenzeichen gibt es keinen Förderantrag.");
    }
    return benutzer.get().id();
  }

  @GetMapping(PFAD)
  public ModelAndView brief(@PathVariable String aktenzeichen, @PathVariable String art, @RequestParam(required = false) String format,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    Object einwand = einwand(aktenzeichen, request, response);
    if (einwand instanceof ModelAndView hinweis) {
      return hinweis;
    }
    Optional<Briefart> briefart = Briefart.von(art);
    if (briefart.isEmpty()) {
      return hinweis(response, 404, "Diesen Brief gibt es nicht. Briefe: eingangsbestaetigung, nachforderung, bewilligung, "
          + "ablehnung, vertrag, anhoerung, rueckforderung.");
    }
    Optional<Map<String, Object>> variablen = briefe.variablen(aktenzeichen);
    protokoll.lesend((String) einwand, aktenzeichen, "Förderbrief " + briefart.get().name());
    Map<String, Object> modell = briefe.modell(aktenzeichen, briefart.get(), variablen.get());
    if ("pdf".equals(format)) {
      byte[] pdf = briefe.pdf(aktenzeichen, briefart.get(), variablen.get());
      response.setContentType("application/pdf");
      response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(briefart.get().dateiname(aktenzeichen)).build().toString());
      response.setContentLength(pdf.length);
      response.getOutputStream().write(pdf);
      return null;
    }
    modell.put("pdfAdresse", "/ki/foerderung/" + aktenzeichen + "/brief/" + briefart.get().name().toLowerCase(Locale.ROOT) + "?format=pdf");
    return new ModelAndView(Foerderbriefe.VORLAGE, modell);
  }

  private static ModelAndView hinweis(HttpServletResponse response, int status, String meldung) {
    response.setStatus(status);
    return new ModelAndView("ki/hinweis", Map.of("meldung", meldung));
  }
}
