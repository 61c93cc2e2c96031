package de.hsk.ki.prozesse.foerderung;

import static de.hsk.ki.prozesse.foerderung.Foerderung.*;

import de.hsk.ki.plattform.geld.Betrag;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.prozess.Ablehnung;
import de.hsk.ki.plattform.zeit.Zeit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Listeners and service tasks of an application (processes/foerderung/foerderantrag.bpmn). */
@Component("foerderantragAblauf")
public class FoerderantragAblauf implements JavaDelegate {

  private final Foerderbetraege betraege;
  private final FoerderantragFristen fristen;
  private final PartnerVerzeichnis verzeichnis;
  private final Programmjahre programmjahre;
  private final Zinsen zinsen;
  private final Foerderanzeige anzeige;

  public FoerderantragAblauf(Foerderbetraege betraege, FoerderantragFristen fristen, PartnerVerzeichnis verzeichnis,
      Programmjahre programmjahre, Zinsen zinsen, Foerderanzeige anzeige) {
    this.anzeige = anzeige;
    this.betraege = betraege;
    this.fristen = fristen;
    this.verzeichnis = verzeichnis;
    this.programmjahre = programmjahre;
    this.zinsen = zinsen;
  }

  @Override
  public void execute(DelegateExecution execution) {
    switch (execution.getCurrentActivityId()) {
      case "Task_BetragBerechnen" -> betraege.berechne(execution);
      case "Task_RueckforderungBerechnen" -> rueckforderungBerechnen(execution);
      default -> throw new IllegalStateException("Kein Schritt " + execution.getCurrentActivityId());
    }
  }

  /** Start: receipt stamped, the applicant in the case's partner directory (letters go there), late or not. */
  public void eingang(DelegateExecution execution) {
    if (EINGANGSDATUM.von(execution) == null) {
      EINGANGSDATUM.setze(execution, Zeit.heute());
    }
    if (EINGANGSKANAL.von(execution) == null) {
      EINGANGSKANAL.setze(execution, "FORMULAR");
    }
    Partner traeger = verzeichnis.einrichtungFuerFall(execution.getProcessBusinessKey(), TRAEGER.von(execution), KOMMUNE.von(execution),
        Set.of(), EMAIL.von(execution), STRASSE.von(execution) + ", " + PLZ.von(execution) + " " + ORT.von(execution));
    TRAEGER_PARTNER.setze(execution, traeger.schluessel());
    IBAN.setze(execution, de.hsk.ki.plattform.geld.Iban.normalisiert(IBAN.von(execution)));
    LocalDate frist = programmjahre.lokaleAntragsfrist(PROGRAMM.von(execution), FOERDERJAHR.von(execution)).orElse(null);
    VERSPAETET.setze(execution, frist != null && EINGANGSDATUM.von(execution).isAfter(frist));
    STATUS.setze(execution, Antragsstatus.EINGEGANGEN.name());
  }

