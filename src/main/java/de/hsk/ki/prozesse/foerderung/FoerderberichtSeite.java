package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.geld.Betrag;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.zeit.Zeit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The funding report of one programme and year for funding staff and coordination: every
 * application with its state and next deadline (overdue first) and the sums per building block and
 * municipality, as a page, as CSV and as an Excel workbook with the same figures. Under /ki/ like
 * the other pages, so the session lifetime, origin check and security headers of that path apply.
 * It names applicants and case numbers, so every listed case goes into the access log.
 */
@Controller
public class FoerderberichtSeite {

  static final String PFAD = "/ki/foerderung/bericht";
  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  static final List<String> SPALTEN = List.of("Gliederung", "Wert", "Träger", "Kommune", "Status", "Nächste Frist",
      "Anträge", "bewilligte Maßnahmen", "Berechneter Betrag", "Bewilligt", "Ausgezahlt", "Anerkannt", "Zurückgefordert",
      "Zinsen", "Ehrenamtliche", "Teilnehmende");

  private final Foerderbericht bericht;
  private final AngemeldeteBenutzer angemeldet;
  private final Zugriffsprotokoll protokoll;

  public FoerderberichtSeite(Foerderbericht bericht, AngemeldeteBenutzer angemeldet, Zugriffsprotokoll protokoll) {
    this.bericht = bericht;
    this.angemeldet = angemeldet;
    this.protokoll = protokoll;
  }

  /** What the template needs to show amounts and dates the German way. */
  public static final class Anzeige {
    public String geld(BigDecimal betrag) {
      return betrag == null ? "–" : Betrag.anzeige(betrag);
    }

    public String datum(LocalDate tag) {
      return tag == null ? "–" : tag.format(DATUM);
    }
  }

  @GetMapping(value = PFAD, produces = "text/html")
  public String seite(@RequestParam(name = "programm", required = false) String programm,
      @RequestParam(name = "jahr", required = false) Integer jahr, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    var benutzer = darf(programm, jahr, request, response, model);
    if (benutzer == null) {
      return "ki/hinweis";
    }
    Foerderbericht.Bericht b = bericht.erstellen(programm(programm), jahr(jahr));
    protokolliere(benutzer, b, "Förderbericht");
    model.addAttribute("bericht", b);
    model.addAttribute("programme", Foerderbericht.PROGRAMME);
    model.addAttribute("anzeige", new Anzeige());
    return "foerderung/bericht";
  }

