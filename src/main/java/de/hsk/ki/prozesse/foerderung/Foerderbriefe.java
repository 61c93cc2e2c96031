package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.dokument.PdfDokumente;
import de.hsk.ki.plattform.geld.Betrag;
import de.hsk.ki.plattform.geld.Iban;
import de.hsk.ki.plattform.zeit.Zeit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The letters of a funding case (templates/foerderung/brief.html, one block per kind) from the
 * case's variables: as HTML for the page, as PDF for the page and for the e-mail to the applicant.
 * Only organisation, contact and bank data; the applicant's bank account appears only in the contract.
 * Amounts always through Betrag.anzeige, dates as TT.MM.JJJJ.
 */
@Component("foerderbriefe")
public class Foerderbriefe {

  static final String VORLAGE = "foerderung/brief";
  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  static final Map<String, String> PROGRAMME = Map.of(
      "KOMM_AN_II", "KOMM-AN NRW, Programmteil II",
      "IFKUF", "Integrationschancen für Kinder und Familien",
      "SONSTIGES", "sonstiges Förderprogramm");

  /** The building blocks of KOMM-AN NRW II as Decision_FA_Pauschale names them. */
  static final Map<String, String> BAUSTEINE = Map.of(
      "A1", "A1 Renovierung/Ausstattung Ankommenstreffpunkt",
      "A2", "A2 Laufender Betrieb",
      "B1", "B1 Begleitung durch Ehrenamtliche",
      "B2", "B2 Maßnahme Zusammenkommen/Orientierung",
      "C1", "C1 Print-/Webmedium",
      "C2", "C2 Übersetzung",
      "D1", "D1 Qualifizierung (Referent:in)",
      "D2", "D2 Austauschtreffen Ehrenamtliche");

  static final Map<String, String> GRUENDE = Map.of(
      "VN_NICHT_VORGELEGT", "Der Verwendungsnachweis wurde nicht fristgerecht vorgelegt.",
      "ZWECKVERFEHLUNG", "Die Zuwendung wurde nicht oder nicht vollständig für den bewilligten Zweck verwendet.",
      "NICHT_ALSBALD_VERWENDET", "Die ausgezahlten Mittel wurden nicht alsbald nach der Auszahlung für fällige Zahlungen verwendet.",
      "MENGENUNTERSCHREITUNG", "Die bewilligten Mengen der Bausteine wurden nicht erreicht.",
      "AUFLAGENVERSTOSS", "Auflagen des Bescheids oder Vertrags wurden nicht erfüllt.");

  /** The kinds of change a notice reports, as the change-notice form names them. */
  static final Map<String, String> AENDERUNGSARTEN = Map.of(
      "ENTFAELLT", "Maßnahme entfällt",
      "KLEINER", "Maßnahme wird kleiner",
      "VERSCHOBEN", "Maßnahme verschiebt sich",
      "SONSTIGES", "sonstige Änderung");

  private final ProcessEngine engine;
  private final PdfDokumente dokumente;
  private final Briefkopf kopf;
  private final Foerderbriefeinstellungen einstellungen;
  private final Zinsen zinsen;

  public Foerderbriefe(ProcessEngine engine, PdfDokumente dokumente, Briefkopf kopf, Foerderbriefeinstellungen einstellungen,
      Zinsen zinsen) {
    this.engine = engine;
    this.dokumente = dokumente;
    this.kopf = kopf;
    this.einstellungen = einstellungen;
    this.zinsen = zinsen;
  }

  /**
   * The letter as PDF from the case's variables (the running case, else its history).
   *
   * @throws IllegalArgumentException with a German message for an unknown kind or case
   */
  public byte[] pdf(String aktenzeichen, String art) {
    Briefart briefart = Briefart.von(art).orElseThrow(() -> new IllegalArgumentException("Unbekannte Briefart „" + art + "“."));
    Map<String, Object> variablen = variablen(aktenzeichen)
        .orElseThrow(() -> new IllegalArgumentException("Zu " + aktenzeichen + " gibt es keinen Förderantrag."));
    return pdf(aktenzeichen, briefart, variablen);
  }

  public byte[] pdf(String aktenzeichen, Briefart art, Map<String, Object> variablen) {
    return dokumente.pdf(VORLAGE, modell(aktenzeichen, art, variablen));
  }

