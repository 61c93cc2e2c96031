package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.prozesse.seiteneinstieg.Briefanschrift;
import de.hsk.ki.prozesse.seiteneinstieg.Einladungsorte;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstieg;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Invites all families of a list to one consultation day. The appointment goes into each case's
 * open step "Familie zur Erstberatung einladen" as the values its form shows (terminDatum,
 * terminUhrzeit, terminOrt, terminOrtAdresse; einladungsweg Brief), because that step starts its
 * appointment fields empty (input parameters) and writes them to the case only when it is completed:
 * the clerk opens the step, sees the date filled in and completes it when the letters are out, and
 * the first counselling then takes its deadline from that date as for any other invitation. Cases
 * not at that step (still in clarification of responsibility, handed over) keep their course and
 * are named on the page.
 */
@Service
public class Sammeleinladung {

  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  static final java.util.regex.Pattern UHRZEIT = java.util.regex.Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  /** The places the invitation form offers (form_se_einladung, Einladungsorte). */
  public static final Map<String, String> ORTE = new LinkedHashMap<>();

  static {
    ORTE.put("KREISHAUS_ARNSBERG", "Kreishaus Arnsberg (KI)");
    ORTE.put("KREISHAUS_MESCHEDE", "Kreishaus Meschede");
    ORTE.put("SCHULAMT_MESCHEDE", "Schulamt Meschede");
    ORTE.put("DIGITAL", "Digitale Beratung");
    ORTE.put("VOR_ORT_KOMMUNE", "Vor Ort in der Kommune (Rathaus, Unterkunft …)");
  }

  private final Meldelisten listen;
  private final ProcessEngine engine;
  private final Einladungsorte einladungsorte;

  public Sammeleinladung(Meldelisten listen, ProcessEngine engine, Einladungsorte einladungsorte) {
    this.listen = listen;
    this.engine = engine;
    this.einladungsorte = einladungsorte;
  }

  /** What happened: cases whose invitation step got the date, and the others with the step they are at. */
  public record Ergebnis(List<String> mitTermin, Map<String, String> ohneTermin) {}

  public Ergebnis einladen(Meldelisten.Liste liste, String datum, String uhrzeit, String ort, String adresse) {
    List<String> fehler = new ArrayList<>();
    LocalDate tag = null;
    try {
      tag = datum == null || datum.isBlank() ? null : LocalDate.parse(datum.strip());
    } catch (java.time.format.DateTimeParseException e) {
      fehler.add("Datum: kein gültiges Datum.");
    }
    if (tag == null && fehler.isEmpty()) {
      fehler.add("Datum: Pflichtfeld, bitte ausfüllen.");
    } else if (tag != null && tag.isBefore(Zeit.heute())) {
      fehler.add("Datum: darf nicht in der Vergangenheit liegen.");
    }
    if (uhrzeit == null || !UHRZEIT.matcher(uhrzeit.strip()).matches()) {
      fehler.add("Uhrzeit: bitte als HH:MM angeben (z. B. 09:30).");
    }
    String adresseText = adresse == null || adresse.isBlank() ? null : adresse.strip();
    if (ort == null || !ORTE.containsKey(ort)) {
      fehler.add("Ort: bitte einen Ort wählen.");
    } else if ("VOR_ORT_KOMMUNE".equals(ort) && einladungsorte.text(ort, adresseText) == null) {
      fehler.add("Anschrift vor Ort: bitte angeben (3 bis 150 Zeichen, Buchstaben, Ziffern und . , / ( ) -).");
    }
    if (!fehler.isEmpty()) {
      throw new Meldelisten.Abgelehnt(String.join(" ", fehler));
    }
    if (!"VOR_ORT_KOMMUNE".equals(ort)) {
      adresseText = null;
    }
    listen.terminSetzen(liste.id(), tag, uhrzeit.strip(), ort, adresseText);
    List<String> mit = new ArrayList<>();
    Map<String, String> ohne = new LinkedHashMap<>();
    for (Meldelisten.GestarteteZeile z : listen.gestarteteZeilen(liste.id())) {
      Task schritt = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(z.aktenzeichen())
          .taskDefinitionKey(Seiteneinstieg.Element.Task_EinladungVersenden.name()).singleResult();
      if (schritt == null) {
        ohne.put(z.aktenzeichen(), schrittDesFalls(z.aktenzeichen()));
        continue;
      }
      Map<String, Object> termin = new HashMap<>();
      termin.put(Seiteneinstieg.TERMIN_DATUM.name(), tag.toString());
      termin.put(Seiteneinstieg.TERMIN_UHRZEIT.name(), uhrzeit.strip());
      termin.put(Seiteneinstieg.TERMIN_ORT.name(), ort);
      termin.put(Seiteneinstieg.TERMIN_ORT_ADRESSE.name(), adresseText);
      termin.put(Seiteneinstieg.EINLADUNGSWEG.name(), "BRIEF");
      // on the step's own scope (its input parameters), where the form reads them and whence the output
      // mapping takes them into the case; task-local values would shadow them and vanish with the task
      engine.getRuntimeService().setVariablesLocal(schritt.getExecutionId(), termin);
      mit.add(z.aktenzeichen());
    }
    return new Ergebnis(mit, ohne);
  }

