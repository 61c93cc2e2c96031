package de.hsk.ki.plattform.entwurf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.plattform.datenschutz.Falldaten;
import de.hsk.ki.plattform.zeit.Zeit;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Drafts of task forms, per user and task (table ki_entwurf). Kept until the task ends: completed or
 * deleted tasks take their drafts along ({@link EntwurfBeiAufgabenende}), a daily sweep removes what a
 * task left behind anyway, and erasure of a case removes its drafts ({@link Falldaten}).
 */
@Service
public class Entwuerfe implements Falldaten {

  private static final Logger LOG = LoggerFactory.getLogger(Entwuerfe.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Entwurf(Map<String, Object> werte, Timestamp gespeichert) {}

  private final JdbcTemplate jdbc;

  public Entwuerfe(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void speichern(String benutzer, String aufgabe, String aktenzeichen, Map<String, Object> werte) {
    String inhalt;
    try {
      inhalt = JSON.writeValueAsString(werte);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    Timestamp jetzt = Zeit.jetzt();
    int geaendert = jdbc.update("UPDATE ki_entwurf SET inhalt = ?, gespeichert = ?, aktenzeichen = ? WHERE benutzer = ? AND aufgabe = ?",
        inhalt, jetzt, aktenzeichen, benutzer, aufgabe);
    if (geaendert == 0) {
      jdbc.update("INSERT INTO ki_entwurf (benutzer, aufgabe, aktenzeichen, inhalt, gespeichert) VALUES (?, ?, ?, ?, ?)",
          benutzer, aufgabe, aktenzeichen, inhalt, jetzt);
    }
  }

  /** The user's own draft of the task; never another user's. */
  @SuppressWarnings("unchecked")
  public Optional<Entwurf> lesen(String benutzer, String aufgabe) {
    return jdbc.query("SELECT inhalt, gespeichert FROM ki_entwurf WHERE benutzer = ? AND aufgabe = ?", rs -> {
      if (!rs.next()) {
        return Optional.<Entwurf>empty();
      }
      try {
        return Optional.of(new Entwurf(JSON.readValue(rs.getString(1), Map.class), rs.getTimestamp(2)));
      } catch (JsonProcessingException e) {
        return Optional.<Entwurf>empty();
      }
    }, benutzer, aufgabe);
  }

  public int loeschen(String benutzer, String aufgabe) {
    return jdbc.update("DELETE FROM ki_entwurf WHERE benutzer = ? AND aufgabe = ?", benutzer, aufgabe);
  }

  /** Every user's draft of the task: it ended. */
  public int aufgabeBeendet(String aufgabe) {
    return jdbc.update("DELETE FROM ki_entwurf WHERE aufgabe = ?", aufgabe);
  }

  /** The task went to another person: other users' drafts of it are no longer theirs to continue. */
  public int nurNoch(String aufgabe, String bearbeiter) {
    return jdbc.update("DELETE FROM ki_entwurf WHERE aufgabe = ? AND benutzer <> ?", aufgabe, bearbeiter);
  }

  @Override
  public int loescheFall(String aktenzeichen) {
    return jdbc.update("DELETE FROM ki_entwurf WHERE aktenzeichen = ?", aktenzeichen);
  }

  /** Daily at 03:25: drafts whose task no longer runs (ended while a listener was skipped); also callable by tests. */
  @Scheduled(cron = "0 25 3 * * *")
  public int bereinigen() {
    int geloescht = jdbc.update("DELETE FROM ki_entwurf WHERE aufgabe NOT IN (SELECT id_ FROM act_ru_task)");
    if (geloescht > 0) {
      LOG.info("Drafts: {} of ended tasks deleted", geloescht);
    }
    return geloescht;
  }

  /** For tests and the operator's view: how many drafts exist. */
  public List<String> aufgabenMitEntwurf() {
    return jdbc.queryForList("SELECT aufgabe FROM ki_entwurf", String.class);
  }
}
