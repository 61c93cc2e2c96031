package de.hsk.ki.prozesse.seiteneinstieg;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Test data: a report and the answers of each task, as Tasklist would submit them. */
public final class Seiteneinstiegsfall {

  public static final String MARKER_NAME = "Zyxwa";

  private Seiteneinstiegsfall() {}

  public static Map<String, Object> meldung(String kommune, int alter) {
    Map<String, Object> v = new HashMap<>();
    v.put("meldendeStelle", "EINWOHNERMELDEAMT");
    v.put("vorname", "Amina");
    v.put("nachname", MARKER_NAME);
    v.put("geburtsdatum", LocalDate.now().minusYears(alter).minusDays(10).toString());
    v.put("staatsangehoerigkeit", "Syrien");
    v.put("zuzugsdatum", LocalDate.now().minusMonths(1).toString());
    v.put("anschrift", "Musterweg 3, 59821 Arnsberg");
    v.put("kommune", kommune);
    v.put("sorgeform", "ELTERN");
    v.put("erziehungsberechtigte", "Rana " + MARKER_NAME);
    v.put("bevorzugteSprache", "Arabisch");
    v.put("dolmetscherBenoetigt", true);
    return v;
  }

  public static Map<String, Object> einladung() {
    return Map.of(
        "einladungsergebnis", "TERMIN_VEREINBART",
        "terminDatum", LocalDate.now().plusDays(3).toString(),
        "terminUhrzeit", "10:30",
        "terminOrt", "KREISHAUS_ARNSBERG",
        "einladungsweg", "BRIEF",
        "dolmetscherGebucht", true,
        "dolmetscherSprache", "Arabisch",
        "sprachmittlungUeber", "EXTERN");
  }

  public static Map<String, Object> erstberatung(String schulform, boolean gesundheitsamt) {
    Map<String, Object> v = new HashMap<>();
    v.put("erstberatungErgebnis", "ERSCHIENEN");
    v.put("schulbesuchsjahre", 3);
    v.put("sprachen", "Arabisch, Englisch");
    v.put("lateinischeSchrift", "TEILWEISE");
    v.put("deutschniveau", "A1");
    v.put("mathematikniveau", "TEILWEISE");
    v.put("empfohleneSchulform", schulform);
    v.put("empfohleneKlasse", 4);
    v.put("alphabetisierung", false);
    v.put("gesundheitsamtBenachrichtigen", gesundheitsamt);
    v.put("datenschutzhinweisAm", LocalDate.now().toString());
    v.put("datenschutzhinweisSprache", "ARABISCH");
    return v;
  }

  /** The health office was asked and the examination took place: the case's second branch ends (review S3). */
  public static void untersuchungErfolgt(org.camunda.bpm.engine.ProcessEngine engine, org.camunda.bpm.engine.runtime.ProcessInstance fall) {
    de.hsk.ki.testkit.Fristablauf.fuehreAus(engine, fall.getId(), "Task_GesundheitsamtBenachrichtigen");
    org.camunda.bpm.engine.task.Task aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId())
        .taskDefinitionKey("Task_UntersuchungErfassen").singleResult();
    engine.getTaskService().complete(aufgabe.getId(), Map.of("untersuchungsstand", "ERFOLGT", "untersuchungAm", LocalDate.now().toString()));
  }

  public static Map<String, Object> zuweisung(String schule) {
    return Map.of("zuweisungsergebnis", "ZUGEWIESEN", "zugewieseneSchule", schule, "schulbeginn", LocalDate.now().plusDays(7).toString(),
        "ansprechperson", "Frau Schulz");
  }

  public static Map<String, Object> aufnahme(boolean angenommen) {
    return angenommen
        ? Map.of("aufnahme", "ANGENOMMEN", "aufnahmeAm", LocalDate.now().plusDays(7).toString())
        : Map.of("aufnahme", "ABGELEHNT", "ablehnungsgrund", "Klasse 4 voll belegt");
  }

  /** The school's confirmation of the first school day (review S10). */
  public static Map<String, Object> schulbesuch() {
    return Map.of("schulbesuch", "BEGONNEN", "schulbesuchSeit", LocalDate.now().toString());
  }

  public static Map<String, Object> zuweisungsschreiben() {
    return Map.of("versanddatum", LocalDate.now().toString(), "versandweg", "POST", "briefSprache", "KEINE");
  }
}
