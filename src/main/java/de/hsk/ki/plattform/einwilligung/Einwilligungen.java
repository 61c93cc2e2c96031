package de.hsk.ki.plattform.einwilligung;

import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.zeit.Zeit;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The consent register (table ki_einwilligung): data of a young person leaves the KI only for a
 * partner and purpose with a recorded, not withdrawn consent.
 */
@Service
public class Einwilligungen implements de.hsk.ki.plattform.datenschutz.Falldaten, de.hsk.ki.plattform.partnermail.Einwilligungspruefung {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  public record Einwilligung(String partner, boolean erteilt, String personRolle, String personName, String zweck,
      LocalDate datum, Timestamp widerrufenAm, String erklaerungsform) {
    boolean gueltig() {
      return erteilt && widerrufenAm == null;
    }
  }

  private final JdbcTemplate jdbc;
  private final PartnerVerzeichnis verzeichnis;
  private final org.springframework.beans.factory.ObjectProvider<de.hsk.ki.plattform.identitaet.Partnergruppen> partnergruppen;

  public Einwilligungen(JdbcTemplate jdbc, PartnerVerzeichnis verzeichnis,
      org.springframework.beans.factory.ObjectProvider<de.hsk.ki.plattform.identitaet.Partnergruppen> partnergruppen) {
    this.partnergruppen = partnergruppen;
    this.jdbc = jdbc;
    this.verzeichnis = verzeichnis;
  }

  public void erfasse(String aktenzeichen, String partner, boolean erteilt, String rolle, String name, String zweck,
      LocalDate datum, String benutzer) {
    erfasse(aktenzeichen, partner, erteilt, rolle, name, zweck, datum, benutzer, null);
  }

  /** @param erklaerungsform SCHRIFTLICH or MUENDLICH, or null when not recorded */
  public void erfasse(String aktenzeichen, String partner, boolean erteilt, String rolle, String name, String zweck,
      LocalDate datum, String benutzer, String erklaerungsform) {
    erfasse(aktenzeichen, partner, erteilt, new Erklaerung(rolle, name, zweck, datum, erklaerungsform, null, null, null, null), benutzer);
  }

  /**
   * How a decision was declared, the same for every partner of one consent step.
   *
   * @param einsichtsfaehig for a 14- to 17-year-old: found capable of understanding; else null
   * @param informiert told purpose, recipients and the right to withdraw
   * @param sprache language of the conversation, with interpreting if any; may be null
   */
  public record Erklaerung(String rolle, String name, String zweck, LocalDate datum, String erklaerungsform,
      Boolean einsichtsfaehig, Boolean informiert, String sprache, Boolean kopieAusgehaendigt) {}

  public void erfasse(String aktenzeichen, String partner, boolean erteilt, Erklaerung e, String benutzer) {
    jdbc.update(
        "INSERT INTO ki_einwilligung (aktenzeichen, partner, erteilt, person_rolle, person_name, zweck, datum, erfasst_von, erfasst_am,"
            + " erklaerungsform, einsichtsfaehig, informiert, sprache, kopie_ausgehaendigt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        aktenzeichen, partner, erteilt, e.rolle(), e.name(), e.zweck(), java.sql.Date.valueOf(e.datum()), benutzer, jetzt(),
        e.erklaerungsform(), e.einsichtsfaehig(), e.informiert(), e.sprache(), e.kopieAusgehaendigt());
  }

  @Override
  public String erklaerungsform(String aktenzeichen, String partner) {
    Einwilligung letzte = letzteEntscheidungen(aktenzeichen).get(partner);
    if (letzte == null || !letzte.gueltig()) {
      return null;
    }
    String form = letzte.erklaerungsform();
    return "SCHRIFTLICH".equals(form) ? "schriftlich" : "MUENDLICH".equals(form) ? "mündlich" : null;
  }

  public int widerrufe(String aktenzeichen, String partner, String benutzer) {
    int widerrufen = jdbc.update(
        "UPDATE ki_einwilligung SET widerrufen_am = ?, widerrufen_von = ? WHERE aktenzeichen = ? AND partner = ? AND widerrufen_am IS NULL",
        jetzt(), benutzer, aktenzeichen, partner);
    // the partner's access in Tasklist ends with the consent, at once (issue 16)
    var gruppen = partnergruppen.getIfAvailable();
    if (gruppen != null) {
      gruppen.zugangEntziehen(aktenzeichen, partner);
    }
    return widerrufen;
  }

