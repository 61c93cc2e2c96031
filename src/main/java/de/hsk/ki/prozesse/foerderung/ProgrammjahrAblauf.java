package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.geld.Betrag;
import de.hsk.ki.plattform.prozess.Ablehnung;
import de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung;
import de.hsk.ki.plattform.zeit.Zeit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What the funding year's model asks of Java (processes/foerderung/programmjahr.bpmn): its case
 * number, the deadlines computed from the dates of its forms, and the overviews its tasks show
 * (call text, distribution, call-off, collective proof of use), read from the report service.
 */
@Component("programmjahrAblauf")
public class ProgrammjahrAblauf {

  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final ProgrammjahrFristen fristen;
  private final Foerderbericht bericht;

  public ProgrammjahrAblauf(ProgrammjahrFristen fristen, Foerderbericht bericht) {
    this.fristen = fristen;
    this.bericht = bericht;
  }

  /** The key of a year: FP-KOMM_AN_II-2026. */
  public static String aktenzeichen(String programm, long jahr) {
    return Foerderung.PROGRAMMJAHR_PRAEFIX + "-" + programm + "-" + jahr;
  }

  /**
   * After "Programmjahr anlegen": the case number becomes FP-&lt;programm&gt;-&lt;jahr&gt;, which staff
   * and the Bezirksregierung name the year by; a second running year of the same programme is refused.
   */
  public void anlegen(DelegateExecution execution) {
    String programm = Foerderung.PROGRAMM.von(execution);
    Long jahr = Foerderung.FOERDERJAHR.von(execution);
    if (programm == null || jahr == null || !Foerderbericht.PROGRAMME.containsKey(programm)) {
      throw Ablehnung.wegen("Bitte Programm und Förderjahr angeben.");
    }
    String aktenzeichen = aktenzeichen(programm, jahr);
    long laufend = OhneBerechtigungspruefung.ausfuehren(() -> execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceQuery().processDefinitionKey(Foerderung.PROGRAMMJAHR).processInstanceBusinessKey(aktenzeichen)
        .list().stream().filter(p -> !p.getId().equals(execution.getProcessInstanceId())).count());
    if (laufend > 0) {
      throw Ablehnung.wegen("Das Programmjahr " + Foerderbericht.PROGRAMME.get(programm) + " " + jahr
          + " ist bereits angelegt (" + aktenzeichen + "). Bitte dort weiterarbeiten.");
    }
    execution.setProcessBusinessKey(aktenzeichen);
    Foerderung.AKTENZEICHEN.setze(execution, aktenzeichen);
  }

  /** End of the day the named setting before the date: a task due then is not overdue that day. */
  public java.util.Date vorFrist(Object tag, String frist) {
    return Zeit.tagesende(Zeit.datum(tag).minus(Period.parse(fristen.alle().get(frist))));
  }

  public java.util.Date fristEnde(Object tag) {
    return Zeit.tagesende(Zeit.datum(tag));
  }

  /** A timer "at" a deadline day fires the morning after: whatever arrives on that day still counts. */
  public java.util.Date nachTagesende(Object tag) {
    return Zeit.morgens(Zeit.datum(tag).plusDays(1));
  }

  /**
   * The monthly call-off from the first of the month after the grant period starts (or after today, if
   * that has passed), every setting "mittelabrufZyklus", until the implementation period ends.
   */
  public String abrufzyklus(Object von) {
    LocalDate beginn = Zeit.datum(von);
    LocalDate ab = beginn.isAfter(Zeit.heute()) ? beginn : Zeit.heute();
    LocalDate erster = ab.withDayOfMonth(1).plusMonths(1);
    ZonedDateTime start = erster.atTime(8, 0).atZone(Zeit.ZONE);
    return "R/" + start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/" + fristen.getMittelabrufZyklus();
  }

  /** Gateway "Betrag < beantragt?". */
  public boolean gekuerzt(DelegateExecution execution) {
    BigDecimal land = Foerderung.LANDESBETRAG.von(execution);
    BigDecimal beantragt = Foerderung.BEANTRAGTES_BUDGET.von(execution);
    return land != null && beantragt != null && land.compareTo(beantragt) < 0;
  }

  /** What may be distributed: the adjusted budget, else the state's amount, else what was applied for. */
  static BigDecimal budget(VariableScope fall) {
    BigDecimal budget = Foerderung.BUDGET.von(fall);
    if (budget == null) {
      budget = Foerderung.LANDESBETRAG.von(fall);
    }
    return budget != null ? budget : Foerderung.BEANTRAGTES_BUDGET.von(fall);
  }

