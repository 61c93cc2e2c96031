package de.hsk.ki.prozesse.foerderung;

import static de.hsk.ki.prozesse.foerderung.Foerderfall.antrag;
import static de.hsk.ki.prozesse.foerderung.Foerderfall.baustein;
import static de.hsk.ki.prozesse.foerderung.Foerderung.Element.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.identitaet.IdentitaetEinrichtung;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.testkit.Testpostfach;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The funding group's shared filters: set up once, seen by the right groups, holding the right tasks of real cases. */
@KiSpringTest
class FoerderfilterTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired IdentitaetEinrichtung einrichtung;

  @Test
  void beideFilterGibtEsNachEinemZweitenLaufEinmalUndNurFuerIhreGruppen() {
    // given the set-up has run at start; when it runs again
    einrichtung.einrichten();

    // then each filter exists once, and only the groups named see it
    Filter fristen = einziger(Foerderfilter.FRISTEN);
    Filter gegenzeichnung = einziger(Foerderfilter.GEGENZEICHNUNG);
    assertThat(sieht(KiGruppen.FOERDERUNG, fristen)).isTrue();
    assertThat(sieht(KiGruppen.FOERDERUNG, gegenzeichnung)).isTrue();
    assertThat(sieht(KiGruppen.LEITUNG, gegenzeichnung)).isTrue();
    for (String andere : List.of(KiGruppen.LEHRKRAEFTE, KiGruppen.SCHULAMT)) {
      assertThat(sieht(andere, fristen)).as(andere).isFalse();
      assertThat(sieht(andere, gegenzeichnung)).as(andere).isFalse();
    }
    // the cards show the case number, as in every shared filter
    assertThat(fristen.getProperties().get("variables").toString()).contains("aktenzeichen");
  }

  @Test
  void fristenDieseWocheZeigtDieFristInDreiTagenUndUeberfaelligeNichtDieInZehnTagen() {
    // given two applications at the completeness check of funding staff
    Task bald = Foerderfall.eingang(engine, antrag("Filtertest Bald e.V.", List.of(baustein("B1", 20)))).aufgabe(Task_VollstaendigkeitPruefen);
    Task spaeter = Foerderfall.eingang(engine, antrag("Filtertest Später e.V.", List.of(baustein("B1", 20))))
        .aufgabe(Task_VollstaendigkeitPruefen);

    // when one is due in 3 days and one in 10
    engine.getTaskService().setDueDate(bald.getId(), inTagen(3));
    engine.getTaskService().setDueDate(spaeter.getId(), inTagen(Foerderfilter.TAGE + 3));

    // then the week's deadlines hold the first only
    assertThat(ids(Foerderfilter.FRISTEN, "fyilmaz", KiGruppen.FOERDERUNG)).contains(bald.getId()).doesNotContain(spaeter.getId());

    // a task she has taken over stays, and an overdue one comes first
    engine.getTaskService().setAssignee(bald.getId(), "fyilmaz");
    engine.getTaskService().setDueDate(spaeter.getId(), inTagen(-2));
    List<String> liste = ids(Foerderfilter.FRISTEN, "fyilmaz", KiGruppen.FOERDERUNG);
    assertThat(liste).contains(bald.getId(), spaeter.getId());
    assertThat(liste.indexOf(spaeter.getId())).isLessThan(liste.indexOf(bald.getId()));
  }

  @Test
  void zurGegenzeichnungZeigtDieAnordnungNichtDenMittelabruf() {
    // given an application reviewed with a proposal of 700,00
    Foerderfall fall = Foerderfall.eingang(engine, antrag("Filtertest Gegenzeichnung e.V.", List.of(baustein("B1", 20))));
    fall.vollstaendigUndGeprueft("700,00");
    // the decision is a second signature: the management sees it there, the reviewer's group does not
    Task entscheidung = fall.aufgabe(Task_BewilligungEntscheiden);
    assertThat(ids(Foerderfilter.GEGENZEICHNUNG, "mhoffmann", KiGruppen.LEITUNG)).contains(entscheidung.getId());
    assertThat(ids(Foerderfilter.GEGENZEICHNUNG, "fyilmaz", KiGruppen.FOERDERUNG)).doesNotContain(entscheidung.getId());
    fall.erledige(Task_BewilligungEntscheiden, "mhoffmann", KiGruppen.LEITUNG, Map.of("entscheidung", "BEWILLIGT", "entscheidungNichtBefangen", true));
    fall.erledige(Task_VertragEingang, "pschneider", KiGruppen.VERWALTUNG, Map.of("vertragEingangAm", LocalDate.now().toString()));

    // when funding staff are to record a call for funds, it is work of their group, not a second signature
    Task mittelabruf = fall.aufgabe(Task_MittelabrufErfassen);
    assertThat(ids(IdentitaetEinrichtung.FILTER_GRUPPE, "fyilmaz", KiGruppen.FOERDERUNG)).contains(mittelabruf.getId());
    assertThat(ids(Foerderfilter.GEGENZEICHNUNG, "fyilmaz", KiGruppen.FOERDERUNG)).doesNotContain(mittelabruf.getId());
    assertThat(ids(Foerderfilter.GEGENZEICHNUNG, "mhoffmann", KiGruppen.LEITUNG)).doesNotContain(mittelabruf.getId());

    // then the payment order after the certification is one
    fall.erledige(Task_MittelabrufErfassen, "fyilmaz", KiGruppen.FOERDERUNG,
        Map.of("abrufArt", "ABRUF", "abrufBaustein", "B1", "abrufbetrag", "700,00", "zweiMonate", true, "kostenplanGeprueft", true));
    fall.erledige(Task_SachlichRichtig, "fyilmaz", KiGruppen.FOERDERUNG, Map.of("sachlichRichtig", true));
    Task anordnung = fall.aufgabe(Task_AuszahlungAnordnen);
    assertThat(ids(Foerderfilter.GEGENZEICHNUNG, "mhoffmann", KiGruppen.LEITUNG)).contains(anordnung.getId());
  }

  private Filter einziger(String name) {
    List<Filter> gefunden = engine.getFilterService().createFilterQuery().filterName(name).list();
    assertThat(gefunden).as(name).hasSize(1);
    return gefunden.get(0);
  }

  private boolean sieht(String gruppe, Filter filter) {
    return engine.getAuthorizationService().isUserAuthorized("jemand", List.of(gruppe), Permissions.READ, Resources.FILTER, filter.getId());
  }

  /** The task ids the filter lists for the person, as Tasklist asks for them (authorization and expressions as hers). */
  private List<String> ids(String filter, String person, String gruppe) {
    String id = einziger(filter).getId();
    engine.getIdentityService().setAuthentication(person, List.of(gruppe));
    try {
      return engine.getFilterService().<Task>list(id).stream().map(Task::getId).toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static Date inTagen(int tage) {
    return Date.from(LocalDate.now().plusDays(tage).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
  }
}
