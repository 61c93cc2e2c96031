package de.hsk.ki.plattform.person;

import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.fall.Fallstaende;
import de.hsk.ki.plattform.fall.Fallstaende.Fallstand;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import de.hsk.ki.plattform.prozess.Prozesse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Meine Vorgänge" and "Vorgänge meiner Gruppe" (issue 17): cases, not tasks, across every
 * process, with what each waits for, its next deadline and the responsible caseworker, overdue
 * first; from each the family file and the current task. Every case listed goes into the access log.
 */
@Controller
public class VorgaengeSeite {

  static final String PFAD = Personenseiten.VORGAENGE;
  /** More would not be read; the filters narrow the list. */
  static final int HOECHSTENS = 300;

  public record Zeile(Fallstand stand, String person, Optional<String> zustaendig, Long familie, String wartetAuf, String aufgabe) {}

  private final Fallstaende staende;
  private final Personenregister register;
  private final Familienakte akte;
  private final List<Fallzustaendigkeit> zustaendigkeit;
  private final AngemeldeteBenutzer angemeldet;
  private final Zugriffsprotokoll protokoll;
  private final Prozesse prozesse;
  private final ProcessEngine engine;

  public VorgaengeSeite(Fallstaende staende, Personenregister register, Familienakte akte, List<Fallzustaendigkeit> zustaendigkeit,
      AngemeldeteBenutzer angemeldet, Zugriffsprotokoll protokoll, Prozesse prozesse, ProcessEngine engine) {
    this.staende = staende;
    this.register = register;
    this.akte = akte;
    this.zustaendigkeit = List.copyOf(zustaendigkeit);
    this.angemeldet = angemeldet;
    this.protokoll = protokoll;
    this.prozesse = prozesse;
    this.engine = engine;
  }

