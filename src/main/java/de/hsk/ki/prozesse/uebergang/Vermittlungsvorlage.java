package de.hsk.ki.prozesse.uebergang;

import org.springframework.stereotype.Component;

/**
 * Which template a referral uses: the school and the KoKo get the KAoA-kompakt suggestion (model
 * 1.3.0, review U5), everyone else a referral. The provider booking stays for cases of older models
 * that asked the provider's consent before the change and send it now.
 */
@Component("vermittlungsvorlage")
public class Vermittlungsvorlage {

  static final String ANREGUNG = "KAOA_KOMPAKT_ANREGUNG";
  static final String BUCHUNG = "KAOA_KOMPAKT_BUCHUNG";
  static final String VERMITTLUNG = "VERMITTLUNG";

  private final KaoaAnregung kaoa;

  public Vermittlungsvorlage(KaoaAnregung kaoa) {
    this.kaoa = kaoa;
  }

  public String fuer(String partner) {
    if (KaoaAnregung.KAOA_TRAEGER.equals(partner)) {
      return BUCHUNG;
    }
    return kaoa.istAnregung(partner) ? ANREGUNG : VERMITTLUNG;
  }
}
