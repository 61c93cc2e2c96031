package de.hsk.ki.prozesse.abstimmung;

import de.hsk.ki.plattform.datenschutz.Zugriffsprotokoll;
import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.zeit.Zeit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page coordination (kiLeitung) keeps an eye on: open coordination cases with missing statements
 * and overdue measures with their owners, and the counts per topic, legal domain and municipality
 * for the annual report. Names authorities and KI groups only; every listed case is in the access log.
 */
@Controller
public class AbstimmungUebersicht {

  static final String PFAD = "/ki/abstimmung/uebersicht";

  private final JdbcTemplate jdbc;
  private final AngemeldeteBenutzer angemeldet;
  private final Beteiligungen beteiligungen;
  private final Massnahmen massnahmen;
  private final Zugriffsprotokoll protokoll;
  private final Bedarfsangaben bezeichnungen;

  public AbstimmungUebersicht(JdbcTemplate jdbc, AngemeldeteBenutzer angemeldet, Beteiligungen beteiligungen,
      Massnahmen massnahmen, Zugriffsprotokoll protokoll, Bedarfsangaben bezeichnungen) {
    this.jdbc = jdbc;
    this.angemeldet = angemeldet;
    this.beteiligungen = beteiligungen;
    this.massnahmen = massnahmen;
    this.protokoll = protokoll;
    this.bezeichnungen = bezeichnungen;
  }

  public record OffeneStellungnahme(String aktenzeichen, String titel, String stelle, String frist) {}

  public record UeberfaelligeMassnahme(String aktenzeichen, String titel, String was, String verantwortlich, String bis, String stand) {}

  public record Zaehlung(String wert, long offen, long abgeschlossen) {}

  public record Tabelle(String titel, List<Zaehlung> zeilen) {}


  @GetMapping(value = PFAD, produces = "text/html")
  public String uebersicht(@RequestParam(name = "jahr", required = false) Integer jahr, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    var benutzer = angemeldet.aus(request);
    if (benutzer.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("meldung", "Bitte melden Sie sich zuerst in der Aufgabenliste an.");
      return "ki/hinweis";
    }
    if (!benutzer.get().gruppen().contains(KiGruppen.LEITUNG)) {
      response.setStatus(403);
      model.addAttribute("meldung", "Diese Übersicht ist der Leitung und Koordination des KI vorbehalten.");
      return "ki/hinweis";
    }
    int berichtsjahr = jahr == null ? Zeit.heute().getYear() : jahr;
    if (berichtsjahr < 2000 || berichtsjahr > Zeit.heute().getYear() + 1) {
      response.setStatus(400);
      model.addAttribute("meldung", "Bitte ein Berichtsjahr zwischen 2000 und " + (Zeit.heute().getYear() + 1) + " wählen.");
      return "ki/hinweis";
    }
    var heute = Zeit.heute();
    List<OffeneStellungnahme> fehlend = jdbc.query(
        "SELECT b.aktenzeichen, f.titel, b.stelle, b.frist FROM ki_ab_beteiligung b JOIN ki_ab_fall f ON f.aktenzeichen = b.aktenzeichen"
            + " WHERE f.abschluss IS NULL AND b.status = ? AND b.frist < ? ORDER BY b.frist, b.aktenzeichen",
        (rs, i) -> new OffeneStellungnahme(rs.getString(1), rs.getString(2), beteiligungen.name(rs.getString(3)),
            rs.getDate(4).toLocalDate().format(Beteiligungen.DATUM)),
        Beteiligungen.ANGEFRAGT, heute);
    List<UeberfaelligeMassnahme> ueberfaellig = jdbc.query(
        "SELECT m.aktenzeichen, f.titel, m.was, m.verantwortlich, m.bis, m.status FROM ki_ab_massnahme m"
            + " JOIN ki_ab_fall f ON f.aktenzeichen = m.aktenzeichen"
            + " WHERE f.abschluss IS NULL AND m.status IN (?, ?) AND m.bis < ? ORDER BY m.bis, m.aktenzeichen",
        (rs, i) -> new UeberfaelligeMassnahme(rs.getString(1), rs.getString(2), rs.getString(3), massnahmen.wer(rs.getString(4)),
            rs.getDate(5).toLocalDate().format(Beteiligungen.DATUM), Massnahmen.standText(rs.getString(6))),
        Massnahmen.OFFEN, Massnahmen.VERZOEGERT, heute);
    List<Map<String, Object>> faelle = jdbc.queryForList(
        "SELECT aktenzeichen, thema, rechtskreise, kommunen, abschluss FROM ki_ab_fall WHERE angelegt_am >= ? AND angelegt_am < ?",
        java.time.LocalDate.of(berichtsjahr, 1, 1), java.time.LocalDate.of(berichtsjahr + 1, 1, 1));
    model.addAttribute("jahr", berichtsjahr);
    model.addAttribute("fehlend", fehlend);
    model.addAttribute("ueberfaellig", ueberfaellig);
    model.addAttribute("anzahl", faelle.size());
    model.addAttribute("tabellen", List.of(new Tabelle("Thema", zaehle(faelle, "thema")),
        new Tabelle("Rechtskreis", zaehle(faelle, "rechtskreise")), new Tabelle("Kommune", zaehle(faelle, "kommunen")),
        new Tabelle("Abschluss", zaehle(faelle, "abschluss"))));
    List<String> gelesen = new ArrayList<>();
    fehlend.forEach(f -> gelesen.add(f.aktenzeichen()));
    ueberfaellig.forEach(m -> gelesen.add(m.aktenzeichen()));
    gelesen.stream().distinct().forEach(a -> protokoll.lesend(benutzer.get().id(), a, "Abstimmungsübersicht"));
    return "abstimmung/uebersicht";
  }

  /** Cases per value of a column; list columns (legal domains, municipalities) count a case once per value. */
  private List<Zaehlung> zaehle(List<Map<String, Object>> faelle, String spalte) {
    Map<String, long[]> je = new TreeMap<>();
    for (Map<String, Object> fall : faelle) {
      Object roh = fall.get(spalte);
      boolean offen = fall.get("abschluss") == null;
      String text = roh == null ? "OFFEN" : roh.toString();
      for (String wert : text.split(",")) {
        long[] z = je.computeIfAbsent(wert, k -> new long[2]);
        z[offen ? 0 : 1]++;
      }
    }
    List<Zaehlung> liste = new ArrayList<>();
    je.forEach((wert, z) -> liste.add(new Zaehlung(bezeichnungen.bezeichnung(wert), z[0], z[1])));
    return liste;
  }
}
