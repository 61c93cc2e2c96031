package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.partner.PartnerTyp;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import de.hsk.ki.plattform.prozess.Variable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lateral-entry process: its key, its element ids, its typed variables and its descriptor. */
@Configuration
public class Seiteneinstieg {

  public static final String SCHLUESSEL = "Process_Seiteneinstieg";
  public static final String PRAEFIX = "SE";

  // Variables of the forms (forms/seiteneinstieg/) and of the model; ProzessklassenTest keeps them in step.
  /** Case number (business key), copied onto every task. */
  public static final Variable<String> AKTENZEICHEN = Variable.text("aktenzeichen");
  /** Age at intake, for the routing table. */
  public static final Variable<Long> ALTER = Variable.zahl("alter");
  /** Result of Decision_Beratungszustaendigkeit (groups). */
  public static final Variable<Object> BERATUNG = Variable.wert("beratung");
  /** Result of Decision_Schulaufsicht (partner key). */
  public static final Variable<String> SCHULAUFSICHT = Variable.text("schulaufsicht");
  /** Out of the overdue building block. */
  public static final Variable<String> ESKALATIONSMASSNAHME = Variable.text("eskalationsmassnahme");
  public static final Variable<String> ZUGEWIESENE_SCHULE = Variable.text("zugewieseneSchule");
  public static final Variable<Object> SCHUL_OPTIONEN = Variable.wert("schulOptionen");
  public static final Variable<String> AUFNAHME = Variable.text("aufnahme");
  public static final Variable<String> ABLEHNUNGSGRUND = Variable.text("ablehnungsgrund");
  /** The school's answers in Tasklist (issue 16): the admission date, the first school day (review S10). */
  public static final Variable<LocalDate> AUFNAHME_AM = Variable.datum("aufnahmeAm");
  public static final Variable<String> SCHULBESUCH = Variable.text("schulbesuch");
  public static final Variable<LocalDate> SCHULBESUCH_SEIT = Variable.datum("schulbesuchSeit");
  public static final Variable<String> SCHULBESUCH_NOTIZ = Variable.text("schulbesuchNotiz");
  /** The Schulträger's confirmation that it watches over the compulsory schooling of a child who did not come. */
  public static final Variable<String> SCHULPFLICHT_UEBERNOMMEN = Variable.text("schulpflichtUebernommen");
  public static final Variable<String> SCHULTRAEGER_VERMERK = Variable.text("schultraegerVermerk");
  public static final Variable<String> KOMMUNE = Variable.text("kommune");
  public static final Variable<LocalDate> TERMIN_DATUM = Variable.datum("terminDatum");
  public static final Variable<String> TERMIN_UHRZEIT = Variable.text("terminUhrzeit");
  public static final Variable<String> TERMIN_ORT = Variable.text("terminOrt");
  public static final Variable<String> EINLADUNGSWEG = Variable.text("einladungsweg");
  public static final Variable<Boolean> DOLMETSCHER_GEBUCHT = Variable.jaNein("dolmetscherGebucht");
  public static final Variable<String> DOLMETSCHER_SPRACHE = Variable.text("dolmetscherSprache");
  /** An on-site appointment's address, and how the interpreter is booked: the KI's pool or elsewhere (review S12). */
  public static final Variable<String> TERMIN_ORT_ADRESSE = Variable.text("terminOrtAdresse");
  public static final Variable<String> SPRACHMITTLUNG_UEBER = Variable.text("sprachmittlungUeber");
  /** Task-local on the invitation from model 1.4.0: the pool request exists. */
  public static final Variable<Boolean> POOLANFRAGE_MOEGLICH = Variable.jaNein("poolanfrageMoeglich");
  /** The pool's answer: interpreter, confidentiality pledge on file, expense allowance in euro as typed ("25,00"). */
  public static final Variable<String> SPRACHMITTLUNG_ERGEBNIS = Variable.text("sprachmittlungErgebnis");
  public static final Variable<String> SPRACHMITTLER_NAME = Variable.text("sprachmittlerName");
  public static final Variable<String> VERSCHWIEGENHEIT_ERKLAERT = Variable.text("verschwiegenheitErklaert");
  public static final Variable<String> SPRACHMITTLUNG_KOSTEN = Variable.text("sprachmittlungKosten");
  public static final Variable<String> SPRACHMITTLUNG_NOTIZ = Variable.text("sprachmittlungNotiz");
  public static final Variable<List<String>> DOKUMENTE = Variable.liste("dokumente");
  public static final Variable<Long> SCHULBESUCHSJAHRE = Variable.zahl("schulbesuchsjahre");
  public static final Variable<Long> LETZTE_KLASSE = Variable.zahl("letzteKlasse");
  public static final Variable<String> HERKUNFTSSCHULFORM = Variable.text("herkunftsschulform");
  public static final Variable<String> SPRACHEN = Variable.text("sprachen");
  public static final Variable<String> LATEINISCHE_SCHRIFT = Variable.text("lateinischeSchrift");
  public static final Variable<String> DEUTSCHNIVEAU = Variable.text("deutschniveau");
  public static final Variable<String> MATHEMATIKNIVEAU = Variable.text("mathematikniveau");
  public static final Variable<String> INTERESSEN = Variable.text("interessen");
  public static final Variable<String> EMPFOHLENE_SCHULFORM = Variable.text("empfohleneSchulform");
  public static final Variable<Long> EMPFOHLENE_KLASSE = Variable.zahl("empfohleneKlasse");
  /** A possible special-needs support requirement: only a hint to the Schulamt (AO-SF), with consent, no details. */
  public static final Variable<Boolean> AOSF_HINWEIS = Variable.jaNein("aosfHinweis");
  /** Task-local on the counselling of model versions that act on the hint (older versions would drop it). */
  public static final Variable<Boolean> AOSF_MOEGLICH = Variable.jaNein("aosfMoeglich");
  public static final Variable<Boolean> ALPHABETISIERUNG = Variable.jaNein("alphabetisierung");
  /** Checkbox of model versions before 1.2.0; the examination is now always requested for ages 6 to 18 (review S3). */
  public static final Variable<Boolean> GESUNDHEITSAMT_BENACHRICHTIGEN = Variable.jaNein("gesundheitsamtBenachrichtigen");
  /** Task-local on the first counselling of model versions that always request the examination. */
  public static final Variable<Boolean> UNTERSUCHUNG_PFLICHT = Variable.jaNein("untersuchungPflicht");
  /** Task-local on the counselling step from model 1.4.0: "nicht erschienen" has a path (review S5). */
  public static final Variable<Boolean> NICHT_ERSCHIENEN_MOEGLICH = Variable.jaNein("nichtErschienenMoeglich");
  /** Only the management: why the newcomer examination is not needed. */
  public static final Variable<String> UNTERSUCHUNG_ENTFAELLT_GRUND = Variable.text("untersuchungEntfaelltGrund");
  // "Seiteneinsteigeruntersuchung erfassen" (form_se_untersuchung): attendance, never findings
  public static final Variable<String> UNTERSUCHUNGSSTAND = Variable.text("untersuchungsstand");
  public static final Variable<LocalDate> UNTERSUCHUNG_AM = Variable.datum("untersuchungAm");
  public static final Variable<LocalDate> NEUER_UNTERSUCHUNGSTERMIN = Variable.datum("neuerUntersuchungstermin");
  public static final Variable<String> UNTERSUCHUNGSNOTIZ = Variable.text("untersuchungsnotiz");
  public static final Variable<String> UNTERSUCHUNGSVERLAUF = Variable.text("untersuchungsverlauf");
  /** Art. 13 GDPR notice: the day it was handed to the family and the language it was explained in. */
  public static final Variable<LocalDate> DATENSCHUTZHINWEIS_AM = Variable.datum("datenschutzhinweisAm");
  public static final Variable<String> DATENSCHUTZHINWEIS_SPRACHE = Variable.text("datenschutzhinweisSprache");
  public static final Variable<String> BERATUNGSNOTIZ = Variable.text("beratungsnotiz");
  public static final Variable<String> MELDENDE_STELLE = Variable.text("meldendeStelle");
  public static final Variable<String> VORNAME = Variable.text("vorname");
  public static final Variable<String> NACHNAME = Variable.text("nachname");
  public static final Variable<LocalDate> GEBURTSDATUM = Variable.datum("geburtsdatum");
  /** Result of the shared Decision_Schulpflicht (stufe, schulpflichtig, grund); the clarification form shows the reason. */
  public static final Variable<Object> SCHULPFLICHT = Variable.wert("schulpflicht");
  /** Estimated birth date (e.g. after the youth-welfare office's age assessment); Decision_Schulpflicht reads it. */
  public static final Variable<Boolean> GEBURTSDATUM_GESCHAETZT = Variable.jaNein("geburtsdatumGeschaetzt");
  public static final Variable<String> STAATSANGEHOERIGKEIT = Variable.text("staatsangehoerigkeit");
  public static final Variable<LocalDate> ZUZUGSDATUM = Variable.datum("zuzugsdatum");
  public static final Variable<String> ANSCHRIFT = Variable.text("anschrift");
  public static final Variable<String> AUSWEISART = Variable.text("ausweisart");
  public static final Variable<String> SORGEFORM = Variable.text("sorgeform");
  public static final Variable<String> ERZIEHUNGSBERECHTIGTE = Variable.text("erziehungsberechtigte");
  // unaccompanied minors (review S13): shown when the guardianship lies with a guardian or a facility
  /** Partner key of the youth-welfare office: from the report (unaccompanied minors) or from Decision_Jugendamt (day-care hint). */
  public static final Variable<String> JUGENDAMT = Variable.text("jugendamt");
  public static final Variable<String> INOBHUTNAHME_STATUS = Variable.text("inobhutnahmeStatus");
  public static final Variable<String> VORMUND_KONTAKT = Variable.text("vormundKontakt");
  public static final Variable<String> EINRICHTUNG = Variable.text("einrichtung");
  public static final Variable<String> BEZUGSBETREUER = Variable.text("bezugsbetreuer");
  public static final Variable<String> TELEFON = Variable.text("telefon");
  public static final Variable<String> EMAIL = Variable.text("email");
  public static final Variable<String> BEVORZUGTE_SPRACHE = Variable.text("bevorzugteSprache");
  /** Language of the assignment letter's second page (review S7); KEINE for German only. */
  public static final Variable<String> BRIEF_SPRACHE = Variable.text("briefSprache");
  /** The Schulträger's acknowledgement of the assignment (review S7) and its optional note. */
  public static final Variable<String> KENNTNIS_GENOMMEN = Variable.text("kenntnisGenommen");
  public static final Variable<Boolean> DOLMETSCHER_BENOETIGT = Variable.jaNein("dolmetscherBenoetigt");
  public static final Variable<String> BEMERKUNG = Variable.text("bemerkung");
  public static final Variable<String> KLAERUNGSERGEBNIS = Variable.text("klaerungsergebnis");
  public static final Variable<String> KLAERUNGSNOTIZ = Variable.text("klaerungsnotiz");
  /** Task-local on the clarification of model versions that act on its result. */
  public static final Variable<Boolean> KLAERUNG_MIT_FOLGEN = Variable.jaNein("klaerungMitFolgen");
  public static final Variable<LocalDate> GEBURTSDATUM_KORRIGIERT = Variable.datum("geburtsdatumKorrigiert");
  /** Read-only history of corrected birth dates, shown on a further clarification. */
  public static final Variable<String> KLAERUNGSVERLAUF = Variable.text("klaerungsverlauf");
  /** For a hand-over to the transition process (its intake fields). */
  public static final Variable<String> AKTUELLE_KLASSE = Variable.text("aktuelleKlasse");
  public static final Variable<String> ABSCHLUSS = Variable.text("abschluss");
  public static final Variable<String> AUFENTHALTSSTATUS = Variable.text("aufenthaltsstatus");
  /** Case number of the transition case this one was handed over to. */
  public static final Variable<String> NACHFOLGER = Variable.text("nachfolger");
  /** Case number of the transition case that handed this first school placement over. */
  public static final Variable<String> VORGAENGER = Variable.text("vorgaenger");
  /** The transition team's note with the hand-over, shown to the first counselling. */
  public static final Variable<String> UEBERGABENOTIZ = Variable.text("uebergabenotiz");
  /** From the transition process: an apprenticeship begun before 21 keeps compulsory schooling. */
  public static final Variable<LocalDate> AUSBILDUNGSBEGINN = Variable.datum("ausbildungsbeginn");
  public static final Variable<LocalDate> SCHULBEGINN = Variable.datum("schulbeginn");
  public static final Variable<String> ANSPRECHPERSON = Variable.text("ansprechperson");
  public static final Variable<LocalDate> VERSANDDATUM = Variable.datum("versanddatum");
  public static final Variable<String> VERSANDWEG = Variable.text("versandweg");
  /** Keys of the schools that refused this case, comma-separated: never offered or accepted again. */
  public static final Variable<String> ABGELEHNTE_SCHULEN = Variable.text("abgelehnteSchulen");
  /** Read-only history of refused assignments, shown on the next assignment task. */
  public static final Variable<String> BISHERIGE_ZUWEISUNGEN = Variable.text("bisherigeZuweisungen");
  /** Outcome of the invitation task: TERMIN_VEREINBART or NICHT_ERREICHBAR. */
  public static final Variable<String> EINLADUNGSERGEBNIS = Variable.text("einladungsergebnis");
  public static final Variable<String> KONTAKTNOTIZ = Variable.text("kontaktnotiz");
  /** Outcome of the first counselling appointment: ERSCHIENEN or NICHT_ERSCHIENEN (review S5). */
  public static final Variable<String> ERSTBERATUNG_ERGEBNIS = Variable.text("erstberatungErgebnis");
  public static final Variable<String> NICHT_ERSCHIENEN_NOTIZ = Variable.text("nichtErschienenNotiz");
  /** Failed attempts to reach the family; after the second the case is closed with a reason. */
  public static final Variable<Long> KONTAKTVERSUCHE = Variable.zahl("kontaktversuche");
  public static final Variable<String> BISHERIGE_KONTAKTVERSUCHE = Variable.text("bisherigeKontaktversuche");
  public static final Variable<String> ABSCHLUSSGRUND = Variable.text("abschlussgrund");
  public static final Variable<String> ABSCHLUSSNOTIZ = Variable.text("abschlussnotiz");
  /** Decision of the school supervision: ZUGEWIESEN, SCHULFORM_GEAENDERT, WARTELISTE or RUECKFRAGE_KI. */
  public static final Variable<String> ZUWEISUNGSERGEBNIS = Variable.text("zuweisungsergebnis");
  /** The decisions the assignment task offers (task-local; no query to the KI where the Schulamt counselled). */
  public static final Variable<Object> ERGEBNIS_OPTIONEN = Variable.wert("ergebnisOptionen");
  /** The school form a place is sought in: the KI's recommendation until the supervision or the counselling changes it. */
  public static final Variable<String> ZUGEWIESENE_SCHULFORM = Variable.text("zugewieseneSchulform");
  /** Its German name on the assignment task (task-local), only when it differs from the recommendation. */
  public static final Variable<String> SCHULFORM_DER_ZUWEISUNG = Variable.text("schulformDerZuweisung");
  /** The supervision's new school form (task-local until the decision "andere Schulform" takes it). */
  public static final Variable<String> NEUE_SCHULFORM = Variable.text("neueSchulform");
  public static final Variable<Long> JAHRGANGSSTUFE = Variable.zahl("jahrgangsstufe");
  /** Form of the initial German support: INTEGRIERT, TEILINTEGRIERT or ALPHABETISIERUNG. */
  public static final Variable<String> ERSTFOERDERUNGSFORM = Variable.text("erstfoerderungsform");
  public static final Variable<Boolean> SCHUELERBEFOERDERUNG = Variable.jaNein("schuelerbefoerderung");
  public static final Variable<LocalDate> WARTELISTE_BIS = Variable.datum("wartelisteBis");
  public static final Variable<String> RUECKFRAGE = Variable.text("rueckfrage");
  /** Name of the asking supervision on the query task (task-local). */
  public static final Variable<String> SCHULAUFSICHT_NAME = Variable.text("schulaufsichtName");
  public static final Variable<String> RUECKFRAGE_ANTWORT = Variable.text("rueckfrageAntwort");
  /** The supervision (partner key) that took the last decision other than an assignment. */
  public static final Variable<String> ENTSCHEIDUNG_VON = Variable.text("entscheidungVon");
  public static final Variable<String> ZUWEISUNGSNOTIZ = Variable.text("zuweisungsnotiz");
  /** Read-only history of the supervision's decisions and the answers to its queries. */
  public static final Variable<String> ZUWEISUNGSVERLAUF = Variable.text("zuweisungsverlauf");

