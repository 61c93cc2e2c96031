package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.partnermail.MailVorlage;
import org.springframework.stereotype.Component;

/** Which template a referral uses: the KAoA-kompakt provider gets a booking, everyone else a referral. */
@Component("vermittlungsvorlage")
public class Vermittlungsvorlage {

  public String fuer(String partner) {
    return (UebergangListener.KAOA_TRAEGER.equals(partner) ? MailVorlage.KAOA_KOMPAKT_BUCHUNG : MailVorlage.VERMITTLUNG).name();
  }
}
