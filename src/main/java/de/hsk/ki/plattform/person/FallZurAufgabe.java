package de.hsk.ki.plattform.person;

import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.Personenname;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the task open in Tasklist: its case number, the responsible caseworker (and their stand-in
 * while absent) and, if the person may read it, the family file. Only for staff (not partners) and a
 * task they can see (checked as that person); every answer is in the access log.
 */
@RestController
public class FallZurAufgabe {

  static final String PFAD = "/ki/aufgabe/{aufgabe}/fall";

  private final ProcessEngine engine;
  private final AngemeldeteBenutzer angemeldet;
  private final Personenregister register;
  private final Familienakte akte;
  private final List<Fallzustaendigkeit> zustaendigkeit;
  private final de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll protokoll;

  public FallZurAufgabe(ProcessEngine engine, AngemeldeteBenutzer angemeldet, Personenregister register, Familienakte akte,
      List<Fallzustaendigkeit> zustaendigkeit, de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll protokoll) {
    this.protokoll = protokoll;
    this.engine = engine;
    this.angemeldet = angemeldet;
    this.register = register;
    this.akte = akte;
    this.zustaendigkeit = List.copyOf(zustaendigkeit);
  }

  @GetMapping(value = PFAD, produces = "application/json")
  public Map<String, Object> fall(@PathVariable String aufgabe, HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    Optional<AngemeldeteBenutzer.Benutzer> benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      return Map.of("message", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
    }
    if (benutzer.get().gruppen().stream().noneMatch(de.hsk.ki.plattform.identitaet.KiGruppen.TASKLIST::contains)) {
      response.setStatus(404);
      return Map.of("message", "Zu dieser Aufgabe gibt es hier keine Auskunft.");
    }
    var identitaet = engine.getIdentityService();
    Task task;
    try {
      identitaet.setAuthentication(benutzer.get().id(), benutzer.get().gruppen());
      task = engine.getTaskService().createTaskQuery().taskId(aufgabe).singleResult();
    } finally {
      identitaet.clearAuthentication();
    }
    if (task == null || task.getProcessInstanceId() == null) {
      response.setStatus(404);
      return Map.of("message", "Diese Aufgabe gibt es nicht oder nicht mehr.");
    }
    var instanz = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    Map<String, Object> antwort = new HashMap<>();
    String aktenzeichen = instanz == null ? null : instanz.getBusinessKey();
    if (aktenzeichen == null) {
      return antwort;
    }
    protokoll.lesend(benutzer.get().id(), aktenzeichen, "Aufgabe: Fallverantwortung und Familienakte");
    antwort.put("aktenzeichen", aktenzeichen);
    for (Fallzustaendigkeit z : zustaendigkeit) {
      z.zustaendig(aktenzeichen).ifPresent(b -> {
        antwort.put("zustaendig", Personenname.von(identitaet, b));
        z.vertretungFuer(b).ifPresent(v -> antwort.put("vertretung", Personenname.von(identitaet, v)));
      });
    }
    // a handover note (absence of a colleague) where the stand-in looks, not only under "Historie"
    engine.getTaskService().getTaskComments(task.getId()).stream()
        .filter(k -> k.getFullMessage() != null && (k.getFullMessage().startsWith("Übergabe wegen Abwesenheit")
            || k.getFullMessage().startsWith("Zurück an ")))
        .max(java.util.Comparator.comparing(org.camunda.bpm.engine.task.Comment::getTime))
        .ifPresent(k -> antwort.put("uebergabe", k.getFullMessage()));
    register.familieZumFall(aktenzeichen)
        .filter(f -> akte.darfLesen(benutzer.get().id(), benutzer.get().gruppen(), f))
        .ifPresent(f -> antwort.put("familienakte", "/ki/familie/" + f));
    return antwort;
  }
}
