package de.hsk.ki.prozesse.uebergang;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** A transition case as a school reports it, for tests; the map can be changed before the start. */
public final class Uebergangsfall {

  private Uebergangsfall() {}

  public static Map<String, Object> meldung(String nachname, int alter, int schuljahre, String kommune, String klasse,
      String aufenthaltsstatus, String deutschniveau) {
    Map<String, Object> v = new HashMap<>();
    v.put("meldendeStelle", "SCHULE");
    v.put("vorname", "Yusuf");
    v.put("nachname", nachname);
    v.put("geburtsdatum", LocalDate.now().minusYears(alter).minusDays(10).toString());
    v.put("kommune", kommune);
    v.put("schulbesuchsjahre", schuljahre);
    v.put("aktuelleKlasse", klasse);
    v.put("abschluss", "KEINER");
    v.put("aufenthaltsstatus", aufenthaltsstatus);
    v.put("deutschniveau", deutschniveau);
    return v;
  }
}
