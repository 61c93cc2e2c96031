package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Report lists as the offices send them, for the tests and the benchmark. */
public final class Testlisten {

  public static final List<String> KOPF = List.of("Name", "Vorname", "Geb.-Datum", "Staatsangehörigkeit", "Zuzug", "Straße", "PLZ", "Ort",
      "Erziehungsberechtigte", "Telefon", "Sprache");
  static final DateTimeFormatter TT = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private Testlisten() {}

  /** A child's row; born {@code alter} years before today (minus 100 days), arrived 30 days ago. */
  public static List<String> kind(String nachname, String vorname, int alter, String eltern, String strasse, LocalDate heute) {
    return new ArrayList<>(List.of(nachname, vorname, heute.minusYears(alter).minusDays(100).format(TT), "syrisch",
        heute.minusDays(30).format(TT), strasse, "59821", "Arnsberg", eltern, "02931 12345", "Arabisch"));
  }

  public static String csv(List<String> kopf, List<List<String>> zeilen, char trenner) {
    StringBuilder b = new StringBuilder();
    for (List<String> z : concat(kopf, zeilen)) {
      for (int i = 0; i < z.size(); i++) {
        if (i > 0) {
          b.append(trenner);
        }
        String c = z.get(i);
        b.append(c.indexOf(trenner) >= 0 || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
      }
      b.append("\r\n");
    }
    return b.toString();
  }

  public static byte[] csvBytes(List<String> kopf, List<List<String>> zeilen, char trenner, Charset zeichensatz) {
    return csv(kopf, zeilen, trenner).getBytes(zeichensatz);
  }

  /** A workbook with dates as real date cells and the postcode as a number, as Excel keeps them. */
  public static byte[] xlsx(List<String> kopf, List<List<String>> zeilen) throws IOException {
    try (XSSFWorkbook mappe = new XSSFWorkbook(); ByteArrayOutputStream aus = new ByteArrayOutputStream()) {
      Sheet blatt = mappe.createSheet("Zuzüge");
      CellStyle datum = mappe.createCellStyle();
      datum.setDataFormat(mappe.createDataFormat().getFormat("dd.mm.yyyy"));
      List<List<String>> alle = concat(kopf, zeilen);
      for (int r = 0; r < alle.size(); r++) {
        Row row = blatt.createRow(r);
        for (int c = 0; c < alle.get(r).size(); c++) {
          String w = alle.get(r).get(c);
          Cell cell = row.createCell(c);
          if (r > 0 && w.matches("\\d{2}\\.\\d{2}\\.\\d{4}")) {
            cell.setCellValue(LocalDate.parse(w, TT));
            cell.setCellStyle(datum);
          } else if (r > 0 && w.matches("\\d{5}")) {
            cell.setCellValue(Double.parseDouble(w));
          } else {
            cell.setCellValue(w);
          }
        }
      }
      mappe.write(aus);
      return aus.toByteArray();
    }
  }

  private static List<List<String>> concat(List<String> kopf, List<List<String>> zeilen) {
    List<List<String>> alle = new ArrayList<>();
    alle.add(kopf);
    alle.addAll(zeilen);
    return alle;
  }
}
