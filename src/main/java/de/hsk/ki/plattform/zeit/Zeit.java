package de.hsk.ki.plattform.zeit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: the engine's, in German local time. Everything that asks the
 * time of a case (ages, deadlines, letters, case numbers, registers) asks it here, so a test that
 * moves the engine's clock moves all of it. Intervals of operations (retry back-off, caches) keep
 * the system's monotonic time.
 */
public final class Zeit extends Clock {

  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  public static final Zeit UHR = new Zeit(ZONE);

  private final ZoneId zone;

  private Zeit(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId andere) {
    return new Zeit(andere);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDate heute() {
    return LocalDate.now(UHR);
  }

  /** Timers due on a day fire in the morning, when staff are at work. */
  public static java.util.Date morgens(LocalDate tag) {
    return java.util.Date.from(tag.atTime(java.time.LocalTime.of(8, 0)).atZone(ZONE).toInstant());
  }

  /** A deadline day ends in the evening: a task is not overdue on its own deadline day. */
  public static java.util.Date tagesende(LocalDate tag) {
    return java.util.Date.from(tag.atTime(java.time.LocalTime.of(23, 59)).atZone(ZONE).toInstant());
  }

  /** A day as staff read it: 05.12.2026. */
  public static final java.time.format.DateTimeFormatter TAG = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
  /** A moment as staff read it, in Berlin time (the server may run in UTC): 05.12.2026 15:49. */
  public static final java.time.format.DateTimeFormatter ZEITPUNKT =
      java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZONE);

  /** A day for a page, "–" for none. */
  public static String anzeige(LocalDate tag) {
    return tag == null ? "–" : TAG.format(tag);
  }

  /** A moment for a page in Berlin time, "–" for none. */
  public static String anzeige(Instant zeitpunkt) {
    return zeitpunkt == null ? "–" : ZEITPUNKT.format(zeitpunkt);
  }

  public static Timestamp jetzt() {
    return Timestamp.from(UHR.instant());
  }

  /**
   * A date as process variables hold it: "2026-03-01" from a form, an ISO date-time whose first
   * ten characters are the day as entered, a typed date, or a LocalDate. Null stays null.
   */
  public static LocalDate datum(Object wert) {
    if (wert == null) {
      return null;
    }
    if (wert instanceof LocalDate d) {
      return d;
    }
    if (wert instanceof Date d) {
      return d.toInstant().atZone(ZONE).toLocalDate();
    }
    if (wert instanceof TemporalAccessor t) {
      return LocalDate.from(t);
    }
    String text = wert.toString().trim();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