  /**
   * "Förderaufruf versenden": the text for the distribution list, the clerk sends it. Plain text, no
   * Markdown: it is copied into an e-mail as it is (the form shows it escaped, exactly as it is sent).
   */
  public void aufruf(DelegateTask task) {
    String programm = Foerderung.PROGRAMM.von(task);
    StringBuilder text = new StringBuilder();
    text.append("Förderaufruf ").append(Foerderbericht.PROGRAMME.get(programm)).append(' ')
        .append(Foerderung.FOERDERJAHR.von(task)).append("\n\n");
    if (Foerderung.LANDESBETRAG.von(task) == null) {
      // the call may go out before the state decided; then the applicants must know
      text.append("Vorbehaltlich der Landesbewilligung.\n\n");
    }
    text.append("Vereine, Initiativen und Migrantenorganisationen im Hochsauerlandkreis können bis zum ")
        .append(Foerderung.LOKALE_ANTRAGSFRIST.von(task).format(DATUM))
        .append(" beim Kommunalen Integrationszentrum eine Förderung beantragen. ")
        .append("Bitte beginnen Sie keine Maßnahme vor der Bewilligung.");
    task.setVariableLocal(Foerderung.AUFRUFTEXT.name(), text.toString());
  }

  /**
   * What a task of the year shows, kept on the task only: amounts as German euro, the state's
   * deadline as dd.MM.yyyy and who prepared what is signed by name (the id stays in vorschlagVon for
   * the four-eyes rule).
   */
  public void anzeigen(DelegateTask task) {
    LocalDate frist = Foerderung.LANDESANTRAGSFRIST.von(task);
    task.setVariableLocal(Foerderung.LANDESANTRAGSFRIST_TEXT.name(), frist == null ? "–" : frist.format(DATUM));
    task.setVariableLocal(Foerderung.BEANTRAGTES_BUDGET_TEXT.name(), anzeige(Foerderung.BEANTRAGTES_BUDGET.von(task)));
    task.setVariableLocal(Foerderung.LANDESBETRAG_TEXT.name(), anzeige(Foerderung.LANDESBETRAG.von(task)));
    task.setVariableLocal(Foerderung.RUECKZAHLUNGSBETRAG_LAND_TEXT.name(),
        anzeige(Foerderung.RUECKZAHLUNGSBETRAG_LAND.von(task)));
    String von = Foerderung.VORSCHLAG_VON.von(task);
    task.setVariableLocal(Foerderung.VORSCHLAG_VON_NAME.name(), von == null ? "–" : name(task, von));
  }

  /** First and last name from the identity service; the id where the person has none (or is gone). */
  static String name(DelegateTask task, String benutzer) {
    return de.hsk.ki.plattform.identitaet.Personenname.von(task.getProcessEngineServices().getIdentityService(), benutzer);
  }

  /** "Verteilungsvorschlag": the year's applications, requested and calculated, against the budget. */
  public void verteilung(DelegateTask task) {
    String programm = Foerderung.PROGRAMM.von(task);
    int jahr = Foerderung.FOERDERJAHR.von(task).intValue();
    Foerderbericht.Bericht b = bericht.erstellen(programm, jahr);
    BigDecimal budget = budget(task);
    BigDecimal beantragt = Betrag.NULL;
    BigDecimal berechnet = Betrag.NULL;
    StringBuilder text = new StringBuilder();
    for (Foerderbericht.Antrag a : b.antraege()) {
      beantragt = beantragt.add(a.beantragt());
      berechnet = a.berechnet() == null ? berechnet : berechnet.add(a.berechnet());
      text.append("- ").append(a.aktenzeichen()).append(" · ").append(a.traeger()).append(" · ").append(a.kommune())
          .append(": beantragt ").append(Betrag.anzeige(a.beantragt())).append(", berechnet ")
          .append(a.berechnet() == null ? "–" : Betrag.anzeige(a.berechnet())).append(" (").append(a.status()).append(")\n");
    }
    String kopf = b.antraege().size() + " Anträge. Budget " + (budget == null ? "–" : Betrag.anzeige(budget))
        + ", beantragt " + Betrag.anzeige(beantragt) + ", berechnet " + Betrag.anzeige(berechnet)
        + (budget == null ? "" : budget.compareTo(berechnet) >= 0
            ? " – das Budget reicht." : " – es fehlen " + Betrag.anzeige(berechnet.subtract(budget)) + ".")
        + "\n\n";
    task.setVariableLocal(Foerderung.VERTEILUNGSUEBERSICHT.name(), kopf + text);
  }

