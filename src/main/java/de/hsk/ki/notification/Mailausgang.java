package de.hsk.ki.notification;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
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
public class Mailausgang {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate eigeneTransaktion;

  public Mailausgang(JdbcTemplate jdbc, PlatformTransactionManager tm) {
    this.jdbc = jdbc;
    this.eigeneTransaktion = new TransactionTemplate(tm);
    this.eigeneTransaktion.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** @return false if this e-mail has already been sent */
  public boolean vorbereiten(String schluessel, String aktenzeichen, String vorlage, String empfaenger) {
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

  public void gesendet(String schluessel) {
    eigeneTransaktion.executeWithoutResult(s ->
        jdbc.update("UPDATE ki_mailausgang SET status = 'GESENDET', gesendet_am = ? WHERE schluessel = ?", jetzt(), schluessel));
  }

  private static Timestamp jetzt() {
    return new Timestamp(System.currentTimeMillis());
  }
}
