package de.hsk.ki.prozesse.abstimmung;

import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The measures of an agreement (table ki_ab_massnahme): what, who (a KI group "ki:&lt;group&gt;" or a
 * participating authority "partner:&lt;key&gt;"), by when, financing, success criterion, status.
 */
@Component("abstimmungMassnahmen")
public class Massnahmen {

  public static final String OFFEN = "OFFEN";
  public static final String ERLEDIGT = "ERLEDIGT";
  public static final String VERZOEGERT = "VERZOEGERT";
  public static final String GESCHEITERT = "GESCHEITERT";
  static final String KI = "ki:";
  static final String PARTNER = "partner:";

  private static final Map<String, String> GRUPPEN = KiGruppen.ALLE.stream()
      .collect(java.util.stream.Collectors.toMap(KiGruppen.Gruppe::id, KiGruppen.Gruppe::name));
  private static final Map<String, String> FINANZIERUNG = Map.of(
      "REGELSYSTEM", "Regelsystem", "EIGENMITTEL", "Eigenmittel", "FOERDERPROGRAMM", "Förderprogramm", "KEINE_KOSTEN", "keine Kosten");

  private final JdbcTemplate jdbc;
  private final Beteiligungen beteiligungen;

  public Massnahmen(JdbcTemplate jdbc, Beteiligungen beteiligungen) {
    this.jdbc = jdbc;
    this.beteiligungen = beteiligungen;
  }

  public record Massnahme(long id, String aktenzeichen, String was, String verantwortlich, LocalDate bis,
      String finanzierung, String erfolgskriterium, String status, String notiz) {

    public boolean beiKi() {
      return verantwortlich.startsWith(KI);
    }
  }

  long erfasse(String aktenzeichen, String was, String wer, LocalDate bis, String finanzierung, String kriterium, String benutzer) {
    jdbc.update("INSERT INTO ki_ab_massnahme (aktenzeichen, was, verantwortlich, bis, finanzierung, erfolgskriterium, status,"
        + " erfasst_von, geaendert_am) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        aktenzeichen, was, wer, bis, finanzierung, kriterium, OFFEN, benutzer, Zeit.jetzt());
    Long id = jdbc.queryForObject("SELECT MAX(id) FROM ki_ab_massnahme WHERE aktenzeichen = ?", Long.class, aktenzeichen);
    return id == null ? 0 : id;
  }

  /** Status report of the owner (or the recorded answer of a partner); a delay moves the date. */
  void stand(long id, String stand, LocalDate neuesDatum, String notiz, String benutzer) {
    if (VERZOEGERT.equals(stand)) {
      jdbc.update("UPDATE ki_ab_massnahme SET status = ?, bis = ?, notiz = ?, erfasst_von = ?, geaendert_am = ? WHERE id = ?",
          VERZOEGERT, neuesDatum, notiz, benutzer, Zeit.jetzt(), id);
    } else {
      jdbc.update("UPDATE ki_ab_massnahme SET status = ?, notiz = ?, erfasst_von = ?, geaendert_am = ? WHERE id = ?",
          stand, notiz, benutzer, Zeit.jetzt(), id);
    }
  }

  public Massnahme massnahme(Object id) {
    return jdbc.queryForObject("SELECT * FROM ki_ab_massnahme WHERE id = ?", (rs, i) -> new Massnahme(
        rs.getLong("id"), rs.getString("aktenzeichen"), rs.getString("was"), rs.getString("verantwortlich"),
        rs.getDate("bis").toLocalDate(), rs.getString("finanzierung"), rs.getString("erfolgskriterium"),
        rs.getString("status"), rs.getString("notiz")), Long.parseLong(id.toString()));
  }

  public List<Massnahme> vonFall(String aktenzeichen) {
    return jdbc.queryForList("SELECT id FROM ki_ab_massnahme WHERE aktenzeichen = ? ORDER BY id", Long.class, aktenzeichen)
        .stream().map(this::massnahme).toList();
  }

  /** Measures not yet done or failed, one loop instance each (after an effect review only the new ones). */
  public List<String> offene(DelegateExecution execution) {
    return jdbc.queryForList("SELECT id FROM ki_ab_massnahme WHERE aktenzeichen = ? AND status IN (?, ?) ORDER BY id",
        Long.class, execution.getProcessBusinessKey(), OFFEN, VERZOEGERT).stream().map(String::valueOf).toList();
  }

  public boolean beiKi(Object id) {
    return massnahme(id).beiKi();
  }

  public String gruppe(Object id) {
    return massnahme(id).verantwortlich().substring(KI.length());
  }

  public String partner(Object id) {
    return massnahme(id).verantwortlich().substring(PARTNER.length());
  }

  /** The status request goes out in the morning of the due date. */
  public Date faelligAm(Object id) {
    return Zeit.morgens(massnahme(id).bis());
  }

  public String bisText(Object id) {
    return massnahme(id).bis().format(Beteiligungen.DATUM);
  }

  public String stand(Object id) {
    return massnahme(id).status();
  }

  public String text(Object id) {
    Massnahme m = massnahme(id);
    return m.was() + " – verantwortlich: " + wer(m.verantwortlich()) + ", bis " + m.bis().format(Beteiligungen.DATUM);
  }

  public String wer(String verantwortlich) {
    if (verantwortlich.startsWith(KI)) {
      return GRUPPEN.getOrDefault(verantwortlich.substring(KI.length()), verantwortlich);
    }
    return beteiligungen.name(verantwortlich.substring(PARTNER.length()));
  }

  /** Numbered list of the measures, for the agreement e-mail and the effect review. */
  public String uebersicht(DelegateExecution execution) {
    return uebersicht(execution.getProcessBusinessKey());
  }

  String uebersicht(String aktenzeichen) {
    List<String> zeilen = new ArrayList<>();
    int nr = 1;
    for (Massnahme m : vonFall(aktenzeichen)) {
      zeilen.add(nr++ + ". " + m.was() + "\n   verantwortlich: " + wer(m.verantwortlich()) + "; bis " + m.bis().format(Beteiligungen.DATUM)
          + "; Finanzierung: " + FINANZIERUNG.getOrDefault(m.finanzierung(), m.finanzierung())
          + "\n   Erfolgskriterium: " + m.erfolgskriterium() + "\n   Stand: " + standText(m.status())
          + (m.notiz() == null || m.notiz().isBlank() ? "" : " – " + m.notiz()));
    }
    return zeilen.isEmpty() ? "Keine Maßnahmen." : String.join("\n", zeilen);
  }

  static String standText(String status) {
    return switch (status) {
      case OFFEN -> "offen";
      case ERLEDIGT -> "erledigt";
      case VERZOEGERT -> "verzögert";
      case GESCHEITERT -> "gescheitert";
      default -> status;
    };
  }

  static Map<String, String> gruppen() {
    return GRUPPEN;
  }
}
