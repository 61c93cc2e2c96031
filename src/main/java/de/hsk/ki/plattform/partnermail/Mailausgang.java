package de.hsk.ki.plattform.partnermail;

import de.hsk.ki.plattform.zeit.Zeit;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.TransactionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Register of partner e-mails by idempotency key (table ki_mailausgang), written in transactions
 * of its own so that it survives the rollback of the job that sends: once an e-mail is marked as
 * sent, a retry of that job sends it no more.
 */
@Service
public class Mailausgang implements de.hsk.ki.plattform.datenschutz.Falldaten {

  private static final Logger LOG = LoggerFactory.getLogger(Mailausgang.class);

  private final JdbcTemplate jdbc;
  private final Set<String> ausstehend = ConcurrentHashMap.newKeySet();
  private final TransactionTemplate eigeneTransaktion;

  public Mailausgang(JdbcTemplate jdbc, PlatformTransactionManager tm) {
    this.jdbc = jdbc;
    this.eigeneTransaktion = new TransactionTemplate(tm);
    this.eigeneTransaktion.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** @return false if this e-mail has already been sent */
  public boolean vorbereiten(String schluessel, String aktenzeichen, String vorlage, String empfaenger) {
    if (ausstehend.contains(schluessel)) {
      return false; // sent; the database was away when we wanted to note it
    }
    return Boolean.TRUE.equals(eigeneTransaktion.execute(s -> {
      List<String> status = jdbc.queryForList("SELECT status FROM ki_mailausgang WHERE schluessel = ?", String.class, schluessel);
      if (status.isEmpty()) {
        try {
          jdbc.update("INSERT INTO ki_mailausgang (schluessel, aktenzeichen, vorlage, empfaenger, status, versuche, erstellt_am)"
              + " VALUES (?, ?, ?, ?, 'OFFEN', 1, ?)", schluessel, aktenzeichen, vorlage, empfaenger, jetzt());
        } catch (DuplicateKeyException e) {
          return false; // another node is sending it right now
        }
        return true;
      }
      if ("GESENDET".equals(status.get(0))) {
        return false;
      }
      jdbc.update("UPDATE ki_mailausgang SET versuche = versuche + 1 WHERE schluessel = ?", schluessel);
      return true;
    }));
  }

  /**
   * Notes the e-mail as sent. If the database is away at this moment, the note is kept in memory
   * and written as soon as it is back: the retried job then finds it and sends nothing twice.
   */
  public void gesendet(String schluessel) {
    try {
      vermerken(schluessel);
    } catch (DataAccessException | TransactionException e) {
      ausstehend.add(schluessel);
      LOG.warn("Datenbank nicht erreichbar: Versand von {} wird vermerkt, sobald sie zurück ist", schluessel);
    }
  }

  @Scheduled(fixedDelay = 1000)
  void ausstehendeVermerken() {
    for (String schluessel : ausstehend) {
      try {
        vermerken(schluessel);
        ausstehend.remove(schluessel);
      } catch (DataAccessException | TransactionException e) {
        return; // still away; next round
      }
    }
  }

  /** The templates of every e-mail of this case that reached this partner, e.g. to tell who received data under a consent. */
  public List<String> gesendeteVorlagen(String aktenzeichen, String empfaenger) {
    return jdbc.queryForList("SELECT DISTINCT vorlage FROM ki_mailausgang WHERE aktenzeichen = ? AND empfaenger = ? AND status = 'GESENDET'",
        String.class, aktenzeichen, empfaenger);
  }

  public int ausstehend() {
    return ausstehend.size();
  }

  private void vermerken(String schluessel) {
    eigeneTransaktion.executeWithoutResult(s ->
        jdbc.update("UPDATE ki_mailausgang SET status = 'GESENDET', gesendet_am = ? WHERE schluessel = ?", jetzt(), schluessel));
  }

  private static Timestamp jetzt() {
    return Zeit.jetzt();
  }

  @Override
  public int loescheFall(String aktenzeichen) {
    return jdbc.update("DELETE FROM ki_mailausgang WHERE aktenzeichen = ?", aktenzeichen);
  }
}
