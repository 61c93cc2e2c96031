package de.hsk.ki.plattform.geld;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Money in euro and cent, exact: BigDecimal with scale 2, never a double. Variables, forms and
 * decision tables hold amounts as German text ("1250,00", "1.250,5"); this is the one place that
 * reads and writes them, so a sum adds up to the cent in Java, in letters and in the report.
 */
public final class Betrag {

  /** The most a single amount of the KI's programmes can be; larger input is a typing error. */
  public static final BigDecimal HOECHSTENS = new BigDecimal("9999999.99");

  /** What the forms accept: "1250", "1250,5", "1250,50", "1.250,50" (thousands with dots). */
  public static final String MUSTER = "^(\\d{1,7}|\\d{1,3}(\\.\\d{3}){1,2})(,\\d{1,2})?$";

  private static final Pattern FORMAT = Pattern.compile(MUSTER);

  public static final BigDecimal NULL = new BigDecimal("0.00");

  private Betrag() {}

  /** True if the text is an amount the forms accept. */
  public static boolean gueltig(String text) {
    return text != null && FORMAT.matcher(text.strip()).matches();
  }

  /**
   * The amount of a German text, with two decimal places.
   *
   * @throws IllegalArgumentException with a German message if it is not an amount
   */
  public static BigDecimal von(String text) {
    if (!gueltig(text)) {
      throw new IllegalArgumentException("„" + text + "“ ist kein Betrag in Euro (z. B. 1.250,00).");
    }
    BigDecimal wert = new BigDecimal(text.strip().replace(".", "").replace(',', '.')).setScale(2, RoundingMode.UNNECESSARY);
    if (wert.compareTo(HOECHSTENS) > 0) {
      throw new IllegalArgumentException("Betrag über " + anzeige(HOECHSTENS) + " – bitte prüfen.");
    }
    return wert;
  }

  /**
   * An amount as a variable or a decision table holds it: German text, a whole number (Long or
   * Integer, as FEEL gives whole euros) or a BigDecimal. A double is refused: it may already have lost a cent.
   */
  public static BigDecimal von(Object wert) {
    if (wert == null) {
      return null;
    }
    if (wert instanceof BigDecimal b) {
      return b.setScale(2, RoundingMode.UNNECESSARY);
    }
    if (wert instanceof Long || wert instanceof Integer || wert instanceof Short) {
      return BigDecimal.valueOf(((Number) wert).longValue()).setScale(2, RoundingMode.UNNECESSARY);
    }
    if (wert instanceof String s) {
      return von(s);
    }
    throw new IllegalArgumentException("Betrag als " + wert.getClass().getSimpleName() + " ist nicht zulässig (Gleitkomma verliert Cent): " + wert);
  }

  /** How a variable stores it: "1250,50", no thousands separator, always two decimals. */
  public static String text(BigDecimal betrag) {
    return betrag.setScale(2, RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
  }

  /** How people read it: "1.250,50 €". */
  public static String anzeige(BigDecimal betrag) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
    format.setParseBigDecimal(true);
    return format.format(betrag.setScale(2, RoundingMode.UNNECESSARY)) + " €";
  }

  /** Rounded to the cent, half up, as public-sector accounting rounds interest. */
  public static BigDecimal aufCent(BigDecimal wert) {
    return wert.setScale(2, RoundingMode.HALF_UP);
  }
}
