package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.Aufgabenzugang;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.zeit.Zeit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The assignment letter to the family, as a printable German page. Only staff who can see an open
 * task of the case in Tasklist may open it.
 */
@Controller
public class ZuweisungsschreibenController {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final ProcessEngine engine;
  private final Aufgabenzugang zugang;
  private final AngemeldeteBenutzer angemeldet;
  private final PartnerVerzeichnis verzeichnis;
  private final de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll protokoll;

  public ZuweisungsschreibenController(ProcessEngine engine, AngemeldeteBenutzer angemeldet, PartnerVerzeichnis verzeichnis,
      de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll protokoll, Aufgabenzugang zugang) {
    this.engine = engine;
    this.zugang = zugang;
    this.angemeldet = angemeldet;
    this.verzeichnis = verzeichnis;
    this.protokoll = protokoll;
  }

  @GetMapping(value = "/ki/seiteneinstieg/zuweisungsschreiben/{aktenzeichen}", produces = "text/html")
  public String zuweisungsschreiben(
      @PathVariable String aktenzeichen, HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("meldung", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
      return "ki/hinweis";
    }
    if (!zugang.siehtOffeneAufgabe(benutzer.get(), aktenzeichen, null)) {
      response.setStatus(404);
      model.addAttribute("meldung", "Zu diesem Aktenzeichen gibt es keinen offenen Fall, den Sie bearbeiten dürfen.");
      return "ki/hinweis";
    }
    ProcessInstance fall = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(aktenzeichen, "Process_Seiteneinstieg").singleResult();
    if (fall == null) {
      response.setStatus(404);
      model.addAttribute("meldung", "Zu diesem Aktenzeichen gibt es keinen offenen Seiteneinstiegs-Fall.");
      return "ki/hinweis";
    }
    Map<String, Object> v = engine.getRuntimeService().getVariables(fall.getId());
    if (v.get("zugewieseneSchule") == null || !"ANGENOMMEN".equals(v.get("aufnahme"))) {
      response.setStatus(409);
      model.addAttribute("meldung", "Für diesen Fall liegt noch keine angenommene Zuweisung vor.");
      return "ki/hinweis";
    }
    protokoll.lesend(benutzer.get().id(), aktenzeichen, "Zuweisungsschreiben");
    Partner schule = verzeichnis.finde((String) v.get("zugewieseneSchule")).orElse(null);
    model.addAttribute("v", v);
    model.addAttribute("aktenzeichen", aktenzeichen);
    model.addAttribute("schulName", schule != null ? schule.name() : v.get("zugewieseneSchule"));
    model.addAttribute("schulAnschrift", schule != null ? schule.anschrift() : null);
    model.addAttribute("heute", Zeit.heute().format(DATUM));
    model.addAttribute("geburtsdatum", datum(v.get("geburtsdatum")));
    model.addAttribute("schulbeginn", datum(v.get("schulbeginn")));
    return "seiteneinstieg/zuweisungsschreiben";
  }


  private static String datum(Object iso) {
    return iso == null ? "" : Zeit.datum(iso).format(DATUM);
  }
}