  /**
   * One long table with a column "Gliederung" (Antrag, Gesamt, Baustein, Kommune), every row with
   * the same columns, so that Excel's filter and pivot table work on it as it is. ";" and the decimal
   * comma because German Excel reads them, the BOM so that it takes the file as UTF-8.
   */
  @GetMapping(value = PFAD + ".csv")
  public ModelAndView csv(@RequestParam(name = "programm", required = false) String programm,
      @RequestParam(name = "jahr", required = false) Integer jahr, HttpServletRequest request, HttpServletResponse response,
      Model model) throws IOException {
    var benutzer = darf(programm, jahr, request, response, model);
    if (benutzer == null) {
      return new ModelAndView("ki/hinweis");
    }
    Foerderbericht.Bericht b = bericht.erstellen(programm(programm), jahr(jahr));
    protokolliere(benutzer, b, "Förderbericht (CSV)");
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + dateiname(b) + ".csv\"");
    CSVFormat format = CSVFormat.Builder.create().setDelimiter(';').setRecordSeparator("\r\n")
        .setHeader(SPALTEN.toArray(String[]::new)).get();
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    try (CSVPrinter csv = new CSVPrinter(writer, format)) {
      for (Foerderbericht.Antrag a : b.antraege()) {
        csv.printRecord("Antrag", a.aktenzeichen(), a.traeger(), a.kommune(), a.status(),
            a.naechsteFrist() == null ? "" : a.naechsteFrist().format(DATUM), 1,
            a.massnahmen(),
            text(a.berechnet()), text(a.bewilligt()), text(a.ausgezahlt()), text(a.anerkannt()), text(a.zurueckgefordert()),
            text(a.zinsen()), a.ehrenamtliche(), a.teilnehmende());
      }
      summen(csv, "Gesamt", List.of(b.gesamt()), b.berechnet());
      summen(csv, "Baustein", b.jeBaustein(), null);
      summen(csv, "Kommune", b.jeKommune(), null);
    }
    return null;
  }

  /**
   * The same figures as a workbook: one sheet for the applications, one per breakdown. Amounts are
   * number cells with a euro format, so Excel sums them; each cell gets the BigDecimal's value as it
   * is (the file format stores numbers as doubles, and an amount with two decimals survives that
   * unchanged), no arithmetic on doubles happens before.
   */
  @GetMapping(value = PFAD + ".xlsx")
  public ModelAndView xlsx(@RequestParam(name = "programm", required = false) String programm,
      @RequestParam(name = "jahr", required = false) Integer jahr, HttpServletRequest request, HttpServletResponse response,
      Model model) throws IOException {
    var benutzer = darf(programm, jahr, request, response, model);
    if (benutzer == null) {
      return new ModelAndView("ki/hinweis");
    }
    Foerderbericht.Bericht b = bericht.erstellen(programm(programm), jahr(jahr));
    protokolliere(benutzer, b, "Förderbericht (Excel)");
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + dateiname(b) + ".xlsx\"");
    try (XSSFWorkbook mappe = new XSSFWorkbook()) {
      Formate f = new Formate(mappe);
      Sheet antraege = blatt(mappe, f, "Anträge", List.of("Aktenzeichen", "Träger", "Kommune", "Status", "Nächste Frist",
          "Berechneter Betrag", "Bewilligt", "Ausgezahlt", "Anerkannt", "Zurückgefordert", "Zinsen", "Ehrenamtliche", "Teilnehmende"));
      int nr = 1;
      for (Foerderbericht.Antrag a : b.antraege()) {
        Row row = antraege.createRow(nr++);
        List<Object> werte = new ArrayList<>(List.of(a.aktenzeichen() == null ? "" : a.aktenzeichen(),
            a.traeger() == null ? "" : a.traeger(), a.kommune() == null ? "" : a.kommune(), a.status()));
        werte.add(a.naechsteFrist());
        werte.add(a.berechnet());
        werte.add(a.bewilligt());
        werte.add(a.ausgezahlt());
        werte.add(a.anerkannt());
        werte.add(a.zurueckgefordert());
        werte.add(a.zinsen());
        werte.add(a.ehrenamtliche());
        werte.add(a.teilnehmende());
        zeile(row, f, werte);
      }
      breiten(antraege);
      summenblatt(mappe, f, "Gesamt", List.of(b.gesamt()));
      summenblatt(mappe, f, "Je Baustein", b.jeBaustein());
      summenblatt(mappe, f, "Je Kommune", b.jeKommune());
      mappe.write(response.getOutputStream());
    }
    return null;
  }

  private record Formate(CellStyle euro, CellStyle datum, CellStyle kopf) {
    Formate(XSSFWorkbook mappe) {
      this(mappe.createCellStyle(), mappe.createCellStyle(), mappe.createCellStyle());
      euro.setDataFormat(mappe.createDataFormat().getFormat("#,##0.00\\ \"€\""));
      datum.setDataFormat(mappe.createDataFormat().getFormat("dd.mm.yyyy"));
      Font fett = mappe.createFont();
      fett.setBold(true);
      kopf.setFont(fett);
    }
  }

  private static Sheet blatt(XSSFWorkbook mappe, Formate f, String name, List<String> kopf) {
    Sheet blatt = mappe.createSheet(name);
    Row row = blatt.createRow(0);
    for (int i = 0; i < kopf.size(); i++) {
      Cell c = row.createCell(i);
      c.setCellValue(kopf.get(i));
      c.setCellStyle(f.kopf());
    }
    blatt.createFreezePane(0, 1);
    return blatt;
  }

  private static void summenblatt(XSSFWorkbook mappe, Formate f, String name, List<Foerderbericht.Summe> summen) {
    Sheet blatt = blatt(mappe, f, name, List.of(name.startsWith("Je ") ? name.substring(3) : "Wert", "Anträge",
        "bewilligte Maßnahmen", "Bewilligt", "Ausgezahlt", "Anerkannt", "Zurückgefordert", "Ehrenamtliche", "Teilnehmende"));
    int nr = 1;
    for (Foerderbericht.Summe s : summen) {
      List<Object> werte = new ArrayList<>();
      werte.add(s.wert());
      werte.add(s.antraege());
      werte.add(s.massnahmen());
      werte.add(s.bewilligt());
      werte.add(s.ausgezahlt());
      werte.add(s.anerkannt());
      werte.add(s.zurueckgefordert());
      werte.add(s.ehrenamtliche());
      werte.add(s.teilnehmende());
      zeile(blatt.createRow(nr++), f, werte);
    }
    breiten(blatt);
  }

  /** Width of a workbook column in characters: at least, and at most. */
  static final int BREITE_MIN = 12;
  static final int BREITE_MAX = 60;

  /**
   * Each column as wide as its widest cell (texts by their length, amounts and dates by their
   * German form), between BREITE_MIN and BREITE_MAX characters, so that a Träger is not cut off. Computed here rather than with
   * Sheet.autoSizeColumn, which measures with AWT fonts a headless server may not have.
   */
  private static void breiten(Sheet blatt) {
    java.util.Map<Integer, Integer> breite = new java.util.HashMap<>();
    for (Row row : blatt) {
      for (Cell c : row) {
        int zeichen = switch (c.getCellType()) {
          case STRING -> c.getStringCellValue().length();
          case NUMERIC -> c.getCellStyle().getDataFormatString().contains("€")
              ? Betrag.anzeige(BigDecimal.valueOf(c.getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP)).length()
              : 10;
          default -> 0;
        };
        breite.merge(c.getColumnIndex(), zeichen, Math::max);
      }
    }
    breite.forEach((spalte, zeichen) -> blatt.setColumnWidth(spalte,
        Math.min(BREITE_MAX, Math.max(BREITE_MIN, zeichen + 3)) * 256));
  }

  private static void zeile(Row row, Formate f, List<Object> werte) {
    for (int i = 0; i < werte.size(); i++) {
      Object w = werte.get(i);
      if (w == null) {
        continue; // an empty cell, not "–": text in a column of numbers breaks Excel's sums
      }
      Cell c = row.createCell(i);
      if (w instanceof BigDecimal betrag) {
        c.setCellValue(betrag.doubleValue());
        c.setCellStyle(f.euro());
      } else if (w instanceof LocalDate tag) {
        c.setCellValue(tag);
        c.setCellStyle(f.datum());
      } else if (w instanceof Long zahl) {
        c.setCellValue(zahl);
      } else {
        c.setCellValue(w.toString());
      }
    }
  }

  /** Rows of sums; the calculated amount only where it is known for the whole group (the total). */
  private static void summen(CSVPrinter csv, String gliederung, List<Foerderbericht.Summe> summen, BigDecimal berechnet)
      throws IOException {
    for (Foerderbericht.Summe s : summen) {
      csv.printRecord(gliederung, s.wert(), "", "", "", "", s.antraege(), s.massnahmen(), text(berechnet), text(s.bewilligt()),
          text(s.ausgezahlt()), text(s.anerkannt()), text(s.zurueckgefordert()), "",
          s.ehrenamtliche() == null ? "" : s.ehrenamtliche(), s.teilnehmende() == null ? "" : s.teilnehmende());
    }
  }

  /** "1250,50": Excel reads it as a number; an empty cell where the case has no amount yet. */
  private static String text(BigDecimal betrag) {
    return betrag == null ? "" : Betrag.text(betrag);
  }

  private static String dateiname(Foerderbericht.Bericht b) {
    return "foerderbericht-" + b.programm().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + b.jahr();
  }

  private void protokolliere(AngemeldeteBenutzer.Benutzer benutzer, Foerderbericht.Bericht b, String ressource) {
    b.antraege().stream().map(Foerderbericht.Antrag::aktenzeichen).filter(java.util.Objects::nonNull).distinct()
        .forEach(a -> protokoll.lesend(benutzer.id(), a, ressource));
  }

  /** The caller, or null with the German answer in the model and the status set. */
  private AngemeldeteBenutzer.Benutzer darf(String programm, Integer jahr, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("meldung", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
      return null;
    }
    if (benutzer.get().gruppen().stream().noneMatch(g -> g.equals(KiGruppen.FOERDERUNG) || g.equals(KiGruppen.LEITUNG))) {
      response.setStatus(403);
      model.addAttribute("meldung", "Der Förderbericht ist den Förderprogrammen und der Leitung des KI vorbehalten.");
      return null;
    }
    if (!Foerderbericht.PROGRAMME.containsKey(programm(programm))) {
      response.setStatus(400);
      model.addAttribute("meldung", "Bitte ein Förderprogramm wählen: " + String.join(", ", Foerderbericht.PROGRAMME.values()) + ".");
      return null;
    }
    int j = jahr(jahr);
    if (j < 2000 || j > Zeit.heute().getYear() + 1) {
      response.setStatus(400);
      model.addAttribute("meldung", "Bitte ein Förderjahr zwischen 2000 und " + (Zeit.heute().getYear() + 1) + " wählen.");
      return null;
    }
    return benutzer.get();
  }

  private static String programm(String programm) {
    return programm == null || programm.isBlank() ? "KOMM_AN_II" : programm;
  }

  private static int jahr(Integer jahr) {
    return jahr == null ? Zeit.heute().getYear() : jahr;
  }
}
