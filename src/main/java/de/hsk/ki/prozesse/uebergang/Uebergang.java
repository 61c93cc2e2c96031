package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import de.hsk.ki.plattform.prozess.Variable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The school-to-work transition process: its key, its element ids, its typed variables and its descriptor. */
@Configuration
public class Uebergang {

  public static final String SCHLUESSEL = "Process_UebergangSchuleBeruf";
  public static final String PRAEFIX = "UB";

  // Variables of the forms (forms/uebergang/) and of the model; ProzessklassenTest keeps them in step.
  /** Case number (business key), copied onto every task. */
  public static final Variable<String> AKTENZEICHEN = Variable.text("aktenzeichen");
  /** Age at intake. */
  public static final Variable<Long> ALTER = Variable.zahl("alter");
  /** Result of the shared Decision_Schulpflicht (facts: plattform.schulpflicht.Schulpflicht). */
  public static final Variable<String> SCHULPFLICHT = Variable.text("schulpflicht");
  /** Result of Decision_UebergangTeam. */
  public static final Variable<String> BERATUNG_GRUPPE = Variable.text("beratungGruppe");
  /** Overview of the consent register, shown in forms. */
  public static final Variable<String> EINWILLIGUNGEN_UEBERSICHT = Variable.text("einwilligungenUebersicht");
  /** Next entry date of the chosen school track. */
  public static final Variable<LocalDate> NAECHSTER_EINSTIEG = Variable.datum("naechsterEinstieg");
  /** Partners to ask for consent, one building-block call each. */
  public static final Variable<List<String>> VERMITTLUNGS_PARTNER = Variable.liste("vermittlungsPartner");
  /** Referral partners' answers in Tasklist, one line each, for the team's sessions (issue 16, review U12). */
  public static final Variable<String> PARTNER_RUECKMELDUNGEN = Variable.text("partnerRueckmeldungen");
  public static final Variable<String> RUECKMELDE_PARTNER = Variable.text("rueckmeldePartner");
  public static final Variable<String> RUECKMELDUNG = Variable.text("rueckmeldung");
  public static final Variable<String> RUECKMELDUNG_NOTIZ = Variable.text("rueckmeldungNotiz");
  public static final Variable<String> RUECKMELDUNG_TEXT = Variable.text("rueckmeldungText");
  /** Element variable of the per-partner loop. */
  public static final Variable<String> PARTNER = Variable.text("partner");
  /** Partners to inform after a session. */
  public static final Variable<List<String>> ZU_INFORMIERENDE_PARTNER = Variable.liste("zuInformierendePartner");
  /** Out of the overdue building block. */
  public static final Variable<String> ESKALATIONSMASSNAHME = Variable.text("eskalationsmassnahme");
  public static final Variable<String> MELDENDE_STELLE = Variable.text("meldendeStelle");
  /** Case number of the Seiteneinstieg case this one was handed over from. */
  public static final Variable<String> VORGAENGER = Variable.text("vorgaenger");
  /** Case number of the Seiteneinstieg case this one handed a first school placement to. */
  public static final Variable<String> NACHFOLGER = Variable.text("nachfolger");
  // hand-over to the Seiteneinstieg (form_ub_seiteneinstieg): what its report needs beyond this case
  public static final Variable<String> STAATSANGEHOERIGKEIT = Variable.text("staatsangehoerigkeit");
  public static final Variable<LocalDate> ZUZUGSDATUM = Variable.datum("zuzugsdatum");
  public static final Variable<String> ANSCHRIFT = Variable.text("anschrift");
  public static final Variable<String> SORGEFORM = Variable.text("sorgeform");
  public static final Variable<String> ERZIEHUNGSBERECHTIGTE = Variable.text("erziehungsberechtigte");
  public static final Variable<String> BEVORZUGTE_SPRACHE = Variable.text("bevorzugteSprache");
  public static final Variable<Boolean> DOLMETSCHER_BENOETIGT = Variable.jaNein("dolmetscherBenoetigt");
  public static final Variable<String> UEBERGABENOTIZ = Variable.text("uebergabenotiz");
  // registration at the Berufskolleg (form_ub_anmeldung, form_ub_zuweisung)
  /** Next intake of every course, task-local on "Schulischen Anschluss festlegen". */
  public static final Variable<String> AUFNAHMETERMINE = Variable.text("aufnahmetermine");
  public static final Variable<String> ANMELDUNGSERGEBNIS = Variable.text("anmeldungsergebnis");
  public static final Variable<String> BERUFSKOLLEG = Variable.text("berufskolleg");
  public static final Variable<LocalDate> SCHULBEGINN = Variable.datum("schulbeginn");
  public static final Variable<String> ANMELDUNGSNOTIZ = Variable.text("anmeldungsnotiz");
  public static final Variable<String> ZUWEISUNGSNOTIZ = Variable.text("zuweisungsnotiz");
  public static final Variable<String> ZUWEISUNGSSTAND = Variable.text("zuweisungsstand");
  public static final Variable<String> VORNAME = Variable.text("vorname");
  public static final Variable<String> NACHNAME = Variable.text("nachname");
  public static final Variable<LocalDate> GEBURTSDATUM = Variable.datum("geburtsdatum");
  public static final Variable<Boolean> GEBURTSDATUM_GESCHAETZT = Variable.jaNein("geburtsdatumGeschaetzt");
  /** Start of an apprenticeship; one begun before 21 keeps the duty to attend the Berufsschule. */
  public static final Variable<LocalDate> AUSBILDUNGSBEGINN = Variable.datum("ausbildungsbeginn");
  public static final Variable<String> KOMMUNE = Variable.text("kommune");
  public static final Variable<String> TELEFON = Variable.text("telefon");
  public static final Variable<String> EMAIL = Variable.text("email");
  public static final Variable<Long> SCHULBESUCHSJAHRE = Variable.zahl("schulbesuchsjahre");
  public static final Variable<String> AKTUELLE_KLASSE = Variable.text("aktuelleKlasse");
  public static final Variable<String> ABSCHLUSS = Variable.text("abschluss");
  public static final Variable<String> AUFENTHALTSSTATUS = Variable.text("aufenthaltsstatus");
  public static final Variable<String> DEUTSCHNIVEAU = Variable.text("deutschniveau");
  /** Benefits received (SGB2, ASYLBLG, KEINER, UNBEKANNT): who is responsible for a referral. */
  public static final Variable<String> LEISTUNGSBEZUG = Variable.text("leistungsbezug");
  /** Task-local on "Vermittlung planen": the offices Decision_Vermittlungsoptionen proposes (valuesKey). */
  public static final Variable<Object> PARTNER_OPTIONEN = Variable.wert("partnerOptionen");
  /** Task-local: proposals that are not offices of the directory (school routes, MBE, recognition). */
  public static final Variable<String> VERMITTLUNGS_HINWEISE = Variable.text("vermittlungsHinweise");
  public static final Variable<String> ERGEBNIS = Variable.text("ergebnis");
  public static final Variable<String> ERGEBNIS_NOTIZ = Variable.text("ergebnisNotiz");
  /** When and why the team asks whether the transition held (review U10, Decision_Nachfragetermin). */
  public static final Variable<java.time.LocalDate> NACHFRAGE_AM = Variable.datum("nachfrageAm");
  public static final Variable<String> NACHFRAGE_ANLASS = Variable.text("nachfrageAnlass");
  public static final Variable<String> ANSCHLUSS_GEHALTEN = Variable.text("anschlussGehalten");
  public static final Variable<String> NACHFRAGE_NOTIZ = Variable.text("nachfrageNotiz");
  public static final Variable<String> BILDUNGSGANG = Variable.text("bildungsgang");
  public static final Variable<Boolean> KAOA_KOMPAKT = Variable.jaNein("kaoaKompakt");
  /** Asked before model 1.3.0, when the KI booked the provider; kept for the history of those cases. */
  public static final Variable<LocalDate> ELTERN_INFORMIERT_AM = Variable.datum("elternInformiertAm");
  /** The young person's school (directory key) the KAoA-kompakt suggestion goes to (review U5); optional. */
  public static final Variable<String> KAOA_SCHULE = Variable.text("kaoaSchule");
  /** Task-local on "Schulischen Anschluss festlegen": the schools to choose from (valuesKey). */
  public static final Variable<Object> KAOA_SCHUL_OPTIONEN = Variable.wert("kaoaSchulOptionen");
  public static final Variable<String> ANSCHLUSS_NOTIZ = Variable.text("anschlussNotiz");
  public static final Variable<LocalDate> SITZUNGSDATUM = Variable.datum("sitzungsdatum");
  public static final Variable<String> SITZUNGSINHALT = Variable.text("sitzungsinhalt");
  public static final Variable<String> VEREINBARTE_SCHRITTE = Variable.text("vereinbarteSchritte");
  public static final Variable<List<String>> PARTNER_INFORMIEREN = Variable.liste("partnerInformieren");
  public static final Variable<List<String>> EINWILLIGUNG_WIDERRUFEN = Variable.liste("einwilligungWiderrufen");
  // a withdrawal at any time (review U7): the start form of Process_EinwilligungWiderrufen, handed to the case
  public static final Variable<String> WIDERRUF_FALL = Variable.text("widerrufFall");
  /** Kinds of partner (directory types, or keys of older consents) whose consent is withdrawn. */
  public static final Variable<List<String>> WIDERRUF_PARTNER = Variable.liste("widerrufPartner");
  /** TELEFON, BRIEF, EMAIL, PERSOENLICH. */
  public static final Variable<String> WIDERRUF_EINGANG = Variable.text("widerrufEingang");
  public static final Variable<LocalDate> WIDERRUF_EINGANG_AM = Variable.datum("widerrufEingangAm");
  public static final Variable<String> WIDERRUF_NOTIZ = Variable.text("widerrufNotiz");
  public static final Variable<String> WIDERRUF_VON = Variable.text("widerrufVon");
  /** Partner keys whose consent was just withdrawn, to be told (local to the event subprocess; on the case after a session). */
  public static final Variable<List<String>> WIDERRUFENE_PARTNER = Variable.liste("widerrufenePartner");
  /** Element variable of the notice step: one partner to tell (an empty list skips the step). */
  public static final Variable<String> WIDERRUFENER_PARTNER = Variable.text("widerrufenerPartner");
  public static final Variable<String> NAECHSTER_SCHRITT = Variable.text("naechsterSchritt");
  public static final Variable<LocalDate> WIEDERVORLAGE = Variable.datum("wiedervorlage");
  public static final Variable<List<String>> PARTNER_AUSWAHL = Variable.liste("partnerAuswahl");
  public static final Variable<String> VERMITTLUNGSZIEL = Variable.text("vermittlungsziel");

