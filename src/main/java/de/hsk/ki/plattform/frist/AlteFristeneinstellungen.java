package de.hsk.ki.plattform.frist;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Deadlines moved to the catalogue ki.prozesse.&lt;p&gt;.fristen.* in version 0.2. A setting under an old
 * name would be ignored without a word, so the application does not start and names the new one.
 */
@Component
class AlteFristeneinstellungen {

  private static final Map<String, String> UMZUG = Map.of(
      "ki.fristen", "ki.prozesse.seiteneinstieg.fristen",
      "ki.uebergang.fristen", "ki.prozesse.uebergang.fristen");

  AlteFristeneinstellungen(Environment umgebung) {
    Binder binder = Binder.get(umgebung);
    for (var umzug : UMZUG.entrySet()) {
      Map<String, String> alt = binder.bind(umzug.getKey(), Bindable.mapOf(String.class, String.class)).orElse(Map.of());
      if (!alt.isEmpty()) {
        List<String> namen = alt.keySet().stream().sorted().toList();
        throw new IllegalStateException("Fristen heißen jetzt " + umzug.getValue() + ".*: bitte " + umzug.getKey() + "." + namen
            + " umbenennen (Umgebungsvariablen: " + umzug.getKey().toUpperCase().replace('.', '_') + "_… → "
            + umzug.getValue().toUpperCase().replace('.', '_') + "_…).");
      }
    }
  }
}