  /** Element ids of the model, for delegates and tests (ProzessklassenTest: the same set as the BPMN). */
  public enum Element {
    Event_MeldungEingegangen,
    Gateway_Zustaendigkeitsermittlung,
    Task_SchulpflichtErmitteln,
    Task_BeratungszustaendigkeitErmitteln,
    Gateway_Zustaendigkeit,
    Task_ZustaendigkeitKlaeren,
    Gateway_Klaerungsergebnis,
    Event_FallAbgegeben,
    Task_AnUebergangUebergeben,
    Event_AnUebergangAbgegeben,
    Task_JugendamtErmitteln,
    Task_JugendamtInformieren,
    Event_AnJugendamtAbgegeben,
    Gateway_EinladungWiederholen,
    Task_EinladungVersenden,
    Gateway_FamilieErreicht,
    Gateway_VersuchOhneErfolg,
    Gateway_WeitererKontaktversuch,
    Task_FallOhneErstberatungAbschliessen,
    Gateway_AbschlussgrundOhneErstberatung,
    Task_SchultraegerOhneErstberatungInformieren,
    Event_ZurSchulpflichtueberwachungGeworfen,
    Event_FallOhneErstberatungGeschlossen,
    Gateway_SprachmittlungNebenher,
    Gateway_SprachmittlungAusDemPool,
    Event_OhneSprachmittlungAusDemPool,
    Task_SprachmittlungAnfragen,
    Task_SprachmittlungBestaetigen,
    Event_SprachmittlungGeklaert,
    Task_ErstberatungDurchfuehren,
    Gateway_FamilieErschienen,
    Gateway_GesundheitsamtErforderlich,
    Gateway_UntersuchungNebenher,
    Task_GesundheitsamtBenachrichtigen,
    Gateway_ZurUntersuchung,
    Task_UntersuchungErfassen,
    Gateway_Untersuchungsstand,
    Event_UntersuchungErfolgt,
    Event_UntersuchungEntfallen,
    Event_NeuerUntersuchungstermin,
    Gateway_GesundheitsamtZusammenfuehren,
    Gateway_AosfHinweis,
    Gateway_AosfNebenher,
    Call_AosfEinwilligung,
    Event_AosfEinwilligungAusgeblieben,
    Event_AosfOhneAntwort,
    Gateway_AosfEinwilligung,
    Task_AosfAnregen,
    Event_AosfHinweisGegeben,
    Event_AosfVerweigert,
    Gateway_AosfZusammenfuehren,
    SubProcess_Schulplatzvergabe,
    Event_VergabeGestartet,
    Gateway_ZuweisungAnfordern,
    Task_SchulaufsichtErmitteln,
    Gateway_Schulaufsicht,
    Task_ZuweisungSchulamt,
    Task_ZuweisungAnfragen,
    Task_ZuweisungErfassen,
    Gateway_ZuweisungErfolgt,
    Gateway_Zuweisungsergebnis,
    Task_RueckfrageBeantworten,
    Event_WartelisteBis,
    Task_SchuleInformieren,
    Task_AufnahmeErfassen,
    Gateway_Aufnahme,
    Event_SchulplatzGesichert,
    Event_ZuweisungUeberfaellig,
    Call_UeberfaelligeZuweisungKlaeren,
    Event_EskalationBearbeitet,
    Task_ZuweisungsschreibenVersenden,
    SubProcess_Schulstart,
    Event_SchulstartBeginnt,
    Event_SchulstartGeklaert,
    Gateway_ZuweisungVerteilen,
    Task_SchultraegerZuweisungMitteilen,
    Gateway_SchultraegerMitZugang,
    Task_ZuweisungZurKenntnis,
    Event_KenntnisnahmeAusgeblieben,
    Event_ZuweisungZurKenntnisGenommen,
    Event_KenntnisnahmeOhneAntwort,
    Event_SchultraegerPerMailInformiert,
    Task_SchulbesuchBestaetigen,
    Gateway_Schulbesuch,
    Event_FallAbgeschlossen,
    Task_SchultraegerInformieren,
    Event_ZurSchulpflichtueberwachungGefangen,
    Gateway_ZurSchulpflichtueberwachung,
    Task_SchulpflichtUeberwachen,
    Event_SchulbesuchNichtBegonnen,
    SubProcess_HoechstdauerSeiteneinstieg,
    SubProcess_FallVorzeitigBeendetSeiteneinstieg,
    Event_FallBeendetGemeldetSeiteneinstieg,
    Event_FallVorzeitigBeendetSeiteneinstieg,
    SubProcess_HoechstdauerVorwarnungSeiteneinstieg,
    Event_HoechstdauerNahtSeiteneinstieg,
    Task_HoechstdauerEntscheidenSeiteneinstieg,
    Event_HoechstdauerEntschiedenSeiteneinstieg,
    Event_HoechstdauerSeiteneinstiegErreicht,
    Event_SeiteneinstiegWegenZeitablaufGeschlossen,
    // Process_SeiteneinstiegUebersicht (zuweisungsuebersicht.bpmn)
    Event_UebersichtFaellig,
    Task_UebersichtVersenden,
    Event_UebersichtVersendet
  }

