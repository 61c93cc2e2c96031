package de.hsk.ki.prozesse.foerderung;

import static de.hsk.ki.prozesse.foerderung.Foerderung.*;

import de.hsk.ki.plattform.geld.Betrag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The amounts of an application, exact to the cent: rates from Decision_FA_Pauschale, the approved
 * amount spread over the building blocks, payouts, the recognised amount and the reclaim.
 */
@Component("foerderbetraege")
public class Foerderbetraege {

  static final Map<String, String> PROGRAMME = Map.of("KOMM_AN_II", "KOMM-AN NRW Programmteil II",
      "IFKUF", "Integrationschancen für Kinder und Familien", "SONSTIGES", "Sonstiges Programm");

  private final DecisionService entscheidungen;

  public Foerderbetraege(@Lazy DecisionService entscheidungen) {
    this.entscheidungen = entscheidungen;
  }

  /** On behalf of the case: staff may not evaluate decisions themselves. */
  org.camunda.bpm.dmn.engine.DmnDecisionTableResult auswerten(String schluessel, Map<String, Object> werte) {
    return de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung.ausfuehren(() -> entscheidungen.evaluateDecisionTableByKey(schluessel, werte));
  }

  public String programmName(String programm) {
    return PROGRAMME.getOrDefault(programm, programm);
  }

  public String anzeige(Object betrag) {
    return betrag == null ? "" : Betrag.anzeige(Betrag.von(betrag));
  }

