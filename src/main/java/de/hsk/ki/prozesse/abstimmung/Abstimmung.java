package de.hsk.ki.prozesse.abstimmung;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import de.hsk.ki.plattform.prozess.Variable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Coordination across legal domains: its key, its element ids, its typed variables and its descriptor. */
@Configuration
public class Abstimmung {

  public static final String SCHLUESSEL = "Process_Abstimmung";
  public static final String PRAEFIX = "AB";
  public static final String ENTSCHEIDUNG_AKTEURE = "Decision_AB_Akteure";
  public static final String ENTSCHEIDUNG_ESKALATION = "Decision_AB_Eskalation";

  // Variables of the forms (forms/abstimmung/) and of the model; ProzessklassenTest keeps them in step.
  /** Case number (business key), copied onto every task. */
  public static final Variable<String> AKTENZEICHEN = Variable.text("aktenzeichen");
  /** Short title without personal data; goes into partner e-mails. */
  public static final Variable<String> TITEL = Variable.text("titel");
  /** STRUKTURELL or FALLBEZOGEN. */
  public static final Variable<String> ART = Variable.text("art");
  public static final Variable<String> THEMA = Variable.text("thema");
  public static final Variable<String> BESCHREIBUNG = Variable.text("beschreibung");
  /** Municipalities concerned (checklist). */
  public static final Variable<List<String>> KOMMUNEN = Variable.liste("kommunen");
  public static final Variable<String> ZIELGRUPPE = Variable.text("zielgruppe");
  public static final Variable<Long> ANZAHL_BETROFFENE = Variable.zahl("anzahlBetroffene");
  /** Legal domains (checklist), input of Decision_AB_Akteure. */
  public static final Variable<List<String>> RECHTSKREISE = Variable.liste("rechtskreise");
  public static final Variable<String> QUELLE = Variable.text("quelle");
  public static final Variable<String> DRINGLICHKEIT = Variable.text("dringlichkeit");
  public static final Variable<LocalDate> KLAERUNG_BIS = Variable.datum("klaerungBis");
  /** ANNEHMEN, ABGEBEN or ABLEHNEN. */
  public static final Variable<String> VORPRUEFUNG = Variable.text("vorpruefung");
  /** User id of the moderator. */
  public static final Variable<String> MODERATION = Variable.text("moderation");
  /** Partner key the need is handed over to. */
  public static final Variable<String> ABGABE_AN = Variable.text("abgabeAn");
  public static final Variable<String> VORPRUEFUNG_BEGRUENDUNG = Variable.text("vorpruefungBegruendung");
  /** Options of the moderator select (valuesKey). */
  public static final Variable<Object> MODERATION_OPTIONEN = Variable.wert("moderationOptionen");
  /** Authorities of the partner directory (valuesKey). */
  public static final Variable<Object> STELLEN_OPTIONEN = Variable.wert("stellenOptionen");
  /** EINWILLIGUNG or ANONYMISIERT (case-related only). */
  public static final Variable<String> RECHTSGRUNDLAGE = Variable.text("rechtsgrundlage");
  /** Person concerned, case-related with consent only. */
  public static final Variable<String> VORNAME = Variable.text("vorname");
  public static final Variable<String> NACHNAME = Variable.text("nachname");
  public static final Variable<LocalDate> GEBURTSDATUM = Variable.datum("geburtsdatum");
  public static final Variable<Long> ALTER = Variable.zahl("alter");
  /** Participating authorities (partner keys). */
  public static final Variable<List<String>> BETEILIGTE = Variable.liste("beteiligte");
  /** Common questions; inside one authority's statement scope its own (Task_AnfrageAnpassen). */
  public static final Variable<String> FRAGEN = Variable.text("fragen");
  /** The moderator wants to adapt questions or deadline per authority. */
  public static final Variable<Boolean> ANFRAGE_ANPASSEN = Variable.jaNein("anfrageAnpassen");
  public static final Variable<LocalDate> STELLUNGNAHME_BIS = Variable.datum("stellungnahmeBis");
  /** Element variable of the statement loop. */
  public static final Variable<String> BETEILIGTER = Variable.text("beteiligter");
  public static final Variable<String> BETEILIGTER_NAME = Variable.text("beteiligterName");
  /** Statement fields, local to one participant. */
  public static final Variable<LocalDate> EINGANG_AM = Variable.datum("eingangAm");
  public static final Variable<String> POSITION = Variable.text("position");
  public static final Variable<String> ZUSTIMMUNG = Variable.text("zustimmung");
  public static final Variable<String> BEITRAEGE = Variable.text("beitraege");
  public static final Variable<String> EINWILLIGUNGEN_UEBERSICHT = Variable.text("einwilligungenUebersicht");
  /** Out of the overdue building block. */
  public static final Variable<String> ESKALATIONSMASSNAHME = Variable.text("eskalationsmassnahme");
  /** The facts of the need in German words, shown in later forms. */
  public static final Variable<String> BEDARF_UEBERSICHT = Variable.text("bedarfUebersicht");
  public static final Variable<String> STELLUNGNAHMEN_UEBERSICHT = Variable.text("stellungnahmenUebersicht");
  /** Authorities without an answer, input of Decision_AB_Eskalation. */
  public static final Variable<Long> OHNE_RUECKMELDUNG = Variable.zahl("ohneRueckmeldung");
  public static final Variable<String> UEBERSICHT = Variable.text("uebersicht");
  public static final Variable<String> KONFLIKTPUNKTE = Variable.text("konfliktpunkte");
  public static final Variable<String> LOESUNGSOPTIONEN = Variable.text("loesungsoptionen");
  public static final Variable<String> FINANZIERUNG = Variable.text("finanzierung");
  public static final Variable<String> FOERDERPROGRAMM = Variable.text("foerderprogramm");
  public static final Variable<Boolean> LANDESRECHT_BETROFFEN = Variable.jaNein("landesrechtBetroffen");
  public static final Variable<String> VORSCHLAG = Variable.text("vorschlag");
  public static final Variable<LocalDate> TERMIN = Variable.datum("termin");
  public static final Variable<String> UHRZEIT = Variable.text("uhrzeit");
  public static final Variable<String> ORT = Variable.text("ort");
  public static final Variable<String> TAGESORDNUNG = Variable.text("tagesordnung");
  /** Element variable of the e-mail loops. */
  public static final Variable<String> STELLE = Variable.text("stelle");
  public static final Variable<String> TEILNEHMENDE_STELLEN = Variable.text("teilnehmendeStellen");
  public static final Variable<String> PROTOKOLL = Variable.text("protokoll");
  public static final Variable<String> TERMIN_ERGEBNIS = Variable.text("terminErgebnis");
  public static final Variable<Long> ANZAHL_VERTAGUNGEN = Variable.zahl("anzahlVertagungen");
  /** Result of Decision_AB_Eskalation. */
  public static final Variable<String> ESKALATIONSSTUFE = Variable.text("eskalationsstufe");
  public static final Variable<String> ESKALATION_ENTSCHEIDUNG = Variable.text("eskalationEntscheidung");
  public static final Variable<String> ESKALATION_BEGRUENDUNG = Variable.text("eskalationBegruendung");
  /** Measure fields, local to one entry. */
  public static final Variable<String> MASSNAHME_WAS = Variable.text("massnahmeWas");
  /** "ki:<group>" or "partner:<key>". */
  public static final Variable<String> MASSNAHME_WER = Variable.text("massnahmeWer");
  public static final Variable<LocalDate> MASSNAHME_BIS = Variable.datum("massnahmeBis");
  public static final Variable<String> MASSNAHME_FINANZIERUNG = Variable.text("massnahmeFinanzierung");
  public static final Variable<String> ERFOLGSKRITERIUM = Variable.text("erfolgskriterium");
  public static final Variable<Boolean> WEITERE_MASSNAHME = Variable.jaNein("weitereMassnahme");
  public static final Variable<Object> VERANTWORTLICH_OPTIONEN = Variable.wert("verantwortlichOptionen");
  /** Element variable of the measure loop: the measure id. */
  public static final Variable<String> MASSNAHME = Variable.text("massnahme");
  public static final Variable<String> MASSNAHME_TEXT = Variable.text("massnahmeText");
  public static final Variable<String> STAND = Variable.text("stand");
  public static final Variable<LocalDate> NEUES_DATUM = Variable.datum("neuesDatum");
  public static final Variable<String> STAND_NOTIZ = Variable.text("standNotiz");
  public static final Variable<String> MASSNAHMEN_UEBERSICHT = Variable.text("massnahmenUebersicht");
  public static final Variable<String> ZIEL_ERREICHT = Variable.text("zielErreicht");
  public static final Variable<String> WIRKUNG_BEGRUENDUNG = Variable.text("wirkungBegruendung");
  public static final Variable<String> WIRKUNG = Variable.text("wirkung");
  /** Outcome for the annual figures: ABGEGEBEN, ABGELEHNT, OHNE_EINIGUNG, UMGESETZT, ZEITABLAUF. */
  public static final Variable<String> ABSCHLUSS = Variable.text("abschluss");