  /** Valid is only the latest decision for a partner: a later refusal replaces an earlier consent. */
  @Override
  public boolean liegtVor(String aktenzeichen, String partner) {
    Einwilligung letzte = letzteEntscheidungen(aktenzeichen).get(partner);
    return letzte != null && letzte.gueltig();
  }

  private java.util.Map<String, Einwilligung> letzteEntscheidungen(String aktenzeichen) {
    java.util.Map<String, Einwilligung> letzte = new java.util.HashMap<>();
    vonFall(aktenzeichen).forEach(e -> letzte.put(e.partner(), e)); // in the order recorded
    return letzte;
  }

  /**
   * The partners of {@code partner} (one key or a list of keys) to ask, in the given order, each
   * once: those without a valid consent in the case, and those whose consent was given for another
   * purpose than {@code zweck} (a consent is bound to its purpose). A refusal or a revocation is
   * asked again.
   */
  public List<String> ohneEinwilligung(String aktenzeichen, Object partner, String zweck) {
    List<String> gefragt = new java.util.ArrayList<>();
    if (partner instanceof java.util.Collection<?> liste) {
      liste.forEach(p -> gefragt.add(String.valueOf(p)));
    } else if (partner != null) {
      gefragt.add(String.valueOf(partner));
    }
    java.util.Map<String, Einwilligung> letzte = letzteEntscheidungen(aktenzeichen);
    return gefragt.stream().distinct().filter(p -> {
      Einwilligung e = letzte.get(p);
      return e == null || !e.gueltig() || (zweck != null && !zweck.equals(e.zweck()));
    }).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
  }

  public List<Einwilligung> vonFall(String aktenzeichen) {
    return jdbc.query(
        "SELECT * FROM ki_einwilligung WHERE aktenzeichen = ? ORDER BY erfasst_am, id",
        (rs, i) -> new Einwilligung(rs.getString("partner"), rs.getBoolean("erteilt"), rs.getString("person_rolle"),
            rs.getString("person_name"), rs.getString("zweck"), rs.getDate("datum").toLocalDate(), rs.getTimestamp("widerrufen_am"),
            rs.getString("erklaerungsform")),
        aktenzeichen);
  }

  /** Markdown list for the forms, so staff see the consent record of the case. */
  public String uebersicht(String aktenzeichen) {
    List<Einwilligung> liste = vonFall(aktenzeichen);
    if (liste.isEmpty()) {
      return "Keine Einwilligungen erfasst.";
    }
    StringBuilder text = new StringBuilder();
    for (Einwilligung e : liste) {
      String partner = verzeichnis.finde(e.partner()).map(p -> p.name()).orElse(e.partner());
      text.append("- ").append(partner).append(": ")
          .append(e.erteilt() ? "erteilt" : "verweigert")
          .append(" am ").append(e.datum().format(DATUM))
          .append(" durch ").append(switch (e.personRolle()) {
            case "JUGENDLICHE" -> "die Person selbst";
            case "GEMEINSAM" -> "die Person gemeinsam mit den Sorgeberechtigten";
            default -> "Sorgeberechtigte";
          });
      if (e.erklaerungsform() != null) {
        text.append(", ").append("SCHRIFTLICH".equals(e.erklaerungsform()) ? "schriftlich" : "mündlich");
      }
      if (e.widerrufenAm() != null) {
        // plain text: forms show case data escaped, so Markdown emphasis would appear as asterisks
        text.append(", WIDERRUFEN – widerrufen am ").append(e.widerrufenAm().toLocalDateTime().toLocalDate().format(DATUM));
      }
      text.append("\n");
    }
    return text.toString();
  }

  private static Timestamp jetzt() {
    return Zeit.jetzt();
  }

  @Override
  public int loescheFall(String aktenzeichen) {
    return jdbc.update("DELETE FROM ki_einwilligung WHERE aktenzeichen = ?", aktenzeichen);
  }
}
