package de.hsk.ki.prozesse.uebergang;

import de.hsk.ki.plattform.einwilligung.Einwilligungen;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.partnermail.Mailausgang;
import de.hsk.ki.plattform.partnermail.Mailvorlage;
import de.hsk.ki.plattform.partnermail.Mailvorlagen;
import de.hsk.ki.plattform.partnermail.PartnerEmailVersand;
import de.hsk.ki.plattform.partnermail.Sendeschluessel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A withdrawn consent (review U7), one path for both ways it is recorded – in the counselling session
 * and at any time through "Widerruf einer Einwilligung erfassen": the register notes it at once
 * (which also ends the partner's Tasklist access), then every partner that received data under the
 * consent is told by e-mail, case number only (Art. 19 GDPR). Who received data is what the e-mail
 * register (ki_mailausgang) shows: an e-mail of a template that requires consent reached the partner.
 */
@Component("widerruf")
public class Widerruf implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(Widerruf.class);
  static final String VORLAGE = "EINWILLIGUNG_WIDERRUFEN";
  /** What the forms offer: kinds of partner of the directory (and the keys of older consents), as staff name them. */
  static final Map<String, String> STELLEN = stellen();

  private final Einwilligungen einwilligungen;
  private final PartnerVerzeichnis verzeichnis;
  private final Mailausgang mailausgang;
  private final Mailvorlagen vorlagen;
  private final PartnerEmailVersand versand;

  public Widerruf(Einwilligungen einwilligungen, PartnerVerzeichnis verzeichnis, Mailausgang mailausgang, Mailvorlagen vorlagen,
      PartnerEmailVersand versand) {
    this.einwilligungen = einwilligungen;
    this.verzeichnis = verzeichnis;
    this.mailausgang = mailausgang;
    this.vorlagen = vorlagen;
    this.versand = versand;
  }

  private static Map<String, String> stellen() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("JOBCENTER", "Jobcenter");
    s.put("AGENTUR_FUER_ARBEIT", "Agentur für Arbeit (Berufsberatung)");
    s.put("IHK", "IHK (Ausbildungsberatung)");
    s.put("HWK", "Handwerkskammer (Ausbildungsberatung)");
    s.put("JUGENDMIGRATIONSDIENST", "Jugendmigrationsdienst");
    s.put("SOZIALAMT", "Sozialamt der Wohnortkommune");
    s.put("AUSLAENDERBEHOERDE", "Ausländerbehörde");
    s.put("SCHULE", "Schule (Anregung KAoA-kompakt)");
    s.put("KOKO_KAOA", "Kommunale Koordinierung KAoA");
    s.put("KAOA_TRAEGER", "Bildungsträger KAoA-kompakt (frühere Buchungen)");
    return java.util.Collections.unmodifiableMap(s);
  }

  /**
   * The partners of the case with a valid consent that a chosen kind names: the partner's key
   * itself (JOBCENTER) or its type in the directory (SCHULE for the school of a KAoA-kompakt suggestion).
   */
  List<String> mitEinwilligung(String aktenzeichen, String stelle) {
    List<String> treffer = new ArrayList<>();
    for (Einwilligungen.Einwilligung e : einwilligungen.vonFall(aktenzeichen)) {
      String p = e.partner();
      if (!treffer.contains(p) && einwilligungen.liegtVor(aktenzeichen, p)
          && (p.equals(stelle) || verzeichnis.finde(p).map(x -> x.typ().name().equals(stelle)).orElse(false))) {
        treffer.add(p);
      }
    }
    return treffer;
  }

  /** Records the withdrawal for every partner the chosen kinds name; returns their keys. */
  List<String> erfassen(String aktenzeichen, Collection<String> stellen, String benutzer) {
    List<String> widerrufen = new ArrayList<>();
    for (String stelle : stellen) {
      for (String partner : mitEinwilligung(aktenzeichen, stelle)) {
        if (!widerrufen.contains(partner)) { // a key and its kind may both be chosen
          einwilligungen.widerrufe(aktenzeichen, partner, benutzer); // ends the partner's Tasklist access too
          widerrufen.add(partner);
        }
      }
    }
    return widerrufen;
  }

  /**
   * End of "Widerruf eingegangen": in force at once, in the transaction that delivered the message;
   * who is to be told stays local to the event subprocess, so a session meanwhile does not change it.
   */
  public void eingegangen(DelegateExecution execution) {
    String aktenzeichen = execution.getProcessBusinessKey();
    List<String> stellen = de.hsk.ki.plattform.fall.Listen.alsStrings(execution.getVariable(Uebergang.WIDERRUF_PARTNER.name()));
    List<String> widerrufen = erfassen(aktenzeichen, stellen, Uebergang.WIDERRUF_VON.von(execution));
    execution.setVariableLocal(Uebergang.WIDERRUFENE_PARTNER.name(), liste(widerrufen));
    execution.getProcessInstance().setVariable(Uebergang.EINWILLIGUNGEN_UEBERSICHT.name(), einwilligungen.uebersicht(aktenzeichen));
  }

  /**
   * The notice step, once per withdrawn partner (multi-instance over widerrufenePartner; an empty
   * list skips it): tells the partner if it received data. A retry sends nothing twice.
   */
  @Override
  public void execute(DelegateExecution execution) {
    String aktenzeichen = execution.getProcessBusinessKey();
    String partner = Uebergang.WIDERRUFENER_PARTNER.von(execution);
    if (partner == null || !hatDatenErhalten(aktenzeichen, partner)) {
      LOG.info("Case {}: partner {} received no data under the withdrawn consent; no notice", aktenzeichen, partner);
      return;
    }
    versand.sende(Sendeschluessel.fuer(execution, VORLAGE, partner), vorlagen.vorlage(VORLAGE), partner, aktenzeichen, new HashMap<>());
  }

  /** An e-mail that needs a consent (so one that carried the case to the partner) was sent to it in this case. */
  boolean hatDatenErhalten(String aktenzeichen, String partner) {
    return mailausgang.gesendeteVorlagen(aktenzeichen, partner).stream()
        .anyMatch(v -> vorlagen.zu(v).map(Mailvorlage::einwilligung).orElse(true));
  }

  static Object liste(List<String> werte) {
    return Variables.objectValue(new ArrayList<>(werte)).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }

  /** The name of a kind of partner for messages. */
  String bezeichnung(String stelle) {
    return STELLEN.getOrDefault(stelle, verzeichnis.finde(stelle).map(Partner::name).orElse(stelle));
  }
}