  /**
   * A collected decision result is an immutable list the JSON mapper cannot rebuild when it is read
   * again (an empty one fails at once): stored as a plain list of strings instead.
   */
  public void listeSichern(DelegateExecution execution, String name) {
    List<String> werte = de.hsk.ki.plattform.fall.Listen.alsStrings(execution.getVariable(name));
    execution.setVariable(name, Variables.objectValue(new ArrayList<>(werte)).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }

  public void status(DelegateExecution execution, String status) {
    STATUS.setze(execution, Antragsstatus.valueOf(status).name());
    if (Antragsstatus.ZURUECKGEZOGEN.name().equals(status)) {
      // the approval no longer stands: nothing of it counts as approved in the year's sums
      BEWILLIGTER_BETRAG.setze(execution, Betrag.NULL);
      List<Map<String, Object>> zeilen = Zeilen.von(BAUSTEINE.von(execution));
      zeilen.forEach(z -> z.put("bewilligt", Betrag.text(Betrag.NULL)));
      BAUSTEINE.setze(execution, Zeilen.alsJson(zeilen));
    }
    NAECHSTE_FRIST.setze(execution, null);
  }

  public void vollstaendigkeitGeprueft(DelegateTask task) {
    if ("VOLLSTAENDIG".equals(VOLLSTAENDIGKEIT.von(task))) {
      STATUS.setze(task.getExecution(), Antragsstatus.IN_PRUEFUNG.name());
      return;
    }
    String frist = (String) betraege.fristen(PROGRAMM.von(task)).get("nachforderung");
    LocalDate bis = Zeit.heute().plus(Period.parse(frist));
    NACHFORDERUNG_BIS.setze(task.getExecution(), bis);
    NAECHSTE_FRIST.setze(task.getExecution(), bis);
    STATUS.setze(task.getExecution(), Antragsstatus.NACHFORDERUNG.name());
  }

  /** The one reminder gives a new, shorter deadline. */
  public void nachfristSetzen(DelegateExecution execution) {
    LocalDate bis = Zeit.heute().plus(Period.parse(fristen.getErinnerung()));
    NACHFORDERUNG_BIS.setze(execution, bis);
    NAECHSTE_FRIST.setze(execution, bis);
  }

  /** What a task shows (German labels, dates, names and amounts, option lists), kept on the task only. */
  public void anzeigen(DelegateTask task) {
    task.setVariablesLocal(anzeige.werte(task.getExecution(), task.getTaskDefinitionKey()));
  }

  /** No proof of use after the deadline and two reminders: the whole grant is revoked. */
  public void widerrufGeprueft(DelegateTask task) {
    if ("NACHFRIST".equals(WIDERRUF.von(task))) {
      VN_FAELLIG_AM.setze(task.getExecution(), NACHFRIST_BIS.von(task));
      NAECHSTE_FRIST.setze(task.getExecution(), NACHFRIST_BIS.von(task));
    }
    if ("WIDERRUF".equals(WIDERRUF.von(task))) {
      // no proof, no reviewer: the reclaim decision has no one it must differ from
      RUECKFORDERUNG_GRUND.setze(task.getExecution(), "VN_NICHT_VORGELEGT");
    }
  }

  public void abrufAngekuendigt(DelegateExecution execution) {
    ABRUF_ANGEKUENDIGT.setze(execution, true);
  }

  /**
   * Who assessed a change notice may not release the adjustment. An adjustment is proposed per
   * building block (rows of the form); the new approval is their sum.
   */
  public void aenderungBewertet(DelegateTask task) {
    DelegateExecution fall = task.getExecution();
    AENDERUNG_BEWERTET_VON.setze(fall, person(task));
    if (!"ANPASSUNG".equals(AENDERUNG_WIRKUNG.von(task))) {
      return;
    }
    // the completion wrote the rows to the case, beside the task's prefilled ones
    List<Map<String, Object>> vorschlag = Zeilen.von(fall.getVariable(ANPASSUNGSZEILEN.name()));
    fall.removeVariable(ANPASSUNGSZEILEN.name());
    List<Map<String, Object>> zeilen = Zeilen.von(BAUSTEINE.von(fall));
    List<Map<String, Object>> anpassung = new ArrayList<>();
    BigDecimal summe = Betrag.NULL;
    for (int i = 0; i < zeilen.size(); i++) {
      BigDecimal neu = Betrag.von(String.valueOf(vorschlag.get(i).get("neu")));
      Map<String, Object> zeile = new LinkedHashMap<>();
      zeile.put("baustein", zeilen.get(i).get("baustein"));
      zeile.put("bisher", zeilen.get(i).getOrDefault("bewilligt", "0,00"));
      zeile.put("neu", Betrag.text(neu));
      anpassung.add(zeile);
      summe = summe.add(neu);
    }
    ANPASSUNG.setze(fall, Zeilen.alsJson(anpassung));
    NEUER_BETRAG.setze(fall, summe);
  }

  /**
   * A released adjustment: the new approval per building block and a new end of the period; what was
   * paid beyond it is reclaimed with the proof of use. Open tasks show the new amounts at once.
   */
  public void aenderungFreigegeben(DelegateTask task) {
    if (!"FREIGEGEBEN".equals(AENDERUNG_FREIGABE.von(task))) {
      return;
    }
    DelegateExecution fall = task.getExecution();
    List<Map<String, Object>> zeilen = Zeilen.von(BAUSTEINE.von(fall));
    List<Map<String, Object>> anpassung = Zeilen.von(ANPASSUNG.von(fall));
    for (int i = 0; i < zeilen.size() && i < anpassung.size(); i++) {
      zeilen.get(i).put("bewilligt", anpassung.get(i).get("neu"));
    }
    BAUSTEINE.setze(fall, Zeilen.alsJson(zeilen));
    BEWILLIGTER_BETRAG.setze(fall, NEUER_BETRAG.von(fall));
    if (NEUES_ENDE.von(fall) != null) {
      BEWILLIGUNG_BIS.setze(fall, NEUES_ENDE.von(fall));
    }
    var aufgaben = fall.getProcessEngineServices().getTaskService();
    for (var offen : aufgaben.createTaskQuery().processInstanceId(fall.getProcessInstanceId()).list()) {
      if (!offen.getId().equals(task.getId())) {
        aufgaben.setVariablesLocal(offen.getId(), anzeige.werte(fall, offen.getTaskDefinitionKey()));
      }
    }
  }

  /** Who reviewed may not decide: stored for the four-eyes rule of the decision. */
  public void geprueft(DelegateTask task) {
    PRUEFER.setze(task.getExecution(), person(task));
    STATUS.setze(task.getExecution(), Antragsstatus.ZUR_ENTSCHEIDUNG.name());
  }

  public void entschieden(DelegateTask task) {
    DelegateExecution fall = task.getExecution();
    BEWILLIGT_VON.setze(fall, person(task));
    String entscheidung = ENTSCHEIDUNG.von(task);
    if ("BEWILLIGT".equals(entscheidung)) {
      BEWILLIGTER_BETRAG.setze(fall, VORGESCHLAGENER_BETRAG.von(fall));
    }
    if ("BEWILLIGT".equals(entscheidung) || "TEILBEWILLIGT".equals(entscheidung)) {
      long jahr = FOERDERJAHR.von(fall);
      if (BEWILLIGUNG_VON.von(fall) == null) {
        BEWILLIGUNG_VON.setze(fall, LocalDate.of((int) jahr, 1, 1).isBefore(Zeit.heute()) ? Zeit.heute() : LocalDate.of((int) jahr, 1, 1));
      }
      if (BEWILLIGUNG_BIS.von(fall) == null) {
        BEWILLIGUNG_BIS.setze(fall, LocalDate.of((int) jahr, 12, 31));
      }
      List<Map<String, Object>> zeilen = Zeilen.von(BAUSTEINE.von(fall));
      Foerderbetraege.verteilen(zeilen, BEWILLIGTER_BETRAG.von(fall));
      BAUSTEINE.setze(fall, Zeilen.alsJson(zeilen));
      AUSGEZAHLTER_BETRAG.setze(fall, Betrag.NULL);
      AUSZAHLUNGEN.setze(fall, Zeilen.alsJson(new ArrayList<>()));
      VN_FAELLIG_AM.setze(fall, fristen.vnFaellig(PROGRAMM.von(fall), FOERDERJAHR.von(fall)));
      VERTRAG_VERSANDT_AM.setze(fall, Zeit.heute());
      VN_NACHFORDERUNGEN.setze(fall, 0L);
      STATUS.setze(fall, Antragsstatus.BEWILLIGT.name());
    } else if ("ZURUECK_AN_PRUEFUNG".equals(entscheidung)) {
      STATUS.setze(fall, Antragsstatus.IN_PRUEFUNG.name());
    } else {
      BEWILLIGTER_BETRAG.setze(fall, Betrag.NULL);
    }
  }

  public void bescheinigt(DelegateTask task) {
    BESCHEINIGT_VON.setze(task.getExecution(), person(task));
  }

  public void angeordnet(DelegateTask task) {
    ANGEORDNET_VON.setze(task.getExecution(), person(task));
  }

  /** A booked payout: a row of the payouts, the sum paid. */
  public void gebucht(DelegateTask task) {
    DelegateExecution fall = task.getExecution();
    List<Map<String, Object>> auszahlungen = Zeilen.von(AUSZAHLUNGEN.von(fall));
    Map<String, Object> zeile = new LinkedHashMap<>();
    zeile.put("nr", auszahlungen.size() + 1);
    zeile.put("baustein", ABRUF_BAUSTEIN.von(fall));
    zeile.put("betrag", Betrag.text(ABRUFBETRAG.von(fall)));
    zeile.put("bescheinigtVon", BESCHEINIGT_VON.von(fall));
    zeile.put("angeordnetVon", ANGEORDNET_VON.von(fall));
    zeile.put("gebuchtAm", GEBUCHT_AM.von(task).toString());
    auszahlungen.add(zeile);
    AUSZAHLUNGEN.setze(fall, Zeilen.alsJson(auszahlungen));
    BigDecimal bisher = AUSGEZAHLTER_BETRAG.von(fall);
    AUSGEZAHLTER_BETRAG.setze(fall, (bisher == null ? Betrag.NULL : bisher).add(ABRUFBETRAG.von(fall)));
    STATUS.setze(fall, Antragsstatus.AUSZAHLUNG.name());
  }

  /** The proven quantities of the check (task-local rows) go into the blocks; recognised amount and share follow. */
  public void vnGeprueft(DelegateTask task) {
    DelegateExecution fall = task.getExecution();
    VN_PRUEFER.setze(fall, person(task));
    List<Map<String, Object>> zeilen = Zeilen.von(BAUSTEINE.von(fall));
    // a completion writes the form's values to the case, beside the task's prefilled rows; kept only in the blocks
    List<Map<String, Object>> nachweis = Zeilen.von(fall.getVariable(NACHWEISZEILEN.name()));
    fall.removeVariable(NACHWEISZEILEN.name());
    for (int i = 0; i < zeilen.size() && i < nachweis.size(); i++) {
      Object menge = nachweis.get(i).get("nachgewiesen");
      zeilen.get(i).put("nachgewiesen", menge == null ? 0L : ((Number) menge).longValue());
    }
    long anteil = Foerderbetraege.anerkennen(zeilen, AUSGEZAHLTER_BETRAG.von(fall));
    BigDecimal anerkannt = Foerderbetraege.summe(zeilen, "anerkannt");
    BAUSTEINE.setze(fall, Zeilen.alsJson(zeilen));
    ANERKANNTER_BETRAG.setze(fall, anerkannt);
    ANTEIL_PROZENT.setze(fall, anteil);
    STATUS.setze(fall, Antragsstatus.VN_PRUEFUNG.name());
  }

  public void gegengezeichnet(DelegateTask task) {
    DelegateExecution fall = task.getExecution();
    GEGENGEZEICHNET_VON.setze(fall, person(task));
    if ("NACHFORDERUNG".equals(fall.getVariable(PRUEFERGEBNIS.name())) && !"ZURUECK".equals(GEGENZEICHNUNG.von(task))) {
      VN_NACHFORDERUNGEN.setze(fall, VN_NACHFORDERUNGEN.von(fall) + 1);
    }
  }

  /** Amount (paid − recognised) and interest from the day the grant lapsed to the payment deadline. */
  void rueckforderungBerechnen(DelegateExecution execution) {
    List<Map<String, Object>> zeilen = Zeilen.von(BAUSTEINE.von(execution));
    List<Map<String, Object>> auszahlungen = Zeilen.von(AUSZAHLUNGEN.von(execution));
    if (RUECKFORDERUNG_GRUND.von(execution) == null) {
      RUECKFORDERUNG_GRUND.setze(execution, "MENGENUNTERSCHREITUNG");
    }
    if ("VN_NICHT_VORGELEGT".equals(RUECKFORDERUNG_GRUND.von(execution))) {
      zeilen.forEach(z -> z.put("anerkannt", Betrag.text(Betrag.NULL)));
      ANERKANNTER_BETRAG.setze(execution, Betrag.NULL);
      ANTEIL_PROZENT.setze(execution, 0L);
    }
    BigDecimal betrag = Foerderbetraege.zurueckfordern(zeilen, auszahlungen);
    BAUSTEINE.setze(execution, Zeilen.alsJson(zeilen));
    Map<String, Object> regel = betraege.auswerten(ENTSCHEIDUNG_RUECKFORDERUNG,
        Variables.putValue("grund", RUECKFORDERUNG_GRUND.von(execution)).putValue("anteilProzent", ANTEIL_PROZENT.von(execution)))
        .getFirstResult().getEntryMap();
    LocalDate unwirksam = UNWIRKSAM_AB.von(execution);
    if (unwirksam == null) {
      // interest runs from the payouts: the grant lapsed as far as it was not used (§49a Abs. 3 VwVfG)
      unwirksam = auszahlungen.stream().map(a -> LocalDate.parse((String) a.get("gebuchtAm"))).min(LocalDate::compareTo).orElse(Zeit.heute());
      UNWIRKSAM_AB.setze(execution, unwirksam);
    }
    RUECKFORDERUNGSBETRAG.setze(execution, betrag);
    MASSNAHME.setze(execution, (String) regel.get("massnahme"));
    // interest to the day of the calculation: later half-years' base rates are not yet published
    BigDecimal z = "KEINE".equals(regel.get("massnahme")) || betrag.signum() == 0 ? Betrag.NULL : zinsen.zinsen(betrag, unwirksam, Zeit.heute());
    ZINSEN.setze(execution, z);
    ANHOERUNG_BIS.setze(execution, Zeit.heute().plus(Period.parse(fristen.getAnhoerung())));
    NAECHSTE_FRIST.setze(execution, ANHOERUNG_BIS.von(execution));
    STATUS.setze(execution, Antragsstatus.RUECKFORDERUNG.name());
  }

  /** The decision fixes the amount (at most the calculated one) and the payment deadline; interest to that day. */
  public void rueckforderungEntschieden(DelegateTask task) {
    DelegateExecution fall = task.getExecution();
    RUECKFORDERUNG_ENTSCHIEDEN_VON.setze(fall, person(task));
    BigDecimal festgesetzt = "FESTSETZEN".equals(RUECKFORDERUNG_ENTSCHEIDUNG.von(task)) ? FESTGESETZTER_BETRAG.von(task) : Betrag.NULL;
    // the blocks carry what is actually reclaimed, so the report's sums per block meet the case's total
    List<Map<String, Object>> zeilen = Zeilen.von(BAUSTEINE.von(fall));
    Foerderbetraege.verteilen(zeilen, festgesetzt, "zurueckgefordert", "zurueckgefordert");
    BAUSTEINE.setze(fall, Zeilen.alsJson(zeilen));
    if (festgesetzt.signum() == 0) {
      RUECKFORDERUNGSBETRAG.setze(fall, Betrag.NULL);
      ZINSEN.setze(fall, Betrag.NULL);
      return;
    }
    LocalDate zahlungBis = Zeit.heute().plus(Period.parse(fristen.getZahlung()));
    ZAHLUNG_BIS.setze(fall, zahlungBis);
    NAECHSTE_FRIST.setze(fall, zahlungBis);
    RUECKFORDERUNGSBETRAG.setze(fall, festgesetzt);
    ZINSEN.setze(fall, festgesetzt.signum() == 0 ? Betrag.NULL : zinsen.zinsen(festgesetzt, UNWIRKSAM_AB.von(fall), Zeit.heute()));
  }

  public void abgeschlossen(DelegateExecution execution) {
    STATUS.setze(execution, Antragsstatus.ABGESCHLOSSEN.name());
    NAECHSTE_FRIST.setze(execution, null);
    String aufbewahrung = (String) betraege.fristen(PROGRAMM.von(execution)).get("belegAufbewahrung");
    BELEGE_AUFBEWAHREN_BIS.setze(execution, Zeit.heute().plus(Period.parse(aufbewahrung)));
  }

  private static String person(DelegateTask task) {
    var kontext = Context.getCommandContext();
    String angemeldet = kontext == null ? null : kontext.getAuthenticatedUserId();
    if (angemeldet != null) {
      return angemeldet;
    }
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    throw Ablehnung.wegen("Diesen Schritt schließt eine angemeldete Person ab.");
  }
}
