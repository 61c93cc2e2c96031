package de.hsk.ki.testkit;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The SMTP port of the test mailbox: free, chosen once per test JVM, so that two builds on one
 * machine do not collide. Every GreenMail of the Spring tests listens on it, and the application
 * under test sends to it (property {@code ki.test.smtp-port}, read by application-test.yaml).
 */
public final class Testpostfach implements EnvironmentPostProcessor {

  public static final int PORT = freierPort();

  /** For {@code new GreenMailExtension(Testpostfach.SMTP)}. */
  public static final ServerSetup SMTP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

  private static int freierPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment umgebung, SpringApplication anwendung) {
    umgebung.getPropertySources().addLast(new MapPropertySource("testpostfach", Map.of("ki.test.smtp-port", PORT)));
  }
}
