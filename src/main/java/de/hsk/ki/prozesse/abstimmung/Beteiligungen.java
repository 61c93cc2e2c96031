package de.hsk.ki.prozesse.abstimmung;

import de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.identitaet.Partnergruppen;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerTyp;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.zeit.Zeit;
import java.util.Date;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The authorities taking part in a coordination case (table ki_ab_beteiligung) and the values the
 * model asks about them: names, candidate groups, reminder dates. Holds authorities only, never persons.
 */
@Component("abstimmungBeteiligte")
public class Beteiligungen {

  /** Status of a participation. */
  public static final String ANGEFRAGT = "ANGEFRAGT";
  public static final String EINGEGANGEN = "EINGEGANGEN";
  public static final String KEINE_RUECKMELDUNG = "KEINE_RUECKMELDUNG";
  public static final String OHNE_EINWILLIGUNG = "OHNE_EINWILLIGUNG";

  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  /** Reminders and status requests go out in the morning of their day, not at midnight. */

  private final JdbcTemplate jdbc;
  private final PartnerVerzeichnis verzeichnis;
  private final AbstimmungFristen fristen;
  private final Partnergruppen partnergruppen;

  public Beteiligungen(JdbcTemplate jdbc, PartnerVerzeichnis verzeichnis, AbstimmungFristen fristen, Partnergruppen partnergruppen) {
    this.partnergruppen = partnergruppen;
    this.jdbc = jdbc;
    this.verzeichnis = verzeichnis;
    this.fristen = fristen;
  }

  public record Beteiligung(String stelle, String name, LocalDate frist, String status, LocalDate eingangAm,
      String zustimmung, String position, String beitraege) {}

  /** The name of an authority of the directory, or its key if it has left the directory since. */
  public String name(String stelle) {
    return verzeichnis.finde(stelle).map(Partner::name).orElse(stelle);
  }

  /**
   * Who records the statement: administrative staff from the reply; the Schulamt, and an authority
   * whose people have a partner group (ADR 0006), may give their own in Tasklist.
   */
  public List<String> gruppen(String stelle) {
    boolean schulamt = verzeichnis.finde(stelle).map(p -> p.typ() == PartnerTyp.SCHULAMT).orElse(false);
    if (schulamt) {
      return List.of(KiGruppen.VERWALTUNG, KiGruppen.SCHULAMT);
    }
    return partnergruppen.gruppeVon(stelle).map(partner -> List.of(KiGruppen.VERWALTUNG, partner))
        .orElse(List.of(KiGruppen.VERWALTUNG));
  }

  /** The group that obtains consents for the moderator's case: the moderator's own team. */
  public String gruppeDer(String moderation) {
    return OhneBerechtigungspruefung.ausfuehren(() -> {
      var identity = org.camunda.bpm.engine.impl.context.Context.getProcessEngineConfiguration().getIdentityService();
      for (String gruppe : List.of(KiGruppen.SOZIALARBEIT, KiGruppen.LEHRKRAEFTE, KiGruppen.VERWALTUNG, KiGruppen.LEITUNG)) {
        if (identity.createUserQuery().userId(moderation).memberOfGroup(gruppe).count() > 0) {
          return gruppe;
        }
      }
      return KiGruppen.LEITUNG;
    });
  }

  public String datumText(Object datum) {
    LocalDate tag = Zeit.datum(datum);
    return tag == null ? "" : tag.format(DATUM);
  }

  /** A deadline day ends in the evening: the task is not overdue on its own deadline day. */
  public Date fristEnde(Object frist) {
    return Zeit.tagesende(Zeit.datum(frist));
  }

  /**
   * Whether the request may send the authority to Tasklist: the Schulamt, or a partner group that has
   * at least one person (a group without accounts answers by e-mail).
   */
  public boolean hatAufgabenliste(String stelle) {
    return gruppen(stelle).contains(KiGruppen.SCHULAMT) || partnergruppen.mitKonten(stelle);
  }

  /** First reminder: the configured lead before the deadline (the form keeps deadlines long enough for it). */
  public Date erinnerungAm(Object frist) {
    return Zeit.morgens(Zeit.datum(frist).minus(Period.parse(fristen.getErinnerungVorFrist())));
  }

  /** Second reminder in the morning of the deadline day. */
  public Date fristTag(Object frist) {
    return Zeit.morgens(Zeit.datum(frist));
  }

  /** Escalation to coordination the configured grace period after the deadline. */
  public Date eskalationAm(Object frist) {
    return Zeit.morgens(Zeit.datum(frist).plus(Period.parse(fristen.getNachfrist())));
  }

  /** A reminder before the meeting only when the meeting is further away than the reminder's lead. */
  public boolean mitTerminErinnerung(Object termin) {
    return erinnerungVorTermin(termin).toInstant().isAfter(Zeit.UHR.instant());
  }

