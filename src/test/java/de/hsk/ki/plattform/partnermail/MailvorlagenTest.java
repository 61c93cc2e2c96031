package de.hsk.ki.plattform.partnermail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/** Templates live beside their process; their header, not the model, says whether consent is required. */
class MailvorlagenTest {

  static Resource datei(String pfad, String inhalt) {
    return new ByteArrayResource(inhalt.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public java.net.URL getURL() throws java.io.IOException {
        return new java.net.URL("file:/app/processes/" + pfad);
      }
    };
  }

  @Test
  void jedeVorlageEinesProzessesIstGeladenMitBetreffUndEinwilligungsregel() throws Exception {
    Mailvorlagen vorlagen = new Mailvorlagen();
    assertThat(vorlagen.alle()).extracting(Mailvorlage::id).contains("ZUWEISUNG_ANFRAGE", "ZUWEISUNG_ERINNERUNG",
        "GESUNDHEITSAMT_UNTERSUCHUNG", "SCHULE_ZUWEISUNG", "VERMITTLUNG", "KAOA_KOMPAKT_BUCHUNG", "PARTNER_INFORMATION");
    assertThat(vorlagen.vorlage("ZUWEISUNG_ANFRAGE").einwilligung()).isFalse();
    assertThat(vorlagen.vorlage("ZUWEISUNG_ANFRAGE").prozess()).isEqualTo("seiteneinstieg");
    assertThat(vorlagen.vorlage("VERMITTLUNG").einwilligung()).isTrue();
    assertThat(vorlagen.vorlage("VERMITTLUNG").betreff("UB-2026-0001")).isEqualTo("[UB-2026-0001] Vermittlung aus der Übergangsberatung (Einwilligung liegt vor)");
    assertThat(vorlagen.vorlage("ZUWEISUNG_ERINNERUNG").text()).startsWith("Sehr geehrte").doesNotContain("14 Tagen");
  }

  @Test
  void eineVorlageOhneEinwilligungsangabeVerhindertDenStart() {
    assertThatThrownBy(() -> Mailvorlagen.lese(datei("neu/mail/anfrage.txt", "Betreff: Anfrage\n---\nText")))
        .hasMessageContaining("Einwilligung: erforderlich");
    assertThatThrownBy(() -> Mailvorlagen.lese(datei("neu/mail/anfrage.txt", "Sehr geehrte Damen und Herren")))
        .hasMessageContaining("Kopf fehlt");
    Mailvorlage gut = Mailvorlagen.lese(datei("neu/mail/stand-mitteilen.txt", "Betreff: Stand\nEinwilligung: erforderlich\n---\nText"));
    assertThat(gut.id()).isEqualTo("STAND_MITTEILEN");
    assertThat(gut.prozess()).isEqualTo("neu");
    assertThat(gut.text()).isEqualTo("Text");
  }
}