  /** Element ids of the model, for delegates and tests (ProzessklassenTest: the same set as the BPMN). */
  public enum Element {
    Event_UebergangGemeldet,
    Task_SchulpflichtPruefen,
    Task_BeratungsteamErmitteln,
    Gateway_Schulpflichtig,
    Gateway_Erstplatzierung,
    Task_SeiteneinstiegVorbereiten,
    Task_AnSeiteneinstiegUebergeben,
    Event_AnSeiteneinstiegUebergeben,
    Task_SchulischenAnschlussFestlegen,
    Task_AnmeldungBerufskolleg,
    Gateway_Anmeldung,
    Task_BerufskollegZuweisungAnfragen,
    Task_BerufskollegZuweisungErfassen,
    Gateway_PlatzGesichert,
    Task_VermittlungPlanen,
    Gateway_WegeZusammenfuehren,
    SubProcess_EinwilligungUndVermittlung,
    Event_EinwilligungBegonnen,
    Call_EinwilligungEinholen,
    Gateway_EinwilligungErteilt,
    Task_PartnerVermitteln,
    Event_PartnerVermittelt,
    Event_OhnePartnerWeiter,
    Gateway_RueckmeldungenNebenher,
    SubProcess_PartnerRueckmeldungen,
    Event_RueckmeldungBegonnen,
    Task_VermittlungRueckmelden,
    Event_RueckmeldungFristAbgelaufen,
    Event_RueckmeldungEingegangen,
    Event_OhneRueckmeldung,
    Event_RueckmeldungenErledigt,
    Gateway_ZurSitzung,
    Task_BeratungsgespraechDokumentieren,
    Event_WiedervorlageUeberfaellig,
    Call_UeberfaelligeWiedervorlageKlaeren,
    Event_UeberfaelligkeitGeklaert,
    SubProcess_PartnerInformieren,
    Event_InformationBegonnen,
    Task_PartnerInformieren,
    Event_PartnerInformiert,
    Gateway_NaechsterSchritt,
    Event_Wiedervorlage,
    Task_ErgebnisErfassen,
    Gateway_KontaktAbgebrochen,
    Event_OhneAnschlussBeendet,
    Event_NachfrageFaellig,
    Task_NachfrageErfassen,
    Event_UebergangAbgeschlossen,
    SubProcess_HoechstdauerUebergang,
    SubProcess_FallVorzeitigBeendetUebergang,
    Event_FallBeendetGemeldetUebergang,
    Event_FallVorzeitigBeendetUebergang,
    SubProcess_HoechstdauerVorwarnungUebergang,
    Event_HoechstdauerNahtUebergang,
    Task_HoechstdauerEntscheidenUebergang,
    Event_HoechstdauerEntschiedenUebergang,
    Event_HoechstdauerUebergangErreicht,
    Event_UebergangWegenZeitablaufGeschlossen,
    SubProcess_WiderrufAusGespraech,
    Event_WiderrufAusGespraechBegonnen,
    Task_WiderrufAusGespraechMitteilen,
    Event_WiderrufAusGespraechMitgeteilt,
    SubProcess_WiderrufEingegangen,
    Event_WiderrufEingegangen,
    SubProcess_WiderrufJePartner,
    Event_WiderrufMitteilungBegonnen,
    Task_WiderrufMitteilen,
    Event_WiderrufPartnerMitgeteilt,
    Event_WiderrufMitgeteilt,
    // Process_EinwilligungWiderrufen (einwilligung-widerrufen.bpmn), started in Tasklist
    Event_WiderrufGemeldet,
    Task_WiderrufAnFallMelden,
    Event_WiderrufGemeldetErledigt
  }

  @Bean
  Prozessbeschreibung uebergangBeschreibung() {
    return new Prozessbeschreibung(SCHLUESSEL, PRAEFIX, "Übergang Schule–Beruf",
        Set.copyOf(KiGruppen.SEITENEINSTIEG), Set.of(), Set.of(KiGruppen.LEITUNG),
        // the Bezirksregierung assigns a Berufskolleg place, referral partners answer a referral in Tasklist (ADR 0006)
        java.util.EnumSet.complementOf(java.util.EnumSet.of(de.hsk.ki.plattform.partner.PartnerTyp.SCHULE,
            de.hsk.ki.plattform.partner.PartnerTyp.EINRICHTUNG, de.hsk.ki.plattform.partner.PartnerTyp.SCHULAMT,
            de.hsk.ki.plattform.partner.PartnerTyp.SPRACHMITTLER_POOL, de.hsk.ki.plattform.partner.PartnerTyp.KREISKASSE)));
  }

  /** Every case concerns one child: it joins the person and family register (issue 17). */
  @Bean
  de.hsk.ki.plattform.person.Personenfall uebergangPersonen() {
    return new de.hsk.ki.plattform.person.Personenfall(SCHLUESSEL);
  }
}