  public Date erinnerungVorTermin(Object termin) {
    return Zeit.morgens(Zeit.datum(termin).minus(Period.parse(fristen.getTerminErinnerung())));
  }

  /** Authorities invited to the meeting and sent the agreement: all taking part (also silent ones), not those left out for lack of consent. */
  public List<String> einzuladen(DelegateExecution execution) {
    return jdbc.queryForList("SELECT stelle FROM ki_ab_beteiligung WHERE aktenzeichen = ? AND status <> ? ORDER BY stelle",
        String.class, execution.getProcessBusinessKey(), OHNE_EINWILLIGUNG);
  }

  void anlegen(String aktenzeichen, Collection<String> stellen, LocalDate frist) {
    for (String stelle : stellen) {
      int geaendert = jdbc.update("UPDATE ki_ab_beteiligung SET frist = ?, status = ? WHERE aktenzeichen = ? AND stelle = ?",
          frist, ANGEFRAGT, aktenzeichen, stelle);
      if (geaendert == 0) {
        jdbc.update("INSERT INTO ki_ab_beteiligung (aktenzeichen, stelle, frist, status) VALUES (?, ?, ?, ?)",
            aktenzeichen, stelle, frist, ANGEFRAGT);
      }
    }
  }

  void frist(String aktenzeichen, String stelle, LocalDate frist) {
    jdbc.update("UPDATE ki_ab_beteiligung SET frist = ? WHERE aktenzeichen = ? AND stelle = ?", frist, aktenzeichen, stelle);
  }

  void stellungnahme(String aktenzeichen, String stelle, LocalDate eingangAm, String zustimmung, String position,
      String beitraege, String benutzer) {
    jdbc.update("UPDATE ki_ab_beteiligung SET status = ?, eingang_am = ?, zustimmung = ?, position = ?, beitraege = ?,"
        + " erfasst_von = ?, erfasst_am = ? WHERE aktenzeichen = ? AND stelle = ?",
        EINGEGANGEN, eingangAm, zustimmung, position, beitraege, benutzer, Zeit.jetzt(), aktenzeichen, stelle);
  }

  void status(String aktenzeichen, String stelle, String status) {
    jdbc.update("UPDATE ki_ab_beteiligung SET status = ?, erfasst_am = ? WHERE aktenzeichen = ? AND stelle = ?",
        status, Zeit.jetzt(), aktenzeichen, stelle);
  }

  public List<Beteiligung> vonFall(String aktenzeichen) {
    return jdbc.query("SELECT * FROM ki_ab_beteiligung WHERE aktenzeichen = ? ORDER BY stelle",
        (rs, i) -> new Beteiligung(rs.getString("stelle"), name(rs.getString("stelle")),
            rs.getDate("frist").toLocalDate(), rs.getString("status"),
            rs.getDate("eingang_am") == null ? null : rs.getDate("eingang_am").toLocalDate(),
            rs.getString("zustimmung"), rs.getString("position"), rs.getString("beitraege")),
        aktenzeichen);
  }

  /** The statements as the moderator reads them in the consolidation form. */
  String uebersicht(String aktenzeichen) {
    List<String> absaetze = new ArrayList<>();
    for (Beteiligung b : vonFall(aktenzeichen)) {
      StringBuilder text = new StringBuilder("**").append(b.name()).append("**: ");
      switch (b.status()) {
        case EINGEGANGEN -> {
          text.append(zustimmungText(b.zustimmung())).append(" (eingegangen am ").append(b.eingangAm().format(DATUM)).append(")\n\n")
              .append(b.position());
          if (b.beitraege() != null && !b.beitraege().isBlank()) {
            text.append("\n\nBeiträge: ").append(b.beitraege());
          }
        }
        case KEINE_RUECKMELDUNG -> text.append("keine Rückmeldung bis zur Klärung durch die Leitung");
        case OHNE_EINWILLIGUNG -> text.append("nicht beteiligt (keine Einwilligung)");
        default -> text.append("noch offen, Frist ").append(b.frist().format(DATUM));
      }
      absaetze.add(text.toString());
    }
    return absaetze.isEmpty() ? "Keine Stellungnahmen." : String.join("\n\n", absaetze);
  }

  long ohneRueckmeldung(String aktenzeichen) {
    Long anzahl = jdbc.queryForObject("SELECT COUNT(*) FROM ki_ab_beteiligung WHERE aktenzeichen = ? AND status = ?",
        Long.class, aktenzeichen, KEINE_RUECKMELDUNG);
    return anzahl == null ? 0 : anzahl;
  }

  private static String zustimmungText(String zustimmung) {
    return switch (zustimmung == null ? "" : zustimmung) {
      case "JA" -> "stimmt zu";
      case "TEILWEISE" -> "stimmt teilweise zu";
      case "NEIN" -> "stimmt nicht zu";
      default -> "Stellungnahme";
    };
  }
}
