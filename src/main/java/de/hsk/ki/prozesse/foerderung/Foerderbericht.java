package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.geld.Betrag;
import de.hsk.ki.plattform.zeit.Zeit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The figures of one programme and year from its applications (Process_Foerderantrag): each case
 * with its state and next deadline, and the sums per building block and municipality that the
 * coordinator needs for the Sachbericht and the collective proof of use. Read from the history's
 * variables, which hold the current value of running and finished cases alike. Amounts are added as
 * BigDecimal only: a sum of doubles is off by a cent sooner or later, and the state checks to the cent.
 */
@Service
public class Foerderbericht {

  /** The programmes a year and an application can belong to, with the names staff read. */
  public static final Map<String, String> PROGRAMME = programme();

  /** Variables the report reads; the others of a case (bank details, contact persons) are not loaded. */
  private static final List<String> GELESEN = List.of(Foerderung.PROGRAMM.name(), Foerderung.FOERDERJAHR.name(),
      Foerderung.AKTENZEICHEN.name(), Foerderung.TRAEGER.name(), Foerderung.KOMMUNE.name(), Foerderung.STATUS.name(),
      Foerderung.NAECHSTE_FRIST.name(), Foerderung.BERECHNETER_BETRAG.name(), Foerderung.BEWILLIGTER_BETRAG.name(),
      Foerderung.AUSGEZAHLTER_BETRAG.name(), Foerderung.ANERKANNTER_BETRAG.name(), Foerderung.RUECKFORDERUNGSBETRAG.name(),
      Foerderung.ZINSEN.name(), Foerderung.EHRENAMTLICHE.name(), Foerderung.TEILNEHMENDE.name(), Foerderung.BAUSTEINE.name(),
      Foerderung.AUSZAHLUNGEN.name());

  private final HistoryService history;
  private final JdbcTemplate jdbc;

  public Foerderbericht(ProcessEngine engine, JdbcTemplate jdbc) {
    this.history = engine.getHistoryService();
    this.jdbc = jdbc;
  }

  /** One application as the report shows it. Amounts are null where the case has none yet. */
  public record Antrag(String aktenzeichen, String traeger, String kommune, String status, LocalDate naechsteFrist,
      boolean laufend, BigDecimal berechnet, BigDecimal bewilligt, BigDecimal ausgezahlt, BigDecimal anerkannt,
      BigDecimal zurueckgefordert, BigDecimal zinsen, long ehrenamtliche, long teilnehmende,
      List<Map<String, Object>> bausteine, List<Map<String, Object>> auszahlungen) {

    /** A running case whose next deadline has passed. */
    public boolean ueberfaellig() {
      return laufend && naechsteFrist != null && naechsteFrist.isBefore(Zeit.heute());
    }

    public boolean istBewilligt() {
      return bewilligt != null && bewilligt.signum() > 0;
    }

    /** What the applicant asked for: the amounts of the building blocks' cost plans. */
    public BigDecimal beantragt() {
      return bausteine.stream().map(z -> betrag(z.get("betrag"))).filter(java.util.Objects::nonNull)
          .reduce(Betrag.NULL, BigDecimal::add);
    }

    /** Approved building blocks of an approved application. */
    public long massnahmen() {
      return istBewilligt() ? bausteine.stream().filter(Foerderbericht::bewilligteZeile).count() : 0;
    }
  }

  /**
   * The sums of a group of applications (all of them, a building block, a municipality). Volunteers
   * and participants belong to an application, not to one of its building blocks: null there.
   */
  public record Summe(String wert, long antraege, long massnahmen, BigDecimal bewilligt, BigDecimal ausgezahlt,
      BigDecimal anerkannt, BigDecimal zurueckgefordert, Long ehrenamtliche, Long teilnehmende) {}

  public record Bericht(String programm, int jahr, List<Antrag> antraege, Summe gesamt, List<Summe> jeBaustein,
      List<Summe> jeKommune) {

    public String programmName() {
      return PROGRAMME.getOrDefault(programm, programm);
    }

    /** The calculated amounts of all applications that have one, to the cent (a Summe has none: blocks are not calculated alone). */
    public BigDecimal berechnet() {
      return antraege.stream().map(Antrag::berechnet).filter(java.util.Objects::nonNull).reduce(Betrag.NULL, BigDecimal::add);
    }
  }

  public Bericht erstellen(String programm, int jahr) {
    Map<String, String> kommunen = kommunen();
    List<Antrag> antraege = antraege(programm, jahr, kommunen);
    antraege.sort(Comparator.comparing((Antrag a) -> !a.ueberfaellig())
        .thenComparing(Antrag::naechsteFrist, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Antrag::aktenzeichen, Comparator.nullsLast(Comparator.naturalOrder())));
    return new Bericht(programm, jahr, antraege, summe("alle Anträge", antraege), jeBaustein(antraege),
        jeKommune(antraege, kommunen));
  }

