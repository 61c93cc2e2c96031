package de.hsk.ki.prozesse.einrichtungsberatung;

import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.zeit.Zeit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The annual figures of the Einrichtungsberatung for the report to the state (Sachbericht), for
 * coordination (kiLeitung): counts by municipality, type of institution, topic and outcome, as a
 * page and as CSV. Counts only: no case numbers, no names of institutions or persons, so nothing
 * here reads a case and no access-log entries are written (unlike the coordination overview,
 * which lists cases).
 */
@Controller
public class EinrichtungsberatungZahlen {

  static final String PFAD = "/ki/einrichtungsberatung/zahlen";
  static final String CSV_PFAD = PFAD + ".csv";

  private static final String ALLE = "alle Anfragen";

  private final JdbcTemplate jdbc;
  private final AngemeldeteBenutzer angemeldet;
  private final Anfrageangaben angaben;

  public EinrichtungsberatungZahlen(JdbcTemplate jdbc, AngemeldeteBenutzer angemeldet, Anfrageangaben angaben) {
    this.jdbc = jdbc;
    this.angemeldet = angemeldet;
    this.angaben = angaben;
  }

  /** One request of the year with the sums of its sessions. */
  record Fall(String einrichtung, String einrichtungstyp, String kommune, String thema, String abschluss,
      Integer zufriedenheit, Integer nutzen, long termine, BigDecimal stunden, long teilnehmende) {}

  /** The figures of a group of requests (all of them, one municipality, one topic …). */
  public record Zeile(String wert, long anfragen, long einrichtungen, long termine, BigDecimal stunden, long teilnehmende,
      BigDecimal zufriedenheit, BigDecimal nutzen, long bewertungen) {

    public String stundenText() {
      return zahl(stunden);
    }

    public String zufriedenheitText() {
      return zufriedenheit == null ? "–" : mittelText(zufriedenheit);
    }

    public String nutzenText() {
      return nutzen == null ? "–" : mittelText(nutzen);
    }
  }

  public record Tabelle(String titel, List<Zeile> zeilen) {}

  @GetMapping(value = PFAD, produces = "text/html")
  public String seite(@RequestParam(name = "jahr", required = false) Integer jahr, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    if (!darf(jahr, request, response, model)) {
      return "ki/hinweis";
    }
    int berichtsjahr = berichtsjahr(jahr);
    List<Fall> faelle = faelle(berichtsjahr);
    model.addAttribute("jahr", berichtsjahr);
    model.addAttribute("gesamt", zeile(ALLE, faelle));
    model.addAttribute("tabellen", tabellen(faelle));
    return "einrichtungsberatung/zahlen";
  }

