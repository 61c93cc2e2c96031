package de.hsk.ki.prozesse.einrichtungsberatung;

import de.hsk.ki.plattform.datenschutz.Falldaten;
import de.hsk.ki.plattform.frist.Fristensatz;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lending catalogue of German-as-a-second-language material: items (ki_eb_material) and their
 * loans to advice cases (ki_eb_ausleihe). A loan holds its item from "von" while it is RESERVIERT
 * (until "bis") or AUSGEGEBEN (until it is returned, whatever "bis" said). Loans name the case
 * number only; they are erased with the case.
 */
@Component
public class Materialkatalog implements Falldaten {

  private static final Logger LOG = LoggerFactory.getLogger(Materialkatalog.class);

  public static final String RESERVIERT = "RESERVIERT";
  public static final String AUSGEGEBEN = "AUSGEGEBEN";
  public static final String ZURUECK = "ZURUECK";
  public static final Set<String> ZUSTAENDE = Set.of("VOLLSTAENDIG", "BESCHAEDIGT", "FEHLT");
  /** Longer loans keep an item from other institutions for a whole term; a later date is usually a typing error. */
  public static final Period LAENGSTE_AUSLEIHE = Period.ofWeeks(12);
  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  public record Material(long id, String inventarnummer, String bezeichnung, String beschreibung, boolean aktiv) {

    /** How staff and forms name an item: „Bezeichnung (Inv.-Nr. X)“. */
    public String anzeige() {
      return bezeichnung + " (Inv.-Nr. " + inventarnummer + ")";
    }
  }

  public record Ausleihe(long materialId, String bezeichnung, String inventarnummer, LocalDate von, LocalDate bis, String status) {}

  /** A loan that holds its item, for the catalogue page. */
  record Belegung(String aktenzeichen, LocalDate von, LocalDate bis, String status) {}

  record Eintrag(Material material, List<Belegung> belegungen) {}

  private final JdbcTemplate jdbc;

  public Materialkatalog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private Optional<Material> material(long id, boolean sperren) {
    // FOR UPDATE serialises reservations of one item: the second waits and then sees the first's loan
    List<Material> treffer = jdbc.query("SELECT id, inventarnummer, bezeichnung, beschreibung, aktiv FROM ki_eb_material WHERE id = ?"
        + (sperren ? " FOR UPDATE" : ""), (rs, i) -> new Material(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getBoolean(5)), id);
    return treffer.stream().findFirst();
  }

  /**
   * Active items for a form's select: key = id, label „Bezeichnung (Inv.-Nr. X)“, by Bezeichnung,
   * with the periods it is already promised for, so that staff pick a free one before submitting.
   */
  public Map<String, String> optionen() {
    Map<String, String> optionen = new LinkedHashMap<>();
    jdbc.query("SELECT id, inventarnummer, bezeichnung, beschreibung, aktiv FROM ki_eb_material WHERE aktiv = TRUE"
        + " ORDER BY bezeichnung, inventarnummer", rs -> {
          Material m = new Material(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
          optionen.put(String.valueOf(m.id()), m.anzeige());
        });
    Map<String, List<String>> belegt = new LinkedHashMap<>();
    jdbc.query("SELECT material_id, von, bis, status FROM ki_eb_ausleihe WHERE status IN (?, ?) ORDER BY von", rs -> {
      String zeitraum = AUSGEGEBEN.equals(rs.getString(4)) ? "ausgegeben bis " + rs.getDate(3).toLocalDate().format(DATUM)
          : rs.getDate(2).toLocalDate().format(DATUM) + "–" + rs.getDate(3).toLocalDate().format(DATUM);
      belegt.computeIfAbsent(String.valueOf(rs.getLong(1)), k -> new java.util.ArrayList<>()).add(zeitraum);
    }, RESERVIERT, AUSGEGEBEN);
    belegt.forEach((id, zeitraeume) -> optionen.computeIfPresent(id, (k, label) -> label + " – vergeben: " + String.join(", ", zeitraeume)));
    return optionen;
  }

  /** Why the period itself cannot be lent (missing, reversed, too long), independent of the item. */
  static Optional<String> zeitraumFehler(LocalDate von, LocalDate bis) {
    if (von == null || bis == null) {
      return Optional.of("Bitte Beginn und Ende der Ausleihe angeben.");
    }
    if (von.isAfter(bis)) {
      return Optional.of("Das Ende der Ausleihe (" + bis.format(DATUM) + ") liegt vor ihrem Beginn (" + von.format(DATUM) + ").");
    }
    if (bis.isAfter(von.plus(LAENGSTE_AUSLEIHE))) {
      return Optional.of("Eine Ausleihe dauert höchstens " + Fristensatz.inWorten(LAENGSTE_AUSLEIHE.toString())
          + "; bitte einen kürzeren Zeitraum wählen.");
    }
    return Optional.empty();
  }

  /**
   * Why the item cannot be lent to this case for the period, or empty. Loans of the same case do not
   * count (a case may check its own reservation again).
   *
   * @param aktenzeichen the asking case; null for one that has no number yet
   */
  public Optional<String> konflikt(long materialId, LocalDate von, LocalDate bis, String aktenzeichen) {
    Optional<String> zeitraum = zeitraumFehler(von, bis);
    if (zeitraum.isPresent()) {
      return zeitraum;
    }
    return belegt(material(materialId, false), von, bis, aktenzeichen);
  }

  private Optional<String> belegt(Optional<Material> material, LocalDate von, LocalDate bis, String aktenzeichen) {
    if (material.isEmpty()) {
      return Optional.of("Dieses Material gibt es im Katalog nicht (mehr). Bitte ein anderes wählen.");
    }
    Material m = material.get();
    if (!m.aktiv()) {
      return Optional.of("„" + m.anzeige() + "“ ist ausgesondert und kann nicht ausgeliehen werden.");
    }
    // an item handed out stays held until it comes back, even past its planned end
    List<Belegung> andere = jdbc.query("SELECT aktenzeichen, von, bis, status FROM ki_eb_ausleihe WHERE material_id = ?"
            + " AND aktenzeichen <> ? AND ((status = ? AND von <= ? AND bis >= ?)"
            + " OR (status = ? AND LEAST(von, COALESCE(ausgegeben_am, von)) <= ?)) ORDER BY von, id",
        (rs, i) -> new Belegung(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), rs.getString(4)),
        m.id(), aktenzeichen == null ? "" : aktenzeichen, RESERVIERT, bis, von, AUSGEGEBEN, bis);
    if (andere.isEmpty()) {
      return Optional.empty();
    }
    Belegung b = andere.get(0);
    if (AUSGEGEBEN.equals(b.status())) {
      return Optional.of("„" + m.anzeige() + "“ ist an Anfrage " + b.aktenzeichen() + " ausgegeben (vereinbart bis "
          + b.bis().format(DATUM) + ") und noch nicht zurückgegeben.");
    }
    return Optional.of("„" + m.anzeige() + "“ ist vom " + b.von().format(DATUM) + " bis " + b.bis().format(DATUM)
        + " für Anfrage " + b.aktenzeichen() + " reserviert.");
  }

