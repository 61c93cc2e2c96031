package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.geld.Iban;
import java.time.Period;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the funding letters and the reclaim interest (ki.prozesse.foerderung.*, see
 * application.yaml and docs/foerderbriefe.md). Checked at start: a base-rate table or a bank
 * account that cannot be read stops the application with a message naming the setting.
 *
 * @param basiszinssaetze base rate (§ 247 BGB) by the day it applies from: ISO date → percent ("3.62")
 * @param zinsenBagatellgrenze interest below this amount (German text, "25,00") is not charged
 * @param rechtsbehelfsbelehrung legal-remedies block of refusal, approval and reclaim; "-" leaves it out
 * @param kreiskasse where a reclaim is paid to; without an IBAN no reclaim letter goes out
 * @param entscheidungNachEingang how long after receipt the decision is expected (receipt letter)
 */
@ConfigurationProperties(prefix = "ki.prozesse.foerderung")
public record Foerderbriefeinstellungen(Map<String, String> basiszinssaetze, String zinsenBagatellgrenze,
    String rechtsbehelfsbelehrung, Kreiskasse kreiskasse, Period entscheidungNachEingang) {

  /** To be confirmed by the county's legal office: NRW has abolished the objection procedure here (§ 110 JustG NRW). */
  static final String RECHTSBEHELF_VORGABE = "Gegen diesen Bescheid kann innerhalb eines Monats nach seiner Bekanntgabe Klage "
      + "beim Verwaltungsgericht Arnsberg, Jägerstraße 1, 59821 Arnsberg, erhoben werden. Ein Widerspruchsverfahren findet nicht statt "
      + "(§ 110 Abs. 1 Justizgesetz Nordrhein-Westfalen).";

  public record Kreiskasse(String empfaenger, String iban, String bic, String institut) {
    public Kreiskasse {
      empfaenger = leer(empfaenger) ? "Kreiskasse des Hochsauerlandkreises" : empfaenger.strip();
      iban = leer(iban) ? null : Iban.normalisiert(iban);
      if (iban != null && Iban.fehler(iban) != null) {
        throw new IllegalArgumentException("ki.prozesse.foerderung.kreiskasse.iban: " + Iban.fehler(iban));
      }
      bic = leer(bic) ? null : bic.strip();
      institut = leer(institut) ? null : institut.strip();
    }

    public boolean eingestellt() {
      return iban != null;
    }

    public String ibanLesbar() {
      return Iban.lesbar(iban);
    }
  }

  public Foerderbriefeinstellungen {
    basiszinssaetze = basiszinssaetze == null ? Map.of() : new TreeMap<>(basiszinssaetze);
    zinsenBagatellgrenze = leer(zinsenBagatellgrenze) ? "25,00" : zinsenBagatellgrenze.strip();
    rechtsbehelfsbelehrung = leer(rechtsbehelfsbelehrung) ? RECHTSBEHELF_VORGABE : rechtsbehelfsbelehrung.strip();
    kreiskasse = kreiskasse == null ? new Kreiskasse(null, null, null, null) : kreiskasse;
    entscheidungNachEingang = entscheidungNachEingang == null ? Period.ofWeeks(8) : entscheidungNachEingang;
  }

  /** The block for a decision, or null when the county leaves it out ("-"). */
  public String rechtsbehelf() {
    return "-".equals(rechtsbehelfsbelehrung) ? null : rechtsbehelfsbelehrung;
  }

  private static boolean leer(String s) {
    return s == null || s.isBlank();
  }
}
