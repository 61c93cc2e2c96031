package de.hsk.ki.plattform.partner;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/** Read access to the partner directory and the municipalities (tables ki_partner, ki_kommune). */
@Service
public class PartnerVerzeichnis {

  private static final RowMapper<Partner> PARTNER =
      (rs, i) ->
          new Partner(
              rs.getString("schluessel"),
              PartnerTyp.valueOf(rs.getString("typ")),
              rs.getString("name"),
              rs.getString("kommune"),
              rs.getString("schulform"),
              rs.getString("email"),
              rs.getString("anschrift"));

  private final JdbcTemplate jdbc;

  public PartnerVerzeichnis(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Partner> finde(String schluessel) {
    return jdbc.query("SELECT * FROM ki_partner WHERE schluessel = ? AND aktiv = TRUE", PARTNER, schluessel)
        .stream()
        .findFirst();
  }

  /** The single office of a type (Schulamt, Bezirksregierung, Gesundheitsamt). */
  public Partner dienststelle(PartnerTyp typ) {
    List<Partner> treffer =
        jdbc.query(
            "SELECT * FROM ki_partner WHERE typ = ? AND aktiv = TRUE ORDER BY schluessel", PARTNER, typ.name());
    if (treffer.isEmpty()) {
      throw new PartnerNichtGefundenException("Im Partnerverzeichnis ist keine aktive Stelle vom Typ " + typ + " eingetragen.");
    }
    return treffer.get(0);
  }

  /** Every active entry of these types, by key. */
  public List<Partner> vomTyp(java.util.Collection<PartnerTyp> typen) {
    if (typen.isEmpty()) {
      return List.of();
    }
    String platzhalter = String.join(",", java.util.Collections.nCopies(typen.size(), "?"));
    return jdbc.query("SELECT * FROM ki_partner WHERE aktiv = TRUE AND typ IN (" + platzhalter + ") ORDER BY schluessel",
        PARTNER, typen.stream().map(Enum::name).toArray());
  }

  public List<Partner> schulen() {
    return jdbc.query(
        "SELECT * FROM ki_partner WHERE typ = 'SCHULE' AND aktiv = TRUE ORDER BY kommune, name", PARTNER);
  }

  /** Every active office (no schools, no advised institutions), by name: the authorities a process may write to or involve. */
  public List<Partner> stellen() {
    return jdbc.query(
        "SELECT * FROM ki_partner WHERE typ NOT IN ('SCHULE', 'EINRICHTUNG') AND aktiv = TRUE ORDER BY name", PARTNER);
  }

  /** An active entry of these types in this municipality with this name, compared without case and surrounding blanks. */
  public Optional<Partner> findeNachName(String name, String kommune, java.util.Collection<PartnerTyp> typen) {
    if (typen.isEmpty()) {
      return Optional.empty();
    }
    String platzhalter = String.join(", ", java.util.Collections.nCopies(typen.size(), "?"));
    List<Object> parameter = new java.util.ArrayList<>(List.of(kommune, name.trim().toLowerCase(java.util.Locale.ROOT)));
    typen.forEach(t -> parameter.add(t.name()));
    return jdbc.query("SELECT * FROM ki_partner WHERE aktiv = TRUE AND kommune = ? AND LOWER(TRIM(name)) = ? AND typ IN (" + platzhalter
        + ") ORDER BY schluessel", PARTNER, parameter.toArray()).stream().findFirst();
  }

  /**
   * The directory entry a request of an institution writes to: an entry of the county's directory
   * of a fitting type with the same name and municipality (a school as imported), else an entry of
   * its own for this case (type EINRICHTUNG, key {@code EINR-<case number>}) with the address the
   * request gave. A request never changes an entry another case or process writes to, so nobody
   * can redirect another institution's e-mails by naming it.
   */
  public Partner einrichtungFuerFall(String aktenzeichen, String name, String kommune, java.util.Collection<PartnerTyp> typen,
      String email, String anschrift) {
    Optional<Partner> verzeichnet = findeNachName(name, kommune, typen);
    if (verzeichnet.isPresent()) {
      return verzeichnet.get();
    }
    String schluessel = EINRICHTUNG_PRAEFIX + aktenzeichen;
    jdbc.update("DELETE FROM ki_partner WHERE schluessel = ?", schluessel);
    jdbc.update("INSERT INTO ki_partner (schluessel, typ, name, kommune, schulform, email, anschrift, aktiv) VALUES (?, ?, ?, ?, NULL, ?, ?, TRUE)",
        schluessel, PartnerTyp.EINRICHTUNG.name(), name.trim(), kommune, email, anschrift);
    return finde(schluessel).orElseThrow();
  }

  /** The entry of a case's institution goes with the case (it holds a contact's address). */
  public int einrichtungDesFallsLoeschen(String aktenzeichen) {
    return jdbc.update("DELETE FROM ki_partner WHERE schluessel = ? AND typ = ?", EINRICHTUNG_PRAEFIX + aktenzeichen,
        PartnerTyp.EINRICHTUNG.name());
  }

  public static final String EINRICHTUNG_PRAEFIX = "EINR-";

  public List<Kommune> kommunen() {
    return jdbc.query(
        "SELECT schluessel, name FROM ki_kommune ORDER BY name",
        (rs, i) -> new Kommune(rs.getString("schluessel"), rs.getString("name")));
  }

  public Optional<Kommune> kommune(String schluessel) {
    return kommunen().stream().filter(k -> k.schluessel().equals(schluessel)).findFirst();
  }

  public record Kommune(String schluessel, String name) {}
}
