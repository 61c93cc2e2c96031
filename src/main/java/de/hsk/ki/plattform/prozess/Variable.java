package de.hsk.ki.plattform.prozess;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import de.hsk.ki.plattform.zeit.Zeit;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable with its name and its type, declared once in the process class
 * ({@code Variable<LocalDate> GEBURTSDATUM}); delegates, listeners and tests read and write through
 * it instead of a string and a cast. Dates are stored as the forms store them ("2026-12-02").
 */
public final class Variable<T> {

  private final String name;
  private final Class<T> typ;

  private Variable(String name, Class<T> typ) {
    this.name = Objects.requireNonNull(name);
    this.typ = Objects.requireNonNull(typ);
  }

  public static Variable<String> text(String name) {
    return new Variable<>(name, String.class);
  }

  public static Variable<Boolean> jaNein(String name) {
    return new Variable<>(name, Boolean.class);
  }

  public static Variable<Long> zahl(String name) {
    return new Variable<>(name, Long.class);
  }

  public static Variable<LocalDate> datum(String name) {
    return new Variable<>(name, LocalDate.class);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Variable<List<String>> liste(String name) {
    return new Variable(name, List.class);
  }

  /** Money in euro and cent, stored as German text ("1250,50") and read as an exact BigDecimal (plattform.geld.Betrag). */
  public static Variable<java.math.BigDecimal> geld(String name) {
    return new Variable<>(name, java.math.BigDecimal.class);
  }

  /** A value the engine or a decision table keeps (maps, objects); read as it is. */
  public static Variable<Object> wert(String name) {
    return new Variable<>(name, Object.class);
  }

  public String name() {
    return name;
  }

  public Class<T> typ() {
    return typ;
  }

  /** The value in this scope (or a parent scope), converted to the declared type; null if absent. */
  @SuppressWarnings("unchecked")
  public T von(VariableScope scope) {
    Object wert = scope.getVariable(name);
    if (wert == null) {
      return null;
    }
    if (typ == LocalDate.class) {
      return (T) Zeit.datum(wert); // dates are parsed in one place
    }
    if (typ == java.math.BigDecimal.class) {
      return (T) de.hsk.ki.plattform.geld.Betrag.von(wert);
    }
    if (typ == Long.class && wert instanceof Number n) {
      return (T) Long.valueOf(n.longValue());
    }
    if (typ == List.class && wert instanceof Collection<?> c) {
      List<String> liste = new ArrayList<>();
      c.forEach(e -> liste.add(String.valueOf(e)));
      return (T) liste;
    }
    return typ.cast(wert);
  }

  public void setze(VariableScope scope, T wert) {
    Object gespeichert = wert instanceof LocalDate d ? d.toString()
        : wert instanceof java.math.BigDecimal b ? de.hsk.ki.plattform.geld.Betrag.text(b) : wert;
    scope.setVariable(name, gespeichert);
  }

  @Override
  public String toString() {
    return name;
  }
}
