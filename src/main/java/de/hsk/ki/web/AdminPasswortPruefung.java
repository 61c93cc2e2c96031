package de.hsk.ki.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without an operator password: outside the demo profile there is no default, and
 * Camunda would otherwise create the admin account with its user id as password.
 */
public class AdminPasswortPruefung implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (env.getProperty("camunda.bpm.admin-user.id") == null) {
      return;
    }
    String passwort = env.getProperty("camunda.bpm.admin-user.password", "");
    if (passwort.isBlank()) {
      throw new IllegalStateException(
          "Kein Administrationspasswort gesetzt: Bitte die Umgebungsvariable KI_ADMIN_PASSWORD setzen "
              + "(mindestens 10 Zeichen mit Groß- und Kleinbuchstaben, Ziffer und Sonderzeichen). "
              + "Only the demo profile has a default.");
    }
  }
}