  /**
   * Payouts ordered (second signature given) in the programme and year that no call-off to the
   * state has covered yet, by "case/number" (the funding year keeps the list of those it called off).
   */
  public Map<String, BigDecimal> angeordnet(String programm, int jahr, Collection<String> schonAbgerufen) {
    Map<String, BigDecimal> offen = new TreeMap<>();
    for (Antrag a : antraege(programm, jahr, Map.of())) {
      for (Map<String, Object> zeile : a.auszahlungen()) {
        String schluessel = a.aktenzeichen() + "/" + text(zeile.get("nr"));
        BigDecimal betrag = betrag(zeile.get("betrag"));
        if (!leer(zeile.get("angeordnetVon")) && betrag != null && !schonAbgerufen.contains(schluessel)) {
          offen.put(schluessel, betrag);
        }
      }
    }
    return offen;
  }

  public static String statusText(String status, boolean laufend) {
    if (status == null || status.isBlank()) {
      return laufend ? "in Bearbeitung" : "beendet";
    }
    return Antragsstatus.text(status);
  }

  private List<Antrag> antraege(String programm, int jahr, Map<String, String> kommunen) {
    List<HistoricProcessInstance> faelle = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(Foerderung.ANTRAG).variableValueEquals(Foerderung.PROGRAMM.name(), programm).list();
    Map<String, HistoricProcessInstance> nachId = new HashMap<>();
    faelle.forEach(f -> nachId.put(f.getId(), f));
    Map<String, Map<String, Object>> variablen = new HashMap<>();
    List<String> ids = new ArrayList<>(nachId.keySet());
    // in slices, so that the IN list stays within what every database takes
    for (int i = 0; i < ids.size(); i += 500) {
      List<String> teil = ids.subList(i, Math.min(ids.size(), i + 500));
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(teil.toArray(String[]::new)).variableNameIn(GELESEN.toArray(String[]::new)).list()) {
        // only the case's own variables, not those of a task or subprocess of the same name
        if (v.getTaskId() == null && v.getProcessInstanceId().equals(v.getExecutionId())) {
          variablen.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
      }
    }
    List<Antrag> antraege = new ArrayList<>();
    for (HistoricProcessInstance fall : faelle) {
      Map<String, Object> w = variablen.getOrDefault(fall.getId(), Map.of());
      Object foerderjahr = w.get(Foerderung.FOERDERJAHR.name());
      if (zahl(foerderjahr) != jahr) {
        continue;
      }
      boolean laufend = fall.getEndTime() == null;
      Object aktenzeichen = w.getOrDefault(Foerderung.AKTENZEICHEN.name(), fall.getBusinessKey());
      antraege.add(new Antrag(text(aktenzeichen), text(w.get(Foerderung.TRAEGER.name())), kommune(text(w.get(Foerderung.KOMMUNE.name())), kommunen),
          statusText(text(w.get(Foerderung.STATUS.name())), laufend),
          w.get(Foerderung.NAECHSTE_FRIST.name()) == null ? null : Zeit.datum(w.get(Foerderung.NAECHSTE_FRIST.name())), laufend,
          betrag(w.get(Foerderung.BERECHNETER_BETRAG.name())), betrag(w.get(Foerderung.BEWILLIGTER_BETRAG.name())),
          betrag(w.get(Foerderung.AUSGEZAHLTER_BETRAG.name())), betrag(w.get(Foerderung.ANERKANNTER_BETRAG.name())),
          betrag(w.get(Foerderung.RUECKFORDERUNGSBETRAG.name())), betrag(w.get(Foerderung.ZINSEN.name())),
          zahl(w.get(Foerderung.EHRENAMTLICHE.name())), zahl(w.get(Foerderung.TEILNEHMENDE.name())),
          Zeilen.von(w.get(Foerderung.BAUSTEINE.name())), Zeilen.von(w.get(Foerderung.AUSZAHLUNGEN.name()))));
    }
    return antraege;
  }

  /**
   * Volunteers, participants and measures count only for approved applications: the Sachbericht
   * reports what was funded, not what was asked for.
   */
  private static Summe summe(String wert, List<Antrag> antraege) {
    long massnahmen = 0;
    long ehrenamtliche = 0;
    long teilnehmende = 0;
    BigDecimal bewilligt = Betrag.NULL;
    BigDecimal ausgezahlt = Betrag.NULL;
    BigDecimal anerkannt = Betrag.NULL;
    BigDecimal zurueck = Betrag.NULL;
    for (Antrag a : antraege) {
      bewilligt = plus(bewilligt, a.bewilligt());
      ausgezahlt = plus(ausgezahlt, a.ausgezahlt());
      anerkannt = plus(anerkannt, a.anerkannt());
      zurueck = plus(zurueck, a.zurueckgefordert());
      if (a.istBewilligt()) {
        ehrenamtliche += a.ehrenamtliche();
        teilnehmende += a.teilnehmende();
        massnahmen += a.massnahmen();
      }
    }
    return new Summe(wert, antraege.size(), massnahmen, bewilligt, ausgezahlt, anerkannt, zurueck, ehrenamtliche, teilnehmende);
  }

