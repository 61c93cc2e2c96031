package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a report list as the offices send it: CSV (";" or ",", UTF-8 or Windows-1252, as German
 * Excel writes it) or an Excel workbook (.xlsx, first sheet). The first non-empty row is the header.
 * Every cell becomes text; dates in Excel cells become TT.MM.JJJJ as the office typed them.
 */
public final class Meldelistendatei {

  /** Files above this size are refused before they are read. */
  public static final int HOECHSTENS_BYTES = 2 * 1024 * 1024;
  /** A list is a municipality's wave of new arrivals, never the whole register. */
  public static final int HOECHSTENS_ZEILEN = 5000;
  static final int HOECHSTENS_SPALTEN = 60;
  static final int HOECHSTENS_ZELLE = 1000;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final DateTimeFormatter TT_MM_JJJJ = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** The header and the rows (each as long as the header), and the file's SHA-256. */
  public record Tabelle(List<String> kopf, List<List<String>> zeilen, String hash) {}

  /** The file cannot be taken; the message is German and says what to do. */
  public static final class Unlesbar extends Exception {
    public Unlesbar(String meldung) {
      super(meldung);
    }
  }

  private Meldelistendatei() {}

  public static Tabelle lese(byte[] inhalt, String dateiname) throws Unlesbar {
    if (inhalt == null || inhalt.length == 0) {
      throw new Unlesbar("Die Datei ist leer. Bitte eine Meldeliste als CSV- oder Excel-Datei (.xlsx) wählen.");
    }
    if (inhalt.length > HOECHSTENS_BYTES) {
      throw new Unlesbar("Die Datei ist zu groß (höchstens 2 MB). Bitte die Liste teilen und in mehreren Teilen hochladen.");
    }
    String name = dateiname == null ? "" : dateiname.toLowerCase(java.util.Locale.ROOT);
    boolean zip = inhalt.length > 3 && inhalt[0] == 'P' && inhalt[1] == 'K';
    List<List<String>> zeilen;
    if (name.endsWith(".xls") && !zip) {
      throw new Unlesbar("Das alte Excel-Format (.xls) wird nicht gelesen. Bitte in Excel „Speichern unter“ → "
          + "„Excel-Arbeitsmappe (.xlsx)“ oder „CSV (Trennzeichen-getrennt)“ wählen.");
    } else if (name.endsWith(".xlsx") || zip) {
      zeilen = xlsx(inhalt);
    } else if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
      zeilen = csv(text(inhalt));
    } else {
      throw new Unlesbar("Unbekanntes Dateiformat. Bitte eine CSV-Datei (.csv) oder eine Excel-Arbeitsmappe (.xlsx) hochladen.");
    }
    zeilen.removeIf(z -> z.stream().allMatch(String::isBlank));
    if (zeilen.isEmpty()) {
      throw new Unlesbar("Die Datei enthält keine Zeilen.");
    }
    List<String> kopf = new ArrayList<>(zeilen.remove(0).stream().map(Meldelistendatei::zelle).toList());
    while (!kopf.isEmpty() && kopf.get(kopf.size() - 1).isBlank()) {
      kopf.remove(kopf.size() - 1);
    }
    if (kopf.size() < 2) {
      throw new Unlesbar("Die erste Zeile muss die Spaltenüberschriften enthalten (z. B. Vorname; Name; Geburtsdatum).");
    }
    if (kopf.size() > HOECHSTENS_SPALTEN) {
      throw new Unlesbar("Die Liste hat mehr als " + HOECHSTENS_SPALTEN + " Spalten; bitte nur die Spalten der Meldung senden.");
    }
    if (zeilen.isEmpty()) {
      throw new Unlesbar("Die Liste enthält nur die Überschriften, aber keine Kinder.");
    }
    if (zeilen.size() > HOECHSTENS_ZEILEN) {
      throw new Unlesbar("Die Liste hat " + zeilen.size() + " Zeilen; höchstens " + HOECHSTENS_ZEILEN
          + " sind möglich. Bitte die Liste teilen.");
    }
    List<List<String>> gleichLang = new ArrayList<>(zeilen.size());
    for (List<String> z : zeilen) {
      List<String> neu = new ArrayList<>(kopf.size());
      for (int i = 0; i < kopf.size(); i++) {
        neu.add(i < z.size() ? zelle(z.get(i)) : "");
      }
      gleichLang.add(neu);
    }
    return new Tabelle(List.copyOf(kopf), gleichLang, hash(inhalt));
  }

  private static String zelle(String wert) {
    String s = wert == null ? "" : wert.strip();
    return s.length() > HOECHSTENS_ZELLE ? s.substring(0, HOECHSTENS_ZELLE) : s;
  }

  /** UTF-8 when the bytes are valid UTF-8 (with or without BOM), else Windows-1252 (German Excel's "CSV"). */
  static String text(byte[] inhalt) {
    int start = inhalt.length >= 3 && (inhalt[0] & 0xFF) == 0xEF && (inhalt[1] & 0xFF) == 0xBB && (inhalt[2] & 0xFF) == 0xBF ? 3 : 0;
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(inhalt, start, inhalt.length - start)).toString();
    } catch (CharacterCodingException e) {
      return new String(inhalt, WINDOWS_1252);
    }
  }

  /** The separator of the header line: ";" (German Excel) unless the line has more commas outside quotes. */
  static char trenner(String text) {
    int semikolon = 0;
    int komma = 0;
    boolean inAnfuehrung = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        inAnfuehrung = !inAnfuehrung;
      } else if (!inAnfuehrung && (c == '\n' || c == '\r')) {
        break;
      } else if (!inAnfuehrung && c == ';') {
        semikolon++;
      } else if (!inAnfuehrung && c == ',') {
        komma++;
      }
    }
    return komma > semikolon ? ',' : ';';
  }

  private static List<List<String>> csv(String text) throws Unlesbar {
    CSVFormat format = CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(trenner(text)).setIgnoreSurroundingSpaces(true)
        .setIgnoreEmptyLines(true).get();
    List<List<String>> zeilen = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      for (CSVRecord r : parser) {
        if (zeilen.size() > HOECHSTENS_ZEILEN + 1) {
          break;
        }
        List<String> z = new ArrayList<>(r.size());
        r.forEach(z::add);
        zeilen.add(z);
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new Unlesbar("Die CSV-Datei ist nicht lesbar (z. B. ein nicht geschlossenes Anführungszeichen). "
          + "Bitte die Liste in Excel öffnen und erneut als CSV speichern.");
    }
    return zeilen;
  }

  private static List<List<String>> xlsx(byte[] inhalt) throws Unlesbar {
    List<List<String>> zeilen = new ArrayList<>();
    DataFormatter formatierer = new DataFormatter(java.util.Locale.GERMANY);
    try (Workbook mappe = new XSSFWorkbook(new ByteArrayInputStream(inhalt))) {
      if (mappe.getNumberOfSheets() == 0) {
        throw new Unlesbar("Die Excel-Datei enthält kein Tabellenblatt.");
      }
      Sheet blatt = mappe.getSheetAt(0);
      if (blatt.getLastRowNum() > HOECHSTENS_ZEILEN + 50) {
        throw new Unlesbar("Die Liste hat mehr als " + HOECHSTENS_ZEILEN + " Zeilen. Bitte die Liste teilen.");
      }
      for (Row row : blatt) {
        List<String> z = new ArrayList<>();
        int letzte = Math.min(row.getLastCellNum(), HOECHSTENS_SPALTEN + 1);
        for (int i = 0; i < letzte; i++) {
          Cell c = row.getCell(i);
          z.add(c == null ? "" : wert(c, formatierer));
        }
        // rows may be skipped in the file: keep the rows as the sheet numbers them, empty ones are dropped later
        while (zeilen.size() < row.getRowNum()) {
          zeilen.add(List.of());
        }
        zeilen.add(z);
      }
    } catch (Unlesbar e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new Unlesbar("Die Excel-Datei ist nicht lesbar. Bitte als Excel-Arbeitsmappe (.xlsx) oder als CSV speichern.");
    }
    return zeilen;
  }

  private static String wert(Cell c, DataFormatter formatierer) {
    CellType typ = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    if (typ == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
      return c.getLocalDateTimeCellValue().toLocalDate().format(TT_MM_JJJJ);
    }
    if (typ == CellType.NUMERIC) {
      double d = c.getNumericCellValue();
      // postcodes and house numbers as numbers: no "59821.0"
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : formatierer.formatCellValue(c);
    }
    if (typ == CellType.STRING) {
      return c.getStringCellValue();
    }
    if (typ == CellType.BOOLEAN) {
      return c.getBooleanCellValue() ? "ja" : "nein";
    }
    return "";
  }

  static String hash(byte[] inhalt) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(inhalt));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
