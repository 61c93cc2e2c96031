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
  public static final String ENTSCHEIDUNG_FRISTEN = "Decision_FA_Fristen";

  // ---- both processes ----
  /** Case number (business key), copied onto every task. */
  public static final Variable<String> AKTENZEICHEN = Variable.text("aktenzeichen");
  /** KOMM_AN_II, IFKUF or SONSTIGES. */
  public static final Variable<String> PROGRAMM = Variable.text("programm");
  public static final Variable<Long> FOERDERJAHR = Variable.zahl("foerderjahr");

  // ---- funding year ----
  // Process_Foerderprogrammjahr (FP-<programm>-<jahr>): state application, distribution, call-offs, collective proof of use.
  public static final Variable<LocalDate> LANDESANTRAGSFRIST = Variable.datum("landesantragsfrist");
  /** Until this day associations apply to the KI; the distribution starts the morning after. */
  public static final Variable<LocalDate> LOKALE_ANTRAGSFRIST = Variable.datum("lokaleAntragsfrist");
  public static final Variable<BigDecimal> BEANTRAGTES_BUDGET = Variable.geld("beantragtesBudget");
  public static final Variable<String> LANDESANTRAG_HINWEIS = Variable.text("landesantragHinweis");
  public static final Variable<LocalDate> LANDESANTRAG_EINGEREICHT_AM = Variable.datum("landesantragEingereichtAm");
  /** GEZEICHNET or ZURUECK: the answer of each signature of the year, read by the gateway right after it. */
  public static final Variable<String> ZEICHNUNG = Variable.text("zeichnung");
  public static final Variable<String> ZEICHNUNG_HINWEIS = Variable.text("zeichnungHinweis");
  /** Declaration of no conflict of interest on every signature (§§ 20, 21 VwVfG NRW). */
  public static final Variable<Boolean> ZEICHNUNG_NICHT_BEFANGEN = Variable.jaNein("zeichnungNichtBefangen");
  /** Who prepared what is signed; the four-eyes listener (plattform.vieraugen) refuses that person. */
  public static final Variable<String> VORSCHLAG_VON = Variable.text("vorschlagVon");
  /** The state's grant decision (Zuwendungsbescheid des Landes). */
  public static final Variable<BigDecimal> LANDESBETRAG = Variable.geld("landesbetrag");
  public static final Variable<LocalDate> LANDES_BEWILLIGUNG_VON = Variable.datum("landesBewilligungVon");
  public static final Variable<LocalDate> LANDES_BEWILLIGUNG_BIS = Variable.datum("landesBewilligungBis");
  /** Deadline of the county's collective proof of use to the Bezirksregierung. */
  public static final Variable<LocalDate> VN_FRIST_LAND = Variable.datum("vnFristLand");
  public static final Variable<String> LANDES_AUFLAGEN = Variable.text("landesAuflagen");
  /** The budget to distribute when the state granted less than applied for. */
  public static final Variable<BigDecimal> BUDGET = Variable.geld("budget");
  public static final Variable<String> BUDGET_HINWEIS = Variable.text("budgetHinweis");
  public static final Variable<String> AUFRUFTEXT = Variable.text("aufruftext");
  public static final Variable<LocalDate> AUFRUF_VERSANDT_AM = Variable.datum("aufrufVersandtAm");
  public static final Variable<String> VERTEILUNGSUEBERSICHT = Variable.text("verteilungsuebersicht");
  public static final Variable<String> VERTEILUNGSVORSCHLAG = Variable.text("verteilungsvorschlag");
  public static final Variable<String> ABRUFUEBERSICHT = Variable.text("abrufuebersicht");
  public static final Variable<BigDecimal> ABRUFBETRAG = Variable.geld("abrufbetrag");
  /** Payouts a call-off task covers: rows {auszahlung ("FA-2026-0001/2"), betrag}, local to that task. */
  public static final Variable<Object> ABRUFPOSITIONEN = Variable.wert("abrufpositionen");
  /** Payouts called off from the state so far: rows {auszahlung, betrag, abgerufenAm}. */
  public static final Variable<Object> MITTELABRUFE = Variable.wert("mittelabrufe");
  public static final Variable<String> NACHWEISUEBERSICHT = Variable.text("nachweisuebersicht");
  public static final Variable<String> SACHBERICHT = Variable.text("sachbericht");
  public static final Variable<LocalDate> VN_EINGEREICHT_AM = Variable.datum("vnEingereichtAm");
  public static final Variable<LocalDate> PRUEFMITTEILUNG_AM = Variable.datum("pruefmitteilungAm");
  public static final Variable<Boolean> RUECKZAHLUNG_LAND = Variable.jaNein("rueckzahlungLand");
  public static final Variable<BigDecimal> RUECKZAHLUNGSBETRAG_LAND = Variable.geld("rueckzahlungsbetragLand");
  public static final Variable<LocalDate> RUECKZAHLUNG_ANGEWIESEN_AM = Variable.datum("rueckzahlungAngewiesenAm");
  // what the year's tasks show (ProgrammjahrAblauf.anzeigen), local to each task
  /** The state's deadline as dd.MM.yyyy. */
  public static final Variable<String> LANDESANTRAGSFRIST_TEXT = Variable.text("landesantragsfristText");
  /** Amounts as German euro ("50.000,00 €"). */
  public static final Variable<String> BEANTRAGTES_BUDGET_TEXT = Variable.text("beantragtesBudgetText");
  public static final Variable<String> LANDESBETRAG_TEXT = Variable.text("landesbetragText");
  public static final Variable<String> RUECKZAHLUNGSBETRAG_LAND_TEXT = Variable.text("rueckzahlungsbetragLandText");
  /** First and last name of vorschlagVon, or the id where the identity service knows no name. */
  public static final Variable<String> VORSCHLAG_VON_NAME = Variable.text("vorschlagVonName");

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

  /** Key of the applicant in the partner directory (kept per case): letters and reminders go there. */
  public static final Variable<String> TRAEGER_PARTNER = Variable.text("traegerPartner");
  /** ZULASSEN or ABLEHNEN (late application). */
  public static final Variable<String> VERSPAETUNG_ZULASSUNG = Variable.text("verspaetungZulassung");
  /** Options of the checklist of required documents (task-local). */
  public static final Variable<Object> UNTERLAGEN_OPTIONEN = Variable.wert("unterlagenOptionen");
  public static final Variable<List<String>> VORHANDENE_UNTERLAGEN = Variable.liste("vorhandeneUnterlagen");
  /** VOLLSTAENDIG or UNVOLLSTAENDIG. */
  public static final Variable<String> VOLLSTAENDIGKEIT = Variable.text("vollstaendigkeit");
  public static final Variable<LocalDate> UNTERLAGEN_EINGANG_AM = Variable.datum("unterlagenEingangAm");
  public static final Variable<String> UNTERLAGEN_NOTIZ = Variable.text("unterlagenNotiz");
  /** VERLAENGERN or ABLEHNEN. */
  public static final Variable<String> FRISTVERLAENGERUNG = Variable.text("fristverlaengerung");
  /** The hints in one line (task-local). */
  public static final Variable<String> PLAUSIBILITAET_TEXT = Variable.text("plausibilitaetText");
  public static final Variable<String> VERHAELTNISMAESSIGKEIT = Variable.text("verhaeltnismaessigkeit");
  public static final Variable<String> KOSTENPLAN_PLAUSIBEL = Variable.text("kostenplanPlausibel");
  public static final Variable<String> ZIELGRUPPENBEZUG = Variable.text("zielgruppenbezug");
  public static final Variable<String> WILLKOMMENSKULTUR = Variable.text("willkommenskultur");
  public static final Variable<String> GESCHAEFTSFUEHRUNG = Variable.text("geschaeftsfuehrung");
  public static final Variable<String> FRUEHERE_FOERDERUNGEN = Variable.text("fruehereFoerderungen");
  public static final Variable<String> PRUEFBEGRUENDUNG = Variable.text("pruefbegruendung");
  /** Declaration of no conflict of interest (§§ 20, 21 VwVfG NRW) on every decision form. */
  public static final Variable<Boolean> PRUEFUNG_NICHT_BEFANGEN = Variable.jaNein("pruefungNichtBefangen");
  /** Each decision's own declaration: one person's declaration never pre-ticks another's form. */
  public static final Variable<Boolean> ENTSCHEIDUNG_NICHT_BEFANGEN = Variable.jaNein("entscheidungNichtBefangen");
  public static final Variable<Boolean> RUECKFORDERUNG_NICHT_BEFANGEN = Variable.jaNein("rueckforderungNichtBefangen");
  /** Out of Decision_FA_Zeichnung: the group that decides. */
  public static final Variable<String> ZEICHNUNGSGRUPPE = Variable.text("zeichnungsgruppe");
  public static final Variable<String> BEWILLIGT_VON = Variable.text("bewilligtVon");
  public static final Variable<LocalDate> VERTRAG_VERSANDT_AM = Variable.datum("vertragVersandtAm");
  public static final Variable<LocalDate> VERTRAG_EINGANG_AM = Variable.datum("vertragEingangAm");
  /** ZURUECKZIEHEN or WARTEN. */
  public static final Variable<String> RUECKZUG = Variable.text("rueckzug");
  public static final Variable<LocalDate> VERTRAG_WARTEN_BIS = Variable.datum("vertragWartenBis");
  /** ABRUF or KEIN_WEITERER. */
  public static final Variable<String> ABRUF_ART = Variable.text("abrufArt");
  public static final Variable<Object> BAUSTEIN_OPTIONEN = Variable.wert("bausteinOptionen");
  public static final Variable<String> ABRUF_BAUSTEIN = Variable.text("abrufBaustein");
  public static final Variable<Boolean> ZWEI_MONATE = Variable.jaNein("zweiMonate");
  public static final Variable<Boolean> KOSTENPLAN_GEPRUEFT = Variable.jaNein("kostenplanGeprueft");
  public static final Variable<Boolean> SACHLICH_RICHTIG = Variable.jaNein("sachlichRichtig");
  /** Who certified the funds request: may not order the payout. */
  public static final Variable<String> BESCHEINIGT_VON = Variable.text("bescheinigtVon");
  public static final Variable<Boolean> ANORDNUNG = Variable.jaNein("anordnung");
  public static final Variable<String> ANGEORDNET_VON = Variable.text("angeordnetVon");
  public static final Variable<LocalDate> GEBUCHT_AM = Variable.datum("gebuchtAm");
  public static final Variable<LocalDate> VN_EINGANG_AM = Variable.datum("vnEingangAm");
  /** NACHFRIST or WIDERRUF. */
  public static final Variable<String> WIDERRUF = Variable.text("widerruf");
  /** New proof-of-use deadline the Leitung sets instead of revoking. */
  public static final Variable<LocalDate> NACHFRIST_BIS = Variable.datum("nachfristBis");
  public static final Variable<Boolean> VN_VOLLSTAENDIG = Variable.jaNein("vnVollstaendig");
  /** Rows of the proof check (task-local): baustein, menge, nachgewiesen. */
  public static final Variable<Object> NACHWEISZEILEN = Variable.wert("nachweiszeilen");
  /** Participants according to the proof: a count. */
  public static final Variable<Long> TEILNEHMENDE_TATSAECHLICH = Variable.zahl("teilnehmendeTatsaechlich");
  public static final Variable<List<String>> NACHWEISARTEN = Variable.liste("nachweisarten");
  public static final Variable<Boolean> LOGO_VERWENDET = Variable.jaNein("logoVerwendet");
  public static final Variable<Boolean> AUFLAGEN_ERFUELLT = Variable.jaNein("auflagenErfuellt");
  public static final Variable<String> ABWEICHUNGEN = Variable.text("abweichungen");
  /** Who checked the proof of use: may not counter-sign or decide the reclaim. */
  public static final Variable<String> VN_PRUEFER = Variable.text("vnPruefer");
  /** Recognised share of the approved sum, whole percent rounded down. */
  public static final Variable<Long> ANTEIL_PROZENT = Variable.zahl("anteilProzent");
  public static final Variable<Long> VN_NACHFORDERUNGEN = Variable.zahl("vnNachforderungen");
  /** Out of Decision_FA_Pruefergebnis. */
  public static final Variable<String> PRUEFERGEBNIS = Variable.text("pruefergebnis");
  /** BESTAETIGT or ZURUECK. */
  public static final Variable<String> GEGENZEICHNUNG = Variable.text("gegenzeichnung");
  public static final Variable<String> GEGENZEICHNUNG_NOTIZ = Variable.text("gegenzeichnungNotiz");
  public static final Variable<String> GEGENGEZEICHNET_VON = Variable.text("gegengezeichnetVon");
  /** Out of Decision_FA_Rueckforderung. */
  public static final Variable<String> MASSNAHME = Variable.text("massnahme");
  public static final Variable<LocalDate> STELLUNGNAHME_AM = Variable.datum("stellungnahmeAm");
  public static final Variable<String> STELLUNGNAHME = Variable.text("stellungnahme");
  /** FESTSETZEN or ABSEHEN. */
  public static final Variable<String> RUECKFORDERUNG_ENTSCHEIDUNG = Variable.text("rueckforderungEntscheidung");
  public static final Variable<BigDecimal> FESTGESETZTER_BETRAG = Variable.geld("festgesetzterBetrag");
  public static final Variable<String> RUECKFORDERUNG_ENTSCHIEDEN_VON = Variable.text("rueckforderungEntschiedenVon");
  public static final Variable<LocalDate> ZAHLUNG_EINGANG_AM = Variable.datum("zahlungEingangAm");
  public static final Variable<BigDecimal> ZAHLUNG_BETRAG = Variable.geld("zahlungBetrag");
  /** Receipts are kept five years after the proof of use (Decision_FA_Fristen). */
  public static final Variable<LocalDate> BELEGE_AUFBEWAHREN_BIS = Variable.datum("belegeAufbewahrenBis");
  /** Amounts as staff read them (task-local). */
  public static final Variable<String> BEWILLIGT_TEXT = Variable.text("bewilligtText");
  public static final Variable<String> AUSGEZAHLT_TEXT = Variable.text("ausgezahltText");
  public static final Variable<String> REST_TEXT = Variable.text("restText");
  public static final Variable<String> ABRUFBETRAG_TEXT = Variable.text("abrufbetragText");
  public static final Variable<String> ANERKANNT_TEXT = Variable.text("anerkanntText");
  public static final Variable<String> RUECKFORDERUNG_TEXT = Variable.text("rueckforderungText");
  public static final Variable<String> ZINSEN_TEXT = Variable.text("zinsenText");
  public static final Variable<String> LETZTER_ABRUFTAG = Variable.text("letzterAbruftag");

  // change notices (Änderungsanzeige) and the last call-off notice
  public static final Variable<Boolean> ABRUF_ANGEKUENDIGT = Variable.jaNein("abrufAngekuendigt");
  /** The case a change notice is for (start form of Process_FoerderaenderungErfassen). */
  public static final Variable<String> AENDERUNG_FALL = Variable.text("aenderungFall");
  /** ENTFAELLT, KLEINER, VERSCHOBEN or SONSTIGES. */
  public static final Variable<String> AENDERUNG_ART = Variable.text("aenderungArt");
  public static final Variable<LocalDate> AENDERUNG_EINGANG_AM = Variable.datum("aenderungEingangAm");
  public static final Variable<String> AENDERUNG_BESCHREIBUNG = Variable.text("aenderungBeschreibung");
  /** KEINE or ANPASSUNG. */
  public static final Variable<String> AENDERUNG_WIRKUNG = Variable.text("aenderungWirkung");
  public static final Variable<BigDecimal> NEUER_BETRAG = Variable.geld("neuerBetrag");
  public static final Variable<LocalDate> NEUES_ENDE = Variable.datum("neuesEnde");
  public static final Variable<String> AENDERUNG_BEWERTUNG = Variable.text("aenderungBewertung");
  public static final Variable<String> AENDERUNG_BEWERTET_VON = Variable.text("aenderungBewertetVon");
  /** FREIGEGEBEN or ABGELEHNT. */
  public static final Variable<String> AENDERUNG_FREIGABE = Variable.text("aenderungFreigabe");
  public static final Variable<String> AENDERUNG_FREIGABE_NOTIZ = Variable.text("aenderungFreigabeNotiz");

  // what tasks show (task-local, Foerderanzeige): German labels, dates, names, amounts
  public static final Variable<String> BERECHNET_TEXT = Variable.text("berechnetText");
  public static final Variable<String> VORGESCHLAGEN_TEXT = Variable.text("vorgeschlagenText");
  public static final Variable<String> NEUER_BETRAG_TEXT = Variable.text("neuerBetragText");
  public static final Variable<String> PROGRAMM_TEXT = Variable.text("programmText");
  public static final Variable<String> KOMMUNE_TEXT = Variable.text("kommuneText");
  public static final Variable<String> VOTUM_TEXT = Variable.text("votumText");
  public static final Variable<String> AENDERUNG_ART_TEXT = Variable.text("aenderungArtText");
  public static final Variable<String> PRUEFERGEBNIS_TEXT = Variable.text("pruefergebnisText");
  public static final Variable<String> MASSNAHME_TEXT = Variable.text("massnahmeText");
  public static final Variable<String> RUECKFORDERUNG_GRUND_TEXT = Variable.text("rueckforderungGrundText");
  public static final Variable<String> VERTRAG_VERSANDT_TEXT = Variable.text("vertragVersandtAmText");
  public static final Variable<String> VN_FAELLIG_TEXT = Variable.text("vnFaelligAmText");
  public static final Variable<String> NACHFORDERUNG_BIS_TEXT = Variable.text("nachforderungBisText");
  public static final Variable<String> ANHOERUNG_BIS_TEXT = Variable.text("anhoerungBisText");
  public static final Variable<String> ZAHLUNG_BIS_TEXT = Variable.text("zahlungBisText");
  public static final Variable<String> AENDERUNG_EINGANG_TEXT = Variable.text("aenderungEingangAmText");
  public static final Variable<String> EINGANGSDATUM_TEXT = Variable.text("eingangsdatumText");
  public static final Variable<String> PRUEFER_NAME = Variable.text("prueferName");
  public static final Variable<String> BESCHEINIGT_VON_NAME = Variable.text("bescheinigtVonName");
  public static final Variable<String> VN_PRUEFER_NAME = Variable.text("vnPrueferName");
  public static final Variable<String> AENDERUNG_BEWERTET_VON_NAME = Variable.text("aenderungBewertetVonName");
  public static final Variable<String> BAUSTEIN_TEXT = Variable.text("bausteinText");
  public static final Variable<String> ANSCHRIFT_TEXT = Variable.text("anschriftText");
  /** Rows of the change assessment (task-local): baustein, bisher, neu. */
  public static final Variable<Object> ANPASSUNGSZEILEN = Variable.wert("anpassungszeilen");
  /** The proposed adjustment per building block, for the release and the letter. */
  public static final Variable<Object> ANPASSUNG = Variable.wert("anpassung");

  /** Element ids of the models of processes/foerderung (ProzessklassenTest: the same set as the BPMN). */
  public enum Element {
    // application (foerderantrag.bpmn), change notice (aenderungsanzeige.bpmn), funding year (programmjahr.bpmn)
    Event_AntragEingegangen,
    Gateway_Verspaetet,
    Task_VerspaetungEntscheiden,
    Gateway_Zulassen,
    Gateway_ZurBestaetigung,
    Task_EingangBestaetigen,
    Task_PflichtunterlagenBestimmen,
    Gateway_ZurVollstaendigkeit,
    Task_VollstaendigkeitPruefen,
    Gateway_Vollstaendig,
    Task_UnterlagenNachfordern,
    Task_UnterlagenEingang,
    Task_UnterlagenErinnern,
    Gateway_ZumNachreichen,
    Task_UnterlagenEingangNachErinnerung,
    Task_FristverlaengerungEntscheiden,
    Gateway_Fristverlaengerung,
    Gateway_UnterlagenDa,
    Task_BetragBerechnen,
    Task_PlausibilitaetPruefen,
    Gateway_ZurPruefung,
    Task_FachlichPruefen,
    Task_ZeichnungBestimmen,
    Task_BewilligungEntscheiden,
    Gateway_Entscheidung,
    Gateway_ZurAblehnung,
    Task_AblehnungVersenden,
    Event_Abgelehnt,
    Task_VertragVersenden,
    Task_VertragEingang,
    Task_VertragErinnern,
    Gateway_ZumVertragWarten,
    Task_VertragEingangNachErinnerung,
    Task_BewilligungZurueckziehen,
    Gateway_Zurueckziehen,
    Event_Zurueckgezogen,
    Gateway_ZumMittelabruf,
    Task_MittelabrufErfassen,
    Gateway_Abruf,
    Task_SachlichRichtig,
    Task_AuszahlungAnordnen,
    Task_KreiskasseAnweisen,
    Task_ZahlungBuchen,
    Gateway_Restbetrag,
    Gateway_ZumVerwendungsnachweis,
    Task_VerwendungsnachweisEingang,
    Gateway_ZurVnErinnerung,
    Task_VnErinnern,
    Event_VnErinnert,
    Task_WiderrufPruefen,
    Gateway_Widerruf,
    Gateway_ZurVnPruefung,
    Task_VerwendungsnachweisPruefen,
    Task_PruefergebnisErmitteln,
    Task_PruefvermerkGegenzeichnen,
    Gateway_Gegenzeichnung,
    Gateway_Pruefergebnis,
    Event_Abgeschlossen,
    Gateway_ZurRueckforderung,
    Task_RueckforderungBerechnen,
    Task_AnhoerungVersenden,
    Task_StellungnahmeErfassen,
    Gateway_NachAnhoerung,
    Task_RueckforderungEntscheiden,
    Gateway_Rueckforderung,
    Event_OhneRueckforderung,
    Task_RueckforderungsbescheidVersenden,
    Task_ZahlungseingangErfassen,
    Event_Zurueckgefordert,
    Task_KreiskasseVollstreckung,
    Event_AnKreiskasse,
    Task_LetztenAbrufAnkuendigen,
    Event_AbrufAngekuendigt,
    SubProcess_Aenderungsanzeige,
    Event_AenderungAngezeigt,
    Task_AenderungBewerten,
    Gateway_Aenderungswirkung,
    Task_AenderungFreigeben,
    Gateway_AenderungFreigegeben,
    Task_AnpassungMitteilen,
    Event_BewilligungAngepasst,
    Event_AenderungVermerkt,
    Event_AnpassungAbgelehnt,
    Event_NachforderungAbgelaufen,
    Event_ErinnerungAbgelaufen,
    Event_VertragNichtZurueck,
    Event_VertragWeiterNichtZurueck,
    Event_AbruffristAbgelaufen,
    Event_VnHinweis,
    Event_VnFaellig,
    Event_VnZweiteErinnerung,
    Event_VnUeberfaellig,
    Event_AnhoerungAbgelaufen,
    Event_ZahlungUeberfaellig,
    Event_LetzterAbrufNaht,
    Event_AenderungGemeldet,
    Task_AenderungAnFallMelden,
    Event_AenderungGemeldetErledigt,
    Event_ProgrammjahrAngelegt,
    Gateway_LandesantragVorbereiten,
    Task_LandesantragVorbereiten,
    Task_LandesantragZeichnen,
    Gateway_LandesantragGezeichnet,
    Gateway_BescheidUndAufruf,
    Task_FoerderaufrufVersenden,
    Event_LokaleAntragsfrist,
    Gateway_Verteilungsvorschlag,
    Task_Verteilungsvorschlag,
    Task_VerteilungBeschliessen,
    Gateway_VerteilungBeschlossen,
    Task_ZuwendungsbescheidErfassen,
    Gateway_BetragGekuerzt,
    Task_BudgetAnpassen,
    Gateway_BudgetFestgelegt,
    Gateway_DurchfuehrungBeginnt,
    SubProcess_Durchfuehrung,
    Event_DurchfuehrungBeginnt,
    Event_DurchfuehrungEndet,
    Event_DurchfuehrungBeendet,
    Event_MonatlicherMittelabruf,
    Task_MittelabrufBeimLand,
    Event_MittelAbgerufen,
    Gateway_SammelnachweisErstellen,
    Task_SammelnachweisErstellen,
    Task_SammelnachweisZeichnen,
    Gateway_SammelnachweisGezeichnet,
    Task_PruefmitteilungErfassen,
    Gateway_RueckzahlungAnDasLand,
    Event_ProgrammjahrAbgeschlossen,
    Task_RueckzahlungAnweisen,
    Event_ProgrammjahrMitRueckzahlungAbgeschlossen
  }

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


  @Bean
  de.hsk.ki.plattform.identitaet.Seitenverweis foerderberichtVerweis() {
    return new de.hsk.ki.plattform.identitaet.Seitenverweis("Förderbericht", "/ki/foerderung/bericht",
        Set.of(KiGruppen.FOERDERUNG, KiGruppen.LEITUNG), 40);
  }
}
