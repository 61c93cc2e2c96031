package de.hsk.ki.plattform.identitaet;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's user store with two additions to the password check: a stored hash of an older
 * kind (the engine's SHA-512 before this version) is replaced by a Kennworthash at the next
 * successful login, and successes are kept for a minute (Anmeldecache). Locks and failed attempts
 * count as in the engine: a locked account is refused before anything else, a wrong password is
 * never cached and counts towards the lock.
 */
public class Identitaetsanbieter extends DbIdentityServiceProvider {

  private static final Logger LOG = LoggerFactory.getLogger("ki.anmeldung");

  private final Kennworthash hash;
  private final Anmeldecache cache;

  Identitaetsanbieter(Kennworthash hash, Anmeldecache cache) {
    this.hash = hash;
    this.cache = cache;
  }

  @Override
  public boolean checkPassword(String benutzer, String passwort) {
    if (benutzer == null || passwort == null) {
      return false;
    }
    UserEntity konto = findUserById(benutzer);
    if (konto == null || isUserLocked(konto)) {
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
      erneuernNachDemCommit(konto.getId(), passwort, konto.getPassword());
    } else {
      cache.merken(konto.getId(), passwort, konto.getPassword());
    }
    return true;
  }

  /**
   * Same password, new salt and hash, in a transaction of its own after this one: within it the
   * row would be written twice (the unlock above and the new hash), and with JDBC batching the
   * second write finds the first's revision and is lost without an error.
   */
  private void erneuernNachDemCommit(String benutzer, String passwort, String alterHash) {
    ProcessEngineConfigurationImpl konfiguration = Context.getProcessEngineConfiguration();
    Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED, beendet -> {
      try {
        String neu = konfiguration.getCommandExecutorTxRequiresNew().execute(kontext -> {
          UserEntity konto = kontext.getDbEntityManager().selectById(UserEntity.class, benutzer);
          // changed meanwhile (a new password, a parallel login): nothing to do
          if (konto == null || !alterHash.equals(konto.getPassword())) {
            return null;
          }
          konto.setPassword(passwort);
          konto.encryptPassword();
          return konto.getPassword();
        });
        if (neu != null) {
          cache.merken(benutzer, passwort, neu);
          LOG.info("Kennwort-Hash von {} auf {} umgestellt", benutzer, Kennworthash.NAME);
        }
      } catch (RuntimeException e) {
        // the login stands; the next one tries again
        LOG.warn("Kennwort-Hash von {} nicht umgestellt: {}", benutzer, e.toString());
      }
    });
  }

  /** Opens one provider per engine command, all sharing hash and cache. */
  static final class Fabrik implements SessionFactory {
    private final Kennworthash hash;
    private final Anmeldecache cache;

    Fabrik(Kennworthash hash, Anmeldecache cache) {
      this.hash = hash;
      this.cache = cache;
    }

    @Override
    public Class<?> getSessionType() {
      // the engine registers the factory for writing too only if this type can write
      return Identitaetsanbieter.class;
    }

    @Override
    public Session openSession() {
      return new Identitaetsanbieter(hash, cache);
    }
  }
}
