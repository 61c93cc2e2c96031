package de.hsk.ki.prozesse.foerderung;

import static de.hsk.ki.prozesse.foerderung.Foerderung.*;

import de.hsk.ki.plattform.formular.Auswahloptionen;
import de.hsk.ki.plattform.geld.Betrag;
import de.hsk.ki.plattform.prozess.Variable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What a funding task shows, as staff read it: German labels instead of codes, dd.MM.yyyy dates,
 * names instead of logins, euro amounts ("1.234,56 €"), the building blocks in one line; plus the
 * option lists and prefilled rows of some forms. Kept on the task only, and set again on every open
 * task when an adjustment changes the amounts.
 */
@Component
public class Foerderanzeige {

  static final DateTimeFormatter TAG = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  static final Map<String, String> BAUSTEINE_TEXT = Map.ofEntries(Map.entry("A1", "A1 Renovierung/Ausstattung Ankommenstreffpunkt"),
      Map.entry("A2", "A2 Laufender Betrieb"), Map.entry("B1", "B1 Begleitung durch Ehrenamtliche"),
      Map.entry("B2", "B2 Maßnahme Zusammenkommen/Orientierung"), Map.entry("C1", "C1 Print-/Webmedium"), Map.entry("C2", "C2 Übersetzung"),
      Map.entry("D1", "D1 Qualifizierung (Referent:in)"), Map.entry("D2", "D2 Austauschtreffen Ehrenamtliche"),
      Map.entry("GESAMT", "Integrationschancen: Gesamtförderung"), Map.entry("GRUNDQUALIFIZIERUNG", "Integrationschancen: Grundqualifizierung"));
  static final Map<String, String> KOMMUNEN = Map.ofEntries(Map.entry("ARNSBERG", "Arnsberg"), Map.entry("BESTWIG", "Bestwig"),
      Map.entry("BRILON", "Brilon"), Map.entry("ESLOHE", "Eslohe (Sauerland)"), Map.entry("HALLENBERG", "Hallenberg"),
      Map.entry("MARSBERG", "Marsberg"), Map.entry("MEDEBACH", "Medebach"), Map.entry("MESCHEDE", "Meschede"), Map.entry("OLSBERG", "Olsberg"),
      Map.entry("SCHMALLENBERG", "Schmallenberg"), Map.entry("SUNDERN", "Sundern (Sauerland)"), Map.entry("WINTERBERG", "Winterberg"));
  static final Map<String, String> CODES = Map.ofEntries(Map.entry("BEWILLIGEN", "bewilligen"), Map.entry("TEILWEISE", "teilweise bewilligen"),
      Map.entry("ABLEHNEN", "ablehnen"), Map.entry("ENTFAELLT", "Maßnahme entfällt"), Map.entry("KLEINER", "Maßnahme wird kleiner"),
      Map.entry("VERSCHOBEN", "Maßnahme verschiebt sich"), Map.entry("SONSTIGES", "sonstige Änderung"), Map.entry("ANERKANNT", "anerkannt"),
      Map.entry("NICHT_ANERKANNT", "nicht anerkannt"), Map.entry("NACHFORDERUNG", "Unterlagen nachfordern"),
      Map.entry("VOLLWIDERRUF", "Widerruf der ganzen Zuwendung"), Map.entry("TEILWIDERRUF", "teilweiser Widerruf"),
      Map.entry("ZWISCHENZINSEN", "Zwischenzinsen"), Map.entry("KEINE", "keine Rückforderung"),
      Map.entry("VN_NICHT_VORGELEGT", "Verwendungsnachweis nicht vorgelegt"), Map.entry("ZWECKVERFEHLUNG", "Zweckverfehlung"),
      Map.entry("MENGENUNTERSCHREITUNG", "Mengenunterschreitung"), Map.entry("AUFLAGENVERSTOSS", "Auflagenverstoß"),
      Map.entry("NICHT_ALSBALD_VERWENDET", "nicht alsbald verwendet"));

  private final Foerderbetraege betraege;
  private final FoerderantragFristen fristen;
  private final IdentityService identitaet;
  private final Programmjahre programmjahre;

  public Foerderanzeige(Foerderbetraege betraege, FoerderantragFristen fristen, @Lazy IdentityService identitaet, Programmjahre programmjahre) {
    this.betraege = betraege;
    this.fristen = fristen;
    this.identitaet = identitaet;
    this.programmjahre = programmjahre;
  }

