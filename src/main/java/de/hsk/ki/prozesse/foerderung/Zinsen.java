package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.geld.Betrag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Interest on a reclaimed grant, § 49a Abs. 3 VwVfG NRW: five percentage points a year above the base
 * rate of § 247 BGB, which changes on 1 January and 1 July (table: setting
 * ki.prozesse.foerderung.basiszinssaetze). The period is split where the base rate changes.
 *
 * <p>Choices (docs/foerderbriefe.md): the first day counts, the last does not (interest from the day the
 * grant lapsed up to the day before payment, so paying on the due day adds no day); every day is 1/365 of
 * a year, also in a leap year (the day count of the usual interest calculators for § 49a and § 288 BGB;
 * 29 February is one more day at 1/365). Exact decimals throughout; the sum is rounded to the cent once,
 * half up. Interest below the small-amount threshold is not charged.
 */
@Component("foerderZinsen")
public class Zinsen {

  /** § 49a Abs. 3 Satz 1 VwVfG: five percentage points above the base rate. */
  public static final BigDecimal AUFSCHLAG = new BigDecimal("5");
  private static final BigDecimal TAGE_JE_JAHR_MAL_HUNDERT = new BigDecimal("36500");
  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final NavigableMap<LocalDate, BigDecimal> basiszinssaetze;
  private final BigDecimal bagatellgrenze;

  public Zinsen(Foerderbriefeinstellungen einstellungen) {
    this.basiszinssaetze = tabelle(einstellungen.basiszinssaetze());
    try {
      this.bagatellgrenze = Betrag.von(einstellungen.zinsenBagatellgrenze());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("ki.prozesse.foerderung.zinsen-bagatellgrenze: " + e.getMessage(), e);
    }
  }

  /** One part of the period at one rate. {@code bis} is the first day no longer counted. */
  public record Abschnitt(LocalDate von, LocalDate bis, long tage, BigDecimal basiszinssatz, BigDecimal zinssatz) {
    /** The last day counted, for letters ("01.01.2025 – 30.06.2025"). */
    public LocalDate letzterTag() {
      return bis.minusDays(1);
    }

    public String zeitraum() {
      return von.format(DATUM) + " – " + letzterTag().format(DATUM);
    }

    public String satz() {
      return prozent(zinssatz) + " (Basiszinssatz " + prozent(basiszinssatz) + " + 5 Prozentpunkte)";
    }
  }

  /**
   * @param berechnet the interest to the cent before the threshold
   * @param zinsen what is charged: {@code berechnet}, or 0,00 below the threshold
   */
  public record Berechnung(BigDecimal betrag, List<Abschnitt> abschnitte, BigDecimal berechnet, BigDecimal zinsen,
      boolean unterBagatellgrenze, BigDecimal bagatellgrenze) {}

  /** The interest charged on {@code betrag} from {@code von} (counted) to {@code bis} (not counted). */
  public BigDecimal zinsen(BigDecimal betrag, LocalDate von, LocalDate bis) {
    return berechnung(betrag, von, bis).zinsen();
  }

  /**
   * For a model: the interest of the case as a variable holds money ("123,45"), from the day the
   * grant lapsed ({@code unwirksamAb}) to the payment deadline ({@code zahlungBis}) on
   * {@code rueckforderungsbetrag}, e.g. {@code ${foerderZinsen.fuerFall(execution)}} with result
   * variable {@code zinsen}.
   */
  public String fuerFall(VariableScope fall) {
    BigDecimal betrag = Foerderung.RUECKFORDERUNGSBETRAG.von(fall);
    LocalDate von = Foerderung.UNWIRKSAM_AB.von(fall);
    LocalDate bis = Foerderung.ZAHLUNG_BIS.von(fall);
    if (betrag == null || von == null || bis == null) {
      throw new IllegalArgumentException("Für die Zinsen fehlen Rückforderungsbetrag, „unwirksam ab“ oder „Zahlung bis“.");
    }
    return Betrag.text(zinsen(betrag, von, bis));
  }

