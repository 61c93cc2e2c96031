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

  /** Every active office (no schools), by name: the authorities a process may write to or involve. */
  public List<Partner> stellen() {
    return jdbc.query(
        "SELECT * FROM ki_partner WHERE typ <> 'SCHULE' AND aktiv = TRUE ORDER BY name", PARTNER);
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
