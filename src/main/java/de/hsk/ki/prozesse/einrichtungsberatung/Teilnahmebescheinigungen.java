package de.hsk.ki.prozesse.einrichtungsberatung;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The certificates of attendance of one case as a PDF: one A4 page per participant. */
final class Teilnahmebescheinigungen {

  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /**
   * Liberation Sans, which OpenPDF ships in its jar, embedded as a subset: unlike Helvetica with
   * Cp1252 it also has the letters of Turkish, Polish or Romanian names (ş, ğ, ı, ł, ț), which the
   * participants of an integration centre's courses often carry.
   */
  private static final String SCHRIFT = "font-fallback/LiberationSans-Regular.ttf";

  record Termin(LocalDate datum, BigDecimal stunden) {}

  record Angaben(List<String> namen, String thema, String einrichtung, List<Termin> termine, LocalDate ausgestellt) {}

  private Teilnahmebescheinigungen() {}

  static byte[] pdf(Angaben angaben) {
    BaseFont basis = schrift();
    Font titel = new Font(basis, 20);
    Font text = new Font(basis, 11);
    Font klein = new Font(basis, 9);
    BigDecimal gesamt = angaben.termine().stream().map(Termin::stunden).reduce(BigDecimal.ZERO, BigDecimal::add);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Document dokument = new Document(PageSize.A4, 70, 70, 70, 70);
    PdfWriter.getInstance(dokument, pdf);
    // no names in the metadata: the file may travel further than its pages are read
    dokument.addTitle("Teilnahmebescheinigungen");
    dokument.addCreator("Kommunales Integrationszentrum Hochsauerlandkreis");
    dokument.open();
    boolean erste = true;
    for (String name : angaben.namen()) {
      if (!erste) {
        dokument.newPage();
      }
      erste = false;
      Chunk ueberschrift = new Chunk("Teilnahmebescheinigung", titel);
      ueberschrift.setTextRenderMode(com.lowagie.text.pdf.PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, 0.5f, null);
      dokument.add(new Paragraph(ueberschrift));
      dokument.add(absatz("Kommunales Integrationszentrum Hochsauerlandkreis", text, 4));
      dokument.add(absatz(name + " hat an der Fortbildung „" + angaben.thema() + "“ für " + angaben.einrichtung()
          + " teilgenommen.", text, 36));
      dokument.add(absatz("Termine:", text, 18));
      dokument.add(termine(angaben.termine(), text));
      dokument.add(absatz("Insgesamt: " + stunden(gesamt) + " Std.", text, 6));
      dokument.add(absatz("Meschede, " + angaben.ausgestellt().format(DATUM), text, 42));
      dokument.add(absatz("Im Auftrag", text, 42));
      dokument.add(absatz("______________________________", text, 30));
      dokument.add(absatz("Kommunales Integrationszentrum Hochsauerlandkreis", klein, 2));
    }
    dokument.close();
    return pdf.toByteArray();
  }

  private static Paragraph absatz(String inhalt, Font font, float abstandDavor) {
    Paragraph absatz = new Paragraph(inhalt, font);
    absatz.setSpacingBefore(abstandDavor);
    absatz.setLeading(font.getSize() * 1.4f);
    return absatz;
  }

  private static PdfPTable termine(List<Termin> termine, Font font) {
    PdfPTable tabelle = new PdfPTable(new float[] {3, 2});
    tabelle.setHorizontalAlignment(Element.ALIGN_LEFT);
    tabelle.setWidthPercentage(45);
    tabelle.setSpacingBefore(4);
    for (Termin termin : termine) {
      tabelle.addCell(zelle(termin.datum().format(DATUM), font, Element.ALIGN_LEFT));
      tabelle.addCell(zelle(stunden(termin.stunden()) + " Std.", font, Element.ALIGN_RIGHT));
    }
    return tabelle;
  }

  private static PdfPCell zelle(String inhalt, Font font, int ausrichtung) {
    PdfPCell zelle = new PdfPCell(new Paragraph(inhalt, font));
    zelle.setBorder(PdfPCell.NO_BORDER);
    zelle.setHorizontalAlignment(ausrichtung);
    zelle.setPaddingBottom(3);
    return zelle;
  }

  /** 1,5 · 2 · 0,75 */
  static String stunden(BigDecimal stunden) {
    return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(stunden);
  }

  private static BaseFont schrift() {
    try (InputStream ttf = Teilnahmebescheinigungen.class.getClassLoader().getResourceAsStream(SCHRIFT)) {
      if (ttf == null) {
        throw new IllegalStateException("Font " + SCHRIFT + " not on the classpath (OpenPDF upgrade?)");
      }
      return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, ttf.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