  /** The county's municipalities by key, with the names people read, in alphabetical order. */
  private Map<String, String> kommunen() {
    Map<String, String> namen = new LinkedHashMap<>();
    jdbc.query("SELECT schluessel, name FROM ki_kommune ORDER BY name", rs -> {
      namen.put(rs.getString(1), rs.getString(2));
    });
    return namen;
  }

  private static String kommune(String schluessel, Map<String, String> kommunen) {
    return schluessel == null || schluessel.isBlank() ? "ohne Angabe" : kommunen.getOrDefault(schluessel, schluessel);
  }

  /** A row for every municipality of the county, also those without an application, then any other value. */
  private static List<Summe> jeKommune(List<Antrag> antraege, Map<String, String> kommunen) {
    Map<String, List<Antrag>> je = new LinkedHashMap<>();
    kommunen.values().forEach(name -> je.put(name, new ArrayList<>()));
    antraege.forEach(a -> je.computeIfAbsent(a.kommune(), k -> new ArrayList<>()).add(a));
    List<Summe> zeilen = new ArrayList<>();
    je.forEach((name, liste) -> zeilen.add(summe(name, liste)));
    return zeilen;
  }

  /**
   * Per building block from the rows of the applications: approved, recognised and reclaimed as the
   * review wrote them into the row, paid from the booked payouts of that block.
   */
  private static List<Summe> jeBaustein(List<Antrag> antraege) {
    Map<String, Set<String>> antraegeJe = new TreeMap<>();
    Map<String, long[]> massnahmenJe = new TreeMap<>();
    Map<String, BigDecimal[]> betraegeJe = new TreeMap<>();
    Function<String, BigDecimal[]> betraege = b -> betraegeJe.computeIfAbsent(b,
        k -> new BigDecimal[] {Betrag.NULL, Betrag.NULL, Betrag.NULL, Betrag.NULL});
    for (Antrag a : antraege) {
      for (Map<String, Object> zeile : a.bausteine()) {
        String baustein = bausteinVon(zeile);
        antraegeJe.computeIfAbsent(baustein, k -> new java.util.HashSet<>()).add(a.aktenzeichen());
        long[] zahl = massnahmenJe.computeIfAbsent(baustein, k -> new long[1]);
        if (bewilligteZeile(zeile)) {
          zahl[0]++;
        }
        BigDecimal[] s = betraege.apply(baustein);
        s[0] = plus(s[0], betrag(zeile.get("bewilligt")));
        s[2] = plus(s[2], betrag(zeile.get("anerkannt")));
        s[3] = plus(s[3], betrag(zeile.get("zurueckgefordert")));
      }
      for (Map<String, Object> zahlung : a.auszahlungen()) {
        if (!leer(zahlung.get("gebuchtAm"))) {
          BigDecimal[] s = betraege.apply(bausteinVon(zahlung));
          s[1] = plus(s[1], betrag(zahlung.get("betrag")));
        }
      }
    }
    List<Summe> zeilen = new ArrayList<>();
    betraegeJe.forEach((baustein, s) -> zeilen.add(new Summe(baustein, antraegeJe.getOrDefault(baustein, Set.of()).size(),
        massnahmenJe.containsKey(baustein) ? massnahmenJe.get(baustein)[0] : 0, s[0], s[1], s[2], s[3], null, null)));
    return zeilen;
  }

  private static String bausteinVon(Map<String, Object> zeile) {
    String b = text(zeile.get("baustein"));
    return b == null || b.isBlank() ? "ohne Baustein" : b;
  }

  private static boolean bewilligteZeile(Map<String, Object> zeile) {
    BigDecimal b = betrag(zeile.get("bewilligt"));
    return b != null && b.signum() > 0;
  }

  private static BigDecimal plus(BigDecimal summe, BigDecimal wert) {
    return wert == null ? summe : summe.add(wert);
  }

  /** An amount of a variable or row; blank is "none yet". A double is refused by Betrag.von. */
  static BigDecimal betrag(Object wert) {
    return leer(wert) ? null : Betrag.von(wert);
  }

  private static boolean leer(Object wert) {
    return wert == null || wert instanceof String s && s.isBlank();
  }

  private static String text(Object wert) {
    return wert == null ? null : wert.toString();
  }

  /** Counts come from number fields as Long, Integer or (form-js) Double; a count has no fraction. */
  private static long zahl(Object wert) {
    if (wert instanceof Number n) {
      return n.longValue();
    }
    if (wert instanceof String s && s.strip().matches("\\d{1,9}")) {
      return Long.parseLong(s.strip());
    }
    return 0;
  }

  private static Map<String, String> programme() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("KOMM_AN_II", "KOMM-AN NRW Programmteil II");
    p.put("IFKUF", "Integrationschancen für Kinder und Familien");
    p.put("SONSTIGES", "Sonstiges");
    return java.util.Collections.unmodifiableMap(p);
  }
}
