package de.hsk.ki.plattform.zustaendigkeit;

import static de.hsk.ki.plattform.zustaendigkeit.FallverantwortungTest.aufgabe;
import static de.hsk.ki.plattform.zustaendigkeit.FallverantwortungTest.beraten;
import static de.hsk.ki.plattform.zustaendigkeit.FallverantwortungTest.konto;
import static de.hsk.ki.plattform.zustaendigkeit.FallverantwortungTest.rueckfrage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hsk.ki.KiSpringTest;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.testkit.AlsPerson;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A week's absence with a stand-in: handover of tasks and cases with the note, new tasks during it, and the return. */
@KiSpringTest
class AbwesenheitTest {

  static final List<String> LEHRKRAEFTE = List.of(KiGruppen.LEHRKRAEFTE);

  @Autowired ProcessEngine engine;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired Abwesenheit abwesenheit;
  @Autowired Fallverantwortung verantwortung;

  @AfterEach
  void abmelden() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void eineWocheAbwesendUebergabeUndRueckgabe() throws Exception {
    // given: a teacher responsible for two cases, one with an open task of hers
    String lehrkraft = konto(engine, "zvabwesend1", KiGruppen.LEHRKRAEFTE);
    String vertretung = konto(engine, "zvvertretung1", KiGruppen.LEHRKRAEFTE);
    ProcessInstance erster = beraten(engine, "pschneider", lehrkraft);
    ProcessInstance zweiter = beraten(engine, "pschneider", lehrkraft);
    Task offen = rueckfrage(engine, erster);
    assertThat(offen.getAssignee()).isEqualTo(lehrkraft);
    LocalDate heute = Zeit.heute();

    // when: she records a week from today, things to come back afterwards
    long id = abwesenheit.erfassen(lehrkraft, LEHRKRAEFTE, lehrkraft, vertretung, heute, heute.plusDays(6),
        "Familie spricht nur Arabisch, Dolmetscher ist gebucht.", true);

    // then: her open task, with the note, and both cases are the stand-in's
    assertThat(abwesenheit.eintrag(id).orElseThrow().status()).isEqualTo(Abwesenheit.Status.LAUFEND);
    assertThat(aufgabe(engine, erster, FallverantwortungTest.RUECKFRAGE).getAssignee()).isEqualTo(vertretung);
    assertThat(engine.getTaskService().getTaskComments(offen.getId())).extracting(Comment::getFullMessage).singleElement()
        .asString().contains("Übergabe wegen Abwesenheit von Test zvabwesend1").contains("Dolmetscher ist gebucht");
    assertThat(verantwortung.zustaendig(erster.getBusinessKey())).contains(vertretung);
    assertThat(verantwortung.zustaendig(zweiter.getBusinessKey())).contains(vertretung);
    // the stand-in reads the note above the task's form in Tasklist, not only under "Historie"
    var sitzung = new de.hsk.ki.testkit.WebappSitzung(port);
    assertThat(sitzung.anmelden(vertretung, de.hsk.ki.testkit.Rest.DEMO_PASSWORT).statusCode()).isEqualTo(200);
    assertThat(sitzung.get("/ki/aufgabe/" + offen.getId() + "/fall").body()).contains("\"uebergabe\":\"Übergabe wegen Abwesenheit")
        .contains("Dolmetscher ist gebucht").contains("\"zustaendig\":\"Test zvvertretung1\"");
    assertThat(verantwortung.vertretungFuer(lehrkraft)).contains(vertretung);
    assertThat(verantwortung.faelleVon(lehrkraft)).doesNotContain(erster.getBusinessKey(), zweiter.getBusinessKey());
    // a new task of her case during the absence goes to the stand-in too, who finishes the one of the first case
    Task neu = rueckfrage(engine, zweiter);
    assertThat(neu.getAssignee()).isEqualTo(vertretung);
    AlsPerson.erledige(engine, vertretung, KiGruppen.LEHRKRAEFTE, offen.getId(),
        Map.of("rueckfrageAntwort", "Empfehlung bleibt.", "zugewieseneSchulform", "HAUPTSCHULE", "empfohleneKlasse", 7));

    // when: the week is over
    assertThat(abwesenheit.abgleichen(heute.plusDays(6))).isZero();
    assertThat(abwesenheit.abgleichen(heute.plusDays(7))).isEqualTo(1);

    // then: what is still open comes back, with a word; the finished one stays done; both cases are hers again
    assertThat(abwesenheit.eintrag(id).orElseThrow().status()).isEqualTo(Abwesenheit.Status.BEENDET);
    assertThat(aufgabe(engine, zweiter, FallverantwortungTest.RUECKFRAGE).getAssignee()).isEqualTo(lehrkraft);
    assertThat(engine.getTaskService().getTaskComments(neu.getId())).extracting(Comment::getFullMessage)
        .anyMatch(t -> t.startsWith("Zurück an Test zvabwesend1"));
    assertThat(aufgabe(engine, erster, FallverantwortungTest.RUECKFRAGE)).isNull();
    assertThat(verantwortung.zustaendig(erster.getBusinessKey())).contains(lehrkraft);
    assertThat(verantwortung.zustaendig(zweiter.getBusinessKey())).contains(lehrkraft);
    assertThat(verantwortung.vertretungFuer(lehrkraft)).isEmpty();
    // the log says who held the case when and why
    assertThat(verantwortung.verlauf(erster.getBusinessKey(), null, 10)).filteredOn(v -> v.gruppe().equals(KiGruppen.LEHRKRAEFTE))
        .extracting(Fallverantwortung.Verlaufseintrag::benutzer,
            Fallverantwortung.Verlaufseintrag::grund)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(lehrkraft, "Rückgabe nach der Abwesenheit (" + zeitraum(heute) + ")"),
            org.assertj.core.groups.Tuple.tuple(vertretung, "Vertretung während der Abwesenheit (" + zeitraum(heute) + ")"),
            org.assertj.core.groups.Tuple.tuple(lehrkraft, "Erste erledigte Aufgabe der Gruppe"));
    // a second run changes nothing
    assertThat(abwesenheit.abgleichen(heute.plusDays(8))).isZero();
  }

  @Test
  void ohneRueckgabeBleibtAllesBeiDerVertretungUndEineSpaetereAbwesenheitBeginntErstAmErstenTag() {
    String lehrkraft = konto(engine, "zvabwesend2", KiGruppen.LEHRKRAEFTE);
    String vertretung = konto(engine, "zvvertretung2", KiGruppen.LEHRKRAEFTE);
    ProcessInstance fall = beraten(engine, "pschneider", lehrkraft);
    LocalDate heute = Zeit.heute();

    long id = abwesenheit.erfassen("mhoffmann", List.of(KiGruppen.LEITUNG), lehrkraft, vertretung, heute.plusDays(3), heute.plusDays(9),
        "Übergabe durch die Leitung.", false);
    assertThat(abwesenheit.eintrag(id).orElseThrow().status()).isEqualTo(Abwesenheit.Status.GEPLANT);
    assertThat(verantwortung.zustaendig(fall.getBusinessKey())).contains(lehrkraft);

    abwesenheit.abgleichen(heute.plusDays(3));
    assertThat(verantwortung.zustaendig(fall.getBusinessKey())).contains(vertretung);
    abwesenheit.abgleichen(heute.plusDays(10));
    assertThat(abwesenheit.eintrag(id).orElseThrow().status()).isEqualTo(Abwesenheit.Status.BEENDET);
    assertThat(verantwortung.zustaendig(fall.getBusinessKey())).contains(vertretung);
  }

  @Test
  void fehlerhafteAngabenWerdenAufDeutschAbgelehnt() {
    String lehrkraft = konto(engine, "zvabwesend3", KiGruppen.LEHRKRAEFTE);
    LocalDate heute = Zeit.heute();

    assertThatThrownBy(() -> abwesenheit.erfassen(lehrkraft, LEHRKRAEFTE, lehrkraft, "pschneider", heute.plusDays(5), heute.plusDays(1), "", true))
        .isInstanceOfSatisfying(Abwesenheit.Abgelehnt.class, e -> assertThat(e.meldungen()).containsExactly(
            "Die Vertretung muss derselben Gruppe angehören wie die abwesende Person (KI – Lehrkräfte).",
            "Das Ende der Abwesenheit liegt vor ihrem Beginn.",
            "Bitte eine Übergabenotiz für die Vertretung eingeben."));
    // the note goes into task comments: no markup, no control characters, at most 2000 characters
    assertThatThrownBy(() -> abwesenheit.erfassen(lehrkraft, LEHRKRAEFTE, lehrkraft, "tbecker", heute, heute.plusDays(1),
        "Bitte <a href=\"https://evil.example\">hier</a> nachsehen", true))
        .isInstanceOfSatisfying(Abwesenheit.Abgelehnt.class, e -> assertThat(e.meldungen()).singleElement().asString()
            .startsWith("Übergabenotiz: spitze Klammern"));
    assertThatThrownBy(() -> abwesenheit.erfassen(lehrkraft, LEHRKRAEFTE, lehrkraft, "tbecker", heute, heute.plusDays(1),
        "x".repeat(2001), true))
        .isInstanceOfSatisfying(Abwesenheit.Abgelehnt.class, e -> assertThat(e.meldungen()).singleElement().asString()
            .isEqualTo("Übergabenotiz: höchstens 2000 Zeichen erlaubt (eingegeben: 2001)."));
    assertThatThrownBy(() -> abwesenheit.erfassen(lehrkraft, LEHRKRAEFTE, lehrkraft, lehrkraft, heute, heute, "Notiz", true))
        .hasMessage("Die Vertretung kann nicht die abwesende Person selbst sein.");
    // somebody else's absence is for the Leitung only
    assertThatThrownBy(() -> abwesenheit.erfassen("pschneider", List.of(KiGruppen.VERWALTUNG), lehrkraft, "tbecker", heute, heute,
        "Notiz", true))
        .isInstanceOfSatisfying(Abwesenheit.Abgelehnt.class, e -> assertThat(e.verboten()).isTrue())
        .hasMessage("Eine Abwesenheit für eine andere Person erfasst nur die Leitung des KI.");
  }

  private static String zeitraum(LocalDate heute) {
    return heute.format(Abwesenheit.DATUM) + " – " + heute.plusDays(6).format(Abwesenheit.DATUM);
  }
}
