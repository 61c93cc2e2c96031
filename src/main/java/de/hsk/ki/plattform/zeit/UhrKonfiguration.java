package de.hsk.ki.plattform.zeit;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class UhrKonfiguration {

  /** For beans that take a Clock: the engine's clock in German local time. */
  @Bean
  Clock clock() {
    return Zeit.UHR;
  }
}
