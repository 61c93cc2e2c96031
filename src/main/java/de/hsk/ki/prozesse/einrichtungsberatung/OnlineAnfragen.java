package de.hsk.ki.prozesse.einrichtungsberatung;

import de.hsk.ki.plattform.portal.Onlineeingang;
import de.hsk.ki.plattform.portal.Portalprozess;
import de.hsk.ki.plattform.zeit.Zeit;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests from the county's online service portal ({@link Onlineeingang}): the same structured
 * request staff enter in the start form, received today through the channel ONLINE.
 */
@RestController
public class OnlineAnfragen implements Portalprozess {

  static final String PFAD = "/ki/einrichtungsberatung/anfragen";
  public static final String GRUPPE = Onlineeingang.GRUPPE;

  private final Onlineeingang eingang;

  public OnlineAnfragen(Onlineeingang eingang) {
    this.eingang = eingang;
  }

  @Override
  public String prozessSchluessel() {
    return Einrichtungsberatung.SCHLUESSEL;
  }

  @Override
  public Map<String, Object> vorgaben() {
    return Map.of(Einrichtungsberatung.EINGANGSKANAL.name(), "ONLINE", Einrichtungsberatung.EINGANGSDATUM.name(), Zeit.heute().toString());
  }

  @Override
  public String bestaetigung(String aktenzeichen) {
    return "Ihre Anfrage ist unter dem Aktenzeichen " + aktenzeichen + " eingegangen. "
        + "Das Kommunale Integrationszentrum meldet sich bei Ihnen.";
  }

  @PostMapping(value = PFAD, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> anfrage(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String anmeldung,
      @RequestBody(required = false) String koerper, HttpServletRequest request) {
    return eingang.einreichen(this, anmeldung, koerper, request);
  }
}
