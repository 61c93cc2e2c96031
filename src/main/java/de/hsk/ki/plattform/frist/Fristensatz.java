package de.hsk.ki.plattform.frist;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.BeanWrapperImpl;

/**
 * The deadlines of one process: a {@code @Validated @ConfigurationProperties("ki.prozesse.<p>.fristen")}
 * subclass with one {@link Frist} field per deadline (the deadline catalogue). Models read a
 * period as {@code ${<bean>.<name>}} and a text as {@code ${<bean>.text('<name>')}}, so no label
 * says "14 Tage" beside a setting that says something else.
 */
public abstract class Fristensatz {

  /** Every deadline of this set by name, as configured. */
  public Map<String, String> alle() {
    BeanWrapperImpl bohne = new BeanWrapperImpl(this);
    Map<String, String> fristen = new LinkedHashMap<>();
    for (var eigenschaft : bohne.getPropertyDescriptors()) {
      if (eigenschaft.getPropertyType() == String.class && eigenschaft.getReadMethod() != null && eigenschaft.getWriteMethod() != null) {
        fristen.put(eigenschaft.getName(), (String) bohne.getPropertyValue(eigenschaft.getName()));
      }
    }
    return fristen;
  }

  /** The deadline in German words, e.g. "14 Tage", "4 Wochen", "6 Monate", "12 Stunden". */
  public String text(String name) {
    String wert = alle().get(name);
    if (wert == null) {
      throw new IllegalArgumentException("Unbekannte Frist " + name + " in " + getClass().getSimpleName());
    }
    return inWorten(wert);
  }

  public static String inWorten(String iso) {
    try {
      Period p = Period.parse(iso);
      StringBuilder text = new StringBuilder();
      teil(text, p.getYears(), "Jahr", "Jahre");
      teil(text, p.getMonths(), "Monat", "Monate");
      int tage = p.getDays();
      if (tage >= 14 && tage % 7 == 0) {
        teil(text, tage / 7, "Woche", "Wochen");
      } else {
        teil(text, tage, "Tag", "Tage");
      }
      return text.toString();
    } catch (DateTimeParseException e) {
      Duration d = Duration.parse(iso);
      StringBuilder text = new StringBuilder();
      teil(text, (int) d.toDays(), "Tag", "Tage");
      teil(text, d.toHoursPart(), "Stunde", "Stunden");
      teil(text, d.toMinutesPart(), "Minute", "Minuten");
      return text.toString();
    }
  }

  private static void teil(StringBuilder text, int anzahl, String einzahl, String mehrzahl) {
    if (anzahl == 0) {
      return;
    }
    if (!text.isEmpty()) {
      text.append(" und ");
    }
    text.append(anzahl).append(' ').append(anzahl == 1 ? einzahl : mehrzahl);
  }
}
