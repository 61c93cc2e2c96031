package de.hsk.ki.plattform.identitaet;

import java.time.Duration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the engine checks passwords: new and changed passwords as Kennworthash (PBKDF2), older
 * hashes renewed at the next login (Identitaetsanbieter). The engine keeps its own checkers for
 * SHA-512 (7.7 and later) and SHA-1 (before 7.7) in every case, so hashes written before this
 * version still verify; registering SHA-512 once more as a custom checker would make the engine
 * refuse to start.
 */
@Component
public class Anmeldeverfahren extends AbstractProcessEnginePlugin {

  private final Kennworthash hash;
  private final Anmeldecache cache;

  public Anmeldeverfahren(
      @Value("${ki.anmeldung.pbkdf2-iterationen:" + Kennworthash.ITERATIONEN + "}") int iterationen,
      @Value("${ki.anmeldung.cache-dauer:PT60S}") Duration cacheDauer) {
    this.hash = new Kennworthash(iterationen);
    this.cache = new Anmeldecache(cacheDauer);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl konfiguration) {
    konfiguration.setPasswordEncryptor(hash);
    konfiguration.setIdentityProviderSessionFactory(new Identitaetsanbieter.Fabrik(hash, cache));
  }
}
