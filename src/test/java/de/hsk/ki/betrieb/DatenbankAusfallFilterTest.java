package de.hsk.ki.betrieb;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DatenbankAusfallFilterTest {

  boolean datenbankDa = true;
  final DatenbankAusfallFilter filter = new DatenbankAusfallFilter(() -> datenbankDa);

  MockHttpServletResponse durch(int status, String body) throws Exception {
    MockHttpServletResponse antwort = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), antwort, (req, res) -> {
      ((HttpServletResponse) res).setStatus(status);
      res.setContentType("application/json");
      res.setContentLength(body.getBytes(StandardCharsets.UTF_8).length);
      res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    });
    return antwort;
  }

  @Test
  void engineAntwortMitVerbindungsfehlerWird503MitDeutscherMeldung() throws Exception {
    MockHttpServletResponse antwort = durch(500, "{\"type\":\"ProcessEngineException\",\"message\":\"### Error querying database.  "
        + "Cause: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 10000ms.\"}");
    assertThat(antwort.getStatus()).isEqualTo(503);
    assertThat(antwort.getHeader("Retry-After")).isEqualTo("60");
    // the engine had announced the length of its own answer; ours must not inherit it
    assertThat(antwort.getContentLength()).isIn(-1, antwort.getContentAsByteArray().length);
    assertThat(antwort.getContentAsString(StandardCharsets.UTF_8))
        .contains("Die Datenbank ist gerade nicht erreichbar").doesNotContain("Hikari").doesNotContain("Exception\"");
  }

  @Test
  void engineFehlercodeFuerVerloreneVerbindungWird503() throws Exception {
    MockHttpServletResponse antwort = durch(500, "{\"type\":\"ProcessEnginePersistenceException\",\"message\":\"An exception occurred in "
        + "the persistence layer.\",\"code\":" + DatenbankFehlercode.DATENBANK_NICHT_ERREICHBAR + "}");
    assertThat(antwort.getStatus()).isEqualTo(503);
    assertThat(DatenbankFehlercode.verbindungVerloren(new SQLException("FATAL", "57P01"))).isTrue();
    assertThat(DatenbankFehlercode.verbindungVerloren(new SQLException("duplicate key", "23505"))).isFalse();
  }

  @Test
  void allgemeinerPersistenzfehlerWird503NurWennDieDatenbankWirklichWegIst() throws Exception {
    String fehler = "{\"type\":\"RestException\",\"message\":\"Cannot instantiate process definition x: An exception occurred in "
        + "the persistence layer. Please check the server logs.\",\"code\":0}";
    assertThat(durch(500, fehler).getStatus()).isEqualTo(500);
    datenbankDa = false;
    assertThat(durch(500, fehler).getStatus()).isEqualTo(503);
  }

  @Test
  void andereAntwortenBleibenWieSieSind() throws Exception {
    String fehler = "{\"type\":\"ProcessEngineException\",\"message\":\"Fachlicher Fehler\"}";
    MockHttpServletResponse antwort = durch(500, fehler);
    assertThat(antwort.getStatus()).isEqualTo(500);
    assertThat(antwort.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(fehler);
    MockHttpServletResponse gut = durch(200, "[]");
    assertThat(gut.getStatus()).isEqualTo(200);
    assertThat(gut.getContentAsString()).isEqualTo("[]");
  }

  @Test
  void ausnahmeAusEinemFilterMitVerbindungsursacheWird503() throws Exception {
    MockHttpServletResponse antwort = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("POST", "/engine-rest/task/1/complete"), antwort, (req, res) -> {
      throw new ProcessEngineException("Fehler", new PersistenceException(new SQLException("refused", "08001")));
    });
    assertThat(antwort.getStatus()).isEqualTo(503);
    // as Jersey does it: sendError first, then the exception
    MockHttpServletResponse nachSendError = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("POST", "/engine-rest/task/1/complete"), nachSendError, (req, res) -> {
      ((HttpServletResponse) res).sendError(500, "Request failed.");
      throw new jakarta.servlet.ServletException(new RuntimeException("JDBC commit", new SQLException("FATAL: terminating", "57P01")));
    });
    assertThat(nachSendError.getStatus()).isEqualTo(503);
    assertThat(nachSendError.getContentAsString(StandardCharsets.UTF_8)).contains("Die Datenbank ist gerade nicht erreichbar");
    assertThat(DatenbankAusfallFilter.verbindungsfehler(new RuntimeException(new SQLTransientConnectionException("x")))).isTrue();
    assertThat(DatenbankAusfallFilter.verbindungsfehler(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
  }
}
