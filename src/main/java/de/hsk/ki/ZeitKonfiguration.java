package de.hsk.ki;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ZeitKonfiguration {

  /** The KI works in German local time; dates in letters and case numbers follow it. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @Bean
  Clock clock() {
    return Clock.system(ZONE);
  }
}