  /**
   * "Mittelabruf beim Land": the payouts ordered since the last call-off, from the report service.
   * The amount is prefilled on the case (not the task: a task-local value would hide the input).
   */
  public void abrufVorbereiten(DelegateTask task) {
    List<String> abgerufen = Zeilen.von(Foerderung.MITTELABRUFE.von(task)).stream()
        .map(z -> String.valueOf(z.get("auszahlung"))).toList();
    Map<String, BigDecimal> offen = bericht.angeordnet(Foerderung.PROGRAMM.von(task),
        Foerderung.FOERDERJAHR.von(task).intValue(), abgerufen);
    BigDecimal summe = offen.values().stream().reduce(Betrag.NULL, BigDecimal::add);
    List<Map<String, Object>> positionen = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    offen.forEach((auszahlung, betrag) -> {
      Map<String, Object> zeile = new LinkedHashMap<>();
      zeile.put("auszahlung", auszahlung);
      zeile.put("betrag", Betrag.text(betrag));
      positionen.add(zeile);
      text.append("- ").append(auszahlung).append(": ").append(Betrag.anzeige(betrag)).append('\n');
    });
    task.setVariableLocal(Foerderung.ABRUFPOSITIONEN.name(), Zeilen.alsJson(positionen));
    task.setVariableLocal(Foerderung.ABRUFUEBERSICHT.name(), offen.isEmpty()
        ? "Seit dem letzten Mittelabruf wurden keine Auszahlungen angeordnet."
        : "Seit dem letzten Mittelabruf angeordnet: " + offen.size() + " Auszahlungen, zusammen " + Betrag.anzeige(summe) + ".\n\n" + text);
    Foerderung.ABRUFBETRAG.setze(task, summe);
  }

  /** After the call-off: the payouts it covered are not offered again. */
  public void abrufVermerken(DelegateTask task) {
    List<Map<String, Object>> abrufe = Zeilen.von(Foerderung.MITTELABRUFE.von(task));
    for (Map<String, Object> position : Zeilen.von(task.getVariableLocal(Foerderung.ABRUFPOSITIONEN.name()))) {
      position.put("abgerufenAm", Zeit.heute().toString());
      abrufe.add(position);
    }
    task.getExecution().getProcessInstance().setVariable(Foerderung.MITTELABRUFE.name(), Zeilen.alsJson(abrufe));
  }

  /** "Sammel-Verwendungsnachweis erstellen": the year's sums from the report service. */
  public void nachweis(DelegateTask task) {
    String programm = Foerderung.PROGRAMM.von(task);
    int jahr = Foerderung.FOERDERJAHR.von(task).intValue();
    Foerderbericht.Summe g = bericht.erstellen(programm, jahr).gesamt();
    BigDecimal abgerufen = Zeilen.von(Foerderung.MITTELABRUFE.von(task)).stream()
        .map(z -> Betrag.von(z.get("betrag"))).reduce(Betrag.NULL, BigDecimal::add);
    task.setVariableLocal(Foerderung.NACHWEISUEBERSICHT.name(),
        "- Landesmittel: " + anzeige(Foerderung.LANDESBETRAG.von(task)) + "\n"
            + "- beim Land abgerufen: " + Betrag.anzeige(abgerufen) + "\n"
            + "- bewilligt: " + Betrag.anzeige(g.bewilligt()) + "\n"
            + "- ausgezahlt: " + Betrag.anzeige(g.ausgezahlt()) + "\n"
            + "- anerkannt: " + Betrag.anzeige(g.anerkannt()) + "\n"
            + "- zurückgefordert: " + Betrag.anzeige(g.zurueckgefordert()) + "\n"
            + "- Anträge: " + g.antraege() + ", bewilligte Maßnahmen: " + g.massnahmen() + ", Ehrenamtliche: "
            + g.ehrenamtliche() + ", Teilnehmende: " + g.teilnehmende() + "\n");
  }

  private static String anzeige(BigDecimal betrag) {
    return betrag == null ? "–" : Betrag.anzeige(betrag);
  }
}
