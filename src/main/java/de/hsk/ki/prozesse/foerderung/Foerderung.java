package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import de.hsk.ki.plattform.prozess.Variable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Funding programmes (KOMM-AN NRW and the like): the funding year of the county and each
 * application of an association. Keys, element ids, typed variables and descriptors of both models
 * in processes/foerderung/. Funding staff see organisations, contact persons and bank details, never
 * a child's data; participants are counts.
 */
@Configuration
public class Foerderung {

  public static final String ANTRAG = "Process_Foerderantrag";
  public static final String ANTRAG_PRAEFIX = "FA";
  public static final String PROGRAMMJAHR = "Process_Foerderprogrammjahr";
  public static final String PROGRAMMJAHR_PRAEFIX = "FP";
  /** Signs approvals above the amount of Decision_FA_Zeichnung. */
  public static final String FACHDIENSTLEITUNG = "fachdienstleitung";

  public static final String ENTSCHEIDUNG_PAUSCHALE = "Decision_FA_Pauschale";
  public static final String ENTSCHEIDUNG_PFLICHTUNTERLAGEN = "Decision_FA_Pflichtunterlagen";
  public static final String ENTSCHEIDUNG_PLAUSIBILITAET = "Decision_FA_Plausibilitaet";
  public static final String ENTSCHEIDUNG_ZEICHNUNG = "Decision_FA_Zeichnung";
  public static final String ENTSCHEIDUNG_AUSZAHLUNG = "Decision_FA_Auszahlung";
  public static final String ENTSCHEIDUNG_PRUEFERGEBNIS = "Decision_FA_Pruefergebnis";
  public static final String ENTSCHEIDUNG_RUECKFORDERUNG = "Decision_FA_Rueckforderung";

  // ---- both processes ----
  /** Case number (business key), copied onto every task. */
  public static final Variable<String> AKTENZEICHEN = Variable.text("aktenzeichen");
  /** KOMM_AN_II, IFKUF or SONSTIGES. */
  public static final Variable<String> PROGRAMM = Variable.text("programm");
  public static final Variable<Long> FOERDERJAHR = Variable.zahl("foerderjahr");

  // ---- application (Process_Foerderantrag) ----
  public static final Variable<LocalDate> EINGANGSDATUM = Variable.datum("eingangsdatum");
  /** FORMULAR (entered by staff) or PORTAL (the county's online service). */
  public static final Variable<String> EINGANGSKANAL = Variable.text("eingangskanal");
  public static final Variable<String> TRAEGER = Variable.text("traeger");
  public static final Variable<String> RECHTSFORM = Variable.text("rechtsform");
  public static final Variable<String> REGISTER = Variable.text("register");
  public static final Variable<String> STRASSE = Variable.text("strasse");
  public static final Variable<String> PLZ = Variable.text("plz");
  public static final Variable<String> ORT = Variable.text("ort");
  /** One of the county's twelve municipalities, where the measure takes place. */
  public static final Variable<String> KOMMUNE = Variable.text("kommune");
  public static final Variable<LocalDate> GEMEINNUETZIG_SEIT = Variable.datum("gemeinnuetzigSeit");
  public static final Variable<Boolean> VORSTEUERABZUG = Variable.jaNein("vorsteuerabzug");
  public static final Variable<String> ANSPRECHPERSON = Variable.text("ansprechperson");
  public static final Variable<String> FUNKTION = Variable.text("funktion");
  public static final Variable<String> TELEFON = Variable.text("telefon");
  public static final Variable<String> EMAIL = Variable.text("email");
  public static final Variable<String> VERTRETUNG = Variable.text("vertretung");
  public static final Variable<Long> EHRENAMTLICHE = Variable.zahl("ehrenamtliche");
  public static final Variable<Long> HAUPTAMTLICHE = Variable.zahl("hauptamtliche");
  public static final Variable<Long> HONORARKRAEFTE = Variable.zahl("honorarkraefte");
  /** Expected participants (newly arrived, at most three years in Germany): a count, never names. */
  public static final Variable<Long> TEILNEHMENDE = Variable.zahl("teilnehmende");
  public static final Variable<String> ANGEBOTSSPRACHEN = Variable.text("angebotssprachen");
  public static final Variable<String> IBAN = Variable.text("iban");
  public static final Variable<String> BIC = Variable.text("bic");
  public static final Variable<String> GELDINSTITUT = Variable.text("geldinstitut");
  public static final Variable<String> KONTOINHABER = Variable.text("kontoinhaber");
  /** The building blocks applied for: list of {baustein, menge, von, bis, beschreibung, kostenplan}. */
  public static final Variable<Object> BAUSTEINE = Variable.wert("bausteine");
  public static final Variable<List<String>> ERKLAERUNGEN = Variable.liste("erklaerungen");
  public static final Variable<String> WEITERE_FOERDERUNGEN = Variable.text("weitereFoerderungen");
  public static final Variable<List<String>> ANLAGEN = Variable.liste("anlagen");
  /** Where the case stands, for the coordinator's page: see Antragsstatus. */
  public static final Variable<String> STATUS = Variable.text("status");
  /** The next deadline of the case (for the page, overdue first). */
  public static final Variable<LocalDate> NAECHSTE_FRIST = Variable.datum("naechsteFrist");
  /** Sum of the building blocks by Decision_FA_Pauschale (rate × quantity, capped). */
  public static final Variable<BigDecimal> BERECHNETER_BETRAG = Variable.geld("berechneterBetrag");
  public static final Variable<BigDecimal> BEWILLIGTER_BETRAG = Variable.geld("bewilligterBetrag");
  /** Sum of the booked payouts. */
  public static final Variable<BigDecimal> AUSGEZAHLTER_BETRAG = Variable.geld("ausgezahlterBetrag");
  /** Recognised by the proof-of-use check. */
  public static final Variable<BigDecimal> ANERKANNTER_BETRAG = Variable.geld("anerkannterBetrag");
  /** Reclaimed (principal, without interest) and the interest on it (§49a VwVfG). */
  public static final Variable<BigDecimal> RUECKFORDERUNGSBETRAG = Variable.geld("rueckforderungsbetrag");
  public static final Variable<BigDecimal> ZINSEN = Variable.geld("zinsen");

