package de.hsk.ki.plattform.person;

import de.hsk.ki.plattform.fall.Fallstaende;
import de.hsk.ki.plattform.fall.Fallstaende.Fallstand;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The family file (issue 17): every person of a family with all their cases across processes, the
 * consents, the letters and e-mails sent, documents presented and appointments. Who may read it:
 * KI case staff whose group (or who themselves) holds an open task in one of the family's cases, or
 * who are the responsible caseworker of one; funding staff, partners and the Schulamt never.
 */
@Service
public class Familienakte {

  /** Date variables of the processes that are appointments, with their German name. */
  static final Map<String, String> TERMINE = new LinkedHashMap<>();

  static {
    TERMINE.put("terminDatum", "Beratungstermin");
    TERMINE.put("neuerUntersuchungstermin", "Untersuchungstermin Gesundheitsamt");
    TERMINE.put("untersuchungAm", "Untersuchung beim Gesundheitsamt");
    TERMINE.put("schulbeginn", "Schulbeginn");
    TERMINE.put("aufnahmeAm", "Aufnahme in der Schule");
    TERMINE.put("schulbesuchSeit", "Schulbesuch seit");
  }

  public record Termin(String aktenzeichen, String art, LocalDate tag, String uhrzeit) {}

  public record Einwilligung(String aktenzeichen, String partner, boolean erteilt, LocalDate datum, Instant widerrufenAm) {}

  public record Schreiben(String aktenzeichen, String vorlage, String empfaenger, Instant gesendetAm) {}

  public record Dokument(String aktenzeichen, String bezeichnung) {}

  public record FallDerPerson(Fallstand stand, Optional<String> zustaendig) {}

  public record PersonMitFaellen(Personenregister.Person person, List<FallDerPerson> faelle) {}

  public record Akte(Personenregister.Familie familie, List<PersonMitFaellen> personen, List<Einwilligung> einwilligungen,
      List<Schreiben> schreiben, List<Dokument> dokumente, List<Termin> termine) {

    public List<String> aktenzeichen() {
      return personen.stream().flatMap(p -> p.faelle().stream()).map(f -> f.stand().aktenzeichen()).toList();
    }
  }

  private final Personenregister register;
  private final Fallstaende staende;
  private final NamedParameterJdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final org.camunda.bpm.engine.HistoryService history;
  private final List<Fallzustaendigkeit> zustaendigkeit;
  private final de.hsk.ki.plattform.formular.Formularregeln formularregeln;

  /** A change the start forms of the family's processes would not accept; the messages are German. */
  public static final class Abgelehnt extends RuntimeException {
    private final List<String> meldungen;

    Abgelehnt(List<String> meldungen) {
      super(String.join(" ", meldungen));
      this.meldungen = List.copyOf(meldungen);
    }

    public List<String> meldungen() {
      return meldungen;
    }
  }

  public Familienakte(Personenregister register, Fallstaende staende, org.springframework.jdbc.core.JdbcTemplate jdbc,
      org.camunda.bpm.engine.ProcessEngine engine, List<Fallzustaendigkeit> zustaendigkeit,
      de.hsk.ki.plattform.formular.Formularregeln formularregeln) {
    this.formularregeln = formularregeln;
    this.register = register;
    this.staende = staende;
    this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.zustaendigkeit = List.copyOf(zustaendigkeit);
  }

