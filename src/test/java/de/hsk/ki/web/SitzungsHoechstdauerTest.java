package de.hsk.ki.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** Issue 18, point 13: a webapp session ends after its absolute lifetime, however busy. */
class SitzungsHoechstdauerTest {

  @Test
  void eineSitzungInnerhalbIhrerDauerBleibt() throws Exception {
    MockHttpSession sitzung = aufruf(Duration.ofHours(10));

    assertThat(sitzung.isInvalid()).isFalse();
  }

  @Test
  void eineSitzungNachIhrerDauerEndet() throws Exception {
    MockHttpSession sitzung = aufruf(Duration.ZERO);

    assertThat(sitzung.isInvalid()).isTrue();
  }

  private static MockHttpSession aufruf(Duration hoechstdauer) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task");
    MockHttpSession sitzung = new MockHttpSession();
    request.setSession(sitzung);
    new SitzungsHoechstdauer(hoechstdauer).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    return sitzung;
  }
}
