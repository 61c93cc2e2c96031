package de.hsk.ki.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Issue 18, points 9 and 14: an internal error reaches the person as a German reference, the log as one line. */
@ExtendWith(OutputCaptureExtension.class)
class ServerfehlerTest {

  @Test
  void interneFehlerOhneAusnahmetextMitKennungInEinerZeile(CapturedOutput ausgabe) throws Exception {
    MockHttpServletRequest anfrage = new MockHttpServletRequest("POST", "/engine-rest/task");
    anfrage.setRequestURI("/engine-rest/task");
    MockHttpServletResponse antwort = new MockHttpServletResponse();
    String ausnahme = "{\"type\":\"ProcessEngineException\",\"message\":\"ENGINE-03004 Exception while executing Database Operation "
        + "SELECT * FROM ACT_RU_VARIABLE WHERE TEXT_ = 'Amina Zyxwa'\\n" + "x".repeat(100_000) + "\"}";

    new Serverfehler().doFilter(anfrage, antwort, (req, res) -> {
      ((jakarta.servlet.http.HttpServletResponse) res).setStatus(500);
      res.getOutputStream().write(ausnahme.getBytes(StandardCharsets.UTF_8));
    });

    String kennung = antwort.getHeader("X-Fehlerkennung");
    assertThat(kennung).matches("[0-9a-f]{8}");
    assertThat(antwort.getStatus()).isEqualTo(500);
    assertThat(antwort.getContentAsString(StandardCharsets.UTF_8))
        .contains("Ein interner Fehler ist aufgetreten", kennung).doesNotContain("ACT_RU_VARIABLE", "ENGINE-");
    String zeile = ausgabe.getOut().lines().filter(l -> l.contains("Server error " + kennung)).findFirst().orElseThrow();
    assertThat(zeile.length()).isLessThan(Serverfehler.HOECHSTENS_ZEICHEN + 300);
    assertThat(ausgabe.getOut().lines().filter(l -> l.contains("xxxxxxxxxx")).count()).as("lines of the exception").isEqualTo(1);
  }

  @Test
  void andereAntwortenUndDerDatenbankausfallBleibenWieSieSind() throws Exception {
    for (int status : new int[] {200, 400, 503}) {
      MockHttpServletResponse antwort = new MockHttpServletResponse();
      new Serverfehler().doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), antwort, (req, res) -> {
        ((jakarta.servlet.http.HttpServletResponse) res).setStatus(status);
        res.getWriter().write("{\"message\":\"eigene Meldung\"}");
        res.getWriter().flush();
      });
      assertThat(antwort.getStatus()).isEqualTo(status);
      assertThat(antwort.getContentAsString(StandardCharsets.UTF_8)).as("status " + status).isEqualTo("{\"message\":\"eigene Meldung\"}");
    }
  }
}