  /** Whether the person may read the family file (see the class comment). */
  public boolean darfLesen(String benutzer, Collection<String> gruppen, long familie) {
    List<String> fachgruppen = gruppen.stream().filter(KiGruppen.KINDERNAMEN::contains).toList();
    if (fachgruppen.isEmpty()) {
      return false;
    }
    List<String> faelle = register.faelleDerFamilie(familie).stream().map(Personenregister.Fall::aktenzeichen).toList();
    if (faelle.isEmpty()) {
      return false;
    }
    // responsibility counts while the case runs: the caseworker of a case closed long ago sees nothing
    for (Fallzustaendigkeit z : zustaendigkeit) {
      if (z.faelleVon(benutzer).stream().anyMatch(faelle::contains)) {
        return true;
      }
    }
    var p = new MapSqlParameterSource("az", faelle).addValue("benutzer", benutzer).addValue("gruppen", fachgruppen);
    Integer offen = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_"
        + " WHERE e.business_key_ IN (:az) AND (t.assignee_ = :benutzer OR (t.assignee_ IS NULL AND EXISTS (SELECT 1 FROM act_ru_identitylink l"
        + " WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ IN (:gruppen))))", p, Integer.class);
    return offen != null && offen > 0;
  }

  public Optional<Akte> lesen(long nr) {
    Optional<Personenregister.Familie> familie = register.familie(nr);
    if (familie.isEmpty()) {
      return Optional.empty();
    }
    List<Personenregister.Fall> faelle = register.faelleDerFamilie(nr);
    List<String> aktenzeichen = faelle.stream().map(Personenregister.Fall::aktenzeichen).toList();
    Map<String, Fallstand> stand = new HashMap<>();
    staende.von(aktenzeichen).forEach(s -> stand.put(s.aktenzeichen(), s));
    List<PersonMitFaellen> personen = new ArrayList<>();
    for (Personenregister.Person person : register.personenDerFamilie(nr)) {
      List<FallDerPerson> eigene = faelle.stream().filter(f -> f.person() == person.nr()).map(f -> stand.get(f.aktenzeichen()))
          .filter(java.util.Objects::nonNull).map(s -> new FallDerPerson(s, zustaendig(s.aktenzeichen())))
          .sorted(Comparator.comparing((FallDerPerson f) -> f.stand().begonnen()).reversed()).toList();
      personen.add(new PersonMitFaellen(person, eigene));
    }
    if (aktenzeichen.isEmpty()) {
      return Optional.of(new Akte(familie.get(), personen, List.of(), List.of(), List.of(), List.of()));
    }
    var p = new MapSqlParameterSource("az", aktenzeichen);
    List<Einwilligung> einwilligungen = jdbc.query("SELECT aktenzeichen, partner, erteilt, datum, widerrufen_am FROM ki_einwilligung"
        + " WHERE aktenzeichen IN (:az) ORDER BY datum DESC, id DESC", p, (rs, i) -> new Einwilligung(rs.getString(1), rs.getString(2),
        rs.getBoolean(3), rs.getDate(4).toLocalDate(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()));
    List<Schreiben> schreiben = jdbc.query("SELECT aktenzeichen, vorlage, empfaenger, gesendet_am FROM ki_mailausgang"
        + " WHERE aktenzeichen IN (:az) AND gesendet_am IS NOT NULL ORDER BY gesendet_am DESC", p, (rs, i) -> new Schreiben(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
    List<Termin> termine = new ArrayList<>();
    List<Dokument> dokumente = new ArrayList<>();
    Map<String, Map<String, Object>> variablen = variablen(aktenzeichen);
    variablen.forEach((az, v) -> {
      TERMINE.forEach((name, art) -> {
        Object wert = v.get(name);
        if (wert != null && !wert.toString().isBlank()) {
          try {
            boolean beratung = "terminDatum".equals(name);
            String wie = beratung && v.get("einladungsweg") != null ? " (Einladung: " + lesbar(v.get("einladungsweg").toString()) + ")" : "";
            termine.add(new Termin(az, art + wie, Zeit.datum(wert), beratung && v.get("terminUhrzeit") != null
                ? v.get("terminUhrzeit").toString() : null));
          } catch (RuntimeException e) {
            // a value that is no date is no appointment
          }
        }
      });
      Object liste = v.get("dokumente");
      if (liste instanceof Collection<?> c) {
        c.forEach(d -> dokumente.add(new Dokument(az, lesbar(String.valueOf(d)))));
      }
    });
    termine.sort(Comparator.comparing(Termin::tag).reversed());
    return Optional.of(new Akte(familie.get(), personen, einwilligungen, schreiben, dokumente, termine));
  }

  /**
   * New address, phone or guardians of the family: kept once and written into every open case of
   * the family (all of them are cases of processes that use these variable names, see
   * {@link Personenfall}), so each process works with the current contact.
   *
   * @return the number of open cases changed
   */
  @Transactional
  public int kontaktAendern(long familie, Familienangaben neu, String benutzer) {
    Map<String, Object> kontakt = kontakt(neu);
    // by the rules the start form of each of the family's processes gives these fields, so no case
    // gets a value its own forms would refuse
    List<String> fehler = register.faelleDerFamilie(familie).stream().map(Personenregister.Fall::prozess).distinct()
        .flatMap(p -> formularregeln.pruefeStartfelder(p, kontakt).stream()).map(f -> f.meldung()).distinct().toList();
    if (!fehler.isEmpty()) {
      throw new Abgelehnt(fehler);
    }
    register.familieAendern(familie, neu, benutzer);
    int geaendert = 0;
    for (Personenregister.Fall fall : register.faelleDerFamilie(familie)) {
      for (var instanz : runtime.createProcessInstanceQuery().processInstanceBusinessKey(fall.aktenzeichen())
          .processDefinitionKey(fall.prozess()).list()) {
        runtime.setVariables(instanz.getId(), kontakt);
        geaendert++;
      }
    }
    return geaendert;
  }

  private static Map<String, Object> kontakt(Familienangaben f) {
    Map<String, Object> werte = new HashMap<>();
    werte.put("erziehungsberechtigte", f.erziehungsberechtigte());
    werte.put("anschrift", f.anschrift());
    werte.put("telefon", f.telefon());
    werte.put("email", f.email());
    return werte;
  }

  private Optional<String> zustaendig(String aktenzeichen) {
    return zustaendigkeit.stream().map(z -> z.zustaendig(aktenzeichen)).flatMap(Optional::stream).findFirst();
  }

  /** The named variables of each case's root instance, from the history (ended cases too). */
  private Map<String, Map<String, Object>> variablen(List<String> aktenzeichen) {
    Map<String, Map<String, Object>> werte = new HashMap<>();
    List<String> namen = new ArrayList<>(TERMINE.keySet());
    namen.add("terminUhrzeit");
    namen.add("einladungsweg");
    namen.add("dokumente");
    var p = new MapSqlParameterSource("az", aktenzeichen);
    Map<String, String> instanzen = new HashMap<>();
    jdbc.query("SELECT id_, business_key_ FROM act_hi_procinst WHERE business_key_ IN (:az) AND super_process_instance_id_ IS NULL", p,
        (java.sql.ResultSet rs) -> {
          instanzen.put(rs.getString(1), rs.getString(2));
        });
    if (instanzen.isEmpty()) {
      return werte;
    }
    for (var v : history.createHistoricVariableInstanceQuery().processInstanceIdIn(instanzen.keySet().toArray(String[]::new))
        .variableNameIn(namen.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
      werte.computeIfAbsent(instanzen.get(v.getProcessInstanceId()), k -> new HashMap<>()).put(v.getName(), v.getValue());
    }
    return werte;
  }

  static String lesbar(String schluessel) {
    String text = schluessel.replace('_', ' ').replace('-', ' ').toLowerCase(java.util.Locale.GERMAN);
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
