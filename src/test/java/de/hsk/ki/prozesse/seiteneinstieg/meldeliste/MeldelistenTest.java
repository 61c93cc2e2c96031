package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstieg;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The report lists on the real wiring: preview by the form's rules, idempotent start, crash and resume, the invitation. */
@KiSpringTest
class MeldelistenTest {

  @Autowired Meldelisten listen;
  @Autowired Meldelistenstart start;
  @Autowired Sammeleinladung einladung;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  /** Every test its own surnames: row keys and file hashes are global. */
  // a surname of its own per test, so the duplicate check does not find another test's children
  final String marke = new java.util.Random().ints(8, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
      StringBuilder::append).toString();
  final LocalDate heute = Zeit.heute();

  @AfterEach
  void zuruecksetzen() {
    start.nachDemStart = nr -> {};
  }

  String name(String n) {
    return marke.substring(0, 1).toUpperCase() + marke.substring(1) + n.toLowerCase();
  }

  /** Three children of one family, one of another. */
  List<List<String>> gute() {
    List<List<String>> z = new ArrayList<>();
    z.add(Testlisten.kind(name("Petrenko"), "Olena", 8, "Iryna " + name("Petrenko"), "Hauptstraße 5", heute));
    z.add(Testlisten.kind(name("Petrenko"), "Taras", 10, "Iryna " + name("Petrenko"), "Hauptstraße 5", heute));
    z.add(Testlisten.kind(name("Petrenko"), "Mila", 12, "Iryna " + name("Petrenko"), "Hauptstraße 5", heute));
    z.add(Testlisten.kind(name("Haddad"), "Yusuf", 9, "Samir " + name("Haddad"), "Ringstraße 1", heute));
    return z;
  }

  Meldelisten.Liste hochladen(List<List<String>> zeilen) throws Exception {
    byte[] datei = Testlisten.csvBytes(Testlisten.KOPF, zeilen, ';', StandardCharsets.UTF_8);
    return listen.hochladen(Meldelistendatei.lese(datei, "liste.csv"), "ARNSBERG", "EINWOHNERMELDEAMT", "liste.csv", "pschneider").liste();
  }

