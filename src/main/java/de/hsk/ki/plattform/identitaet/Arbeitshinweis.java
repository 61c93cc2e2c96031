package de.hsk.ki.plattform.identitaet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the county's Tasklist script needs to know of the person: a short German note above the task
 * list for a group whose work Tasklist alone does not explain (funding staff: where their processes,
 * filters and the report page are), and whether to offer the search by a child's surname.
 */
@RestController
public class Arbeitshinweis {

  static final String PFAD = "/ki/tasklist/hinweis";

  static final Map<String, String> HINWEISE = Map.of(
      KiGruppen.FOERDERUNG,
      "Förderprogramme: Förderanträge und Förderprogrammjahre legen Sie über „Prozess starten“ an; ihre Schritte "
          + "stehen unter „Aufgaben meiner Gruppe“, die nahen und überfälligen Fristen unter „Fristen diese Woche“, "
          + "was eine zweite Person zeichnet unter „Zur Gegenzeichnung“. Den Förderbericht eines Programms und Jahres "
          + "(mit CSV und Excel) öffnen Sie unter /ki/foerderung/bericht. Fragt eine Einrichtung in der "
          + "Einrichtungsberatung nach Fördermöglichkeiten, erscheint hier „Zur Förderung beraten“. "
          + "Daten einzelner Kinder sehen Sie hier nicht.");

  private final AngemeldeteBenutzer angemeldet;
  private final java.util.List<Seitenverweis> seiten;

  public Arbeitshinweis(AngemeldeteBenutzer angemeldet, java.util.List<Seitenverweis> seiten) {
    this.angemeldet = angemeldet;
    this.seiten = seiten.stream().sorted(java.util.Comparator.comparingInt(Seitenverweis::reihenfolge)).toList();
  }

  @GetMapping(value = PFAD, produces = "application/json")
  public Map<String, Object> hinweis(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      return Map.of("message", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
    }
    Map<String, Object> antwort = new HashMap<>();
    antwort.put("hinweis", benutzer.get().gruppen().stream().map(HINWEISE::get).filter(java.util.Objects::nonNull)
        .findFirst().orElse(null));
    // whether Tasklist offers the search by the child's surname (the server checks it again)
    antwort.put("namensuche", benutzer.get().gruppen().stream().anyMatch(KiGruppen.KINDERNAMEN::contains));
    // the application's own pages this person may open (Tasklist shows them above the list)
    antwort.put("seiten", seiten.stream().filter(s -> s.gruppen().stream().anyMatch(benutzer.get().gruppen()::contains))
        .map(s -> Map.of("titel", s.titel(), "pfad", s.pfad())).toList());
    return antwort;
  }
}
