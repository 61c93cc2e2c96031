package de.hsk.ki.modell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hsk.ki.betrieb.Bereitstellungsnamen;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;

/** Resource names as deployed: the path below the classpath root, from a jar and from a folder alike. */
class BereitstellungsnamenTest {

  static final List<String> WURZELN = List.of("file:/srv/ki/target/test-classes/", "file:/srv/ki/target/classes/");

  @Test
  void namensgleicheFormulareZweierProzesseBehaltenIhrenOrdner() throws Exception {
    Resource[] ausJar = {
        new UrlResource("jar:file:/app/ki-prozesse.jar!/BOOT-INF/classes!/forms/seiteneinstieg/aufnahme.form"),
        new UrlResource("jar:file:/app/ki-prozesse.jar!/BOOT-INF/classes!/forms/uebergang/aufnahme.form")};
    Resource[] ausOrdner = {
        new UrlResource("file:/srv/ki/target/classes/forms/seiteneinstieg/aufnahme.form"),
        new UrlResource("file:/srv/ki/target/classes/forms/uebergang/aufnahme.form")};
    List<String> erwartet = List.of("forms/seiteneinstieg/aufnahme.form", "forms/uebergang/aufnahme.form");
    assertThat(namen(Bereitstellungsnamen.benenne(ausJar, WURZELN))).isEqualTo(erwartet);
    assertThat(namen(Bereitstellungsnamen.benenne(ausOrdner, WURZELN))).isEqualTo(erwartet);
  }

  @Test
  void eineDateiAusserhalbDesKlassenpfadsBehaeltIhrenAbsolutenPfad() throws Exception {
    assertThat(Bereitstellungsnamen.name("file:/opt/modelle/test.bpmn", WURZELN))
        .isEqualTo("/opt/modelle/test.bpmn");
  }

  @Test
  void zweiDateienMitDemselbenNamenVerhindernDenStartUndWerdenGenannt() throws Exception {
    Resource[] doppelt = {
        new UrlResource("jar:file:/app/a.jar!/forms/x/antrag.form"),
        new UrlResource("file:/srv/ki/target/classes/forms/x/antrag.form")};
    assertThatThrownBy(() -> Bereitstellungsnamen.benenne(doppelt, WURZELN))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("forms/x/antrag.form").hasMessageContaining("a.jar");
  }

  private static List<String> namen(Resource[] r) {
    return Arrays.stream(r).map(x -> ((ContextResource) x).getPathWithinContext()).toList();
  }
}
