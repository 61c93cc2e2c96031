package de.hsk.ki.prozesse.foerderung;

import static de.hsk.ki.prozesse.foerderung.Foerderung.*;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung.Fehler;
import de.hsk.ki.plattform.formular.Formularregel;
import de.hsk.ki.plattform.geld.Betrag;
import de.hsk.ki.plattform.geld.Iban;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * What the funding forms cannot say themselves: the IBAN's checksum, all declarations, blocks the
 * programme funds, amounts within what was calculated or is left, the declarations of no conflict
 * of interest, and the four-eyes rule as a message beside the field (the engine refuses it anyway).
 */
@Component
public class FoerderantragRegeln implements Formularregel {

  static final Set<String> ERKLAERUNGEN_ALLE = Set.of("NICHT_BEGONNEN", "KEINE_DOPPELFOERDERUNG", "ANBEST_P", "LOGO", "NETZWERK", "DATENSCHUTZ");
  /** Decisions a second person takes: who proposed (the task's vorschlagVon) may not. */
  static final Map<String, String> ZWEITE_PERSON = Map.of("form_fa_bewilligung", "entscheidung", "form_fa_anordnung", "anordnung",
      "form_fa_gegenzeichnung", "gegenzeichnung", "form_fa_rueckforderung", "rueckforderungEntscheidung");

  /** The declaration of no conflict of interest of each decision form. */
  static final Map<String, String> BEFANGENHEIT = Map.of("form_fa_pruefung", PRUEFUNG_NICHT_BEFANGEN.name(),
      "form_fa_bewilligung", ENTSCHEIDUNG_NICHT_BEFANGEN.name(), "form_fa_rueckforderung", RUECKFORDERUNG_NICHT_BEFANGEN.name());

  private final Foerderbetraege betraege;
  private final FoerderantragFristen fristen;

  public FoerderantragRegeln(Foerderbetraege betraege, FoerderantragFristen fristen) {
    this.betraege = betraege;
    this.fristen = fristen;
  }

  @Override
  public boolean gilt(String formularId) {
    return formularId != null && formularId.startsWith("form_fa_");
  }