  public static final Variable<List<String>> PFLICHTUNTERLAGEN = Variable.liste("pflichtunterlagen");
  public static final Variable<Boolean> VERSPAETET = Variable.jaNein("verspaetet");
  public static final Variable<String> FEHLENDE_UNTERLAGEN = Variable.text("fehlendeUnterlagen");
  public static final Variable<LocalDate> NACHFORDERUNG_BIS = Variable.datum("nachforderungBis");
  public static final Variable<List<String>> PLAUSIBILITAETSHINWEISE = Variable.liste("plausibilitaetshinweise");
  /** Who reviewed (Fachlich prüfen): may not decide (four-eyes). */
  public static final Variable<String> PRUEFER = Variable.text("pruefer");
  public static final Variable<String> VOTUM = Variable.text("votum");
  public static final Variable<BigDecimal> VORGESCHLAGENER_BETRAG = Variable.geld("vorgeschlagenerBetrag");
  /** BEWILLIGT, TEILBEWILLIGT, ABGELEHNT or ZURUECK_AN_PRUEFUNG. */
  public static final Variable<String> ENTSCHEIDUNG = Variable.text("entscheidung");
  public static final Variable<String> ENTSCHIEDEN_VON = Variable.text("entschiedenVon");
  public static final Variable<LocalDate> BEWILLIGUNG_VON = Variable.datum("bewilligungVon");
  public static final Variable<LocalDate> BEWILLIGUNG_BIS = Variable.datum("bewilligungBis");
  public static final Variable<String> AUFLAGEN = Variable.text("auflagen");
  public static final Variable<String> BEGRUENDUNG = Variable.text("begruendung");
  /** Payouts: list of {nr, baustein, betrag, bescheinigtVon, angeordnetVon, gebuchtAm}. */
  public static final Variable<Object> AUSZAHLUNGEN = Variable.wert("auszahlungen");
  public static final Variable<LocalDate> VN_FAELLIG_AM = Variable.datum("vnFaelligAm");
  /** VN_NICHT_VORGELEGT, ZWECKVERFEHLUNG, NICHT_ALSBALD_VERWENDET, MENGENUNTERSCHREITUNG, AUFLAGENVERSTOSS. */
  public static final Variable<String> RUECKFORDERUNG_GRUND = Variable.text("rueckforderungGrund");
  /** From this day the grant no longer holds; interest runs from here (§49a Abs. 3 VwVfG). */
  public static final Variable<LocalDate> UNWIRKSAM_AB = Variable.datum("unwirksamAb");
  public static final Variable<LocalDate> ANHOERUNG_BIS = Variable.datum("anhoerungBis");
  public static final Variable<LocalDate> ZAHLUNG_BIS = Variable.datum("zahlungBis");

  /** Only funding staff and coordination record and work funding cases; administration books and dispatches. */
  @Bean
  Prozessbeschreibung foerderantragBeschreibung() {
    return new Prozessbeschreibung(ANTRAG, ANTRAG_PRAEFIX, "Förderantrag",
        Set.of(KiGruppen.FOERDERUNG, KiGruppen.LEITUNG), Set.of(KiGruppen.VERWALTUNG, FACHDIENSTLEITUNG), Set.of(KiGruppen.LEITUNG));
  }

  @Bean
  Prozessbeschreibung foerderprogrammjahrBeschreibung() {
    return new Prozessbeschreibung(PROGRAMMJAHR, PROGRAMMJAHR_PRAEFIX, "Förderprogrammjahr",
        Set.of(KiGruppen.FOERDERUNG, KiGruppen.LEITUNG), Set.of(), Set.of(KiGruppen.LEITUNG));
  }
}
