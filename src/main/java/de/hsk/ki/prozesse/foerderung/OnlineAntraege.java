package de.hsk.ki.prozesse.foerderung;

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
 * Funding applications from the county's online service portal ({@link Onlineeingang}): the same
 * application staff enter in the start form (building blocks as a list of rows, declarations as a
 * list of values), checked by the same rules, received today through the channel PORTAL.
 */
@RestController
public class OnlineAntraege implements Portalprozess {

  static final String PFAD = "/ki/foerderung/antraege";

  private final Onlineeingang eingang;

  public OnlineAntraege(Onlineeingang eingang) {
    this.eingang = eingang;
  }

  @Override
  public String prozessSchluessel() {
    return Foerderung.ANTRAG;
  }

  @Override
  public Map<String, Object> vorgaben() {
    return Map.of(Foerderung.EINGANGSKANAL.name(), "PORTAL", Foerderung.EINGANGSDATUM.name(), Zeit.heute().toString());
  }

  @Override
  public String bestaetigung(String aktenzeichen) {
    return "Ihr Förderantrag ist unter dem Aktenzeichen " + aktenzeichen + " eingegangen. "
        + "Bitte beginnen Sie die Maßnahme nicht vor der Bewilligung.";
  }

  @PostMapping(value = PFAD, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> antrag(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String anmeldung,
      @RequestBody(required = false) String koerper, HttpServletRequest request) {
    return eingang.einreichen(this, anmeldung, koerper, request);
  }
}