  /** Element ids of the model, for delegates and tests (ProzessklassenTest: the same set as the BPMN). */
  public enum Element {
    Event_BedarfGemeldet,
    Task_Vorpruefen,
    Gateway_Vorpruefung,
    Task_AbgabeMitteilen,
    Event_Abgegeben,
    Event_Abgelehnt,
    Gateway_Art,
    Task_RechtsgrundlageKlaeren,
    Gateway_ArtZusammen,
    Task_AkteureVorschlagen,
    Task_BeteiligteFestlegen,
    Gateway_EinwilligungenNoetig,
    Call_EinwilligungEinholen,
    Gateway_EinwilligungenZusammen,
    SubProcess_Stellungnahmen,
    Event_StellungnahmeBegonnen,
    Gateway_EinwilligungNoetig,
    Gateway_EinwilligungErteilt,
    Task_OhneEinwilligungVermerken,
    Event_OhneEinwilligung,
    Gateway_ZurAnfrage,
    Gateway_AnfrageAnpassen,
    Task_AnfrageAnpassen,
    Gateway_AnfrageBereit,
    Task_StellungnahmeAnfragen,
    Task_StellungnahmeErfassen,
    Event_StellungnahmeEingegangen,
    Event_ErinnerungVorFrist,
    Event_FristErreicht,
    Event_StellungnahmeUeberfaellig,
    Task_ErinnerungSenden,
    Event_Erinnert,
    Task_MahnungSenden,
    Event_Gemahnt,
    Call_StellungnahmeFehltKlaeren,
    Task_KeineRueckmeldungVermerken,
    Event_OhneRueckmeldung,
    Gateway_ZurKonsolidierung,
    Task_Konsolidieren,
    Task_TerminVorbereiten,
    SubProcess_Einladungen,
    Event_EinladungBeginnt,
    Task_EinladungSenden,
    Event_EinladungGesendet,
    SubProcess_Termin,
    Event_TerminBegonnen,
    Gateway_TerminParallel,
    Task_TerminDurchfuehren,
    Event_TerminDokumentiert,
    Gateway_ErinnerungVorTermin,
    Event_VorDemTermin,
    SubProcess_TerminErinnerungen,
    Event_TerminErinnerungBeginnt,
    Task_TerminErinnerungSenden,
    Event_TerminErinnerungGesendet,
    Event_TerminErinnert,
    Event_OhneTerminErinnerung,
    Gateway_TerminErgebnis,
    Gateway_Vertagungsgrenze,
    Gateway_ZurEskalation,
    Task_EskalationsstufeErmitteln,
    Task_Eskalieren,
    Gateway_NachEskalation,
    Event_OhneEinigungBeendet,
    Gateway_ZurMassnahme,
    Task_MassnahmeErfassen,
    Gateway_WeitereMassnahme,
    SubProcess_Vereinbarung,
    Event_VereinbarungBeginnt,
    Task_VereinbarungVersenden,
    Event_VereinbarungGesendet,
    SubProcess_Massnahmen,
    Event_MassnahmeBegonnen,
    Gateway_MassnahmeWiederholen,
    Gateway_WerVerantwortlich,
    Task_MassnahmeUmsetzen,
    Event_MassnahmeFaellig,
    Task_StandAbfragen,
    Task_StandErfassen,
    Gateway_StandZusammen,
    Gateway_Stand,
    Event_MassnahmeAbgeschlossen,
    Event_WirkungFaellig,
    Task_WirkungPruefen,
    Gateway_Wirkung,
    Event_Umgesetzt,
    SubProcess_Hoechstdauer,
    Event_HoechstdauerErreicht,
    Event_WegenZeitablaufGeschlossen
  }

  /** Any KI group raises a need; the Schulamt gives its statements in Tasklist; coordination supervises. */
  @Bean
  Prozessbeschreibung abstimmungBeschreibung() {
    Set<String> starten = new TreeSet<>(KiGruppen.SEITENEINSTIEG);
    starten.add(KiGruppen.FOERDERUNG);
    return new Prozessbeschreibung(SCHLUESSEL, PRAEFIX, "Rechtskreisübergreifende Abstimmung",
        starten, Set.of(KiGruppen.SCHULAMT), Set.of(KiGruppen.LEITUNG),
        // every authority asked for a statement may give it itself in Tasklist (ADR 0006); schools and advised
        // institutions are never asked, the Schulamt has its own group
        java.util.EnumSet.complementOf(java.util.EnumSet.of(de.hsk.ki.plattform.partner.PartnerTyp.SCHULE,
            de.hsk.ki.plattform.partner.PartnerTyp.EINRICHTUNG, de.hsk.ki.plattform.partner.PartnerTyp.SCHULAMT,
            de.hsk.ki.plattform.partner.PartnerTyp.SPRACHMITTLER_POOL, de.hsk.ki.plattform.partner.PartnerTyp.KREISKASSE)));
  }
}
