package de.hsk.ki.plattform.zustaendigkeit;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.identitaet.Personenname;
import de.hsk.ki.plattform.vieraugen.VierAugen;
import de.hsk.ki.plattform.zeit.Zeit;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Absence and handover (issue 17): a member of staff (or the Leitung for them) records an absence
 * with a stand-in from their group, a handover note and whether things go back afterwards. When it
 * begins, their open tasks go to the stand-in with the note as a task comment, and their case
 * responsibilities too; while it lasts, new tasks for them go to the stand-in ({@link Vorbelegung}).
 * When it ends and they chose so, what was moved and is still open with the stand-in comes back.
 * Begin and end run daily (and at once for an absence that starts today); both are idempotent.
 */
@Service
public class Abwesenheit {

  private static final Logger LOG = LoggerFactory.getLogger(Abwesenheit.class);
  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  static final int NOTIZ_HOECHSTENS = 2000;

  public enum Status { GEPLANT, LAUFEND, BEENDET, ABGESAGT }

  public record Eintrag(long id, String benutzer, String vertretung, LocalDate von, LocalDate bis, String uebergabe,
      boolean zurueckgeben, Status status, String erfasstVon) {
    public String zeitraum() {
      return von.format(DATUM) + " – " + bis.format(DATUM);
    }
  }

  /** A refusal with German messages for the person at the page (one per problem). */
  public static class Abgelehnt extends RuntimeException {
    private final List<String> meldungen;
    private final boolean verboten;

    Abgelehnt(List<String> meldungen, boolean verboten) {
      super(String.join("\n", meldungen));
      this.meldungen = List.copyOf(meldungen);
      this.verboten = verboten;
    }

    public List<String> meldungen() {
      return meldungen;
    }

    /** The caller may not do this at all (403), rather than typed something wrong (400). */
    public boolean verboten() {
      return verboten;
    }
  }

  private final JdbcTemplate jdbc;
  private final TaskService aufgaben;
  private final IdentityService identitaet;
  private final ProcessEngine engine;
  private final Fallverantwortung verantwortung;
  private final Zustaendigkeitsregeln regeln;
  private final org.springframework.transaction.support.TransactionTemplate transaktion;

  public Abwesenheit(JdbcTemplate jdbc, ProcessEngine engine, Fallverantwortung verantwortung, Zustaendigkeitsregeln regeln,
      org.springframework.transaction.PlatformTransactionManager transaktionen) {
    this.transaktion = new org.springframework.transaction.support.TransactionTemplate(transaktionen);
    this.jdbc = jdbc;
    this.engine = engine;
    this.aufgaben = engine.getTaskService();
    this.identitaet = engine.getIdentityService();
    this.verantwortung = verantwortung;
    this.regeln = regeln;
  }

