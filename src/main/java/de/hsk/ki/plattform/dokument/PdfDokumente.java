package de.hsk.ki.plattform.dokument;

import com.lowagie.text.pdf.BaseFont;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextUserAgent;

/**
 * Letters and records as PDF from the same Thymeleaf templates the printable pages use, so the
 * family, the school and the KI hold the same document. The HTML5 the templates produce is read by
 * jsoup into the XML document Flying Saucer lays out (CSS 2.1; absolute positions work, flex does not).
 */
@Component
public class PdfDokumente {

  /**
   * Liberation Sans from the OpenPDF jar, embedded: the 14 standard PDF fonts have only Windows-1252
   * and would drop the ş, ğ, ł, ț of the names the KI's families carry. Templates name it in CSS.
   */
  public static final String SCHRIFT = "Liberation Sans";
  private static final String SCHRIFTDATEI = "font-fallback/LiberationSans-Regular.ttf";

  private final ITemplateEngine vorlagen;
  private final org.springframework.context.ApplicationContext anwendung;

  public PdfDokumente(ITemplateEngine vorlagen, org.springframework.context.ApplicationContext anwendung) {
    this.vorlagen = vorlagen;
    this.anwendung = anwendung;
  }

  /**
   * @param vorlage the template's name as for a page ({@code seiteneinstieg/beratungsbogen})
   * @param werte its model; {@code pdf} is set to true, so the template can leave out buttons
   */
  public byte[] pdf(String vorlage, Map<String, Object> werte) {
    Context kontext = new Context(Locale.GERMANY);
    kontext.setVariables(werte);
    kontext.setVariable("pdf", true);
    // as in a page rendered by Spring MVC: map entries read as properties (v.vorname), so one template serves both
    kontext.setVariable(org.thymeleaf.spring6.expression.ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
        new org.thymeleaf.spring6.expression.ThymeleafEvaluationContext(anwendung, null));
    String html = vorlagen.process(vorlage, kontext);
    org.w3c.dom.Document dokument = new W3CDom().fromJsoup(Jsoup.parse(html));
    try {
      ITextOutputDevice ausgabe = new ITextOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
      ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, ausgabe,
          new OhneNachladen(ausgabe));
      renderer.getFontResolver().addFont(SCHRIFTDATEI, BaseFont.IDENTITY_H, true);
      renderer.setDocument(dokument, null);
      renderer.layout();
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      renderer.createPDF(pdf);
      return pdf.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException("PDF from template " + vorlage + " failed", e);
    }
  }

  /**
   * Loads nothing but the renderer's default style sheet: no style sheet, image or font from a URL,
   * file or the class path that a template (or, through a mistake, case data in it) names. Fonts
   * come from addFont above.
   */
  /** A document as the answer to a browser: inline PDF, never cached. */
  public org.springframework.http.ResponseEntity<byte[]> antwort(String vorlage, Map<String, Object> werte, String dateiname) {
    return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
        .cacheControl(org.springframework.http.CacheControl.noStore())
        .header("Content-Disposition", org.springframework.http.ContentDisposition.inline().filename(dateiname).build().toString())
        .body(pdf(vorlage, werte));
  }

  /** Instead of a document: the German notice page (not logged in, no open step, nothing to show yet). */
  public org.springframework.http.ResponseEntity<byte[]> hinweis(int status, Map<String, Object> werte) {
    Context kontext = new Context(Locale.GERMANY);
    kontext.setVariables(werte);
    return org.springframework.http.ResponseEntity.status(status)
        .contentType(new org.springframework.http.MediaType(org.springframework.http.MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .cacheControl(org.springframework.http.CacheControl.noStore())
        .body(vorlagen.process("ki/hinweis", kontext).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static final String EIGENE_VORLAGE = "/resources/css/XhtmlNamespaceHandler.css";

  private static final class OhneNachladen extends ITextUserAgent {
    OhneNachladen(ITextOutputDevice ausgabe) {
      super(ausgabe, ITextRenderer.DEFAULT_DOTS_PER_PIXEL);
    }

    @Override
    protected java.io.InputStream resolveAndOpenStream(String uri) {
      // only the renderer's own default style sheet (how head, style, p and td display), from its jar
      return uri != null && uri.endsWith(EIGENE_VORLAGE) && (uri.startsWith("jar:") || uri.startsWith("nested:") || uri.startsWith("file:"))
          ? super.resolveAndOpenStream(uri) : null;
    }
  }
}
