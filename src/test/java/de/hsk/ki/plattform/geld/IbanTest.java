package de.hsk.ki.plattform.geld;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** IBANs by ISO 13616: the published example IBANs pass, typing errors are named in German. */
class IbanTest {

  @Test
  void gueltigeIbanVerschiedenerLaenderWirdAngenommen() {
    // the example IBANs of the German, Austrian, Dutch and British banking associations
    assertThat(Iban.fehler("DE89370400440532013000")).isNull();
    assertThat(Iban.fehler("de89 3704 0044 0532 0130 00")).as("spaces and lower case as typed").isNull();
    assertThat(Iban.fehler("AT611904300234573201")).isNull();
    assertThat(Iban.fehler("NL91ABNA0417164300")).isNull();
    assertThat(Iban.fehler("GB29NWBK60161331926819")).isNull();
    assertThat(Iban.gueltig("DE89\u00A03704\u00A00044 0532 0130 00")).as("non-breaking spaces from a copied IBAN").isTrue();
  }

  @Test
  void falschePruefzifferWirdErkannt() {
    // one digit changed: mod 97 is no longer 1
    assertThat(Iban.fehler("DE89370400440532013001")).contains("Prüfziffern stimmen nicht");
    // two neighbouring digits swapped
    assertThat(Iban.fehler("DE89370400440523013000")).contains("Prüfziffern stimmen nicht");
  }

  @Test
  void falscheLaengeUndUnbekanntesLandWerdenBenannt() {
    assertThat(Iban.fehler("DE8937040044053201300")).isEqualTo("Eine IBAN aus DE hat 22 Zeichen, diese hat 21.");
    assertThat(Iban.fehler("XX89370400440532013000")).contains("„XX“").contains("keinem Land");
    assertThat(Iban.fehler("")).isEqualTo("Bitte eine IBAN angeben.");
    assertThat(Iban.fehler(null)).isEqualTo("Bitte eine IBAN angeben.");
    assertThat(Iban.fehler("DE89-3704-0044")).contains("nur Buchstaben und Ziffern");
  }

  @Test
  void normalisiertLesbarUndMaskiert() {
    assertThat(Iban.normalisiert(" de89 3704 0044 0532 0130 00 ")).isEqualTo("DE89370400440532013000");
    assertThat(Iban.lesbar("DE89370400440532013000")).isEqualTo("DE89 3704 0044 0532 0130 00");
    assertThat(Iban.maskiert("DE89 3704 0044 0532 0130 00")).isEqualTo("DE89 **** **** **** **30 00");
    assertThat(Iban.maskiert("NL91ABNA0417164300")).isEqualTo("NL91 **** **** **43 00");
    assertThat(Iban.maskiert(null)).isNull();
  }
}