  /** Whole euros, rounded up: a limit in whole euros holds to the cent (x ≤ N exactly when ⌈x⌉ ≤ N). */
  public Long euroAufgerundet(Object betrag) {
    BigDecimal b = betrag == null ? BigDecimal.ZERO : Betrag.von(betrag);
    return b.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  public boolean mitBaustein(DelegateExecution execution, String code) {
    return Zeilen.von(BAUSTEINE.von(execution)).stream().anyMatch(z -> code.equals(z.get("baustein")));
  }

  public Map<String, Object> fristen(String programm) {
    return auswerten(ENTSCHEIDUNG_FRISTEN, Variables.putValue("programm", programm)).getSingleResult().getEntryMap();
  }

  /** Rate × quantity (at most the maximum quantity) per block; the rows keep rate, unit and amount, the case the sum. */
  public void berechne(DelegateExecution execution) {
    List<Map<String, Object>> zeilen = Zeilen.von(BAUSTEINE.von(execution));
    BigDecimal summe = Betrag.NULL;
    for (Map<String, Object> zeile : zeilen) {
      Map<String, Object> pauschale = pauschale(PROGRAMM.von(execution), FOERDERJAHR.von(execution), (String) zeile.get("baustein"));
      BigDecimal satz = Betrag.von((String) pauschale.get("betragJeEinheit"));
      long menge = ((Number) zeile.get("menge")).longValue();
      Object hoechst = pauschale.get("hoechstmenge");
      long gefoerdert = hoechst == null ? menge : Math.min(menge, ((Number) hoechst).longValue());
      BigDecimal betrag = satz.multiply(BigDecimal.valueOf(gefoerdert));
      zeile.put("satz", Betrag.text(satz));
      zeile.put("einheit", pauschale.get("einheit"));
      zeile.put("gefoerderteMenge", gefoerdert);
      zeile.put("betrag", Betrag.text(betrag));
      summe = summe.add(betrag);
    }
    BAUSTEINE.setze(execution, Zeilen.alsJson(zeilen));
    BERECHNETER_BETRAG.setze(execution, summe);
    if (VORGESCHLAGENER_BETRAG.von(execution) == null) {
      VORGESCHLAGENER_BETRAG.setze(execution, summe); // the review starts from the calculated amount
    }
  }

  Map<String, Object> pauschale(String programm, Long jahr, String baustein) {
    var ergebnis = auswerten(ENTSCHEIDUNG_PAUSCHALE,
        Variables.putValue("programm", programm).putValue("foerderjahr", jahr).putValue("baustein", baustein));
    if (ergebnis.isEmpty()) {
      throw new IllegalStateException("Keine Pauschale für " + programm + " " + jahr + " " + baustein);
    }
    return ergebnis.getSingleResult().getEntryMap();
  }

  /** The building blocks of a programme and year that have a rate (what the start form may offer). */
  public boolean hatPauschale(String programm, Long jahr, String baustein) {
    return !auswerten(ENTSCHEIDUNG_PAUSCHALE,
        Variables.putValue("programm", programm).putValue("foerderjahr", jahr).putValue("baustein", baustein)).isEmpty();
  }

  /**
   * The approved amount spread over the blocks in proportion to their calculated amounts, rounded
   * down to the cent; the cents left over go to the last block, so the rows add up to the approval.
   */
  static void verteilen(List<Map<String, Object>> zeilen, BigDecimal bewilligt) {
    verteilen(zeilen, bewilligt, "betrag", "bewilligt");
  }

  /** {@code summe} spread over the rows in proportion to column {@code nach}, into column {@code in}; adds up to the cent. */
  static void verteilen(List<Map<String, Object>> zeilen, BigDecimal summe, String nach, String in) {
    BigDecimal basis = zeilen.stream().map(z -> z.get(nach) == null ? Betrag.NULL : Betrag.von(z.get(nach))).reduce(Betrag.NULL, BigDecimal::add);
    BigDecimal verteilt = Betrag.NULL;
    for (int i = 0; i < zeilen.size(); i++) {
      BigDecimal anteil;
      if (i == zeilen.size() - 1) {
        anteil = summe.subtract(verteilt);
      } else if (basis.signum() == 0) {
        anteil = Betrag.NULL;
      } else {
        Object wert = zeilen.get(i).get(nach);
        anteil = summe.multiply(wert == null ? Betrag.NULL : Betrag.von(wert)).divide(basis, 2, RoundingMode.DOWN);
      }
      zeilen.get(i).put(in, Betrag.text(anteil));
      verteilt = verteilt.add(anteil);
    }
  }

  public BigDecimal rest(VariableScope fall) {
    BigDecimal bewilligt = BEWILLIGTER_BETRAG.von(fall);
    BigDecimal ausgezahlt = AUSGEZAHLTER_BETRAG.von(fall);
    return (bewilligt == null ? Betrag.NULL : bewilligt).subtract(ausgezahlt == null ? Betrag.NULL : ausgezahlt);
  }

  public boolean restOffen(DelegateExecution execution) {
    return rest(execution).signum() > 0;
  }

  /** Decision_FA_Auszahlung on a funds request; the message when it is not allowed, else null. */
  public String abrufEinwand(VariableScope fall, BigDecimal abruf, String baustein, boolean kostenplanGeprueft, java.time.LocalDate letzterTag) {
    Map<String, Object> werte = new HashMap<>();
    werte.put("abrufCent", abruf.movePointRight(2).longValueExact());
    werte.put("restCent", rest(fall).movePointRight(2).longValueExact());
    werte.put("datum", de.hsk.ki.plattform.zeit.Zeit.heute());
    werte.put("letzterMittelabruf", letzterTag);
    werte.put("baustein", baustein);
    werte.put("kostenplanGeprueft", kostenplanGeprueft);
    Map<String, Object> ergebnis = auswerten(ENTSCHEIDUNG_AUSZAHLUNG, werte).getSingleResult().getEntryMap();
    return Boolean.TRUE.equals(ergebnis.get("zulaessig")) ? null : (String) ergebnis.get("hinweis");
  }

  /**
   * Recognised per block: the rate times the proven quantity (at most the funded one), never more
   * than the block's approval – a flat rate is earned per unit delivered. Returns the recognised
   * share of what was paid (of the approval before any payout), in whole percent rounded down:
   * what the proof-of-use decision and a reclaim are about.
   */
  static long anerkennen(List<Map<String, Object>> zeilen, BigDecimal ausgezahlt) {
    BigDecimal bewilligt = Betrag.NULL;
    BigDecimal anerkannt = Betrag.NULL;
    for (Map<String, Object> zeile : zeilen) {
      BigDecimal b = Betrag.von(zeile.getOrDefault("bewilligt", "0"));
      BigDecimal satz = Betrag.von(zeile.get("satz"));
      long menge = ((Number) zeile.getOrDefault("gefoerderteMenge", zeile.get("menge"))).longValue();
      long nachgewiesen = Math.min(((Number) zeile.getOrDefault("nachgewiesen", 0L)).longValue(), menge);
      BigDecimal a = satz.multiply(BigDecimal.valueOf(nachgewiesen)).min(b);
      zeile.put("anerkannt", Betrag.text(a));
      bewilligt = bewilligt.add(b);
      anerkannt = anerkannt.add(a);
    }
    BigDecimal basis = ausgezahlt != null && ausgezahlt.signum() > 0 ? ausgezahlt : bewilligt;
    if (basis.signum() == 0) {
      return 0;
    }
    return anerkannt.min(basis).multiply(BigDecimal.valueOf(100)).divide(basis, 0, RoundingMode.DOWN).longValueExact();
  }

  static BigDecimal summe(List<Map<String, Object>> zeilen, String spalte) {
    return zeilen.stream().map(z -> z.get(spalte) == null ? Betrag.NULL : Betrag.von(z.get(spalte))).reduce(Betrag.NULL, BigDecimal::add);
  }

  /** What was paid but not recognised, per block and in total (never negative). */
  static BigDecimal zurueckfordern(List<Map<String, Object>> zeilen, List<Map<String, Object>> auszahlungen) {
    BigDecimal summe = Betrag.NULL;
    for (Map<String, Object> zeile : zeilen) {
      BigDecimal gezahlt = auszahlungen.stream().filter(a -> zeile.get("baustein").equals(a.get("baustein")))
          .map(a -> Betrag.von(a.get("betrag"))).reduce(Betrag.NULL, BigDecimal::add);
      BigDecimal anerkannt = zeile.get("anerkannt") == null ? Betrag.NULL : Betrag.von(zeile.get("anerkannt"));
      BigDecimal zurueck = gezahlt.subtract(anerkannt).max(Betrag.NULL);
      zeile.put("zurueckgefordert", Betrag.text(zurueck));
      summe = summe.add(zurueck);
    }
    return summe;
  }

  List<String> bausteinCodes(VariableScope fall) {
    List<String> codes = new ArrayList<>();
    Zeilen.von(BAUSTEINE.von(fall)).forEach(z -> codes.add((String) z.get("baustein")));
    return codes;
  }
}
