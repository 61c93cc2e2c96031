package de.hsk.ki.plattform.identitaet;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's user store with the county's directory beside it. Local accounts (demo users,
 * partners such as the Schulamt, operators) are checked here: a stored hash of an older kind (the
 * engine's SHA-512 before this version) is replaced by a Kennworthash at the next successful
 * login. Staff without a local account are checked against the directory (Verzeichnis, when
 * configured); at each successful login their entry here is created or brought up to date (name,
 * e-mail, memberships of the mapped KI groups), so every query of the engine, Tasklist and the
 * assignment rule sees them as it sees local users. A local account always wins over a directory
 * entry of the same id, so the break-glass operator works when the directory is down.
 * Successes are kept for a minute (Anmeldecache). Locks and failed attempts count as in the
 * engine, for directory staff too: a locked account is refused before anything else, a wrong
 * password is never cached and counts towards the lock.
 */
public class Identitaetsanbieter extends DbIdentityServiceProvider {

  private static final Logger LOG = LoggerFactory.getLogger("ki.anmeldung");
  /** Stored as the password of staff from the directory: no password of theirs is kept here. */
  static final String VERZEICHNISKONTO = "VERZEICHNIS";
  static final String VERZEICHNIS_MARKE = "{" + VERZEICHNISKONTO + "}-";

  private final Kennworthash hash;
  private final Anmeldecache cache;
  private final Verzeichnis verzeichnis;

  Identitaetsanbieter(Kennworthash hash, Anmeldecache cache, Verzeichnis verzeichnis) {
    this.hash = hash;
    this.cache = cache;
    this.verzeichnis = verzeichnis;
  }

  @Override
  public boolean checkPassword(String benutzer, String passwort) {
    if (benutzer == null || passwort == null) {
      return false;
    }
    UserEntity konto = findUserById(benutzer);
    if (konto != null && !ausDemVerzeichnis(konto)) {
      return lokal(konto, passwort);
    }
    if (verzeichnis == null || (konto != null && isUserLocked(konto))) {
      return false;
    }
    if (konto != null && cache.bestaetigt(benutzer, passwort, konto.getPassword())) {
      unlockUser(konto);
      return true;
    }
    var person = verzeichnis.anmelden(benutzer, passwort);
    if (person.isEmpty()) {
      if (konto != null) {
        lockUser(konto);
      }
      return false;
    }
    if (konto != null) {
      unlockUser(konto);
    }
    nachDemCommit(anbieter -> anbieter.abgleichen(person.get()));
    if (person.get().gruppen().isEmpty()) {
      LOG.warn("Anmeldung von {} abgelehnt: im Verzeichnis in keiner der KI-Gruppen", benutzer);
      return false;
    }
    cache.merken(benutzer, passwort, VERZEICHNIS_MARKE);
    return true;
  }

  /**
   * Counts a failed attempt in the database itself. The engine writes the count it read, so
   * attempts running at the same time counted as one, and parallel guessing never reached the lock
   * (found in review). The increment holds the row until the login's transaction ends, so each
   * failure counts; the delay before the next attempt follows the engine's settings.
   */
  @Override
  protected void lockUser(UserEntity konto) {
    ProcessEngineConfigurationImpl konfiguration = Context.getProcessEngineConfiguration();
    String tabelle = (konfiguration.getDatabaseTablePrefix() == null ? "" : konfiguration.getDatabaseTablePrefix()) + "ACT_ID_USER";
    java.sql.Connection verbindung = getDbSqlSession().getSqlSession().getConnection();
    try {
      int versuche;
      try (var erhoehen = verbindung.prepareStatement("UPDATE " + tabelle + " SET ATTEMPTS_ = COALESCE(ATTEMPTS_, 0) + 1 WHERE ID_ = ?")) {
        erhoehen.setString(1, konto.getId());
        erhoehen.executeUpdate();
      }
      try (var lesen = verbindung.prepareStatement("SELECT ATTEMPTS_ FROM " + tabelle + " WHERE ID_ = ?")) {
        lesen.setString(1, konto.getId());
        try (var zeile = lesen.executeQuery()) {
          versuche = zeile.next() ? zeile.getInt(1) : 1;
        }
      }
      long sekunden = Math.min((long) (konfiguration.getLoginDelayBase() * Math.pow(konfiguration.getLoginDelayFactor(), versuche - 1)),
          konfiguration.getLoginDelayMaxTime());
      java.util.Date bis = new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() + sekunden * 1000);
      try (var sperren = verbindung.prepareStatement("UPDATE " + tabelle + " SET LOCK_EXP_TIME_ = ? WHERE ID_ = ?")) {
        sperren.setTimestamp(1, new java.sql.Timestamp(bis.getTime()));
        sperren.setString(2, konto.getId());
        sperren.executeUpdate();
      }
      if (versuche >= konfiguration.getLoginMaxAttempts()) {
        LOG.info("Konto {} nach {} Fehlversuchen gesperrt", konto.getId(), versuche);
      }
    } catch (java.sql.SQLException e) {
      throw new org.camunda.bpm.engine.ProcessEngineException("Fehlversuch nicht gezählt", e);
    }
  }

  static boolean ausDemVerzeichnis(UserEntity konto) {
    return konto.getPassword() != null && konto.getPassword().startsWith(VERZEICHNIS_MARKE);
  }

  private boolean lokal(UserEntity konto, String passwort) {
    if (isUserLocked(konto)) {
      return false;
    }
    if (cache.bestaetigt(konto.getId(), passwort, konto.getPassword())) {
      unlockUser(konto);
      return true;
    }
    if (!matchPassword(passwort, konto)) {
      lockUser(konto);
      return false;
    }
    unlockUser(konto);
    if (hash.veraltet(konto.getPassword())) {
      String id = konto.getId();
      String alterHash = konto.getPassword();
      nachDemCommit(anbieter -> anbieter.erneuern(id, passwort, alterHash));
    } else {
      cache.merken(konto.getId(), passwort, konto.getPassword());
    }
    return true;
  }

  /**
   * Writes to the user's row in a transaction of its own after this one: within it the row would
   * be written twice (the unlock above and the change), and with JDBC batching the second write
   * finds the first's revision and is lost without an error. It runs before the login's command
   * returns, so the caller's groups are current when the engine reads them next.
   */
  private void nachDemCommit(Function<Identitaetsanbieter, String> aenderung) {
    ProcessEngineConfigurationImpl konfiguration = Context.getProcessEngineConfiguration();
    Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED, beendet -> {
      try {
        konfiguration.getCommandExecutorTxRequiresNew().execute((CommandContext kontext) ->
            kontext.runWithoutAuthorization(() -> aenderung.apply((Identitaetsanbieter) kontext.getWritableIdentityProvider())));
      } catch (RuntimeException e) {
        // the login stands; the next one tries again
        LOG.warn("Benutzerkonto nach der Anmeldung nicht aktualisiert: {}", e.toString());
      }
    });
  }

  private String erneuern(String benutzer, String passwort, String alterHash) {
    UserEntity konto = getDbEntityManager().selectById(UserEntity.class, benutzer);
    // changed meanwhile (a new password, a parallel login): nothing to do
    if (konto == null || !alterHash.equals(konto.getPassword())) {
      return null;
    }
    konto.setPassword(passwort);
    konto.encryptPassword();
    cache.merken(benutzer, passwort, konto.getPassword());
    LOG.info("Kennwort-Hash von {} auf {} umgestellt", benutzer, Kennworthash.NAME);
    return null;
  }

  /** Brings the directory person's entry here up to date: name, e-mail and the mapped KI groups. */
  private String abgleichen(Verzeichnis.Person person) {
    UserEntity konto = findUserById(person.id());
    if (konto == null && person.gruppen().isEmpty()) {
      // in the directory but in none of the KI's groups: no account here
      return null;
    } else if (konto == null) {
      konto = createNewUser(person.id());
      konto.setDbPassword(VERZEICHNIS_MARKE);
      namen(konto, person);
      saveUser(konto);
      LOG.info("Konto {} aus dem Verzeichnis angelegt", person.id());
    } else if (!ausDemVerzeichnis(konto)) {
      // became a local account meanwhile: the directory decides nothing about it
      return null;
    } else {
      namen(konto, person);
    }
    Set<String> soll = person.gruppen();
    for (String gruppe : verzeichnis.zielgruppen()) {
      boolean ist = existsMembership(person.id(), gruppe);
      if (soll.contains(gruppe) && !ist) {
        if (findGroupById(gruppe) == null) {
          LOG.warn("KI_LDAP_GRUPPEN nennt die Gruppe {}, die es nicht gibt", gruppe);
        } else {
          createMembership(person.id(), gruppe);
        }
      } else if (!soll.contains(gruppe) && ist) {
        deleteMembership(person.id(), gruppe);
      }
    }
    return null;
  }

  /** Only what changed, so that an unchanged entry is not written. */
  private static void namen(UserEntity konto, Verzeichnis.Person person) {
    if (!Objects.equals(konto.getFirstName(), person.vorname())) {
      konto.setFirstName(person.vorname());
    }
    if (!Objects.equals(konto.getLastName(), person.nachname())) {
      konto.setLastName(person.nachname());
    }
    if (!Objects.equals(konto.getEmail(), person.email())) {
      konto.setEmail(person.email());
    }
  }

  /** Checks nothing: a directory account's password is the directory's, a check here always fails. */
  static final class Verzeichniskonto implements PasswordEncryptor {
    @Override
    public String encrypt(String passwort) {
      throw new UnsupportedOperationException("Kennwörter von Verzeichniskonten werden nicht gespeichert");
    }

    @Override
    public boolean check(String passwort, String gespeichert) {
      return false;
    }

    @Override
    public String hashAlgorithmName() {
      return VERZEICHNISKONTO;
    }
  }

  /** Opens one provider per engine command, all sharing hash, cache and directory. */
  static final class Fabrik implements SessionFactory {
    private final Kennworthash hash;
    private final Anmeldecache cache;
    private final Verzeichnis verzeichnis;

    Fabrik(Kennworthash hash, Anmeldecache cache, Verzeichnis verzeichnis) {
      this.hash = hash;
      this.cache = cache;
      this.verzeichnis = verzeichnis;
    }

    @Override
    public Class<?> getSessionType() {
      // the engine registers the factory for writing too only if this type can write
      return Identitaetsanbieter.class;
    }

    @Override
    public Session openSession() {
      return new Identitaetsanbieter(hash, cache, verzeichnis);
    }
  }
}