  /**
   * Records an absence; one that has begun already (today or earlier) is started at once.
   *
   * @param erfasser the signed-in person and their groups
   */
  public long erfassen(String erfasser, List<String> erfasserGruppen, String benutzer, String vertretung, LocalDate von, LocalDate bis,
      String uebergabe, boolean zurueckgeben) {
    benutzer = benutzer == null || benutzer.isBlank() ? erfasser : benutzer.strip();
    if (!benutzer.equals(erfasser) && !erfasserGruppen.contains(KiGruppen.LEITUNG)) {
      throw new Abgelehnt(List.of("Eine Abwesenheit für eine andere Person erfasst nur die Leitung des KI."), true);
    }
    Set<String> eigeneGruppen = personalgruppenVon(benutzer);
    if (eigeneGruppen.isEmpty()) {
      throw new Abgelehnt(List.of("„" + benutzer + "“ gehört keiner Gruppe des KI an; Abwesenheiten gibt es nur für Beschäftigte des KI."),
          !benutzer.equals(erfasser));
    }
    List<String> fehler = new ArrayList<>();
    vertretung = vertretung == null ? "" : vertretung.strip();
    if (vertretung.isEmpty()) {
      fehler.add("Bitte eine Vertretung auswählen.");
    } else if (vertretung.equals(benutzer)) {
      fehler.add("Die Vertretung kann nicht die abwesende Person selbst sein.");
    } else {
      Set<String> gemeinsam = new TreeSet<>(personalgruppenVon(vertretung));
      gemeinsam.retainAll(eigeneGruppen);
      if (gemeinsam.isEmpty()) {
        fehler.add("Die Vertretung muss derselben Gruppe angehören wie die abwesende Person ("
            + String.join(", ", eigeneGruppen.stream().map(KiGruppen::name).toList()) + ").");
      }
    }
    LocalDate heute = Zeit.heute();
    if (von == null || bis == null) {
      fehler.add("Bitte Beginn und Ende der Abwesenheit angeben (TT.MM.JJJJ).");
    } else {
      if (bis.isBefore(von)) {
        fehler.add("Das Ende der Abwesenheit liegt vor ihrem Beginn.");
      } else if (bis.isBefore(heute)) {
        fehler.add("Das Ende der Abwesenheit liegt in der Vergangenheit.");
      } else if (von.isAfter(heute.plusYears(2))) {
        fehler.add("Der Beginn liegt mehr als zwei Jahre in der Zukunft.");
      }
      if (fehler.isEmpty()) {
        if (ueberschneidet(benutzer, von, bis)) {
          fehler.add("Für " + name(benutzer) + " ist in diesem Zeitraum schon eine Abwesenheit erfasst.");
        }
        if (!vertretung.isEmpty() && ueberschneidet(vertretung, von, bis)) {
          fehler.add("Die Vertretung " + name(vertretung) + " ist in diesem Zeitraum selbst abwesend.");
        }
      }
    }
    String notiz = uebergabe == null ? "" : uebergabe.strip();
    if (notiz.isEmpty()) {
      fehler.add("Bitte eine Übergabenotiz für die Vertretung eingeben.");
    } else {
      // the note becomes a comment on every task handed over: the platform's rules for free text
      String falsch = de.hsk.ki.plattform.formular.Freitext.fehler(notiz, NOTIZ_HOECHSTENS, true);
      if (falsch != null) {
        fehler.add("Übergabenotiz: " + falsch);
      }
    }
    if (!fehler.isEmpty()) {
      throw new Abgelehnt(fehler, false);
    }
    var schluessel = new org.springframework.jdbc.support.GeneratedKeyHolder();
    String abwesend = benutzer;
    String vertritt = vertretung;
    jdbc.update(c -> {
      var s = c.prepareStatement("INSERT INTO ki_abwesenheit (benutzer, vertretung, von, bis, uebergabe, zurueckgeben, status, erfasst_von,"
          + " erfasst_am) VALUES (?, ?, ?, ?, ?, ?, 'GEPLANT', ?, ?)", new String[] {"id"});
      s.setString(1, abwesend);
      s.setString(2, vertritt);
      s.setDate(3, Date.valueOf(von));
      s.setDate(4, Date.valueOf(bis));
      s.setString(5, notiz);
      s.setBoolean(6, zurueckgeben);
      s.setString(7, erfasser);
      s.setTimestamp(8, Zeit.jetzt());
      return s;
    }, schluessel);
    long id = schluessel.getKey().longValue();
    LOG.info("Absence {} recorded ({} days) by {}", id, java.time.temporal.ChronoUnit.DAYS.between(von, bis) + 1, erfasser);
    if (!von.isAfter(heute)) {
      beginnen(id);
    }
    return id;
  }

  /** Cancels a planned absence, or ends a running one today (the person is back early). */
  public void beenden(long id, String erfasser, List<String> erfasserGruppen) {
    Eintrag e = eintrag(id).orElseThrow(() -> new Abgelehnt(List.of("Diese Abwesenheit gibt es nicht."), false));
    if (!e.benutzer().equals(erfasser) && !erfasserGruppen.contains(KiGruppen.LEITUNG)) {
      throw new Abgelehnt(List.of("Eine Abwesenheit einer anderen Person beendet nur die Leitung des KI."), true);
    }
    if (e.status() == Status.GEPLANT) {
      jdbc.update("UPDATE ki_abwesenheit SET status = 'ABGESAGT' WHERE id = ? AND status = 'GEPLANT'", id);
    } else if (e.status() == Status.LAUFEND) {
      beenden(id);
    }
  }

  /** Daily just after midnight and in the morning (in case the server was down at night). */
  @Scheduled(cron = "${ki.zustaendigkeit.abgleich:0 5 0,6 * * *}")
  public int abgleichen() {
    return abgleichen(Zeit.heute());
  }

  /** Begins what begins by the day and ends what ended before it; returns how many changed. */
  public int abgleichen(LocalDate heute) {
    int geaendert = 0;
    for (Long id : jdbc.queryForList("SELECT id FROM ki_abwesenheit WHERE status = 'LAUFEND' AND bis < ? ORDER BY bis, id", Long.class,
        Date.valueOf(heute))) {
      geaendert += beenden(id) ? 1 : 0;
    }
    // planned ones that were missed entirely (the server was down all the time) only close
    geaendert += jdbc.update("UPDATE ki_abwesenheit SET status = 'BEENDET' WHERE status = 'GEPLANT' AND bis < ?", Date.valueOf(heute));
    for (Long id : jdbc.queryForList("SELECT id FROM ki_abwesenheit WHERE status = 'GEPLANT' AND von <= ? ORDER BY von, id", Long.class,
        Date.valueOf(heute))) {
      geaendert += beginnen(id) ? 1 : 0;
    }
    return geaendert;
  }