  /**
   * One long table with a column "Gliederung" rather than one block per breakdown: every row has
   * the same columns, so a clerk can paste it into Excel as it is, switch on the filter, pick the
   * breakdown she needs and build a pivot table; blocks with their own headers and blank lines
   * between them would break both. ";" and a decimal comma because German Excel reads them, the
   * BOM so that it takes the file as UTF-8 (umlauts); an empty cell where there is no mean, since
   * "–" would be text in a column of numbers.
   */
  @GetMapping(value = CSV_PFAD)
  public ModelAndView csv(@RequestParam(name = "jahr", required = false) Integer jahr, HttpServletRequest request,
      HttpServletResponse response, Model model) throws IOException {
    if (!darf(jahr, request, response, model)) {
      return new ModelAndView("ki/hinweis");
    }
    int berichtsjahr = berichtsjahr(jahr);
    List<Fall> faelle = faelle(berichtsjahr);
    List<Tabelle> tabellen = new ArrayList<>();
    tabellen.add(new Tabelle("Gesamt", List.of(zeile(ALLE, faelle))));
    tabellen.addAll(tabellen(faelle));
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"einrichtungsberatung-zahlen-" + berichtsjahr + ".csv\"");
    CSVFormat format = CSVFormat.Builder.create().setDelimiter(';').setRecordSeparator("\r\n")
        .setHeader("Jahr", "Gliederung", "Wert", "Anfragen", "Einrichtungen", "Termine", "Stunden", "Teilnehmende",
            "Zufriedenheit (Mittelwert 1–5)", "Nutzen (Mittelwert 1–5)", "Bewertungen")
        .get();
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    try (CSVPrinter csv = new CSVPrinter(writer, format)) {
      for (Tabelle tabelle : tabellen) {
        for (Zeile z : tabelle.zeilen()) {
          csv.printRecord(berichtsjahr, tabelle.titel(), z.wert(), z.anfragen(), z.einrichtungen(), z.termine(), zahl(z.stunden()),
              z.teilnehmende(), z.zufriedenheit() == null ? "" : mittelText(z.zufriedenheit()),
              z.nutzen() == null ? "" : mittelText(z.nutzen()), z.bewertungen());
        }
      }
    }
    return null;
  }

  /** False with the German answer in the model and the status set if the caller may not see the year's figures. */
  private boolean darf(Integer jahr, HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("meldung", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
      return false;
    }
    if (!benutzer.get().gruppen().contains(KiGruppen.LEITUNG)) {
      response.setStatus(403);
      model.addAttribute("meldung", "Diese Zahlen sind der Leitung und Koordination des KI vorbehalten.");
      return false;
    }
    int berichtsjahr = berichtsjahr(jahr);
    if (berichtsjahr < 2000 || berichtsjahr > Zeit.heute().getYear() + 1) {
      response.setStatus(400);
      model.addAttribute("meldung", "Bitte ein Berichtsjahr zwischen 2000 und " + (Zeit.heute().getYear() + 1) + " wählen.");
      return false;
    }
    return true;
  }

  private static int berichtsjahr(Integer jahr) {
    return jahr == null ? Zeit.heute().getYear() : jahr;
  }

  /** The requests received in the year (angelegt_am), each with the count and sums of its sessions. */
  private List<Fall> faelle(int jahr) {
    return jdbc.query(
        "SELECT f.einrichtung, f.einrichtungstyp, f.kommune, f.thema, f.abschluss, f.zufriedenheit, f.nutzen,"
            + " COUNT(t.id), COALESCE(SUM(t.stunden), 0), COALESCE(SUM(t.teilnehmende), 0)"
            + " FROM ki_eb_fall f LEFT JOIN ki_eb_termin t ON t.aktenzeichen = f.aktenzeichen"
            + " WHERE f.angelegt_am >= ? AND f.angelegt_am < ?"
            + " GROUP BY f.aktenzeichen, f.einrichtung, f.einrichtungstyp, f.kommune, f.thema, f.abschluss, f.zufriedenheit, f.nutzen",
        (rs, i) -> new Fall(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getObject(6, Integer.class), rs.getObject(7, Integer.class), rs.getLong(8), rs.getBigDecimal(9), rs.getLong(10)),
        LocalDate.of(jahr, 1, 1), LocalDate.of(jahr + 1, 1, 1));
  }

  private List<Tabelle> tabellen(List<Fall> faelle) {
    List<String> abschluesse = new ArrayList<>(Anfrageangaben.ABSCHLUESSE.keySet());
    abschluesse.add(null);
    return List.of(
        tabelle("Kommune", faelle, Fall::kommune, angaben.werte("kommune"), angaben::bezeichnung),
        tabelle("Einrichtungstyp", faelle, Fall::einrichtungstyp, angaben.werte("einrichtungstyp"), angaben::bezeichnung),
        tabelle("Thema", faelle, Fall::thema, angaben.werte("thema"), angaben::bezeichnung),
        tabelle("Abschluss", faelle, Fall::abschluss, abschluesse, angaben::abschluss));
  }

  /**
   * A row for every value of the form, in the form's order, also those without a request: the
   * tables of two years then line up, and the report shows which municipalities the KI did not
   * reach. A value the form no longer offers (older cases) follows at the end.
   */
  private static Tabelle tabelle(String titel, List<Fall> faelle, Function<Fall, String> spalte, List<String> werte,
      Function<String, String> bezeichnung) {
    Map<String, List<Fall>> je = new LinkedHashMap<>();
    werte.forEach(w -> je.put(w, new ArrayList<>()));
    faelle.forEach(f -> je.computeIfAbsent(spalte.apply(f), k -> new ArrayList<>()).add(f));
    List<Zeile> zeilen = new ArrayList<>();
    je.forEach((wert, gruppe) -> zeilen.add(zeile(bezeichnung.apply(wert), gruppe)));
    return new Tabelle(titel, zeilen);
  }

  private static Zeile zeile(String wert, List<Fall> faelle) {
    Set<String> einrichtungen = new HashSet<>();
    long termine = 0;
    long teilnehmende = 0;
    long bewertungen = 0;
    BigDecimal stunden = BigDecimal.ZERO;
    List<Integer> zufriedenheit = new ArrayList<>();
    List<Integer> nutzen = new ArrayList<>();
    for (Fall f : faelle) {
      // the same institution written in other case or with a stray blank counts once
      einrichtungen.add(f.einrichtung().trim().toLowerCase(Locale.GERMAN) + "|" + f.kommune());
      termine += f.termine();
      teilnehmende += f.teilnehmende();
      stunden = stunden.add(f.stunden());
      if (f.zufriedenheit() != null) {
        zufriedenheit.add(f.zufriedenheit());
      }
      if (f.nutzen() != null) {
        nutzen.add(f.nutzen());
      }
      if (f.zufriedenheit() != null || f.nutzen() != null) {
        bewertungen++;
      }
    }
    return new Zeile(wert, faelle.size(), einrichtungen.size(), termine, stunden, teilnehmende,
        mittel(zufriedenheit), mittel(nutzen), bewertungen);
  }

  private static BigDecimal mittel(List<Integer> werte) {
    if (werte.isEmpty()) {
      return null;
    }
    long summe = werte.stream().mapToLong(Integer::longValue).sum();
    return BigDecimal.valueOf(summe).divide(BigDecimal.valueOf(werte.size()), 1, RoundingMode.HALF_UP);
  }

  /** Hours in German notation without thousands separator, which Excel reads as a number: 12,5 · 3 · 1234,25. */
  static String zahl(BigDecimal wert) {
    return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(wert);
  }

  /** A mean with one decimal always: 4,0 · 3,7. */
  static String mittelText(BigDecimal wert) {
    return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(wert);
  }
}
