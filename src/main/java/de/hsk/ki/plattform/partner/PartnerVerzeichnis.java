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

  public List<Partner> schulen() {
    return jdbc.query(
        "SELECT * FROM ki_partner WHERE typ = 'SCHULE' AND aktiv = TRUE ORDER BY kommune, name", PARTNER);
  }

  /** Every active office (no schools, no advised institutions), by name: the authorities a process may write to or involve. */
  public List<Partner> stellen() {
    return jdbc.query(
        "SELECT * FROM ki_partner WHERE typ NOT IN ('SCHULE', 'EINRICHTUNG') AND aktiv = TRUE ORDER BY name", PARTNER);
  }

  /** An active entry of this municipality with this name, compared without case and surrounding blanks. */
  public Optional<Partner> findeNachName(String name, String kommune) {
    return jdbc.query("SELECT * FROM ki_partner WHERE aktiv = TRUE AND kommune = ? AND LOWER(TRIM(name)) = ? ORDER BY schluessel",
        PARTNER, kommune, name.trim().toLowerCase(java.util.Locale.ROOT)).stream().findFirst();
  }

  /**
   * Adds an institution a request named and the directory did not know (type EINRICHTUNG), or
   * refreshes the address of one added that way earlier; entries of the county's import stay as imported.
   */
  public Partner einrichtungAufnehmen(String name, String kommune, String email, String anschrift) {
    Optional<Partner> bekannt = findeNachName(name, kommune);
    if (bekannt.isPresent()) {
      if (bekannt.get().typ() == PartnerTyp.EINRICHTUNG) {
        jdbc.update("UPDATE ki_partner SET email = ?, anschrift = ? WHERE schluessel = ?", email, anschrift, bekannt.get().schluessel());
        return finde(bekannt.get().schluessel()).orElseThrow();
      }
      return bekannt.get();
    }
    String schluessel = "EINR-" + java.util.UUID.randomUUID().toString().substring(0, 13).toUpperCase(java.util.Locale.ROOT);
    jdbc.update("INSERT INTO ki_partner (schluessel, typ, name, kommune, schulform, email, anschrift, aktiv) VALUES (?, ?, ?, ?, NULL, ?, ?, TRUE)",
        schluessel, PartnerTyp.EINRICHTUNG.name(), name.trim(), kommune, email, anschrift);
    return finde(schluessel).orElseThrow();
  }

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
