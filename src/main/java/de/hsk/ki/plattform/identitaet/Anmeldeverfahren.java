package de.hsk.ki.plattform.identitaet;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the engine checks passwords: new and changed passwords as Kennworthash (PBKDF2), older
 * hashes renewed at the next login, staff from the county's directory when KI_LDAP_URL is set
 * (Identitaetsanbieter). The engine keeps its own checkers for SHA-512 (7.7 and later) and SHA-1
 * (before 7.7) in every case, so hashes written before this version still verify; registering
 * SHA-512 once more as a custom checker would make the engine refuse to start.
 */
@Component
public class Anmeldeverfahren extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(Anmeldeverfahren.class);

  private final Kennworthash hash;
  private final Anmeldecache cache;
  private final Verzeichnis verzeichnis;

  public Anmeldeverfahren(
      @Value("${ki.anmeldung.pbkdf2-iterationen:" + Kennworthash.ITERATIONEN + "}") int iterationen,
      @Value("${ki.anmeldung.cache-dauer:PT60S}") Duration cacheDauer,
      @Value("${ki.verzeichnis.url:}") String url,
      @Value("${ki.verzeichnis.basis:}") String basis,
      @Value("${ki.verzeichnis.benutzer:}") String dienstkonto,
      @Value("${ki.verzeichnis.passwort:}") String dienstkennwort,
      @Value("${ki.verzeichnis.benutzerfilter:(&(objectClass=user)(sAMAccountName={0}))}") String filter,
      @Value("${ki.verzeichnis.id-attribut:sAMAccountName}") String idAttribut,
      @Value("${ki.verzeichnis.gruppen:}") String gruppen) {
    this.hash = new Kennworthash(iterationen);
    this.cache = new Anmeldecache(cacheDauer);
    this.verzeichnis = Verzeichnis.aus(url, basis, dienstkonto, dienstkennwort, filter, idAttribut, gruppen).orElse(null);
    if (verzeichnis != null) {
      LOG.info("Anmeldung auch über das Verzeichnis {}; KI-Gruppen daraus: {}", url, verzeichnis.zielgruppen());
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl konfiguration) {
    konfiguration.setPasswordEncryptor(hash);
    konfiguration.setCustomPasswordChecker(List.of(new Identitaetsanbieter.Verzeichniskonto()));
    konfiguration.setIdentityProviderSessionFactory(new Identitaetsanbieter.Fabrik(hash, cache, verzeichnis));
  }

  /** Whether staff log in through the directory (for tests and the start-up note). */
  public boolean mitVerzeichnis() {
    return verzeichnis != null;
  }
}