  /**
   * The variables of the case with this number: of the running root instance, else of the ended one
   * from history; empty if there is no funding case of that number. Read without a caller's grants:
   * the page and the delegate decide who may see them.
   */
  public Optional<Map<String, Object>> variablen(String aktenzeichen) {
    if (aktenzeichen == null || !aktenzeichen.matches(Foerderung.ANTRAG_PRAEFIX + "-\\d{4}-\\d{1,6}")) {
      return Optional.empty();
    }
    ProcessInstance laufend = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(aktenzeichen)
        .rootProcessInstances().list().stream().findFirst().orElse(null);
    if (laufend != null) {
      return Optional.of(new HashMap<>(engine.getRuntimeService().getVariables(laufend.getId())));
    }
    HistoricProcessInstance beendet = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(aktenzeichen)
        .rootProcessInstances().orderByProcessInstanceEndTime().desc().list().stream().findFirst().orElse(null);
    if (beendet == null) {
      return Optional.empty();
    }
    Map<String, Object> v = new HashMap<>();
    for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(beendet.getId()).list()) {
      // the case's own variables, not those of a step's local scope
      if (beendet.getId().equals(variable.getActivityInstanceId()) || variable.getActivityInstanceId() == null
          || !v.containsKey(variable.getName())) {
        v.put(variable.getName(), variable.getValue());
      }
    }
    return Optional.of(v);
  }

  /** Who signs e-mails: the KI's name from the letterhead. */
  public String absender() {
    return kopf.stelle();
  }

  /** The template's model: letterhead, address, the kind's block. */
  public Map<String, Object> modell(String aktenzeichen, Briefart art, Map<String, Object> v) {
    Map<String, Object> m = new HashMap<>();
    m.put("art", art.name());
    m.put("titel", art.titel());
    m.put("aktenzeichen", aktenzeichen);
    m.put("kontakt", kopf);
    m.put("stelleMitArtikel", mitArtikel(kopf.stelle()));
    m.put("heute", Zeit.heute().format(DATUM));
    m.put("pdf", false);
    m.put("traeger", text(v, Foerderung.TRAEGER));
    m.put("empfaenger", anschrift(v));
    m.put("programm", PROGRAMME.getOrDefault(text(v, Foerderung.PROGRAMM), text(v, Foerderung.PROGRAMM)));
    m.put("foerderjahr", v.get(Foerderung.FOERDERJAHR.name()) == null ? "" : v.get(Foerderung.FOERDERJAHR.name()).toString());
    m.put("eingangsdatum", datum(v, Foerderung.EINGANGSDATUM.name()));
    LocalDate eingang = v.get(Foerderung.EINGANGSDATUM.name()) == null ? Zeit.heute() : Zeit.datum(v.get(Foerderung.EINGANGSDATUM.name()));
    m.put("entscheidungBis", eingang.plus(einstellungen.entscheidungNachEingang()).format(DATUM));
    m.put("fehlendeUnterlagen", zeilen(text(v, Foerderung.FEHLENDE_UNTERLAGEN)));
    m.put("nachforderungBis", datum(v, Foerderung.NACHFORDERUNG_BIS.name()));
    m.put("bausteine", bausteine(v.get(Foerderung.BAUSTEINE.name())));
    m.put("bewilligterBetrag", geld(v.get(Foerderung.BEWILLIGTER_BETRAG.name())));
    m.put("teilbewilligt", "TEILBEWILLIGT".equals(v.get(Foerderung.ENTSCHEIDUNG.name())));
    m.put("bewilligungVon", datum(v, Foerderung.BEWILLIGUNG_VON.name()));
    m.put("bewilligungBis", datum(v, Foerderung.BEWILLIGUNG_BIS.name()));
    m.put("auflagen", zeilen(text(v, Foerderung.AUFLAGEN)));
    m.put("begruendung", zeilen(text(v, Foerderung.BEGRUENDUNG)));
    m.put("vnFaelligAm", datum(v, Foerderung.VN_FAELLIG_AM.name()));
    m.put("rechtsbehelf", einstellungen.rechtsbehelf());
    m.put("vertretung", text(v, Foerderung.VERTRETUNG));
    if (art == Briefart.VERTRAG) {
      // the applicant's account only here, where the county pays to it
      String iban = text(v, Foerderung.IBAN);
      m.put("iban", iban == null ? null : Iban.lesbar(iban));
      m.put("bic", text(v, Foerderung.BIC));
      m.put("geldinstitut", text(v, Foerderung.GELDINSTITUT));
      m.put("kontoinhaber", text(v, Foerderung.KONTOINHABER));
    }
    if (art == Briefart.ANPASSUNG) {
      String aenderungArt = text(v, Foerderung.AENDERUNG_ART);
      m.put("aenderungArt", aenderungArt == null ? null : AENDERUNGSARTEN.getOrDefault(aenderungArt, aenderungArt));
      m.put("aenderungEingangAm", datum(v, Foerderung.AENDERUNG_EINGANG_AM.name()));
      m.put("aenderungBeschreibung", text(v, Foerderung.AENDERUNG_BESCHREIBUNG));
    }
    if (art == Briefart.ANHOERUNG || art == Briefart.RUECKFORDERUNG) {
      rueckforderung(m, v);
    }
    m.put("kreiskasse", einstellungen.kreiskasse());
    return m;
  }

  private void rueckforderung(Map<String, Object> m, Map<String, Object> v) {
    Object grund = v.get(Foerderung.RUECKFORDERUNG_GRUND.name());
    m.put("grund", grund == null ? null : GRUENDE.getOrDefault(grund.toString(), grund.toString()));
    m.put("unwirksamAb", datum(v, Foerderung.UNWIRKSAM_AB.name()));
    m.put("anhoerungBis", datum(v, Foerderung.ANHOERUNG_BIS.name()));
    m.put("zahlungBis", datum(v, Foerderung.ZAHLUNG_BIS.name()));
    BigDecimal betrag = Betrag.von(v.get(Foerderung.RUECKFORDERUNGSBETRAG.name()));
    m.put("rueckforderungsbetrag", betrag == null ? null : Betrag.anzeige(betrag));
    LocalDate von = v.get(Foerderung.UNWIRKSAM_AB.name()) == null ? null : Zeit.datum(v.get(Foerderung.UNWIRKSAM_AB.name()));
    LocalDate bis = v.get(Foerderung.ZAHLUNG_BIS.name()) == null ? null : Zeit.datum(v.get(Foerderung.ZAHLUNG_BIS.name()));
    BigDecimal zinsbetrag = Betrag.von(v.get(Foerderung.ZINSEN.name()));
    if (betrag != null && von != null && bis != null) {
      try {
        Zinsen.Berechnung berechnung = zinsen.berechnung(betrag, von, bis);
        m.put("zinsabschnitte", berechnung.abschnitte());
        m.put("unterBagatellgrenze", berechnung.unterBagatellgrenze());
        m.put("bagatellgrenze", Betrag.anzeige(berechnung.bagatellgrenze()));
        // the figure the case decided on wins; the computation shows how it comes about
        zinsbetrag = zinsbetrag != null ? zinsbetrag : berechnung.zinsen();
      } catch (IllegalArgumentException e) {
        m.put("zinshinweis", e.getMessage());
      }
    }
    m.put("zinsen", zinsbetrag == null ? null : Betrag.anzeige(zinsbetrag));
    m.put("gesamt", betrag == null ? null : Betrag.anzeige(zinsbetrag == null ? betrag : betrag.add(zinsbetrag)));
  }

  /** A row of the building-block table, every amount already as people read it. */
  public record Bausteinzeile(String baustein, String menge, String zeitraum, String beschreibung, String beantragt, String bewilligt) {}

  static List<Bausteinzeile> bausteine(Object wert) {
    List<Bausteinzeile> zeilen = new ArrayList<>();
    for (Map<String, Object> z : Zeilen.von(wert)) {
      String baustein = z.get("baustein") == null ? "" : z.get("baustein").toString();
      String von = z.get("von") == null ? null : Zeit.datum(z.get("von")).format(DATUM);
      String bis = z.get("bis") == null ? null : Zeit.datum(z.get("bis")).format(DATUM);
      Object beantragt = z.get("betrag") != null ? z.get("betrag") : z.get("kostenplan");
      zeilen.add(new Bausteinzeile(BAUSTEINE.getOrDefault(baustein, baustein), z.get("menge") == null ? "" : z.get("menge").toString(),
          von == null && bis == null ? "" : (von == null ? "" : von) + " – " + (bis == null ? "" : bis),
          z.get("beschreibung") == null ? "" : z.get("beschreibung").toString(), geld(beantragt), geld(z.get("bewilligt"))));
    }
    return zeilen;
  }

  private static List<String> anschrift(Map<String, Object> v) {
    List<String> zeilen = new ArrayList<>();
    Optional.ofNullable(text(v, Foerderung.TRAEGER)).ifPresent(zeilen::add);
    Optional.ofNullable(text(v, Foerderung.ANSPRECHPERSON)).ifPresent(p -> zeilen.add("z. Hd. " + p));
    Optional.ofNullable(text(v, Foerderung.STRASSE)).ifPresent(zeilen::add);
    String ort = ((text(v, Foerderung.PLZ) == null ? "" : text(v, Foerderung.PLZ)) + " " + (text(v, Foerderung.ORT) == null ? "" : text(v, Foerderung.ORT))).strip();
    if (!ort.isEmpty()) {
      zeilen.add(ort);
    }
    return zeilen;
  }

  private static String text(Map<String, Object> v, de.hsk.ki.plattform.prozess.Variable<?> variable) {
    Object wert = v.get(variable.name());
    return wert == null || wert.toString().isBlank() ? null : wert.toString().strip();
  }

  private static String geld(Object wert) {
    BigDecimal betrag = wert == null || (wert instanceof String s && s.isBlank()) ? null : Betrag.von(wert);
    return betrag == null ? null : Betrag.anzeige(betrag);
  }

  private static String datum(Map<String, Object> v, String name) {
    Object wert = v.get(name);
    return wert == null || wert.toString().isBlank() ? null : Zeit.datum(wert).format(DATUM);
  }

  /**
   * The KI's name after "vertreten durch": "das Kommunale Integrationszentrum Hochsauerlandkreis" (the
   * adjective declined after the article); a name that does not begin with such an adjective stays as it is.
   */
  static String mitArtikel(String stelle) {
    java.util.regex.Matcher adjektiv = java.util.regex.Pattern.compile("^(\\p{Lu}\\p{Ll}+e)s (\\p{Lu}\\p{Ll}*zentrum\\b.*)$").matcher(stelle);
    return adjektiv.matches() ? "das " + adjektiv.group(1) + " " + adjektiv.group(2) : "die Stelle „" + stelle + "“";
  }

  /** One item a line, as staff type lists into a text area. */
  static List<String> zeilen(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
