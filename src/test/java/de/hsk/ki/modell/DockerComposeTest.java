package de.hsk.ki.modell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the compose file is checked as far as it can be without one:
 * it parses, its services are complete, the application gets every setting the postgres profile
 * needs, and no secret has a default.
 */
class DockerComposeTest {

  private static final Pattern PLATZHALTER = Pattern.compile("\\$\\{([A-Z0-9_]+)");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compose() throws IOException {
    return new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> dienst(String name) throws IOException {
    return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> umgebung(String dienst) throws IOException {
    Map<String, Object> env = (Map<String, Object>) dienst(dienst).get("environment");
    Map<String, String> werte = new java.util.HashMap<>();
    env.forEach((k, v) -> werte.put(k, String.valueOf(v)));
    return werte;
  }

  @Test
  @SuppressWarnings("unchecked")
  void alleDiensteSindDaUndDieAnwendungWirdAusDemDockerfileGebaut() throws IOException {
    assertThat(((Map<String, Object>) compose().get("services")).keySet()).contains("postgres", "app", "mailpit");
    assertThat(dienst("app").get("build")).isEqualTo(".");
    assertThat(Path.of("Dockerfile")).exists();
    assertThat(Files.readString(Path.of("Dockerfile")).toUpperCase()).doesNotContain("PASSWORD").doesNotContain("PASSWORT");
  }

  @Test
  void dieAnwendungBekommtJedeEinstellungDesPostgresProfils() throws IOException {
    Map<String, String> app = umgebung("app");
    assertThat(app.get("SPRING_PROFILES_ACTIVE")).contains("postgres");
    // demo users on PostgreSQL only when .env says so
    assertThat(app.get("KI_DEMO_MIT_POSTGRES")).isEqualTo("${KI_DEMO_MIT_POSTGRES:-false}");
    String profil = Files.readString(Path.of("src/main/resources/application-postgres.yaml"));
    Set<String> benoetigt = new HashSet<>();
    Matcher m = PLATZHALTER.matcher(profil);
    while (m.find()) {
      benoetigt.add(m.group(1));
    }
    assertThat(benoetigt).contains("KI_DB_PASSWORD", "KI_DB_HOST");
    assertThat(app.keySet()).containsAll(benoetigt.stream().filter(v -> !v.equals("KI_DB_POOL")).toList());
    assertThat(app.get("KI_DB_HOST")).isEqualTo("postgres");
    assertThat(app.get("KI_MAIL_HOST")).isEqualTo("mailpit");
    assertThat(app.get("KI_MAIL_PORT")).isEqualTo("1025");
    assertThat(app.get("KI_DB_NAME")).isEqualTo(umgebung("postgres").get("POSTGRES_DB"));
    assertThat(app.get("KI_DB_USER")).isEqualTo(umgebung("postgres").get("POSTGRES_USER"));
  }

  @Test
  void geheimnisseKommenAusDerEnvDateiOhneVorgabewert() throws IOException {
    for (String geheimnis : List.of("KI_DB_PASSWORD", "KI_ADMIN_PASSWORD")) {
      assertThat(umgebung("app").get(geheimnis)).as(geheimnis).startsWith("${" + geheimnis + ":?");
    }
    assertThat(umgebung("postgres").get("POSTGRES_PASSWORD")).startsWith("${KI_DB_PASSWORD:?");
    String beispiel = Files.readString(Path.of(".env.example"));
    Matcher m = PLATZHALTER.matcher(Files.readString(Path.of("docker-compose.yml")));
    while (m.find()) {
      assertThat(beispiel).as(".env.example documents " + m.group(1)).contains(m.group(1) + "=");
    }
    assertThat(Files.readString(Path.of(".gitignore"))).contains(".env");
  }

  @Test
  void demoBenutzerNurImDemoProfil() throws IOException {
    assertThat(Files.readString(Path.of("src/main/resources/application.yaml"))).doesNotContain("benutzer-anlegen");
    assertThat(Files.readString(Path.of("src/main/resources/application-postgres.yaml"))).doesNotContain("benutzer-anlegen");
    assertThat(Files.readString(Path.of("src/main/resources/application-demo.yaml"))).contains("benutzer-anlegen: true");
  }
}