  public Berechnung berechnung(BigDecimal betrag, LocalDate von, LocalDate bis) {
    if (betrag == null || von == null || bis == null) {
      throw new IllegalArgumentException("Für die Zinsberechnung fehlen Betrag, Beginn oder Ende.");
    }
    if (betrag.signum() < 0) {
      throw new IllegalArgumentException("Ein negativer Betrag wird nicht verzinst.");
    }
    if (bis.isBefore(von)) {
      throw new IllegalArgumentException("Das Ende der Verzinsung (" + bis.format(DATUM) + ") liegt vor ihrem Beginn (" + von.format(DATUM) + ").");
    }
    if (basiszinssaetze.isEmpty() || von.isBefore(basiszinssaetze.firstKey())) {
      throw new IllegalArgumentException("Für Zeiten vor dem " + (basiszinssaetze.isEmpty() ? "–" : basiszinssaetze.firstKey().format(DATUM))
          + " ist kein Basiszinssatz hinterlegt (Einstellung ki.prozesse.foerderung.basiszinssaetze).");
    }
    // the table is kept at each 1 January and 1 July; beyond the half-year after its last entry the rate is not known yet
    LocalDate bekanntBis = naechsterStichtag(basiszinssaetze.lastKey());
    if (bis.isAfter(bekanntBis)) {
      throw new IllegalArgumentException("Der Basiszinssatz ab " + bekanntBis.format(DATUM) + " ist noch nicht hinterlegt "
          + "(Einstellung ki.prozesse.foerderung.basiszinssaetze); bitte den Wert der Deutschen Bundesbank nachtragen.");
    }
    List<Abschnitt> abschnitte = new ArrayList<>();
    BigDecimal summe = BigDecimal.ZERO; // betrag × tage × zinssatz, exact; divided by 365 × 100 once at the end
    LocalDate beginn = von;
    while (beginn.isBefore(bis)) {
      Map.Entry<LocalDate, BigDecimal> satz = basiszinssaetze.floorEntry(beginn);
      LocalDate wechsel = basiszinssaetze.higherKey(beginn);
      LocalDate ende = wechsel == null || wechsel.isAfter(bis) ? bis : wechsel;
      long tage = ChronoUnit.DAYS.between(beginn, ende);
      BigDecimal zinssatz = satz.getValue().add(AUFSCHLAG);
      abschnitte.add(new Abschnitt(beginn, ende, tage, satz.getValue(), zinssatz));
      summe = summe.add(betrag.multiply(BigDecimal.valueOf(tage)).multiply(zinssatz));
      beginn = ende;
    }
    BigDecimal berechnet = summe.divide(TAGE_JE_JAHR_MAL_HUNDERT, 2, RoundingMode.HALF_UP);
    boolean unter = berechnet.compareTo(bagatellgrenze) < 0;
    return new Berechnung(betrag.setScale(2, RoundingMode.UNNECESSARY), Collections.unmodifiableList(abschnitte), berechnet,
        unter ? Betrag.NULL : berechnet, unter, bagatellgrenze);
  }

  /**
   * At start-up: a table that does not reach today would stop every reclaim at its interest step;
   * the operators read it in the log before a clerk meets it.
   */
  @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
  public void tabellePruefen() {
    LocalDate heute = de.hsk.ki.plattform.zeit.Zeit.heute();
    if (basiszinssaetze.isEmpty() || naechsterStichtag(basiszinssaetze.lastKey()).isBefore(heute)) {
      org.slf4j.LoggerFactory.getLogger(Zinsen.class).warn("Base rate table (ki.prozesse.foerderung.basiszinssaetze) ends before today: "
          + "add the Bundesbank's rate of the current half-year, or reclaims stop at their interest step");
    }
  }

  public BigDecimal bagatellgrenze() {
    return bagatellgrenze;
  }

  /** "3,62 %" */
  public static String prozent(BigDecimal wert) {
    return wert.stripTrailingZeros().scale() <= 0 ? wert.setScale(0, RoundingMode.UNNECESSARY).toPlainString() + " %"
        : wert.toPlainString().replace('.', ',') + " %";
  }

  private static LocalDate naechsterStichtag(LocalDate tag) {
    return tag.getMonthValue() < 7 ? LocalDate.of(tag.getYear(), 7, 1) : LocalDate.of(tag.getYear() + 1, 1, 1);
  }

  private static NavigableMap<LocalDate, BigDecimal> tabelle(Map<String, String> einstellung) {
    NavigableMap<LocalDate, BigDecimal> tabelle = new TreeMap<>();
    einstellung.forEach((tag, prozent) -> {
      try {
        // the percent as Bundesbank writes it, with a point or a comma; never through a double
        tabelle.put(LocalDate.parse(tag.strip()), new BigDecimal(prozent.strip().replace(',', '.')));
      } catch (DateTimeParseException | NumberFormatException | NullPointerException e) {
        throw new IllegalStateException("ki.prozesse.foerderung.basiszinssaetze: „" + tag + ": " + prozent
            + "“ ist kein Eintrag der Form 2024-01-01: \"3.62\".", e);
      }
    });
    return tabelle;
  }
}