  /** The task-local values of a task with this definition key in this case. */
  Map<String, Object> werte(DelegateExecution fall, String aufgabe) {
    Map<String, Object> w = new LinkedHashMap<>();
    w.put(BEWILLIGT_TEXT.name(), betraege.anzeige(fall.getVariable(BEWILLIGTER_BETRAG.name())));
    w.put(AUSGEZAHLT_TEXT.name(), betraege.anzeige(fall.getVariable(AUSGEZAHLTER_BETRAG.name())));
    w.put(REST_TEXT.name(), Betrag.anzeige(betraege.rest(fall)));
    w.put(ABRUFBETRAG_TEXT.name(), betraege.anzeige(fall.getVariable(ABRUFBETRAG.name())));
    w.put(ANERKANNT_TEXT.name(), betraege.anzeige(fall.getVariable(ANERKANNTER_BETRAG.name())));
    w.put(RUECKFORDERUNG_TEXT.name(), betraege.anzeige(fall.getVariable(RUECKFORDERUNGSBETRAG.name())));
    w.put(ZINSEN_TEXT.name(), betraege.anzeige(fall.getVariable(ZINSEN.name())));
    w.put(BERECHNET_TEXT.name(), betraege.anzeige(fall.getVariable(BERECHNETER_BETRAG.name())));
    w.put(VORGESCHLAGEN_TEXT.name(), betraege.anzeige(fall.getVariable(VORGESCHLAGENER_BETRAG.name())));
    w.put(NEUER_BETRAG_TEXT.name(), betraege.anzeige(fall.getVariable(NEUER_BETRAG.name())));
    w.put(PROGRAMM_TEXT.name(), betraege.programmName(PROGRAMM.von(fall)));
    w.put(KOMMUNE_TEXT.name(), KOMMUNEN.getOrDefault(KOMMUNE.von(fall), String.valueOf(KOMMUNE.von(fall))));
    w.put(VOTUM_TEXT.name(), code(fall.getVariable(VOTUM.name())));
    w.put(AENDERUNG_ART_TEXT.name(), code(fall.getVariable(AENDERUNG_ART.name())));
    w.put(PRUEFERGEBNIS_TEXT.name(), code(fall.getVariable(PRUEFERGEBNIS.name())));
    w.put(MASSNAHME_TEXT.name(), code(fall.getVariable(MASSNAHME.name())));
    w.put(RUECKFORDERUNG_GRUND_TEXT.name(), code(fall.getVariable(RUECKFORDERUNG_GRUND.name())));
    for (Variable<LocalDate> datum : List.of(VERTRAG_VERSANDT_AM, VN_FAELLIG_AM, NACHFORDERUNG_BIS, ANHOERUNG_BIS, ZAHLUNG_BIS, AENDERUNG_EINGANG_AM,
        EINGANGSDATUM)) {
      LocalDate tag = datum.von(fall);
      w.put(datum.name() + "Text", tag == null ? "" : tag.format(TAG));
    }
    w.put(PRUEFER_NAME.name(), name(PRUEFER.von(fall)));
    w.put(BESCHEINIGT_VON_NAME.name(), name(BESCHEINIGT_VON.von(fall)));
    w.put(VN_PRUEFER_NAME.name(), name(VN_PRUEFER.von(fall)));
    w.put(AENDERUNG_BEWERTET_VON_NAME.name(), name(AENDERUNG_BEWERTET_VON.von(fall)));
    w.put(BAUSTEIN_TEXT.name(), bausteine(fall));
    w.put(ANSCHRIFT_TEXT.name(), anschrift(fall));
    switch (aufgabe) {
      case "Task_VollstaendigkeitPruefen" -> {
        Map<String, String> optionen = new LinkedHashMap<>();
        PFLICHTUNTERLAGEN.von(fall).forEach(u -> optionen.put(u, u));
        w.put(UNTERLAGEN_OPTIONEN.name(), Auswahloptionen.wert(optionen));
        w.put(VORHANDENE_UNTERLAGEN.name(), Auswahloptionen.leereAuswahl());
      }
      case "Task_FachlichPruefen" -> {
        List<String> hinweise = new ArrayList<>(PLAUSIBILITAETSHINWEISE.von(fall) == null ? List.of() : PLAUSIBILITAETSHINWEISE.von(fall));
        if (!programmjahre.laeuft(PROGRAMM.von(fall), FOERDERJAHR.von(fall))) {
          // an application may come before the county set up the year; the reviewer should know there is no budget yet
          hinweise.add("Zu diesem Programm und Jahr ist noch kein Förderprogrammjahr angelegt (Budget, Aufruf, Verteilung)");
        }
        w.put(PLAUSIBILITAET_TEXT.name(), hinweise.isEmpty() ? "keine" : String.join("; ", hinweise));
      }
      case "Task_MittelabrufErfassen" -> {
        Map<String, String> optionen = new LinkedHashMap<>();
        betraege.bausteinCodes(fall).forEach(b -> optionen.put(b, BAUSTEINE_TEXT.getOrDefault(b, b)));
        w.put(BAUSTEIN_OPTIONEN.name(), Auswahloptionen.wert(optionen));
        w.put(LETZTER_ABRUFTAG.name(), fristen.datum(fristen.letzterAbruftag(fall)));
      }
      case "Task_VerwendungsnachweisPruefen" -> {
        List<Map<String, Object>> zeilen = new ArrayList<>();
        for (Map<String, Object> z : Zeilen.von(BAUSTEINE.von(fall))) {
          Map<String, Object> zeile = new LinkedHashMap<>();
          zeile.put("baustein", BAUSTEINE_TEXT.getOrDefault(String.valueOf(z.get("baustein")), String.valueOf(z.get("baustein"))));
          zeile.put("menge", z.getOrDefault("gefoerderteMenge", z.get("menge")));
          zeile.put("nachgewiesen", z.get("nachgewiesen"));
          zeilen.add(zeile);
        }
        w.put(NACHWEISZEILEN.name(), Zeilen.alsJson(zeilen));
      }
      case "Task_AenderungBewerten" -> {
        List<Map<String, Object>> zeilen = new ArrayList<>();
        for (Map<String, Object> z : Zeilen.von(BAUSTEINE.von(fall))) {
          Map<String, Object> zeile = new LinkedHashMap<>();
          zeile.put("baustein", BAUSTEINE_TEXT.getOrDefault(String.valueOf(z.get("baustein")), String.valueOf(z.get("baustein"))));
          zeile.put("bisher", Betrag.anzeige(Betrag.von(z.getOrDefault("bewilligt", "0"))));
          zeile.put("neu", z.getOrDefault("bewilligt", "0,00"));
          zeilen.add(zeile);
        }
        w.put(ANPASSUNGSZEILEN.name(), Zeilen.alsJson(zeilen));
      }
      default -> { }
    }
    return w;
  }

