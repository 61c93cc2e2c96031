package de.hsk.ki.prozesse.uebergang;

import org.springframework.stereotype.Component;

/** Which template a referral uses: the KAoA-kompakt provider gets a booking, everyone else a referral. */
@Component("vermittlungsvorlage")
public class Vermittlungsvorlage {

  public String fuer(String partner) {
    return UebergangListener.KAOA_TRAEGER.equals(partner) ? "KAOA_KOMPAKT_BUCHUNG" : "VERMITTLUNG";
  }
}