  @Override
  public List<Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    return List.of(); // the form id decides which rules apply: see pruefe(formularId, ...)
  }

  @Override
  public List<Fehler> pruefe(String formularId, Map<String, JsonNode> eingaben, VariableScope fall) {
    List<Fehler> fehler = new ArrayList<>();
    String feld = ZWEITE_PERSON.get(formularId);
    if (feld != null && fall != null) {
      String person = angemeldet();
      if (person != null && Objects.equals(person, fall.getVariable("vorschlagVon"))) {
        fehler.add(new Fehler(feld, "Vier-Augen-Prinzip: wer geprüft, bescheinigt oder vorgeschlagen hat, entscheidet nicht selbst. Bitte eine andere Person entscheiden lassen."));
      }
    }
    String erklaerung = BEFANGENHEIT.get(formularId);
    if (erklaerung != null && !"true".equals(Formularregel.text(eingaben, erklaerung))) {
      fehler.add(new Fehler(erklaerung, "Bitte erklären, dass Sie nicht befangen sind – sonst entscheidet eine andere Person."));
    }
    switch (formularId) {
      case "form_fa_antrag" -> antrag(eingaben, fehler);
      case "form_fa_vollstaendigkeit" -> {
        if ("VOLLSTAENDIG".equals(Formularregel.text(eingaben, "vollstaendigkeit")) && fall != null) {
          List<String> vorhanden = de.hsk.ki.plattform.fall.Listen.alsStrings(wert(eingaben, "vorhandeneUnterlagen"));
          List<String> fehlend = new ArrayList<>(PFLICHTUNTERLAGEN.von(fall));
          fehlend.removeAll(vorhanden);
          if (!fehlend.isEmpty()) {
            fehler.add(new Fehler("vollstaendigkeit", "Vollständig ist der Antrag erst, wenn alle Pflichtunterlagen vorliegen. Es fehlt: " + String.join(", ", fehlend) + "."));
          }
        }
      }
      case "form_fa_pruefung" -> {
        BigDecimal vorschlag = betrag(eingaben, "vorgeschlagenerBetrag");
        BigDecimal berechnet = fall == null ? null : BERECHNETER_BETRAG.von(fall);
        if (vorschlag != null && berechnet != null && vorschlag.compareTo(berechnet) > 0) {
          fehler.add(new Fehler("vorgeschlagenerBetrag", "Der Vorschlag liegt über dem nach Pauschalen berechneten Betrag (" + Betrag.anzeige(berechnet) + ")."));
        }
        if (vorschlag != null && vorschlag.signum() == 0 && !"ABLEHNEN".equals(Formularregel.text(eingaben, "votum"))) {
          fehler.add(new Fehler("vorgeschlagenerBetrag", "Für eine Bewilligung bitte einen Betrag über 0 € vorschlagen."));
        }
      }
      case "form_fa_bewilligung" -> {
        if ("TEILBEWILLIGT".equals(Formularregel.text(eingaben, "entscheidung")) && fall != null) {
          BigDecimal bewilligt = betrag(eingaben, "bewilligterBetrag");
          BigDecimal vorschlag = VORGESCHLAGENER_BETRAG.von(fall);
          BigDecimal obergrenze = BERECHNETER_BETRAG.von(fall);
          if (bewilligt != null && (bewilligt.signum() <= 0 || bewilligt.compareTo(obergrenze) >= 0)) {
            fehler.add(new Fehler("bewilligterBetrag", "Eine Teilbewilligung liegt über 0 € und unter dem berechneten Betrag (" + Betrag.anzeige(obergrenze)
                + "); vorgeschlagen waren " + Betrag.anzeige(vorschlag) + "."));
          }
        }
        LocalDate von = datum(eingaben, "bewilligungVon");
        LocalDate bis = datum(eingaben, "bewilligungBis");
        if (von != null && bis != null && bis.isBefore(von)) {
          fehler.add(new Fehler("bewilligungBis", "Der Bewilligungszeitraum endet vor seinem Beginn."));
        }
      }
      case "form_fa_mittelabruf" -> {
        if ("ABRUF".equals(Formularregel.text(eingaben, "abrufArt")) && fall != null) {
          BigDecimal abruf = betrag(eingaben, "abrufbetrag");
          if (!"true".equals(Formularregel.text(eingaben, "zweiMonate"))) {
            fehler.add(new Fehler("zweiMonate", "Mittel dürfen nur für Zahlungen abgerufen werden, die innerhalb von zwei Monaten fällig sind (ANBest-P)."));
          }
          if (abruf != null && abruf.signum() <= 0) {
            fehler.add(new Fehler("abrufbetrag", "Bitte einen Betrag über 0 € eingeben."));
          } else if (abruf != null && fall instanceof org.camunda.bpm.engine.delegate.DelegateTask aufgabe) {
            String einwand = betraege.abrufEinwand(fall, abruf, Formularregel.text(eingaben, "abrufBaustein"),
                "true".equals(Formularregel.text(eingaben, "kostenplanGeprueft")), fristen.letzterAbruftag(aufgabe.getExecution()));
            if (einwand != null) {
              fehler.add(new Fehler("abrufbetrag", einwand + " Restbetrag: " + Betrag.anzeige(betraege.rest(fall)) + "."));
            }
          }
        }
      }
      case "form_fa_bescheinigung" -> {
        if (!"true".equals(Formularregel.text(eingaben, "sachlichRichtig"))) {
          fehler.add(new Fehler("sachlichRichtig", "Ohne die Bescheinigung „sachlich und rechnerisch richtig“ wird nicht ausgezahlt."));
        }
      }
      case "form_fa_anordnung" -> {
        if (!"true".equals(Formularregel.text(eingaben, "anordnung"))) {
          fehler.add(new Fehler("anordnung", "Bitte die Anordnung bestätigen."));
        }
      }
      case "form_fa_rueckforderung" -> {
        BigDecimal festgesetzt = betrag(eingaben, "festgesetzterBetrag");
        BigDecimal berechnet = fall == null ? null : RUECKFORDERUNGSBETRAG.von(fall);
        if (festgesetzt != null && berechnet != null && festgesetzt.compareTo(berechnet) > 0) {
          fehler.add(new Fehler("festgesetzterBetrag", "Festgesetzt werden höchstens die berechneten " + Betrag.anzeige(berechnet) + "."));
        }
      }
      default -> { }
    }
    return fehler;
  }

  private void antrag(Map<String, JsonNode> eingaben, List<Fehler> fehler) {
    String iban = Formularregel.text(eingaben, "iban");
    String ibanFehler = iban == null ? null : Iban.fehler(iban);
    if (ibanFehler != null) {
      fehler.add(new Fehler("iban", ibanFehler));
    }
    List<String> erklaerungen = de.hsk.ki.plattform.fall.Listen.alsStrings(wert(eingaben, "erklaerungen"));
    if (!erklaerungen.containsAll(ERKLAERUNGEN_ALLE)) {
      fehler.add(new Fehler("erklaerungen", "Alle sechs Erklärungen sind Voraussetzung der Förderung; fehlt eine, bitte beim Träger nachfragen."));
    }
    List<Map<String, Object>> zeilen = Zeilen.von(wert(eingaben, "bausteine"));
    if (zeilen.isEmpty()) {
      fehler.add(new Fehler("bausteine", "Bitte mindestens einen Baustein angeben."));
    }
    String programm = Formularregel.text(eingaben, "programm");
    String jahrText = Formularregel.text(eingaben, "foerderjahr");
    Long jahr = jahrText == null ? null : Long.valueOf(new BigDecimal(jahrText).longValueExact());
    for (int i = 0; i < zeilen.size(); i++) {
      Map<String, Object> z = zeilen.get(i);
      String baustein = (String) z.get("baustein");
      if (programm != null && jahr != null && baustein != null && !betraege.hatPauschale(programm, jahr, baustein)) {
        fehler.add(new Fehler("bausteine", "Zeile " + (i + 1) + ": Baustein " + baustein + " wird im Programm " + betraege.programmName(programm)
            + " " + jahr + " nicht gefördert (keine Pauschale in der Tabelle)."));
      }
      LocalDate von = z.get("von") == null ? null : de.hsk.ki.plattform.zeit.Zeit.datum(z.get("von"));
      LocalDate bis = z.get("bis") == null ? null : de.hsk.ki.plattform.zeit.Zeit.datum(z.get("bis"));
      if (von != null && bis != null && bis.isBefore(von)) {
        fehler.add(new Fehler("bausteine", "Zeile " + (i + 1) + ": der Zeitraum endet vor seinem Beginn."));
      }
    }
  }

  private static Object wert(Map<String, JsonNode> eingaben, String name) {
    JsonNode e = eingaben.get(name);
    if (e == null || e.path("value").isNull() || e.path("value").isMissingNode()) {
      return null;
    }
    JsonNode w = e.path("value");
    return w.isTextual() ? w.asText() : w.toString();
  }

  private static BigDecimal betrag(Map<String, JsonNode> eingaben, String name) {
    String t = Formularregel.text(eingaben, name);
    return t == null || !Betrag.gueltig(t) ? null : Betrag.von(t);
  }

  private static LocalDate datum(Map<String, JsonNode> eingaben, String name) {
    String t = Formularregel.text(eingaben, name);
    try {
      return t == null ? null : de.hsk.ki.plattform.zeit.Zeit.datum(t);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String angemeldet() {
    var kontext = Context.getCommandContext();
    return kontext == null ? null : kontext.getAuthenticatedUserId();
  }
}