  long faelle(String nachname) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Seiteneinstieg.SCHLUESSEL)
        .variableValueEquals("nachname", nachname).count();
  }

  @Test
  void dieVorschauNenntJeZeileUndFeldDieMeldungenDesMeldeformulars() throws Exception {
    List<List<String>> zeilen = gute();
    zeilen.get(0).set(1, "");                      // Vorname missing
    zeilen.get(1).set(9, "0291 abc");             // phone
    zeilen.get(2).set(4, heute.plusDays(5).format(Testlisten.TT)); // arrival in the future
    zeilen.get(3).set(2, "31.02.2015");            // impossible birth date

    Meldelisten.Vorschau v = listen.vorschau(hochladen(zeilen));

    assertThat(v.zeilen()).allMatch(z -> "FEHLER".equals(z.zustand()));
    assertThat(v.zeilen().get(0).fehlerZu("vorname")).isEqualTo("Vorname: Pflichtfeld, bitte ausfüllen.");
    assertThat(v.zeilen().get(1).fehlerZu("telefon"))
        .isEqualTo("Telefon: Bitte eine Telefonnummer nur mit Ziffern, Leerzeichen und + ( ) / - eingeben (z. B. 02931 94-0).");
    assertThat(v.zeilen().get(2).fehlerZu("zuzugsdatum")).isEqualTo("Datum des Zuzugs: darf nicht in der Zukunft liegen.");
    assertThat(v.zeilen().get(3).fehlerZu("geburtsdatum")).isEqualTo("Geburtsdatum: kein gültiges Datum.");
    assertThat(v.gute()).isZero();
  }

  @Test
  void dieVorschauZeigtFamilienUndDoppelteZeilen() throws Exception {
    List<List<String>> zeilen = gute();
    zeilen.add(new ArrayList<>(zeilen.get(1)));

    Meldelisten.Vorschau v = listen.vorschau(hochladen(zeilen));

    assertThat(v.zeilen()).extracting(Meldelisten.Vorschauzeile::zustand).containsExactly("OK", "OK", "OK", "OK", "DOPPELT");
    assertThat(v.zeilen().get(4).meldung()).contains("Zeile 2");
    assertThat(v.familien()).hasSize(2);
    assertThat(v.familien().get(0).zeilen()).containsExactly(1, 2, 3, 5);
  }

  @Test
  void dieSpaltenzuordnungWirdJeAbsenderGemerktUndVorgeschlagen() throws Exception {
    List<String> kopf = List.of("Kind", "Rufname", "Geboren", "Wohnung", "Staat", "Zuzug", "Eltern", "Religion");
    List<List<String>> zeile = List.of(List.of(name("Kaya"), "Elif", "01.03.2016", "Weg 1, 59872 Meschede", "türkisch", "01.01.2026",
        "Ayse " + name("Kaya"), "–"));
    var erste = listen.hochladen(Meldelistendatei.lese(Testlisten.csvBytes(kopf, zeile, ';', StandardCharsets.UTF_8), "a.csv"),
        "MESCHEDE", "SCHULVERWALTUNG", "a.csv", "pschneider").liste();
    assertThat(erste.zuordnung().ziel("Kind")).as("not guessed").isNull();
    listen.zuordnen(erste, new Spaltenzuordnung(Map.of("Kind", Spaltenzuordnung.Ziel.NACHNAME, "Rufname", Spaltenzuordnung.Ziel.VORNAME,
        "Geboren", Spaltenzuordnung.Ziel.GEBURTSDATUM, "Wohnung", Spaltenzuordnung.Ziel.ANSCHRIFT, "Staat", Spaltenzuordnung.Ziel.STAATSANGEHOERIGKEIT,
        "Zuzug", Spaltenzuordnung.Ziel.ZUZUGSDATUM), "ELTERN", "Türkisch"), "pschneider");

    var zweite = listen.hochladen(Meldelistendatei.lese(Testlisten.csvBytes(kopf, List.of(List.of(name("Aydin"), "Can", "02.02.2015",
        "Weg 2, 59872 Meschede", "türkisch", "01.01.2026", "Ali " + name("Aydin"), "–")), ';', StandardCharsets.UTF_8), "b.csv"),
        "MESCHEDE", "SCHULVERWALTUNG", "b.csv", "pschneider").liste();

    assertThat(zweite.zuordnung().ziel("Kind")).isEqualTo(Spaltenzuordnung.Ziel.NACHNAME);
    assertThat(zweite.zuordnung().ziel("Eltern")).as("left unmapped for this sender").isNull();
    assertThat(zweite.zuordnung().sprache()).isEqualTo("Türkisch");
    Meldelisten.Vorschau v = listen.vorschau(zweite);
    assertThat(v.zeilen().get(0).wert("bevorzugteSprache")).isEqualTo("Türkisch");
    assertThat(v.zeilen().get(0).fehler()).extracting(f -> f.feld()).containsExactly("erziehungsberechtigte");
  }

  @Test
  void dieselbeListeZweimalLegtNichtsDoppeltAn() throws Exception {
    List<List<String>> zeilen = gute();
    Meldelisten.Liste liste = hochladen(zeilen);
    listen.bestaetigen(liste, Map.of(), false, "pschneider");
    assertThat(start.starten(liste.id())).isEqualTo(4);
    assertThat(listen.liste(liste.id()).orElseThrow().status()).isEqualTo(Meldelisten.FERTIG);

    // the same file again: the earlier list, nothing new
    var nochmal = listen.hochladen(Meldelistendatei.lese(Testlisten.csvBytes(Testlisten.KOPF, zeilen, ';', StandardCharsets.UTF_8),
        "liste-kopie.csv"), "ARNSBERG", "EINWOHNERMELDEAMT", "liste-kopie.csv", "pschneider");
    assertThat(nochmal.schonBekannt()).isTrue();
    assertThat(nochmal.liste().id()).isEqualTo(liste.id());
    assertThatThrownBy(() -> listen.bestaetigen(nochmal.liste(), Map.of(), true, "pschneider")).hasMessageContaining("schon bestätigt");

    // the same children in another export (other order, one new child): only the new one starts
    List<List<String>> anders = new ArrayList<>(List.of(zeilen.get(3), zeilen.get(0), zeilen.get(2), zeilen.get(1)));
    anders.add(Testlisten.kind(name("Haddad"), "Lina", 7, "Samir " + name("Haddad"), "Ringstraße 1", heute));
    Meldelisten.Liste zweite = hochladen(anders);
    Meldelisten.Vorschau v = listen.vorschau(zweite);
    assertThat(v.zeilen()).extracting(Meldelisten.Vorschauzeile::zustand).containsExactly("BEREITS", "BEREITS", "BEREITS", "BEREITS", "OK");
    listen.bestaetigen(zweite, Map.of(), true, "pschneider");
    assertThat(start.starten(zweite.id())).isEqualTo(1);

    assertThat(faelle(name("Petrenko"))).isEqualTo(3);
    assertThat(faelle(name("Haddad"))).isEqualTo(2);
  }

  @Test
  void fehlerhafteZeilenNurNachBestaetigungUndImFehlerbericht() throws Exception {
    List<List<String>> zeilen = gute();
    zeilen.get(3).set(0, "");
    Meldelisten.Liste liste = hochladen(zeilen);

    assertThatThrownBy(() -> listen.bestaetigen(liste, Map.of(), false, "pschneider"))
        .hasMessageContaining("1 Zeilen, die nicht angelegt werden können").hasMessageContaining("3 fehlerfreien");
    assertThat(listen.liste(liste.id()).orElseThrow().status()).isEqualTo(Meldelisten.VORSCHAU);

    listen.bestaetigen(liste, Map.of(), true, "pschneider");
    start.starten(liste.id());

    assertThat(faelle(name("Petrenko"))).isEqualTo(3);
    List<Meldelisten.Fehlerzeile> bericht = listen.fehlerzeilen(listen.liste(liste.id()).orElseThrow());
    assertThat(bericht).singleElement().satisfies(f -> {
      assertThat(f.nr()).isEqualTo(4);
      assertThat(f.gruende()).isEqualTo("Nachname: Pflichtfeld, bitte ausfüllen.");
      assertThat(f.zellen()).contains("Yusuf");
    });
  }

  @Test
  void nachEinemAbsturzWerdenGenauDieUebrigenZeilenAngelegt() throws Exception {
    Meldelisten.Liste liste = hochladen(gute());
    listen.bestaetigen(liste, Map.of(), false, "pschneider");
    // the third row's transaction dies after its case started, before the commit (a crash at the worst moment)
    start.nachDemStart = nr -> {
      if (nr == 3) {
        throw new IllegalStateException("Absturz simuliert");
      }
    };

    assertThatThrownBy(() -> start.starten(liste.id())).hasMessage("Absturz simuliert");
    assertThat(faelle(name("Petrenko"))).as("rows 1 and 2 committed, row 3 rolled back").isEqualTo(2);
    assertThat(listen.stand(liste)).satisfies(s -> {
      assertThat(s.gestartet()).isEqualTo(2);
      assertThat(s.offen()).isEqualTo(2);
      assertThat(s.status()).isEqualTo(Meldelisten.START);
    });

    start.nachDemStart = nr -> {};
    start.fortsetzenNachNeustart();
    warteBisFertig(liste.id());

    assertThat(faelle(name("Petrenko"))).isEqualTo(3);
    assertThat(faelle(name("Haddad"))).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT familien_nr) FROM ki_meldeliste_familie WHERE liste = ?", Long.class, liste.id()))
        .as("one family per group, also across the interruption").isEqualTo(2);
    assertThat(jdbc.queryForList("SELECT aktenzeichen FROM ki_meldeliste_zeile WHERE liste = ?", String.class, liste.id()))
        .doesNotContainNull().doesNotHaveDuplicates().hasSize(4);
  }

  @Test
  void dieSammeleinladungSetztDenTerminImEinladungsschrittUndSchreibtJeFamilieEinenBrief() throws Exception {
    Meldelisten.Liste liste = hochladen(gute());
    listen.bestaetigen(liste, Map.of(), false, "pschneider");
    start.starten(liste.id());
    String tag = heute.plusDays(14).toString();

    Sammeleinladung.Ergebnis e = einladung.einladen(listen.liste(liste.id()).orElseThrow(), tag, "09:30", "VOR_ORT_KOMMUNE",
        "Rathaus Arnsberg, Raum 12, Rathausplatz 1, 59759 Arnsberg");

    assertThat(e.mitTermin()).hasSize(4);
    String aktenzeichen = e.mitTermin().get(0);
    var schritt = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(aktenzeichen)
        .taskDefinitionKey(Seiteneinstieg.Element.Task_EinladungVersenden.name()).singleResult();
    assertThat(engine.getTaskService().getVariables(schritt.getId())).containsEntry("terminDatum", tag)
        .containsEntry("terminUhrzeit", "09:30").containsEntry("terminOrt", "VOR_ORT_KOMMUNE").containsEntry("einladungsweg", "BRIEF");
    // the clerk confirms the step as Tasklist submits it (every field of the form, the prefilled ones too):
    // the appointment reaches the case and the counselling's deadline follows it
    Map<String, Object> bestaetigt = new HashMap<>(engine.getTaskService().getVariables(schritt.getId(),
        List.of("terminDatum", "terminUhrzeit", "terminOrt", "terminOrtAdresse", "einladungsweg")));
    bestaetigt.put("einladungsergebnis", "TERMIN_VEREINBART");
    bestaetigt.put("dolmetscherGebucht", false);
    engine.getFormService().submitTaskForm(schritt.getId(), bestaetigt);
    var fall = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(aktenzeichen)
        .processDefinitionKey(Seiteneinstieg.SCHLUESSEL).singleResult();
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "terminDatum")).isEqualTo(tag);
    assertThat(engine.getRuntimeService().getVariable(fall.getId(), "terminUhrzeit")).isEqualTo("09:30");
    var beratung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId())
        .taskDefinitionKey(Seiteneinstieg.Element.Task_ErstberatungDurchfuehren.name()).singleResult();
    assertThat(beratung).as("the counselling follows the confirmed invitation").isNotNull();
    assertThat(beratung.getDueDate().toInstant().atZone(de.hsk.ki.plattform.zeit.Zeit.ZONE).toLocalDate())
        .isAfter(LocalDate.parse(tag).minusDays(1));
    List<Sammeleinladung.Brief> briefe = einladung.briefe(listen.liste(liste.id()).orElseThrow());
    assertThat(briefe).hasSize(2);
    assertThat(briefe.get(0).kinder()).extracting(Sammeleinladung.Kind::name)
        .containsExactly("Olena " + name("Petrenko"), "Taras " + name("Petrenko"), "Mila " + name("Petrenko"));
    assertThat(briefe.get(0).empfaenger()).contains("Hauptstraße 5");
    assertThatThrownBy(() -> einladung.einladen(liste, heute.minusDays(1).toString(), "9 Uhr", "MOND", null))
        .hasMessageContaining("Vergangenheit").hasMessageContaining("HH:MM").hasMessageContaining("Ort");
  }

  private void warteBisFertig(long liste) throws InterruptedException {
    for (int i = 0; i < 300 && !Meldelisten.FERTIG.equals(listen.liste(liste).orElseThrow().status()); i++) {
      Thread.sleep(100);
    }
    assertThat(listen.liste(liste).orElseThrow().status()).isEqualTo(Meldelisten.FERTIG);
  }
}
