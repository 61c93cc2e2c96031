package de.hsk.ki.plattform.person;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.Datenbanksuche;
import de.hsk.ki.testkit.Rest;
import de.hsk.ki.testkit.WebappSitzung;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A family with three children through both case processes: one family and three persons in the
 * register, the family file for exactly the staff whose work needs it at each stage (page and JSON,
 * one check per forbidden role), a contact change reaching every open case, and the erasure of one
 * child leaving no trace of it.
 */
@KiSpringTest
class FamilienakteTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired Personenregister register;
  @Autowired PersonLoeschung personLoeschung;

  static String name(String praefix) {
    return de.hsk.ki.testkit.Namen.eindeutig(praefix);
  }

  private Map<String, Object> kind(String vorname, String nachname, int alter) {
    Map<String, Object> v = new HashMap<>(Seiteneinstiegsfall.meldung("ARNSBERG", alter));
    v.put("vorname", vorname);
    v.put("nachname", nachname);
    v.put("erziehungsberechtigte", "Rana " + nachname);
    v.put("anschrift", "Lindenweg 7, 59821 Arnsberg");
    return v;
  }

  private ProcessInstance seiteneinstieg(Map<String, Object> v) {
    return engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", v);
  }

  private ProcessInstance uebergang(String vorname, String nachname, LocalDate geboren, String vorgaenger) {
    Map<String, Object> v = new HashMap<>();
    v.put("meldendeStelle", "SCHULE");
    v.put("vorname", vorname);
    v.put("nachname", nachname);
    v.put("geburtsdatum", geboren.toString());
    v.put("kommune", "ARNSBERG");
    v.put("schulbesuchsjahre", 9);
    v.put("aktuelleKlasse", "KLASSE_9");
    v.put("abschluss", "KEINER");
    v.put("aufenthaltsstatus", "AUFENTHALTSERLAUBNIS");
    v.put("deutschniveau", "A2");
    if (vorgaenger != null) {
      v.put("vorgaenger", vorgaenger);
    }
    return engine.getRuntimeService().startProcessInstanceByKey("Process_UebergangSchuleBeruf", v);
  }

  private WebappSitzung angemeldet(String benutzer) throws Exception {
    WebappSitzung sitzung = new WebappSitzung(port);
    HttpResponse<String> login = sitzung.anmelden(benutzer, Rest.DEMO_PASSWORT);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return sitzung;
  }

  private Task aufgabe(ProcessInstance fall) {
    return engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).list().get(0);
  }

  private List<String> gruppen(Task aufgabe) {
    return engine.getTaskService().getIdentityLinksForTask(aufgabe.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(l -> l.getGroupId()).toList();
  }

  @Test
  void dreiKinderEinerFamilieInBeidenProzessenSiehtNurWerInIhrenFaellenArbeitet() throws Exception {
    String nachname = name("Famakte");
    ProcessInstance amina = seiteneinstieg(kind("Amina", nachname, 9));
    ProcessInstance yusuf = seiteneinstieg(kind("Yusuf", nachname, 12));
    Map<String, Object> omarMeldung = kind("Omar", nachname, 15);
    ProcessInstance omar = seiteneinstieg(omarMeldung);
    // the transition team takes Omar over: the same person, not a new one
    ProcessInstance omarUebergang = uebergang("Omar", nachname, LocalDate.parse((String) omarMeldung.get("geburtsdatum")),
        omar.getBusinessKey());

    long familie = register.familieZumFall(amina.getBusinessKey()).orElseThrow();
    assertThat(register.familieZumFall(yusuf.getBusinessKey())).contains(familie);
    assertThat(register.familieZumFall(omar.getBusinessKey())).contains(familie);
    assertThat(register.personenDerFamilie(familie)).extracting(Personenregister.Person::vorname)
        .containsExactlyInAnyOrder("Amina", "Yusuf", "Omar");
    assertThat(register.personZumFall(omarUebergang.getBusinessKey())).isEqualTo(register.personZumFall(omar.getBusinessKey()));
    assertThat(register.familie(familie).orElseThrow().erziehungsberechtigte()).isEqualTo("Rana " + nachname);

    // stage 1: every lateral-entry case waits for the clerks' invitation, the transition case for its team
    assertThat(gruppen(aufgabe(amina))).containsExactly("kiVerwaltung");
    List<String> team = gruppen(aufgabe(omarUebergang));
    assertThat(team).hasSize(1).first().isIn("kiLehrkraefte", "kiSozialarbeit");
    String teamMitglied = team.get(0).equals("kiLehrkraefte") ? "tbecker" : "ademir";
    String anderesTeam = team.get(0).equals("kiLehrkraefte") ? "ademir" : "tbecker";
    String pfad = "/ki/familie/" + familie;

    HttpResponse<String> seite = angemeldet("pschneider").get(pfad);
    assertThat(seite.statusCode()).as(seite.body()).isEqualTo(200);
    assertThat(seite.body()).contains("Amina " + nachname).contains("Yusuf " + nachname).contains("Omar " + nachname)
        .contains(amina.getBusinessKey()).contains(omar.getBusinessKey()).contains(omarUebergang.getBusinessKey())
        .contains("Übergang Schule–Beruf").contains("Seiteneinstieg").contains("Rana " + nachname);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_zugriffsprotokoll WHERE benutzer = 'pschneider' AND aktenzeichen = ?"
        + " AND ressource = ?", Integer.class, omarUebergang.getBusinessKey(), "Familienakte " + familie)).isPositive();
    assertThat(angemeldet(teamMitglied).get(pfad).statusCode()).isEqualTo(200);
    for (String verboten : List.of(anderesTeam, "mhoffmann", "fyilmaz", "kwolf", "jklein", "gsommer", "dfischer")) {
      HttpResponse<String> antwort = angemeldet(verboten).get(pfad);
      assertThat(antwort.statusCode()).as(verboten).isEqualTo(403);
      assertThat(antwort.body()).as(verboten).doesNotContain(nachname).contains("können Sie nicht öffnen");
    }
    // an unknown number looks the same as a forbidden one
    assertThat(angemeldet("pschneider").get("/ki/familie/99999999").statusCode()).isEqualTo(403);

    // the JSON Tasklist asks for above the task's form
    HttpResponse<String> zurAufgabe = angemeldet("pschneider").get("/ki/aufgabe/" + aufgabe(amina).getId() + "/fall");
    assertThat(zurAufgabe.body()).contains("\"aktenzeichen\":\"" + amina.getBusinessKey() + "\"").contains("\"familienakte\":\"" + pfad + "\"");
    assertThat(angemeldet("fyilmaz").get("/ki/aufgabe/" + aufgabe(amina).getId() + "/fall").statusCode()).isEqualTo(404);
    assertThat(angemeldet("jklein").get("/ki/aufgabe/" + aufgabe(amina).getId() + "/fall").body()).doesNotContain("familienakte");
    assertThat(angemeldet("gsommer").get("/ki/aufgabe/" + aufgabe(amina).getId() + "/fall").statusCode()).isEqualTo(404);

    // stage 2: the invitations are sent; the clerks' work in the family is done, so is their access
    for (ProcessInstance fall : List.of(amina, yusuf, omar)) {
      engine.getTaskService().complete(aufgabe(fall).getId(), Seiteneinstiegsfall.einladung());
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKeyIn(amina.getBusinessKey(), yusuf.getBusinessKey(),
        omar.getBusinessKey(), omarUebergang.getBusinessKey()).taskCandidateGroup("kiVerwaltung").count()).isZero();
    assertThat(angemeldet("pschneider").get(pfad).statusCode()).isEqualTo(403);
    assertThat(angemeldet("tbecker").get(pfad).statusCode()).as("the first counselling of the younger children").isEqualTo(200);

    // a new phone number: kept once, in every open case of the family at once
    WebappSitzung lehrkraft = angemeldet("tbecker");
    String token = token(lehrkraft.get(pfad).body());
    HttpResponse<String> falsch = lehrkraft.post(pfad + "/kontakt", "application/x-www-form-urlencoded",
        formular(Map.of("_csrf", token, "erziehungsberechtigte", "Rana " + nachname, "anschrift", "Lindenweg 7, 59821 Arnsberg",
            "telefon", "<b>0171</b>", "email", "")), Map.of());
    assertThat(falsch.statusCode()).isEqualTo(400);
    assertThat(falsch.body()).contains("Telefon:").contains("nicht gespeichert").contains("&lt;b&gt;0171&lt;/b&gt;");
    // the report form's own limits: what the family file accepts, the cases' forms accept too
    HttpResponse<String> zuLang = lehrkraft.post(pfad + "/kontakt", "application/x-www-form-urlencoded",
        formular(Map.of("_csrf", token, "erziehungsberechtigte", "", "anschrift", "Lindenweg 7 ".repeat(30),
            "telefon", "0171 2345678", "email", "")), Map.of());
    assertThat(zuLang.statusCode()).isEqualTo(400);
    assertThat(zuLang.body()).contains("Anschrift (Straße, Hausnummer, PLZ, Ort): höchstens 300 Zeichen")
        .contains("Pflichtfeld, bitte ausfüllen").doesNotContain("gehört nicht zu diesem Formular");
    assertThat(engine.getRuntimeService().getVariable(amina.getId(), "telefon")).as("nothing stored").isNull();
    HttpResponse<String> richtig = lehrkraft.post(pfad + "/kontakt", "application/x-www-form-urlencoded",
        formular(Map.of("_csrf", token, "erziehungsberechtigte", "Rana " + nachname, "anschrift", "Birkenweg 2, 59821 Arnsberg",
            "telefon", "0171 2345678", "email", "")), Map.of());
    assertThat(richtig.statusCode()).as(richtig.body()).isEqualTo(302);
    for (ProcessInstance fall : List.of(amina, yusuf, omar, omarUebergang)) {
      assertThat(engine.getRuntimeService().getVariable(fall.getId(), "telefon")).as(fall.getBusinessKey()).isEqualTo("0171 2345678");
      assertThat(engine.getRuntimeService().getVariable(fall.getId(), "anschrift")).isEqualTo("Birkenweg 2, 59821 Arnsberg");
    }
    assertThat(lehrkraft.get(pfad).body()).contains("Birkenweg 2");

    // erasure of one child: every case of it, and nothing of it stays in any table; the siblings stay
    assertThat(Datenbanksuche.fundstellen(jdbc, "Omar " + nachname)).isEmpty();
    assertThat(Datenbanksuche.fundstellen(jdbc, nachname)).isNotEmpty();
    String omarsName = "Omar";
    List<String> geloescht = personLoeschung.loesche(register.personZumFall(omar.getBusinessKey()).orElseThrow(), "admin", "ANTRAG_BETROFFENE");
    assertThat(geloescht).containsExactlyInAnyOrder(omar.getBusinessKey(), omarUebergang.getBusinessKey());
    assertThat(register.personenDerFamilie(familie)).extracting(Personenregister.Person::vorname).containsExactlyInAnyOrder("Amina", "Yusuf");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_person WHERE vorname = ? AND nachname = ?", Integer.class, omarsName, nachname))
        .isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(omar.getBusinessKey()).count())
        .isZero();
    assertThat(lehrkraft.get(pfad).body()).contains("Amina " + nachname).doesNotContain("Omar " + nachname)
        .doesNotContain(omar.getBusinessKey());
  }

  @Test
  void eineAbweichendeSchreibweiseWirdZurPruefungVorgelegtUndZusammengefuehrt() throws Exception {
    String nachname = name("Dublette");
    Map<String, Object> mohammed = kind("Mohammed", nachname, 16);
    ProcessInstance erster = seiteneinstieg(mohammed);
    // the school reports the same young man to the transition team, transliterated differently
    ProcessInstance zweiter = uebergang("Muhammad", nachname, LocalDate.parse((String) mohammed.get("geburtsdatum")), null);
    long alt = register.personZumFall(erster.getBusinessKey()).orElseThrow();
    long neu = register.personZumFall(zweiter.getBusinessKey()).orElseThrow();
    assertThat(neu).isNotEqualTo(alt);

    WebappSitzung verwaltung = angemeldet("pschneider");
    HttpResponse<String> seite = verwaltung.get(Personenseiten.DUBLETTEN);
    assertThat(seite.body()).contains("Muhammad " + nachname).contains("Mohammed " + nachname).contains("gleiches Geburtsdatum")
        .contains(", Arnsberg").contains(erster.getBusinessKey()).contains(zweiter.getBusinessKey());
    for (String verboten : List.of("tbecker", "fyilmaz", "jklein", "gsommer")) {
      HttpResponse<String> antwort = angemeldet(verboten).get(Personenseiten.DUBLETTEN);
      assertThat(antwort.statusCode()).as(verboten).isEqualTo(403);
      assertThat(antwort.body()).doesNotContain(nachname);
    }
    HttpResponse<String> entschieden = verwaltung.post(Personenseiten.DUBLETTEN, "application/x-www-form-urlencoded",
        formular(Map.of("_csrf", token(seite.body()), "person", String.valueOf(neu), "kandidat", String.valueOf(alt),
            "entscheidung", "gleich")), Map.of());
    assertThat(entschieden.statusCode()).as(entschieden.body()).isEqualTo(302);
    assertThat(register.personZumFall(zweiter.getBusinessKey())).contains(alt);
    assertThat(register.person(neu)).isEmpty();
    assertThat(register.faelleDerPerson(alt)).containsExactly(erster.getBusinessKey(), zweiter.getBusinessKey());
    assertThat(verwaltung.get(Personenseiten.DUBLETTEN).body()).doesNotContain("Muhammad " + nachname);
  }

  @Test
  void meineVorgaengeZeigenFaelleStattAufgabenUeberfaelligeZuerst() throws Exception {
    String nachname = name("Vorgang");
    ProcessInstance spaet = seiteneinstieg(kind("Lina", nachname, 10));
    ProcessInstance frueh = seiteneinstieg(kind("Sami", nachname, 11));
    Task ueberfaellig = aufgabe(spaet);
    ueberfaellig.setDueDate(java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(3))));
    engine.getTaskService().saveTask(ueberfaellig);

    WebappSitzung verwaltung = angemeldet("pschneider");
    String gruppe = verwaltung.get(VorgaengeSeite.PFAD + "?ansicht=gruppe&prozess=Process_Seiteneinstieg&stand=ueberfaellig").body();
    assertThat(gruppe).contains(spaet.getBusinessKey()).doesNotContain(frueh.getBusinessKey()).contains("überfällig")
        .contains("Lina " + nachname).contains("bei meiner Gruppe seit heute");
    assertThat(verwaltung.get(VorgaengeSeite.PFAD + "?ansicht=gruppe").body().indexOf(spaet.getBusinessKey())).isPositive();
    // mine: only after taking a task over
    assertThat(verwaltung.get(VorgaengeSeite.PFAD).body()).doesNotContain(frueh.getBusinessKey());
    engine.getTaskService().claim(aufgabe(frueh).getId(), "pschneider");
    String meine = verwaltung.get(VorgaengeSeite.PFAD).body();
    assertThat(meine).contains(frueh.getBusinessKey()).contains("bei mir").contains("/ki/familie/")
        .contains("/camunda/app/tasklist/default/#/?task=" + aufgabe(frueh).getId());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ki_zugriffsprotokoll WHERE benutzer = 'pschneider' AND aktenzeichen = ?"
        + " AND ressource = 'Meine Vorgänge'", Integer.class, frueh.getBusinessKey())).isPositive();
    // the funding staff see their own cases only, never a child's name
    String foerderung = angemeldet("fyilmaz").get(VorgaengeSeite.PFAD + "?ansicht=gruppe").body();
    assertThat(foerderung).doesNotContain(nachname).doesNotContain(spaet.getBusinessKey());
    assertThat(angemeldet("gsommer").get(VorgaengeSeite.PFAD).statusCode()).isEqualTo(403);
  }

  @Autowired Personenbereinigung bereinigung;

  @Test
  void nachUmverteilungUndFallendeSiehtNiemandMehrDieAkte() throws Exception {
    String nachname = name("Umverteilt");
    ProcessInstance fall = seiteneinstieg(kind("Rima", nachname, 9));
    long familie = register.familieZumFall(fall.getBusinessKey()).orElseThrow();
    String pfad = "/ki/familie/" + familie;
    engine.getTaskService().complete(aufgabe(fall).getId(), Seiteneinstiegsfall.einladung());
    Task beratung = aufgabe(fall);
    assertThat(gruppen(beratung)).containsExactly("kiLehrkraefte");

    // the group's task: both teachers; once one holds it, only she
    assertThat(angemeldet("tbecker").get(pfad).statusCode()).isEqualTo(200);
    assertThat(angemeldet("nkaya").get(pfad).statusCode()).isEqualTo(200);
    engine.getTaskService().claim(beratung.getId(), "tbecker");
    assertThat(angemeldet("nkaya").get(pfad).statusCode()).isEqualTo(403);
    // reassigned: the earlier holder's access ends with it
    engine.getTaskService().setAssignee(beratung.getId(), "nkaya");
    assertThat(angemeldet("tbecker").get(pfad).statusCode()).isEqualTo(403);
    assertThat(angemeldet("nkaya").get(pfad).statusCode()).isEqualTo(200);

    // she counsels and becomes the responsible caseworker: the file stays open to her while the case runs
    de.hsk.ki.testkit.AlsPerson.erledige(engine, "nkaya", "kiLehrkraefte", beratung.getId(),
        Seiteneinstiegsfall.erstberatung("GRUNDSCHULE", false));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).taskAssignee("nkaya").count()).isZero();
    assertThat(angemeldet("nkaya").get(pfad).statusCode()).isEqualTo(200);
    assertThat(angemeldet("tbecker").get(pfad).statusCode()).isEqualTo(403);

    // the case ends: nobody's work needs the file any more, the responsible caseworker's neither
    engine.getRuntimeService().deleteProcessInstance(fall.getId(), "Test: Fall beendet");
    for (String benutzer : List.of("nkaya", "tbecker", "pschneider", "mhoffmann")) {
      assertThat(angemeldet(benutzer).get(pfad).statusCode()).as(benutzer).isEqualTo(403);
    }
  }

  @Test
  void mitDemLetztenFallGehenPersonUndFamilie() {
    String nachname = name("Bereinigung");
    long familie = register.familieAnlegen(new Familienangaben("Rana " + nachname, "Am Markt 1, 59755 Arnsberg", null, null, "ARNSBERG"));
    long person = register.personAnlegen(new Personenmerkmale("Nour", nachname, LocalDate.of(2015, 3, 1), "ARNSBERG"), familie);
    // a case whose history the engine's cleanup has already removed, linked two days ago
    register.fallZuordnen("SE-1999-0001", person, "Process_Seiteneinstieg");
    Object vorZweiTagen = java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2)));
    jdbc.update("UPDATE ki_fall_person SET angelegt_am = ? WHERE aktenzeichen = 'SE-1999-0001'", vorZweiTagen);
    jdbc.update("UPDATE ki_person SET angelegt_am = ? WHERE nr = ?", vorZweiTagen, person);
    jdbc.update("UPDATE ki_familie SET angelegt_am = ? WHERE nr = ?", vorZweiTagen, familie);
    // a family an import created just now keeps its day of grace
    long neu = register.familieAnlegen(new Familienangaben("Omid " + nachname, "Am Markt 2, 59755 Arnsberg", null, null, "ARNSBERG"));

    assertThat(Datenbanksuche.fundstellen(jdbc, nachname)).isNotEmpty();
    assertThat(bereinigung.bereinigen()).isGreaterThanOrEqualTo(3);
    assertThat(register.person(person)).isEmpty();
    assertThat(register.familie(familie)).isEmpty();
    assertThat(register.familie(neu)).isPresent();
    assertThat(Datenbanksuche.fundstellen(jdbc, "Nour")).isEmpty();
  }

  @Test
  void tasklistBietetJederGruppeIhreSeitenAn() throws Exception {
    assertThat(angemeldet("pschneider").get("/ki/tasklist/hinweis").body()).contains("\"Meine Vorgänge\"")
        .contains("Vorgänge meiner Gruppe").contains("Meldelisten").contains("Dublettenprüfung").contains("Abwesenheit und Vertretung")
        .doesNotContain("Förderbericht");
    assertThat(angemeldet("tbecker").get("/ki/tasklist/hinweis").body()).contains("Meine Vorgänge").doesNotContain("Meldelisten")
        .doesNotContain("Dublettenprüfung");
    assertThat(angemeldet("fyilmaz").get("/ki/tasklist/hinweis").body()).contains("Förderbericht").doesNotContain("Meldelisten");
    assertThat(angemeldet("gsommer").get("/ki/tasklist/hinweis").body()).doesNotContain("Vorgänge").doesNotContain("Abwesenheit");
    assertThat(angemeldet("jklein").get("/ki/tasklist/hinweis").body()).contains("Meine Vorgänge").doesNotContain("Abwesenheit");
  }

  private static String token(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("CSRF token on the page").isTrue();
    return m.group(1);
  }

  private static String formular(Map<String, String> werte) {
    StringBuilder s = new StringBuilder();
    werte.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return s.toString();
  }
}
