package de.hsk.ki.web;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Demo users with known passwords belong to a demo, not to the production database: the demo
 * profile together with the PostgreSQL profile starts only when KI_DEMO_MIT_POSTGRES=true says
 * that this database is a demo too.
 */
public class DemoPruefung implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    var profile = Arrays.asList(env.getActiveProfiles());
    if (profile.contains("demo") && profile.contains("postgres")
        && !Boolean.parseBoolean(env.getProperty("KI_DEMO_MIT_POSTGRES", "false"))) {
      throw new IllegalStateException(
          "Demo-Benutzer auf PostgreSQL: Das Profil demo legt Benutzer mit bekanntem Passwort an und ist mit dem Profil "
              + "postgres nur erlaubt, wenn KI_DEMO_MIT_POSTGRES=true gesetzt ist (nur für eine Demo-Datenbank). "
              + "Demo profile together with postgres refused without KI_DEMO_MIT_POSTGRES=true.");
    }
  }
}
