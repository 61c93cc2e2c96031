package de.hsk.ki.prozesse.einrichtungsberatung;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.prozess.Prozessbeschreibung;
import de.hsk.ki.plattform.prozess.Variable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Advice and qualification for institutions: its key, its element ids, its typed variables and its descriptor. */
@Configuration
public class Einrichtungsberatung {

  public static final String SCHLUESSEL = "Process_Einrichtungsberatung";
  public static final String PRAEFIX = "EB";
  public static final String ENTSCHEIDUNG_TRIAGE = "Decision_EB_Triage";

  // Variables of the forms (forms/einrichtungsberatung/) and of the model; ProzessklassenTest keeps them in step.
  /** Case number (business key), copied onto every task. */
  public static final Variable<String> AKTENZEICHEN = Variable.text("aktenzeichen");
  public static final Variable<String> EINGANGSKANAL = Variable.text("eingangskanal");
  public static final Variable<LocalDate> EINGANGSDATUM = Variable.datum("eingangsdatum");
  public static final Variable<String> EINRICHTUNG = Variable.text("einrichtung");
  public static final Variable<String> EINRICHTUNGSTYP = Variable.text("einrichtungstyp");
  public static final Variable<String> SCHULFORM = Variable.text("schulform");
  public static final Variable<String> TRAEGER = Variable.text("traeger");
  public static final Variable<String> KOMMUNE = Variable.text("kommune");
  public static final Variable<String> ANSCHRIFT = Variable.text("anschrift");
  public static final Variable<String> ANSPRECHPERSON = Variable.text("ansprechperson");
  public static final Variable<String> FUNKTION = Variable.text("funktion");
  public static final Variable<String> TELEFON = Variable.text("telefon");
  public static final Variable<String> EMAIL = Variable.text("email");
  public static final Variable<String> THEMA = Variable.text("thema");
  public static final Variable<String> FORMAT = Variable.text("format");
  public static final Variable<List<String>> ZIELGRUPPE = Variable.liste("zielgruppe");
  public static final Variable<Long> TEILNEHMENDE_ERWARTET = Variable.zahl("teilnehmendeErwartet");
  public static final Variable<String> WUNSCHZEITRAUM = Variable.text("wunschzeitraum");
  public static final Variable<String> ANLIEGEN = Variable.text("anliegen");
  /** Out of Decision_EB_Triage (editable in Weiterverweisen): where the institution is referred to. */
  public static final Variable<String> VERWEIS_STELLE = Variable.text("verweisStelle");
  public static final Variable<String> VERWEIS_HINWEIS = Variable.text("verweisHinweis");
  public static final Variable<LocalDate> BERATEN_AM = Variable.datum("beratenAm");
  public static final Variable<String> ERGEBNIS_FOERDERUNG = Variable.text("ergebnisFoerderung");
  public static final Variable<String> FOERDER_NOTIZ = Variable.text("foerderNotiz");
  public static final Variable<LocalDate> GESPRAECH_AM = Variable.datum("gespraechAm");
  public static final Variable<String> ZIELE = Variable.text("ziele");
  public static final Variable<Long> UMFANG_STUNDEN = Variable.zahl("umfangStunden");
  public static final Variable<String> ERGEBNIS_KLAERUNG = Variable.text("ergebnisKlaerung");
  public static final Variable<String> KLAERUNG_NOTIZ = Variable.text("klaerungNotiz");
  public static final Variable<String> PRIORITAET = Variable.text("prioritaet");
  public static final Variable<LocalDate> WARTE_BIS = Variable.datum("warteBis");
  public static final Variable<String> ALTERNATIVE = Variable.text("alternative");
  /** The next (or only) session; each documentation may set the following one. */
  public static final Variable<LocalDate> TERMIN = Variable.datum("termin");
  public static final Variable<String> UHRZEIT = Variable.text("uhrzeit");
  public static final Variable<String> ORT = Variable.text("ort");
  public static final Variable<String> ORT_HINWEIS = Variable.text("ortHinweis");
  public static final Variable<String> REFERENT_ART = Variable.text("referentArt");
  public static final Variable<String> REFERENT_INTERN = Variable.text("referentIntern");
  /** KI staff who can give a session (task-local). */
  public static final Variable<Object> REFERENT_OPTIONEN = Variable.wert("referentOptionen");
  public static final Variable<String> REFERENT_EXTERN = Variable.text("referentExtern");
  public static final Variable<Long> HONORAR = Variable.zahl("honorar");
  public static final Variable<String> KOSTEN = Variable.text("kosten");
  public static final Variable<Long> BEITRAG = Variable.zahl("beitrag");
  public static final Variable<Long> MAX_TEILNEHMENDE = Variable.zahl("maxTeilnehmende");
  public static final Variable<Boolean> BESCHEINIGUNGEN = Variable.jaNein("bescheinigungen");
  public static final Variable<String> FINANZIERUNG = Variable.text("finanzierung");
  public static final Variable<Boolean> VERTRAG_VORBEREITET = Variable.jaNein("vertragVorbereitet");
  public static final Variable<Boolean> SCHEINSELBSTSTAENDIGKEIT_GEPRUEFT = Variable.jaNein("scheinselbststaendigkeitGeprueft");
  public static final Variable<String> HONORAR_NOTIZ = Variable.text("honorarNotiz");
  public static final Variable<String> HONORAR_FREIGABE = Variable.text("honorarFreigabe");
  public static final Variable<String> HONORAR_BEGRUENDUNG = Variable.text("honorarBegruendung");
  public static final Variable<String> STATTGEFUNDEN = Variable.text("stattgefunden");
  public static final Variable<LocalDate> DURCHGEFUEHRT_AM = Variable.datum("durchgefuehrtAm");
  public static final Variable<Long> DAUER_MINUTEN = Variable.zahl("dauerMinuten");
  public static final Variable<Long> TEILNEHMENDE_GESAMT = Variable.zahl("teilnehmendeGesamt");
  public static final Variable<Long> TEILNEHMENDE_LEITUNG = Variable.zahl("teilnehmendeLeitung");
  public static final Variable<Long> TEILNEHMENDE_LEHRKRAEFTE = Variable.zahl("teilnehmendeLehrkraefte");
  public static final Variable<Long> TEILNEHMENDE_FACHKRAEFTE = Variable.zahl("teilnehmendeFachkraefte");
  public static final Variable<Long> TEILNEHMENDE_VERWALTUNG = Variable.zahl("teilnehmendeVerwaltung");
  public static final Variable<Long> TEILNEHMENDE_ELTERN = Variable.zahl("teilnehmendeEltern");
  public static final Variable<String> INHALTE = Variable.text("inhalte");
  public static final Variable<String> MATERIALIEN = Variable.text("materialien");
  public static final Variable<String> BESONDERHEITEN = Variable.text("besonderheiten");
  /** Employees of the institution, for the certificates only; erased when the case ends. */
  public static final Variable<String> TEILNEHMENDE_NAMEN = Variable.text("teilnehmendeNamen");
  public static final Variable<Boolean> WEITERER_TERMIN = Variable.jaNein("weitererTermin");
  public static final Variable<LocalDate> NAECHSTER_TERMIN = Variable.datum("naechsterTermin");
  public static final Variable<String> NAECHSTE_UHRZEIT = Variable.text("naechsteUhrzeit");
  public static final Variable<LocalDate> BESCHEINIGUNGEN_AM = Variable.datum("bescheinigungenAm");
  public static final Variable<String> BESCHEINIGUNGEN_VERSAND = Variable.text("bescheinigungenVersand");
  public static final Variable<LocalDate> EVALUATION_AM = Variable.datum("evaluationAm");
  public static final Variable<String> ZUFRIEDENHEIT = Variable.text("zufriedenheit");
  public static final Variable<String> NUTZEN = Variable.text("nutzen");
  public static final Variable<String> UMSETZUNG = Variable.text("umsetzung");
  public static final Variable<Boolean> FOLGEBEDARF = Variable.jaNein("folgebedarf");
  public static final Variable<String> FOLGE_THEMA = Variable.text("folgeThema");
  public static final Variable<String> FOLGE_FORMAT = Variable.text("folgeFormat");
  public static final Variable<String> MATERIAL = Variable.text("material");
  /** Options of the catalogue select (task-local). */
  public static final Variable<Object> MATERIAL_OPTIONEN = Variable.wert("materialOptionen");
  public static final Variable<LocalDate> AUSLEIHE_VON = Variable.datum("ausleiheVon");
  public static final Variable<LocalDate> AUSLEIHE_BIS = Variable.datum("ausleiheBis");
  public static final Variable<String> AUSGABEORT = Variable.text("ausgabeort");
  public static final Variable<String> AUSGABE = Variable.text("ausgabe");
  public static final Variable<LocalDate> AUSGEGEBEN_AM = Variable.datum("ausgegebenAm");
  public static final Variable<LocalDate> ZURUECK_AM = Variable.datum("zurueckAm");
  public static final Variable<String> ZUSTAND = Variable.text("zustand");
  public static final Variable<String> RUECKGABE_NOTIZ = Variable.text("rueckgabeNotiz");
  /** Key of the institution in the partner directory (found or added at the start); the e-mails go there. */
  public static final Variable<String> EINRICHTUNG_PARTNER = Variable.text("einrichtungPartner");
  /** The request in German words, shown in later forms. */
  public static final Variable<String> ANFRAGE_UEBERSICHT = Variable.text("anfrageUebersicht");
  /** The decision result as the engine maps it (singleResult). */
  public static final Variable<Object> TRIAGE = Variable.wert("triage");
  /** Out of Decision_EB_Triage: the candidate group of the team. */
  public static final Variable<String> TEAM = Variable.text("team");
  /** Out of Decision_EB_Triage: VERWEIS, MATERIAL, FOERDERUNG, STANDARD or INDIVIDUELL. */
  public static final Variable<String> ANGEBOTSTYP = Variable.text("angebotstyp");
  /** Out of Decision_EB_Triage: ISO-8601 period for the first contact. */
  public static final Variable<String> FRIST_ERSTKONTAKT = Variable.text("fristErstkontakt");
  /** The first-contact deadline as a day, from the request (or the end of the waiting list). */
  public static final Variable<LocalDate> FRIST_ERSTKONTAKT_BIS = Variable.datum("fristErstkontaktBis");
  /** The reserved item in words, for later forms and e-mails. */
  public static final Variable<String> MATERIAL_TEXT = Variable.text("materialText");
  /** EINGEGANGEN or KEINE_RUECKMELDUNG. */
  public static final Variable<String> EVALUATION = Variable.text("evaluation");
  /** The institution cancelled the offer at a session's documentation. */
  public static final Variable<Boolean> ANGEBOT_ABGESAGT = Variable.jaNein("angebotAbgesagt");
  /** Case number of the request whose evaluation opened this one. */
  public static final Variable<String> VORGAENGER = Variable.text("vorgaenger");
  /** Outcome for the annual figures: VERWIESEN, FOERDERUNG, MATERIAL, KEIN_BEDARF, ABGELEHNT, DURCHGEFUEHRT, ZEITABLAUF. */
  public static final Variable<String> ABSCHLUSS = Variable.text("abschluss");
  /** Out of the overdue building block. */
  public static final Variable<String> ESKALATIONSMASSNAHME = Variable.text("eskalationsmassnahme");