  /**
   * Reserves the item for the case. A case holds one reservation: an earlier, not yet handed out one
   * is replaced.
   *
   * @throws Ausleihkonflikt when the item is held by another case, unknown, retired, or the period not allowed
   */
  @Transactional
  public void reservieren(String aktenzeichen, long materialId, LocalDate von, LocalDate bis) {
    if (aktenzeichen == null || aktenzeichen.isBlank()) {
      throw new IllegalArgumentException("A reservation needs the case number");
    }
    Optional<String> konflikt = zeitraumFehler(von, bis).or(() -> belegt(material(materialId, true), von, bis, aktenzeichen));
    if (konflikt.isPresent()) {
      throw new Ausleihkonflikt(konflikt.get());
    }
    jdbc.update("DELETE FROM ki_eb_ausleihe WHERE aktenzeichen = ? AND status = ?", aktenzeichen, RESERVIERT);
    jdbc.update("INSERT INTO ki_eb_ausleihe (material_id, aktenzeichen, von, bis, status) VALUES (?, ?, ?, ?, ?)",
        materialId, aktenzeichen, von, bis, RESERVIERT);
  }

  /** The case's reserved item is handed out; nothing happens if it already is. */
  @Transactional
  public void ausgeben(String aktenzeichen, LocalDate am) {
    int geaendert = jdbc.update("UPDATE ki_eb_ausleihe SET status = ?, ausgegeben_am = ? WHERE aktenzeichen = ? AND status = ?",
        AUSGEGEBEN, am, aktenzeichen, RESERVIERT);
    if (geaendert == 0 && anzahl(aktenzeichen, AUSGEGEBEN) == 0) {
      throw new IllegalStateException("Für Anfrage " + aktenzeichen + " ist kein Material reserviert.");
    }
  }

  /**
   * The case's item comes back and is free again; one that is missing (FEHLT) is retired from the
   * catalogue, a damaged one stays lendable (staff retire it on the catalogue page if need be).
   */
  @Transactional
  public void zuruecknehmen(String aktenzeichen, LocalDate am, String zustand) {
    if (!ZUSTAENDE.contains(zustand)) {
      throw new IllegalArgumentException("Unknown condition of returned material: " + zustand);
    }
    List<Long> material = jdbc.queryForList("SELECT material_id FROM ki_eb_ausleihe WHERE aktenzeichen = ? AND status = ?",
        Long.class, aktenzeichen, AUSGEGEBEN);
    if (material.isEmpty()) {
      if (anzahl(aktenzeichen, ZURUECK) > 0) {
        return;
      }
      throw new IllegalStateException("Für Anfrage " + aktenzeichen + " ist kein Material ausgegeben.");
    }
    jdbc.update("UPDATE ki_eb_ausleihe SET status = ?, zurueck_am = ?, zustand = ? WHERE aktenzeichen = ? AND status = ?",
        ZURUECK, am, zustand, aktenzeichen, AUSGEGEBEN);
    if ("FEHLT".equals(zustand)) {
      material.forEach(id -> jdbc.update("UPDATE ki_eb_material SET aktiv = FALSE WHERE id = ?", id));
    }
  }

