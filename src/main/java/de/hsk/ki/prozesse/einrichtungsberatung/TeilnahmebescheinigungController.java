package de.hsk.ki.prozesse.einrichtungsberatung;

import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.Aufgabenzugang;
import de.hsk.ki.plattform.zeit.Zeit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The certificates of attendance of a case as one PDF, a page per participant. Only staff who can
 * see an open task of the case in Tasklist may open it (as the assignment letter of the lateral
 * entry); every opening is in the access log. The names are never logged.
 */
@Controller
public class TeilnahmebescheinigungController {

  static final String PFAD = "/ki/einrichtungsberatung/bescheinigungen/{aktenzeichen}";
  static final String TEILNEHMENDE_NAMEN = "teilnehmendeNamen";
  /** Bounds the PDF a click can produce; far more than a workshop or a series has. */
  static final int HOECHSTENS = 200;

  private final ProcessEngine engine;
  // only the certificate step opens the names
  private final Aufgabenzugang zugang;
  private final AngemeldeteBenutzer angemeldet;
  private final Zugriffsprotokoll protokoll;
  private final JdbcTemplate jdbc;
  private final Anfrageangaben angaben;

  public TeilnahmebescheinigungController(ProcessEngine engine, AngemeldeteBenutzer angemeldet, Zugriffsprotokoll protokoll,
      JdbcTemplate jdbc, Anfrageangaben angaben, Aufgabenzugang zugang) {
    this.engine = engine;
    this.zugang = zugang;
    this.angemeldet = angemeldet;
    this.protokoll = protokoll;
    this.jdbc = jdbc;
    this.angaben = angaben;
  }

  @GetMapping(PFAD)
  public ModelAndView bescheinigungen(@PathVariable String aktenzeichen, HttpServletRequest request,
      HttpServletResponse response, Model model) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      return hinweis(response, model, 401, "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
    }
    // by case number only, not by process key: the prefix is this process's (Einrichtungsberatung.PRAEFIX)
    if (!aktenzeichen.startsWith(Einrichtungsberatung.PRAEFIX + "-") || !zugang.siehtOffeneAufgabe(benutzer.get(), aktenzeichen, Einrichtungsberatung.Element.Task_BescheinigungenAusstellen.name())) {
      return hinweis(response, model, 404, "Zu diesem Aktenzeichen gibt es keinen offenen Fall, den Sie bearbeiten dürfen.");
    }
    // the root: called building blocks (four eyes, overdue) carry the same case number
    ProcessInstance fall = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(aktenzeichen).rootProcessInstances().singleResult();
    if (fall == null) {
      return hinweis(response, model, 404, "Zu diesem Aktenzeichen gibt es keinen offenen Fall der Einrichtungsberatung.");
    }
    Map<String, Object> v = engine.getRuntimeService().getVariables(fall.getId(),
        List.of(TEILNEHMENDE_NAMEN, Einrichtungsberatung.THEMA.name(), Einrichtungsberatung.EINRICHTUNG.name()));
    List<String> namen = namen(v.get(TEILNEHMENDE_NAMEN));
    if (namen.isEmpty()) {
      return hinweis(response, model, 409, "Für diesen Fall sind noch keine Teilnehmenden eingetragen.");
    }
    if (namen.size() > HOECHSTENS) {
      return hinweis(response, model, 409, "Für diesen Fall sind mehr als " + HOECHSTENS
          + " Teilnehmende eingetragen; so viele Bescheinigungen werden nicht auf einmal erstellt.");
    }
    List<Teilnahmebescheinigungen.Termin> termine = jdbc.query(
        "SELECT datum, stunden FROM ki_eb_termin WHERE aktenzeichen = ? ORDER BY datum, id",
        (rs, i) -> new Teilnahmebescheinigungen.Termin(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2)), aktenzeichen);
    if (termine.isEmpty()) {
      // a certificate must name the sessions attended; without any it would certify nothing
      return hinweis(response, model, 409, "Für diesen Fall sind noch keine Termine erfasst.");
    }
    protokoll.lesend(benutzer.get().id(), aktenzeichen, "Teilnahmebescheinigungen");
    byte[] pdf = Teilnahmebescheinigungen.pdf(new Teilnahmebescheinigungen.Angaben(namen,
        angaben.bezeichnung((String) v.get(Einrichtungsberatung.THEMA.name())),
        String.valueOf(v.getOrDefault(Einrichtungsberatung.EINRICHTUNG.name(), "–")), termine, Zeit.heute()));
    response.setContentType("application/pdf");
    response.setHeader("Content-Disposition", "inline; filename=\"teilnahmebescheinigungen-" + aktenzeichen + ".pdf\"");
    response.setContentLength(pdf.length);
    response.getOutputStream().write(pdf);
    return null;
  }

  /** One name a line, as staff typed them; blank lines and surrounding blanks do not count. */
  static List<String> namen(Object eingabe) {
    if (eingabe == null) {
      return List.of();
    }
    return Arrays.stream(eingabe.toString().split("\\R")).map(String::strip).filter(n -> !n.isEmpty()).toList();
  }

  private static ModelAndView hinweis(HttpServletResponse response, Model model, int status, String meldung) {
    response.setStatus(status);
    model.addAttribute("meldung", meldung);
    return new ModelAndView("ki/hinweis");
  }

}
