package de.hsk.ki.plattform.partnermail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Every partner e-mail template of every process, read once at start; a malformed one stops the start. */
@Component
public class Mailvorlagen {

  static final String MUSTER = "classpath*:processes/*/mail/*.txt";
  private static final Pattern PFAD = Pattern.compile(".*/processes/([^/]+)/mail/([a-z0-9-]+)\\.txt$");

  private final Map<String, Mailvorlage> vorlagen = new TreeMap<>();

  public Mailvorlagen() throws IOException {
    for (Resource datei : new PathMatchingResourcePatternResolver(getClass().getClassLoader()).getResources(MUSTER)) {
      Mailvorlage vorlage = lese(datei);
      Mailvorlage vorher = vorlagen.put(vorlage.id(), vorlage);
      if (vorher != null && !vorher.prozess().equals(vorlage.prozess())) {
        throw new IllegalStateException("E-Mail-Vorlage " + vorlage.id() + " gibt es in " + vorher.prozess() + " und " + vorlage.prozess() + ".");
      }
    }
  }

  static Mailvorlage lese(Resource datei) {
    String pfad;
    String inhalt;
    try {
      pfad = datei.getURL().toString();
      inhalt = new String(datei.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher name = PFAD.matcher(pfad);
    if (!name.matches()) {
      throw new IllegalStateException("E-Mail-Vorlage mit unzulässigem Namen: " + pfad);
    }
    int trenner = inhalt.indexOf("\n---\n");
    if (trenner < 0) {
      throw new IllegalStateException("E-Mail-Vorlage " + pfad + ": Kopf fehlt (Betreff, Einwilligung, dann ---).");
    }
    Map<String, String> kopf = new TreeMap<>();
    for (String zeile : inhalt.substring(0, trenner).split("\n")) {
      String[] teile = zeile.split(":", 2);
      if (teile.length == 2) {
        kopf.put(teile[0].strip(), teile[1].strip());
      }
    }
    String betreff = kopf.get("Betreff");
    String einwilligung = kopf.get("Einwilligung");
    if (betreff == null || betreff.isBlank() || !("erforderlich".equals(einwilligung) || "nicht erforderlich".equals(einwilligung))) {
      throw new IllegalStateException("E-Mail-Vorlage " + pfad
          + ": Kopf braucht „Betreff: …“ und „Einwilligung: erforderlich“ oder „Einwilligung: nicht erforderlich“.");
    }
    return new Mailvorlage(name.group(2).toUpperCase(Locale.ROOT).replace('-', '_'), name.group(1), betreff,
        "erforderlich".equals(einwilligung), inhalt.substring(trenner + 5));
  }

  public Optional<Mailvorlage> zu(String id) {
    return Optional.ofNullable(vorlagen.get(id));
  }

  public Mailvorlage vorlage(String id) {
    return zu(id).orElseThrow(() -> new IllegalArgumentException("Unbekannte E-Mail-Vorlage " + id));
  }

  public Collection<Mailvorlage> alle() {
    return vorlagen.values();
  }
}