  /** A reservation not yet handed out is cancelled (the case ended early or chose otherwise). */
  @Transactional
  public void stornieren(String aktenzeichen) {
    jdbc.update("DELETE FROM ki_eb_ausleihe WHERE aktenzeichen = ? AND status = ?", aktenzeichen, RESERVIERT);
  }

  /** The case's most recent loan, for texts of later forms and e-mails. */
  public Optional<Ausleihe> ausleihe(String aktenzeichen) {
    return jdbc.query("SELECT a.material_id, m.bezeichnung, m.inventarnummer, a.von, a.bis, a.status FROM ki_eb_ausleihe a"
            + " JOIN ki_eb_material m ON m.id = a.material_id WHERE a.aktenzeichen = ? ORDER BY a.id DESC",
        (rs, i) -> new Ausleihe(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
            rs.getDate(5).toLocalDate(), rs.getString(6)), aktenzeichen).stream().findFirst();
  }

  private long anzahl(String aktenzeichen, String status) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ki_eb_ausleihe WHERE aktenzeichen = ? AND status = ?", Long.class,
        aktenzeichen, status);
  }

  // --- the catalogue page ---

  /** All items by Bezeichnung, each with the loans that hold it (by start). */
  List<Eintrag> eintraege() {
    Map<Long, List<Belegung>> belegungen = new LinkedHashMap<>();
    jdbc.query("SELECT material_id, aktenzeichen, von, bis, status FROM ki_eb_ausleihe WHERE status IN (?, ?) ORDER BY von, id",
        rs -> {
          belegungen.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
              new Belegung(rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), rs.getString(5)));
        }, RESERVIERT, AUSGEGEBEN);
    return jdbc.query("SELECT id, inventarnummer, bezeichnung, beschreibung, aktiv FROM ki_eb_material ORDER BY bezeichnung, inventarnummer",
        (rs, i) -> {
          Material m = new Material(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
          return new Eintrag(m, belegungen.getOrDefault(m.id(), List.of()));
        });
  }

  boolean inventarnummerVergeben(String inventarnummer) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ki_eb_material WHERE UPPER(inventarnummer) = UPPER(?)", Long.class,
        inventarnummer) > 0;
  }

  /** A new, active item; the caller has checked the input. */
  long anlegen(String inventarnummer, String bezeichnung, String beschreibung) {
    jdbc.update("INSERT INTO ki_eb_material (inventarnummer, bezeichnung, beschreibung, aktiv) VALUES (?, ?, ?, TRUE)",
        inventarnummer, bezeichnung, beschreibung);
    // read back by the unique number: generated-key column names differ between H2 and PostgreSQL
    return jdbc.queryForObject("SELECT id FROM ki_eb_material WHERE inventarnummer = ?", Long.class, inventarnummer);
  }

  /**
   * Retires or reactivates an item; a held item cannot be retired (its loan would point at nothing
   * lendable). Returns the German refusal, or empty when done.
   */
  @Transactional
  Optional<String> aktivSetzen(long materialId, boolean aktiv) {
    Optional<Material> material = material(materialId, true);
    if (material.isEmpty()) {
      return Optional.of("Dieses Material gibt es im Katalog nicht.");
    }
    if (!aktiv) {
      List<String> faelle = jdbc.queryForList("SELECT aktenzeichen FROM ki_eb_ausleihe WHERE material_id = ? AND status IN (?, ?) ORDER BY von",
          String.class, materialId, RESERVIERT, AUSGEGEBEN);
      if (!faelle.isEmpty()) {
        return Optional.of("„" + material.get().anzeige() + "“ ist für Anfrage " + faelle.get(0)
            + " reserviert oder ausgegeben und kann erst danach ausgesondert werden.");
      }
    }
    jdbc.update("UPDATE ki_eb_material SET aktiv = ? WHERE id = ?", aktiv, materialId);
    return Optional.empty();
  }

  boolean leer() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ki_eb_material", Long.class) == 0;
  }

  // --- erasure ---

  /**
   * Loans belong to their case: once the engine's history cleanup has removed a case (after its time
   * to live), its loans go too. Daily after the cleanup window, as the other registers do.
   */
  @Scheduled(cron = "0 45 5 * * *")
  public int bereinigen() {
    int geloescht = jdbc.update("DELETE FROM ki_eb_ausleihe WHERE NOT EXISTS"
        + " (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = ki_eb_ausleihe.aktenzeichen)");
    if (geloescht > 0) {
      LOG.info("{} loan(s) of cases no longer in the history deleted", geloescht);
    }
    return geloescht;
  }

  @Override
  public int loescheFall(String aktenzeichen) {
    return jdbc.update("DELETE FROM ki_eb_ausleihe WHERE aktenzeichen = ?", aktenzeichen);
  }
}
