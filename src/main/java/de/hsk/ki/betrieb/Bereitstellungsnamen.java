package de.hsk.ki.betrieb;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;
import org.springframework.stereotype.Component;

/**
 * Deploys every model and form under its path below the classpath root
 * ({@code forms/uebergang/aufnahme.form}), the same from the packaged jar as from
 * {@code target/classes}. The engine's Spring auto-deployment names a jar entry by its bare file
 * name, so {@code forms/seiteneinstieg/aufnahme.form} and {@code forms/uebergang/aufnahme.form}
 * overwrote each other in the jar (and in {@code target/classes} it used absolute paths, which
 * change with the installation folder). Two resources that still end up with one name stop the
 * start with both named, instead of one silently replacing the other.
 */
@Component
public class Bereitstellungsnamen extends AbstractProcessEnginePlugin {

  // postInit: after the starter's own preInit has set the resources from deployment-resource-pattern
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration instanceof SpringProcessEngineConfiguration spring && spring.getDeploymentResources() != null) {
      spring.setDeploymentResources(benenne(spring.getDeploymentResources(), klassenpfadWurzeln()));
    }
  }

  public static Resource[] benenne(Resource[] ressourcen, List<String> wurzeln) {
    Map<String, BenannteRessource> nachName = new LinkedHashMap<>();
    for (Resource r : ressourcen) {
      BenannteRessource benannt;
      try {
        benannt = new BenannteRessource(r.getURL(), name(r.getURL().toString(), wurzeln));
      } catch (IOException e) {
        throw new ProcessEngineException("Modelldatei ohne Adresse, nicht bereitstellbar: " + r, e);
      }
      BenannteRessource vorher = nachName.putIfAbsent(benannt.name, benannt);
      if (vorher != null) {
        throw new ProcessEngineException("Zwei Modelldateien hätten denselben Bereitstellungsnamen '" + benannt.name + "': "
            + vorher.getURL() + " und " + benannt.getURL() + ". Bitte eine davon umbenennen.");
      }
    }
    return nachName.values().toArray(new Resource[0]);
  }

  /**
   * The path below the classpath root: the part after the last "!/" of a jar URL, the path
   * relative to a classpath folder for a file there; a file elsewhere keeps its absolute path.
   */
  public static String name(String url, List<String> wurzeln) {
    int imJar = url.lastIndexOf("!/");
    if (imJar >= 0) {
      return url.substring(imJar + 2);
    }
    for (String wurzel : wurzeln) {
      if (url.startsWith(wurzel)) {
        return url.substring(wurzel.length());
      }
    }
    try {
      return new File(URI.create(url)).getAbsolutePath();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /** Folders on the classpath as URL prefixes ending in "/", longest first (test-classes before classes). */
  static List<String> klassenpfadWurzeln() {
    List<String> wurzeln = new ArrayList<>();
    try {
      ClassLoader cl = Thread.currentThread().getContextClassLoader();
      for (URL u : Collections.list((cl != null ? cl : Bereitstellungsnamen.class.getClassLoader()).getResources(""))) {
        String s = u.toString();
        if (s.startsWith("file:")) {
          wurzeln.add(s.endsWith("/") ? s : s + "/");
        }
      }
    } catch (IOException e) {
      throw new ProcessEngineException("Klassenpfad nicht lesbar", e);
    }
    wurzeln.sort((a, b) -> b.length() - a.length());
    return wurzeln;
  }

  /** The engine takes the name of a ContextResource from getPathWithinContext(). */
  static final class BenannteRessource extends UrlResource implements ContextResource {
    private final String name;

    BenannteRessource(URL url, String name) {
      super(url);
      this.name = name;
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public String getDescription() {
      return name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BenannteRessource b && b.name.equals(name) && super.equals(o);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
