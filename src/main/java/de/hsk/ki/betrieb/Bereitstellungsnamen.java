package de.hsk.ki.betrieb;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.channels.ReadableByteChannel;
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
    Map<String, Resource> nachName = new LinkedHashMap<>();
    for (Resource r : ressourcen) {
      String name = name(r, wurzeln);
      Resource vorher = nachName.putIfAbsent(name, new BenannteRessource(r, name));
      if (vorher != null) {
        throw new ProcessEngineException("Zwei Modelldateien hätten denselben Bereitstellungsnamen '" + name + "': "
            + ((BenannteRessource) vorher).quelle + " und " + r + ". Bitte eine davon umbenennen.");
      }
    }
    return nachName.values().toArray(new Resource[0]);
  }

  /**
   * The path below the classpath root: the part after the last "!/" of a jar URL, the path
   * relative to a classpath folder for a file there; a file elsewhere keeps its absolute path.
   */
  public static String name(Resource r, List<String> wurzeln) {
    String url;
    try {
      url = r.getURL().toString();
    } catch (IOException e) {
      return r.getFilename() == null ? r.getDescription() : r.getFilename();
    }
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
  static final class BenannteRessource implements ContextResource {
    final Resource quelle;
    private final String name;

    BenannteRessource(Resource quelle, String name) {
      this.quelle = quelle;
      this.name = name;
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return quelle.getInputStream();
    }

    @Override
    public boolean exists() {
      return quelle.exists();
    }

    @Override
    public URL getURL() throws IOException {
      return quelle.getURL();
    }

    @Override
    public URI getURI() throws IOException {
      return quelle.getURI();
    }

    @Override
    public File getFile() throws IOException {
      return quelle.getFile();
    }

    @Override
    public ReadableByteChannel readableChannel() throws IOException {
      return quelle.readableChannel();
    }

    @Override
    public long contentLength() throws IOException {
      return quelle.contentLength();
    }

    @Override
    public long lastModified() throws IOException {
      return quelle.lastModified();
    }

    @Override
    public Resource createRelative(String relativePath) throws IOException {
      return quelle.createRelative(relativePath);
    }

    @Override
    public String getFilename() {
      return quelle.getFilename();
    }

    @Override
    public String getDescription() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
