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

  final DatenbankAusfallFilter filter = new DatenbankAusfallFilter();

  MockHttpServletResponse durch(int status, String body) throws Exception {
    MockHttpServletResponse antwort = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), antwort, (req, res) -> {
      ((HttpServletResponse) res).setStatus(status);
      res.setContentType("application/json");
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
    assertThat(antwort.getContentAsString(StandardCharsets.UTF_8))
        .contains("Die Datenbank ist gerade nicht erreichbar").doesNotContain("Hikari").doesNotContain("Exception\"");
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
    assertThat(DatenbankAusfallFilter.verbindungsfehler(new RuntimeException(new SQLTransientConnectionException("x")))).isTrue();
    assertThat(DatenbankAusfallFilter.verbindungsfehler(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
  }
}
