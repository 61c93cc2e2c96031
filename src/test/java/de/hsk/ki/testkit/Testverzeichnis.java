package de.hsk.ki.testkit;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The county's directory in the suite: an in-memory LDAP server with the staff of
 * {@code verzeichnis/hsk-test.ldif}, started once per test JVM on a free port (property
 * {@code ki.test.ldap-port}, read by application-test.yaml), so the Spring tests run with the
 * directory switched on as a county would; local users are not affected by it.
 */
public final class Testverzeichnis implements EnvironmentPostProcessor {

  public static final String DIENSTKONTO = "cn=Dienstkonto KI,dc=hsk,dc=test";
  public static final String DIENSTKENNWORT = "Verzeichnis-Dienst-1";
  public static final InMemoryDirectoryServer SERVER = starten();

  private static InMemoryDirectoryServer starten() {
    try {
      InMemoryDirectoryServerConfig konfiguration = new InMemoryDirectoryServerConfig("dc=hsk,dc=test");
      konfiguration.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", java.net.InetAddress.getLoopbackAddress(), 0, null));
      konfiguration.addAdditionalBindCredentials(DIENSTKONTO, DIENSTKENNWORT);
      // memberOf is computed by AD; here it is written into the LDIF, outside the standard schema
      konfiguration.setSchema(null);
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(konfiguration);
      try (var ldif = new LDIFReader(Testverzeichnis.class.getResourceAsStream("/verzeichnis/hsk-test.ldif"))) {
        server.importFromLDIF(true, ldif);
      }
      server.startListening();
      return server;
    } catch (LDAPException | java.io.IOException e) {
      throw new IllegalStateException("Testverzeichnis startet nicht", e);
    }
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment umgebung, SpringApplication anwendung) {
    umgebung.getPropertySources().addLast(new MapPropertySource("testverzeichnis", Map.of("ki.test.ldap-port", SERVER.getListenPort())));
  }
}