  @GetMapping(value = PFAD, produces = "text/html")
  public String seite(@RequestParam(required = false) String ansicht, @RequestParam(required = false) String prozess,
      @RequestParam(required = false) String kommune, @RequestParam(required = false) String stand, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> angemeldeter = angemeldet.aus(request);
    if (angemeldeter.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("meldung", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
      return "ki/hinweis";
    }
    String benutzer = angemeldeter.get().id();
    List<String> gruppen = angemeldeter.get().gruppen().stream().filter(KiGruppen.TASKLIST::contains).toList();
    if (gruppen.isEmpty()) {
      response.setStatus(403);
      model.addAttribute("meldung", "„Meine Vorgänge“ gibt es für die Beschäftigten des Kommunalen Integrationszentrums und des Schulamts.");
      return "ki/hinweis";
    }
    boolean gruppe = "gruppe".equals(ansicht);
    Set<String> aktenzeichen = new LinkedHashSet<>();
    if (gruppe) {
      aktenzeichen.addAll(staende.mitAufgabenFuer(benutzer, gruppen, HOECHSTENS * 3));
    } else {
      zustaendigkeit.forEach(z -> aktenzeichen.addAll(z.faelleVon(benutzer)));
      aktenzeichen.addAll(staende.mitAufgabenBei(benutzer, HOECHSTENS * 3));
    }
    List<Fallstand> alle = staende.von(aktenzeichen);
    List<Fallstand> gefiltert = alle.stream()
        .filter(s -> prozess == null || prozess.isBlank() || prozess.equals(s.prozess()))
        .filter(s -> kommune == null || kommune.isBlank() || kommune.equals(s.kommune()))
        .filter(s -> passt(s, stand, benutzer, gruppen))
        .sorted(Comparator.comparing((Fallstand s) -> !s.ueberfaellig())
            .thenComparing(Fallstand::naechsteFrist, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(Fallstand::aktenzeichen))
        .limit(HOECHSTENS).toList();
    boolean namen = angemeldeter.get().gruppen().stream().anyMatch(KiGruppen.KINDERNAMEN::contains);
    List<String> angezeigt = gefiltert.stream().map(Fallstand::aktenzeichen).toList();
    Map<String, Personenregister.Person> personen = namen ? register.personenDerFaelle(angezeigt) : Map.of();
    Map<String, Long> familien = namen ? register.familienDerFaelle(angezeigt) : Map.of();
    Map<Long, Boolean> familieLesbar = new HashMap<>();
    var namenDienst = engine.getIdentityService();
    List<Zeile> zeilen = new ArrayList<>();
    for (Fallstand s : gefiltert) {
      Long familie = familien.get(s.aktenzeichen());
      if (familie != null && !familieLesbar.computeIfAbsent(familie, f -> akte.darfLesen(benutzer, angemeldeter.get().gruppen(), f))) {
        familie = null;
      }
      String aufgabe = s.aufgaben().stream().filter(a -> a.fuer(benutzer, gruppen)).map(a -> a.id()).findFirst().orElse(null);
      Personenregister.Person person = personen.get(s.aktenzeichen());
      zeilen.add(new Zeile(s, person == null ? null : person.name(), zustaendig(s.aktenzeichen()), familie,
          s.wartetAuf(benutzer, gruppen, b -> de.hsk.ki.plattform.identitaet.Personenname.von(namenDienst, b)), aufgabe));
      protokoll.lesend(benutzer, s.aktenzeichen(), gruppe ? "Vorgänge meiner Gruppe" : "Meine Vorgänge");
    }
    Map<String, String> prozessnamen = new TreeMap<>();
    for (Prozessbeschreibung p : prozesse.alle()) {
      if (p.gruppen().stream().anyMatch(gruppen::contains)) {
        prozessnamen.put(p.schluessel(), p.name());
      }
    }
    Map<String, String> kommunen = new TreeMap<>();
    alle.stream().map(Fallstand::kommune).filter(k -> k != null && !k.isBlank())
        .forEach(k -> kommunen.put(k, de.hsk.ki.plattform.fall.Kartentext.lesbar(k)));
    model.addAttribute("zeilen", zeilen);
    model.addAttribute("gruppe", gruppe);
    model.addAttribute("namen", namen);
    model.addAttribute("mehr", alle.size() > gefiltert.size() && gefiltert.size() == HOECHSTENS);
    model.addAttribute("prozesse", prozessnamen);
    model.addAttribute("kommunen", kommunen);
    model.addAttribute("filter", Map.of("prozess", wert(prozess), "kommune", wert(kommune), "stand", wert(stand)));
    model.addAttribute("ansicht", gruppe ? "gruppe" : "meine");
    model.addAttribute("anzeige", new Anzeige(namenDienst));
    return "ki/vorgaenge";
  }

  static boolean passt(Fallstand s, String stand, String benutzer, List<String> gruppen) {
    if (stand == null || stand.isBlank()) {
      return true;
    }
    boolean beiMir = s.aufgaben().stream().anyMatch(a -> a.fuer(benutzer, gruppen));
    return switch (stand) {
      case "ueberfaellig" -> s.ueberfaellig();
      case "bei-mir" -> beiMir;
      case "wartet" -> !s.beendet() && !beiMir;
      default -> true;
    };
  }

  private Optional<String> zustaendig(String aktenzeichen) {
    return zustaendigkeit.stream().map(z -> z.zustaendig(aktenzeichen)).flatMap(Optional::stream).findFirst();
  }

  private static String wert(String s) {
    return s == null ? "" : s;
  }

  /** Dates and names the German way for the template. */
  public static final class Anzeige {
    private final org.camunda.bpm.engine.IdentityService identitaet;

    Anzeige(org.camunda.bpm.engine.IdentityService identitaet) {
      this.identitaet = identitaet;
    }

    public String zeit(Instant zeit) {
      return de.hsk.ki.plattform.zeit.Zeit.anzeige(zeit);
    }

    public String name(String benutzer) {
      return de.hsk.ki.plattform.identitaet.Personenname.von(identitaet, benutzer);
    }
  }
}