  /**
   * The handover: open tasks and responsibilities of the absent person go to the stand-in. All or
   * nothing: after a crash the absence is still planned and the next run hands everything over.
   */
  boolean beginnen(long id) {
    return Boolean.TRUE.equals(transaktion.execute(s -> uebergeben(id)));
  }

  private boolean uebergeben(long id) {
    if (jdbc.update("UPDATE ki_abwesenheit SET status = 'LAUFEND' WHERE id = ? AND status = 'GEPLANT'", id) == 0) {
      return false;
    }
    Eintrag e = eintrag(id).orElseThrow();
    String hinweis = "Übergabe wegen Abwesenheit von " + name(e.benutzer()) + " (" + e.zeitraum() + ") an " + name(e.vertretung())
        + ": " + e.uebergabe();
    int aufgabenZahl = 0;
    for (Task aufgabe : aufgaben.createTaskQuery().taskAssignee(e.benutzer()).list()) {
      String ziel = darfHalten(aufgabe, e.vertretung()) ? e.vertretung() : null;
      if (!zuweisen(aufgabe, ziel)) {
        continue;
      }
      kommentieren(aufgabe, ziel != null ? hinweis
          : hinweis + " (Die Vertretung kann diese Aufgabe nicht übernehmen; sie liegt wieder bei der Gruppe.)");
      verantwortung.vermerkeUebergabe(id, aktenzeichen(aufgabe), aufgabe.getId(), null);
      aufgabenZahl++;
    }
    int faelle = 0;
    for (var v : verantwortung.offeneVon(e.benutzer())) {
      if (Vorbelegung.mitglied(identitaet, e.vertretung(), v.gruppe())
          && verantwortung.uebertragen(v.aktenzeichen(), v.gruppe(), e.benutzer(), e.vertretung(),
              "Vertretung während der Abwesenheit (" + e.zeitraum() + ")")) {
        verantwortung.vermerkeUebergabe(id, v.aktenzeichen(), null, v.gruppe());
        faelle++;
      }
    }
    LOG.info("Absence {} begun: {} task(s) and {} responsibility/ies handed over", id, aufgabenZahl, faelle);
    return true;
  }

  /** The return: what was handed over and is still with the stand-in goes back, if the person chose so; all or nothing. */
  boolean beenden(long id) {
    return Boolean.TRUE.equals(transaktion.execute(s -> zurueckgeben(id)));
  }

  private boolean zurueckgeben(long id) {
    if (jdbc.update("UPDATE ki_abwesenheit SET status = 'BEENDET' WHERE id = ? AND status = 'LAUFEND'", id) == 0) {
      return false;
    }
    Eintrag e = eintrag(id).orElseThrow();
    if (!e.zurueckgeben()) {
      LOG.info("Absence {} ended; nothing goes back (as recorded)", id);
      return true;
    }
    int aufgabenZahl = 0;
    int faelle = 0;
    for (var u : jdbc.queryForList("SELECT aktenzeichen, aufgabe, gruppe FROM ki_abwesenheit_uebergabe WHERE abwesenheit = ? ORDER BY id", id)) {
      String aufgabeId = (String) u.get("aufgabe");
      String gruppe = (String) u.get("gruppe");
      if (aufgabeId != null) {
        Task aufgabe = aufgaben.createTaskQuery().taskId(aufgabeId).singleResult();
        // what the stand-in finished is done; what they passed on to somebody else stays there
        if (aufgabe != null && (aufgabe.getAssignee() == null || aufgabe.getAssignee().equals(e.vertretung()))
            && darfHalten(aufgabe, e.benutzer()) && zuweisen(aufgabe, e.benutzer())) {
          kommentieren(aufgabe, "Zurück an " + name(e.benutzer()) + " nach der Abwesenheit (" + e.zeitraum() + ").");
          aufgabenZahl++;
        }
      } else if (gruppe != null) {
        String fall = (String) u.get("aktenzeichen");
        if (Vorbelegung.mitglied(identitaet, e.benutzer(), gruppe)
            && verantwortung.uebertragen(fall, gruppe, e.vertretung(), e.benutzer(), "Rückgabe nach der Abwesenheit (" + e.zeitraum() + ")")) {
          faelle++;
        }
      }
    }
    LOG.info("Absence {} ended: {} task(s) and {} responsibility/ies returned", id, aufgabenZahl, faelle);
    return true;
  }