  /** Element ids of the model, for delegates and tests (ProzessklassenTest: the same set as the BPMN). */
  public enum Element {
    Event_AnfrageEingegangen,
    Task_Triage,
    Gateway_Angebotstyp,
    Gateway_ZurKlaerung,
    SubProcess_Erstkontakt,
    Event_ErstkontaktBeginnt,
    Task_BedarfKlaeren,
    Event_ErstkontaktFaellig,
    Event_ErstkontaktUeberfaellig,
    Task_ErstkontaktErinnern,
    Event_Erinnert,
    Call_ErstkontaktKlaeren,
    Event_ErstkontaktGeklaert,
    Event_BedarfGeklaert,
    Gateway_Klaerung,
    Gateway_ZurVereinbarung,
    Task_AngebotVereinbaren,
    Gateway_Extern,
    Task_Honorarvereinbarung,
    Task_HonorarUnterzeichnen,
    Gateway_Honorar,
    Gateway_Vereinbart,
    Gateway_ZumTermin,
    Task_TerminBestaetigen,
    Gateway_ErinnerungMoeglich,
    Event_VorDemTermin,
    Task_TeilnehmendeErfragen,
    Gateway_Erinnert,
    Event_Termintag,
    Task_Durchfuehren,
    Gateway_WeitererTermin,
    Event_Abgesagt,
    Gateway_Bescheinigungen,
    Task_BescheinigungenAusstellen,
    Gateway_ZurEvaluation,
    Task_EvaluationAnfragen,
    Task_EvaluationErfassen,
    Event_EvaluationErinnern,
    Event_KeineRueckmeldung,
    Task_EvaluationErinnern,
    Event_EvaluationErinnert,
    Task_KeineRueckmeldungVermerken,
    Gateway_NachEvaluation,
    Gateway_Folgebedarf,
    Task_FolgeanfrageAnlegen,
    Gateway_Abschluss,
    Event_Durchgefuehrt,
    Task_Weiterverweisen,
    Task_VerweisSenden,
    Event_Verwiesen,
    Task_Foerderberatung,
    Event_ZurFoerderung,
    SubProcess_Materialausleihe,
    Event_AusleiheBeginnt,
    Task_Reservieren,
    Task_ReservierungBestaetigen,
    Task_MaterialAusgeben,
    Gateway_Ausgabe,
    Event_AusleiheStorniert,
    Task_RueckgabeErfassen,
    Event_VorRueckgabe,
    Event_RueckgabeUeberfaellig,
    Task_RueckgabeErinnern,
    Event_RueckgabeErinnert,
    Call_RueckgabeKlaeren,
    Event_RueckgabeGeklaert,
    Event_AusleiheBeendet,
    Event_MaterialZurueck,
    Event_KeinBedarf,
    Task_Priorisieren,
    Gateway_Prioritaet,
    Event_Warteliste,
    Task_AbsageSenden,
    Event_Abgelehnt,
    SubProcess_Hoechstdauer,
    Event_HoechstdauerErreicht,
    Event_WegenZeitablaufGeschlossen
  }

  /** Every KI group records requests; coordination oversees and decides priorities and fees. */
  @Bean
  Prozessbeschreibung einrichtungsberatungBeschreibung() {
    return new Prozessbeschreibung(SCHLUESSEL, PRAEFIX, "Beratung und Qualifizierung für Einrichtungen",
        Set.of(KiGruppen.VERWALTUNG, KiGruppen.LEHRKRAEFTE, KiGruppen.SOZIALARBEIT, KiGruppen.LEITUNG, KiGruppen.FOERDERUNG),
        Set.of(), Set.of(KiGruppen.LEITUNG));
  }
}