  private String schrittDesFalls(String aktenzeichen) {
    List<Task> offen = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(aktenzeichen).list();
    if (!offen.isEmpty()) {
      return "steht bei „" + offen.get(0).getName() + "“";
    }
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(aktenzeichen).count() == 0
        ? "ist beendet oder abgegeben" : "hat gerade keinen offenen Schritt";
  }

  /** One letter per family: the guardians at the address, all children of the family in this list. */
  public record Kind(String name, String geburtsdatum, String aktenzeichen) {}

  public record Brief(List<String> empfaenger, String anrede, String aktenzeichen, List<Kind> kinder, boolean dolmetschung) {}

  public List<Brief> briefe(Meldelisten.Liste liste) {
    Map<Integer, List<Meldelisten.GestarteteZeile>> familien = new LinkedHashMap<>();
    listen.gestarteteZeilen(liste.id()).forEach(z -> familien.computeIfAbsent(z.gruppe(), g -> new ArrayList<>()).add(z));
    List<Brief> briefe = new ArrayList<>();
    for (List<Meldelisten.GestarteteZeile> kinder : familien.values()) {
      List<Kind> genannt = new ArrayList<>();
      Map<String, Object> erstes = null;
      boolean dolmetschung = false;
      for (Meldelisten.GestarteteZeile z : kinder) {
        Map<String, Object> v = aktuell(z);
        if (v == null) {
          continue; // the case is gone (erased or ended): no letter for it
        }
        if (erstes == null) {
          erstes = v;
        }
        dolmetschung |= Boolean.TRUE.equals(v.get(Seiteneinstieg.DOLMETSCHER_BENOETIGT.name()));
        genannt.add(new Kind(v.get("vorname") + " " + v.get("nachname"), datum(v.get("geburtsdatum")), z.aktenzeichen()));
      }
      if (erstes == null) {
        continue;
      }
      Long alter = alter(erstes.get("geburtsdatum"));
      Briefanschrift an = Briefanschrift.von(text(erstes, "erziehungsberechtigte"), text(erstes, "anschrift"), text(erstes, "vorname"),
          text(erstes, "nachname"), alter);
      briefe.add(new Brief(an.zeilen(), an.anrede(), genannt.get(0).aktenzeichen(), genannt, dolmetschung));
    }
    return briefe;
  }

  /** The case's current names and address (corrections since the list count); null when the case is no longer open. */
  private Map<String, Object> aktuell(Meldelisten.GestarteteZeile z) {
    var fall = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(z.aktenzeichen(), Seiteneinstieg.SCHLUESSEL)
        .singleResult();
    if (fall == null) {
      return null;
    }
    return engine.getRuntimeService().getVariables(fall.getId(), List.of("vorname", "nachname", "geburtsdatum", "anschrift",
        "erziehungsberechtigte", Seiteneinstieg.DOLMETSCHER_BENOETIGT.name()));
  }

  private static String text(Map<String, Object> v, String name) {
    Object w = v.get(name);
    return w == null ? null : w.toString();
  }

  private static Long alter(Object geburtsdatum) {
    return geburtsdatum == null ? null : (long) Period.between(Zeit.datum(geburtsdatum), Zeit.heute()).getYears();
  }

  static String datum(Object iso) {
    return iso == null ? "" : Zeit.datum(iso).format(DATUM);
  }
}