  /** "B1 Begleitung durch Ehrenamtliche: 20 × 35,00 € = 700,00 € (bewilligt 700,00 €); …" */
  String bausteine(DelegateExecution fall) {
    List<String> teile = new ArrayList<>();
    for (Map<String, Object> z : Zeilen.von(BAUSTEINE.von(fall))) {
      String code = String.valueOf(z.get("baustein"));
      StringBuilder t = new StringBuilder(BAUSTEINE_TEXT.getOrDefault(code, code)).append(": ").append(z.get("menge"));
      if (z.get("satz") != null) {
        t.append(" × ").append(Betrag.anzeige(Betrag.von(z.get("satz")))).append(" = ").append(Betrag.anzeige(Betrag.von(z.get("betrag"))));
      }
      if (z.get("kostenplan") != null && !String.valueOf(z.get("kostenplan")).isBlank()) {
        t.append(", Kostenplan ").append(Betrag.anzeige(Betrag.von(String.valueOf(z.get("kostenplan")))));
      }
      if (z.get("bewilligt") != null) {
        t.append(" (bewilligt ").append(Betrag.anzeige(Betrag.von(z.get("bewilligt")))).append(")");
      }
      teile.add(t.toString());
    }
    return String.join("; ", teile);
  }

  static String anschrift(DelegateExecution fall) {
    StringBuilder t = new StringBuilder();
    t.append(TRAEGER.von(fall)).append(", ").append(STRASSE.von(fall)).append(", ").append(PLZ.von(fall)).append(' ').append(ORT.von(fall));
    t.append(" · Ansprechperson ").append(ANSPRECHPERSON.von(fall));
    if (FUNKTION.von(fall) != null) {
      t.append(" (").append(FUNKTION.von(fall)).append(')');
    }
    if (TELEFON.von(fall) != null) {
      t.append(", Telefon ").append(TELEFON.von(fall));
    }
    t.append(", ").append(EMAIL.von(fall));
    return t.toString();
  }

  /** An IBAN in groups of four, as people read it. */
  public String iban(String iban) {
    return iban == null ? "" : de.hsk.ki.plattform.geld.Iban.lesbar(iban);
  }

  static String code(Object wert) {
    return wert == null ? "" : CODES.getOrDefault(wert.toString(), wert.toString());
  }

  /** First and last name of a member of staff; the id if the directory does not know it. */
  public String name(String benutzer) {
    return de.hsk.ki.plattform.identitaet.Personenname.von(identitaet, benutzer);
  }
}