  @Bean
  Prozessbeschreibung seiteneinstiegBeschreibung() {
    return new Prozessbeschreibung(SCHLUESSEL, PRAEFIX, "Seiteneinstieg",
        Set.copyOf(KiGruppen.SEITENEINSTIEG),
        // the Schulamt sees its assignment tasks (granted per task) and the process name, nothing else
        Set.of(KiGruppen.SCHULAMT),
        Set.of(KiGruppen.LEITUNG),
        // they answer in Tasklist: the school its admission and first day, the Bezirksregierung its
        // assignment, the health office the examination, the Schulträger takes over a no-show (issue 16, ADR 0006)
        Set.of(PartnerTyp.SCHULE, PartnerTyp.BEZIRKSREGIERUNG, PartnerTyp.GESUNDHEITSAMT, PartnerTyp.SCHULTRAEGER));
  }

  /** Every case concerns one child: it joins the person and family register (issue 17). */
  @Bean
  de.hsk.ki.plattform.person.Personenfall seiteneinstiegPersonen() {
    return new de.hsk.ki.plattform.person.Personenfall(SCHLUESSEL);
  }

  /** Clerks take municipalities' report lists in here (issue 17); offered above the task list. */
  @Bean
  de.hsk.ki.plattform.identitaet.Seitenverweis meldelistenVerweis() {
    return new de.hsk.ki.plattform.identitaet.Seitenverweis("Meldelisten", "/ki/meldelisten",
        Set.of(KiGruppen.VERWALTUNG, KiGruppen.LEITUNG), 20);
  }
}