  // ---- reading ---------------------------------------------------------------------------------

  public Optional<Eintrag> eintrag(long id) {
    return jdbc.query(AUSWAHL + " WHERE id = ?", this::zeile, id).stream().findFirst();
  }

  /** Planned and running absences, and those of the last 30 days; of one person, or of everybody (benutzer null). */
  public List<Eintrag> aktuelle(String benutzer) {
    Date grenze = Date.valueOf(Zeit.heute().minusDays(30));
    return benutzer == null
        ? jdbc.query(AUSWAHL + " WHERE bis >= ? ORDER BY von, id", this::zeile, grenze)
        : jdbc.query(AUSWAHL + " WHERE bis >= ? AND (benutzer = ? OR vertretung = ?) ORDER BY von, id", this::zeile, grenze, benutzer, benutzer);
  }

  /** Members of staff (KI groups with responsibilities, and the Leitung), by name. */
  public List<User> personal() {
    var ids = new TreeSet<String>();
    List<User> alle = new ArrayList<>();
    for (String gruppe : regeln.personalgruppen()) {
      for (User u : identitaet.createUserQuery().memberOfGroup(gruppe).list()) {
        if (ids.add(u.getId())) {
          alle.add(u);
        }
      }
    }
    alle.sort(java.util.Comparator.comparing((User u) -> Objects.toString(u.getLastName(), "")).thenComparing(User::getId));
    return alle;
  }

  /** The KI staff groups of a person (groups with responsibilities, and the Leitung). */
  public Set<String> personalgruppenVon(String benutzer) {
    Set<String> gruppen = new TreeSet<>();
    for (Group g : identitaet.createGroupQuery().groupMember(benutzer).list()) {
      if (regeln.personalgruppen().contains(g.getId())) {
        gruppen.add(g.getId());
      }
    }
    return gruppen;
  }

  public String name(String benutzer) {
    return Personenname.von(identitaet, benutzer);
  }

  private static final String AUSWAHL =
      "SELECT id, benutzer, vertretung, von, bis, uebergabe, zurueckgeben, status, erfasst_von FROM ki_abwesenheit";

  private Eintrag zeile(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Eintrag(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(),
        rs.getString(6), rs.getBoolean(7), Status.valueOf(rs.getString(8)), rs.getString(9));
  }

  private boolean ueberschneidet(String benutzer, LocalDate von, LocalDate bis) {
    Integer zahl = jdbc.queryForObject("SELECT COUNT(*) FROM ki_abwesenheit WHERE benutzer = ? AND status IN ('GEPLANT', 'LAUFEND')"
        + " AND von <= ? AND bis >= ?", Integer.class, benutzer, Date.valueOf(bis), Date.valueOf(von));
    return zahl != null && zahl > 0;
  }

  // ---- tasks -----------------------------------------------------------------------------------

  /** Candidate user or member of a candidate group, and not the one who proposed (four eyes). */
  private boolean darfHalten(Task aufgabe, String person) {
    if (!VierAugen.darfErhalten(aufgaben.getVariable(aufgabe.getId(), VierAugen.VORSCHLAG_VON), person)) {
      return false;
    }
    List<String> gruppen = new ArrayList<>();
    for (IdentityLink link : aufgaben.getIdentityLinksForTask(aufgabe.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (person.equals(link.getUserId())) {
        return true;
      }
      if (link.getGroupId() != null) {
        gruppen.add(link.getGroupId());
      }
    }
    List<String> pruefen = gruppen.isEmpty() ? KiGruppen.SEITENEINSTIEG : gruppen;
    return pruefen.stream().anyMatch(g -> Vorbelegung.mitglied(identitaet, person, g));
  }

  /** Each change its own transaction: a task the engine refuses to move stays as it is. */
  private boolean zuweisen(Task aufgabe, String an) {
    try {
      aufgaben.setAssignee(aufgabe.getId(), an);
      return true;
    } catch (ProcessEngineException abgelehnt) {
      LOG.warn("Task {} not moved during a handover: {}", aufgabe.getId(), abgelehnt.getMessage());
      return false;
    }
  }

  private void kommentieren(Task aufgabe, String text) {
    try {
      aufgaben.createComment(aufgabe.getId(), aufgabe.getProcessInstanceId(), text);
    } catch (ProcessEngineException e) {
      LOG.warn("No handover comment on task {}: {}", aufgabe.getId(), e.getMessage());
    }
  }

  private String aktenzeichen(Task aufgabe) {
    if (aufgabe.getProcessInstanceId() == null) {
      return null;
    }
    var instanz = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(aufgabe.getProcessInstanceId()).singleResult();
    return instanz == null ? null : instanz.getBusinessKey();
  }
}
