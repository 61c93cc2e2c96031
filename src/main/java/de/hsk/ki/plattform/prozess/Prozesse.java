package de.hsk.ki.plattform.prozess;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** All process descriptors of this installation; two processes may share neither key nor case-number prefix. */
@Component
public class Prozesse {

  private final List<Prozessbeschreibung> alle;
  private final Map<String, Prozessbeschreibung> nachSchluessel = new HashMap<>();

  public Prozesse(List<Prozessbeschreibung> beschreibungen) {
    this.alle = List.copyOf(beschreibungen);
    Map<String, String> praefixe = new HashMap<>();
    for (Prozessbeschreibung p : alle) {
      if (nachSchluessel.put(p.schluessel(), p) != null) {
        throw new IllegalStateException("Prozess " + p.schluessel() + " ist zweimal beschrieben.");
      }
      String anderer = praefixe.put(p.praefix(), p.schluessel());
      if (anderer != null) {
        throw new IllegalStateException("Aktenzeichen-Präfix " + p.praefix() + " gehört schon zu " + anderer + ", nicht auch zu " + p.schluessel() + ".");
      }
    }
  }

  public List<Prozessbeschreibung> alle() {
    return alle;
  }

  public Optional<Prozessbeschreibung> zu(String schluessel) {
    return Optional.ofNullable(nachSchluessel.get(schluessel));
  }
}
