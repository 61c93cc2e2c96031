package de.hsk.ki.plattform.fall;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Writes the task variable "karte" on every user task: what staff need to tell two tasks apart in
 * the list, and no more (docs/datenschutz.md, "Aufgabenkarten"): the municipality, for a consent task
 * the partner, and for tasks of the KI's own groups (whose forms show name and birth date) the
 * child's initials and year of birth. Set once at creation from the case; the
 * form shows the full data to whoever opens the task.
 */
@Component
public class Kartentext extends AbstractProcessEnginePlugin {

  public static final String VARIABLE = "karte";

  static final TaskListener SCHREIBEN = task -> {
    String text = text(task);
    if (!text.isEmpty()) {
      task.setVariableLocal(VARIABLE, text);
    }
  };

  /** Groups whose forms show the child's name and birth date; others (Schulamt, funding) see the municipality only. */
  static final java.util.Set<String> KI_FACHGRUPPEN = java.util.Set.of(KiGruppen.VERWALTUNG, KiGruppen.LEHRKRAEFTE,
      KiGruppen.SOZIALARBEIT, KiGruppen.LEITUNG);

  /**
   * Processes whose every task form shows the child's name (the case header); the coordination
   * process shows names only at a few steps, so its cards never carry them.
   */
  static final java.util.Set<String> NAMEN_IM_FORMULAR = java.util.Set.of("Process_Seiteneinstieg",
      "Process_UebergangSchuleBeruf", "Process_Baustein_Einwilligung");

  static String text(DelegateTask task) {
    List<String> teile = new ArrayList<>();
    boolean kiIntern = !task.getCandidates().isEmpty() && task.getCandidates().stream()
        .allMatch(l -> l.getGroupId() != null && KI_FACHGRUPPEN.contains(l.getGroupId()));
    String definition = task.getProcessDefinitionId() == null ? "" : task.getProcessDefinitionId().split(":")[0];
    if (kiIntern && NAMEN_IM_FORMULAR.contains(definition)) {
      personenmerkmale(task, teile);
    }
    Object kommune = task.getVariable("kommune");
    if (kommune instanceof String k && !k.isBlank()) {
      teile.add(lesbar(k));
    }
    // a consent task asks for the partners still open, one or several
    Object partner = task.hasVariable("offenePartner") ? task.getVariable("offenePartner") : task.getVariable("partner");
    List<String> partnernamen = new ArrayList<>();
    if (partner instanceof String p && !p.isBlank()) {
      partnernamen.add(partnername(p));
    } else if (partner instanceof java.util.Collection<?> liste) {
      liste.forEach(p -> partnernamen.add(partnername(String.valueOf(p))));
    }
    if (!partnernamen.isEmpty()) {
      teile.add("Partner: " + String.join(", ", partnernamen));
    }
    return String.join(" · ", teile);
  }

  private static void personenmerkmale(DelegateTask task, List<String> teile) {
    String initialen = initiale(task.getVariable("vorname")) + initiale(task.getVariable("nachname"));
    if (!initialen.isEmpty()) {
      teile.add(initialen.strip());
    }
    Object geboren = task.getVariable("geburtsdatum");
    if (geboren != null && geboren.toString().length() >= 4) {
      teile.add("Jg. " + geboren.toString().substring(0, 4));
    }
  }

  private static String initiale(Object name) {
    return name instanceof String n && !n.isBlank() ? n.strip().substring(0, 1).toUpperCase(Locale.GERMAN) + ". " : "";
  }

  /** A key like SUNDERN or AGENTUR_FUER_ARBEIT as a word. */
  public static String lesbar(String schluessel) {
    String[] woerter = schluessel.toLowerCase(Locale.GERMAN).split("_");
    StringBuilder text = new StringBuilder();
    for (String wort : woerter) {
      if (wort.isEmpty()) {
        continue;
      }
      String w = wort.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü");
      text.append(text.length() == 0 ? w.substring(0, 1).toUpperCase(Locale.GERMAN) + w.substring(1) : " " + w);
    }
    return text.toString();
  }

  private static String partnername(String typ) {
    return switch (typ) {
      case "IHK", "HWK" -> typ;
      case "KAOA_TRAEGER" -> "KAoA-Träger";
      case "KOKO_KAOA" -> "KAoA-Koordinierung";
      case "AGENTUR_FUER_ARBEIT" -> "Agentur für Arbeit";
      // a school's key (SCHULE-RE-BRILON-1) read as words says nothing; the form names the school
      default -> typ.startsWith("SCHULE-") ? "Schule" : lesbar(typ);
    };
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    de.hsk.ki.plattform.prozess.Parselistener.beiJederNutzeraufgabe(configuration, SCHREIBEN);
  }
}
