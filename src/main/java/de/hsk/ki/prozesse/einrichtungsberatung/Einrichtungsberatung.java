package de.hsk.ki.prozesse.einrichtungsberatung;

import de.hsk.ki.plattform.prozess.Variable;
import java.time.LocalDate;
import java.util.List;

/** Advice and qualification for institutions: its key, its typed variables and its descriptor. */
public class Einrichtungsberatung {

  public static final String SCHLUESSEL = "Process_Einrichtungsberatung";
  public static final String PRAEFIX = "EB";
  public static final String ENTSCHEIDUNG_TRIAGE = "Decision_EB_Triage";

  // Variables of the forms (forms/einrichtungsberatung/) and of the model; ProzessklassenTest keeps them in step.
  public static final Variable<String> AKTENZEICHEN = Variable.text("aktenzeichen");
  /** Request (start form and online portal). */
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
}
