package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import de.hsk.ki.plattform.formular.EingabeAbgelehnt;
import de.hsk.ki.plattform.formular.Startvorgaben;
import de.hsk.ki.plattform.person.Familienangaben;
import de.hsk.ki.plattform.person.Personenregister;
import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstieg;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the cases of a confirmed list in the background, one Seiteneinstieg case per OFFEN row,
 * family by family. Each row's start and its record (row GESTARTET with the case number, the row key
 * in ki_meldeliste_start) are one transaction, and so is each family's creation with its record: after
 * a crash the list is still START and is resumed at the next application start (or with the page's
 * button), exactly with the rows that have no case yet.
 */
@Service
public class Meldelistenstart {

  private static final Logger LOG = LoggerFactory.getLogger(Meldelistenstart.class);

  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;
  private final Personenregister register;
  private final TransactionTemplate transaktion;
  private final ExecutorService hintergrund = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "meldeliste-start");
    t.setDaemon(true);
    return t;
  });
  private final Set<Long> laufend = ConcurrentHashMap.newKeySet();

  /** Test seam: runs inside each row's transaction after the case started, before the commit (row number). */
  volatile IntConsumer nachDemStart = nr -> {};

  private final de.hsk.ki.plattform.fall.Fallstaende staende;

  public Meldelistenstart(JdbcTemplate jdbc, ProcessEngine engine, Personenregister register, PlatformTransactionManager tm,
      de.hsk.ki.plattform.fall.Fallstaende staende) {
    this.staende = staende;
    this.jdbc = jdbc;
    this.engine = engine;
    this.register = register;
    this.transaktion = new TransactionTemplate(tm);
  }

  /** Lists a crash or a shutdown interrupted continue when the application is up again. */
  @EventListener(ApplicationReadyEvent.class)
  public void fortsetzenNachNeustart() {
    for (Long id : jdbc.queryForList("SELECT id FROM ki_meldeliste WHERE status = ?", Long.class, Meldelisten.START)) {
      LOG.info("Report list {}: start resumed after a restart", id);
      imHintergrund(id);
    }
  }

  /** Runs the start of the list in the background; a second call while it runs does nothing. */
  public void imHintergrund(long liste) {
    if (laufend.add(liste)) {
      hintergrund.submit(() -> {
        try {
          starten(liste);
        } catch (RuntimeException e) {
          LOG.error("Report list {}: start interrupted ({}); it resumes with the next start or the page's button", liste,
              e.getClass().getName());
        } finally {
          laufend.remove(liste);
        }
      });
    }
  }

  public boolean laeuft(long liste) {
    return laufend.contains(liste);
  }

  private record Offen(int nr, String werte, int gruppe, Long personNr) {}

  /** Starts every OFFEN row of the list, in this thread; returns how many cases it started. */
  int starten(long liste) {
    String benutzer = jdbc.queryForObject("SELECT bestaetigt_von FROM ki_meldeliste WHERE id = ? AND status = ?", String.class,
        liste, Meldelisten.START);
    List<Offen> offen = jdbc.query("SELECT nr, werte, gruppe, person_nr FROM ki_meldeliste_zeile WHERE liste = ? AND zustand = 'OFFEN'"
        + " ORDER BY gruppe, nr", (rs, i) -> new Offen(rs.getInt("nr"), rs.getString("werte"), rs.getInt("gruppe"),
            (Long) rs.getObject("person_nr", Long.class)), liste);
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(Seiteneinstieg.SCHLUESSEL)
        .latestVersion().singleResult().getId();
    IdentityService identity = engine.getIdentityService();
    List<String> gruppen = identity.createGroupQuery().groupMember(benutzer).list().stream().map(Group::getId).toList();
    Map<Integer, Long> familien = new HashMap<>();
    jdbc.query("SELECT gruppe, familien_nr FROM ki_meldeliste_familie WHERE liste = ?",
        rs -> {
          familien.put(rs.getInt(1), rs.getLong(2));
        }, liste);
    int gestartet = 0;
    // the clerk who confirmed is the starter of every case (history, "gestartet von")
    identity.setAuthentication(benutzer, gruppen);
    try {
      for (Offen z : offen) {
        Map<String, Object> werte = Meldelisten.karte(z.werte());
        Long familie = familien.computeIfAbsent(z.gruppe(), g -> familieAnlegen(liste, g, werte,
            offen.stream().filter(o -> o.gruppe() == g && o.personNr() != null).map(Offen::personNr).toList()));
        if (starteZeile(liste, definition, z, werte, familie)) {
          gestartet++;
        }
      }
    } finally {
      identity.clearAuthentication();
    }
    jdbc.update("UPDATE ki_meldeliste SET status = ? WHERE id = ? AND status = ? AND NOT EXISTS"
        + " (SELECT 1 FROM ki_meldeliste_zeile WHERE liste = ? AND zustand = 'OFFEN')", Meldelisten.FERTIG, liste, Meldelisten.START, liste);
    LOG.info("Report list {}: {} cases started", liste, gestartet);
    return gestartet;
  }

  /**
   * One family per group, recorded in the same transaction: a resumed start finds it and creates none.
   * A family already known goes on: that of a child of the group linked to a known person, or one
   * with the same guardians and address (siblings reported earlier).
   */
  private Long familieAnlegen(long liste, int gruppe, Map<String, Object> werte, List<Long> bekanntePersonen) {
    return transaktion.execute(s -> {
      List<Long> da = jdbc.queryForList("SELECT familien_nr FROM ki_meldeliste_familie WHERE liste = ? AND gruppe = ?", Long.class,
          liste, gruppe);
      if (!da.isEmpty()) {
        return da.get(0);
      }
      Familienangaben angaben = new Familienangaben(text(werte, "erziehungsberechtigte"), text(werte, "anschrift"),
          text(werte, "telefon"), text(werte, "email"), text(werte, "kommune"));
      long nr = bekanntePersonen.stream().map(register::person).flatMap(java.util.Optional::stream)
          .map(p -> p.familie()).filter(java.util.Objects::nonNull).findFirst()
          .or(() -> register.familieFinden(angaben))
          .orElseGet(() -> register.familieAnlegen(angaben));
      jdbc.update("INSERT INTO ki_meldeliste_familie (liste, gruppe, familien_nr) VALUES (?, ?, ?)", liste, gruppe, nr);
      return nr;
    });
  }

  /** The row's case and its record in one transaction; false when the row could not be started. */
  private boolean starteZeile(long liste, String definition, Offen z, Map<String, Object> werte, Long familie) {
    String schluessel = jdbc.queryForObject("SELECT schluessel FROM ki_meldeliste_zeile WHERE liste = ? AND nr = ?", String.class,
        liste, z.nr());
    try {
      return Boolean.TRUE.equals(transaktion.execute(s -> {
        List<String> frueher = jdbc.queryForList("SELECT aktenzeichen FROM ki_meldeliste_start WHERE schluessel = ?", String.class,
            schluessel);
        if (!frueher.isEmpty()) {
          jdbc.update("UPDATE ki_meldeliste_zeile SET zustand = 'BEREITS', aktenzeichen = ?, meldung = ? WHERE liste = ? AND nr = ?",
              frueher.get(0), "Für dieses Kind wurde aus einer Meldeliste schon der Fall " + frueher.get(0) + " angelegt.", liste, z.nr());
          return false;
        }
        // a child linked to a known person who has an open lateral-entry case gets no second one
        if (z.personNr() != null) {
          List<String> offen = offeneFaelle(z.personNr());
          if (!offen.isEmpty()) {
            jdbc.update("UPDATE ki_meldeliste_zeile SET zustand = 'BEREITS', aktenzeichen = ?, meldung = ? WHERE liste = ? AND nr = ?",
                offen.get(0), "Für dieses Kind läuft schon der Fall " + offen.get(0) + "; es wurde kein zweiter Fall angelegt.",
                liste, z.nr());
            return false;
          }
        }
        Map<String, Object> vorgaben = new HashMap<>();
        vorgaben.put("familienNr", familie);
        if (z.personNr() != null) {
          vorgaben.put("personNr", z.personNr());
        }
        VariableMap eingabe = Variables.fromMap(werte);
        EingabeAbgelehnt.vergessen();
        ProcessInstance fall = Startvorgaben.mit(vorgaben, () -> engine.getFormService().submitStartForm(definition, eingabe));
        jdbc.update("INSERT INTO ki_meldeliste_start (schluessel, liste, nr, aktenzeichen) VALUES (?, ?, ?, ?)", schluessel, liste,
            z.nr(), fall.getBusinessKey());
        jdbc.update("UPDATE ki_meldeliste_zeile SET zustand = 'GESTARTET', aktenzeichen = ?, gestartet_am = ? WHERE liste = ? AND nr = ?"
            + " AND zustand = 'OFFEN'", fall.getBusinessKey(), Zeit.jetzt(), liste, z.nr());
        nachDemStart.accept(z.nr());
        return true;
      }));
    } catch (DuplicateKeyException zugleich) {
      // another node started the same child in the meantime: this transaction is rolled back, the row says so
      jdbc.update("UPDATE ki_meldeliste_zeile SET zustand = 'BEREITS', meldung = ? WHERE liste = ? AND nr = ?",
          "Für dieses Kind wurde gleichzeitig schon ein Fall angelegt.", liste, z.nr());
      return false;
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      var abgelehnt = EingabeAbgelehnt.zuletztAbgelehnt();
      EingabeAbgelehnt.vergessen();
      if (abgelehnt.isEmpty()) {
        throw e;
      }
      // the rules changed between preview and start: the row is reported, the others go on
      jdbc.update("UPDATE ki_meldeliste_zeile SET zustand = 'FEHLER', meldung = ? WHERE liste = ? AND nr = ?",
          abgelehnt.get().getMessage(), liste, z.nr());
      return false;
    }
  }

  private List<String> offeneFaelle(long person) {
    // read from the tables: the start runs as the confirming clerk, whose grants need not cover the known case
    return staende.von(register.faelleDerPerson(person)).stream()
        .filter(f -> !f.beendet() && Seiteneinstieg.SCHLUESSEL.equals(f.prozess())).map(f -> f.aktenzeichen()).toList();
  }

  private static String text(Map<String, Object> werte, String name) {
    Object w = werte.get(name);
    return w == null ? null : w.toString();
  }

  @PreDestroy
  void beenden() {
    hintergrund.shutdownNow();
  }
}
