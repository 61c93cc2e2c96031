package de.hsk.ki.plattform.fall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;

/** What a task card says about the case, by the group the task is for (docs/datenschutz.md, "Aufgabenkarten"). */
class KartentextTest {

  private static DelegateTask aufgabe(String gruppe, Map<String, Object> variablen) {
    return aufgabe("Process_Seiteneinstieg", gruppe, variablen);
  }

  private static DelegateTask aufgabe(String prozess, String gruppe, Map<String, Object> variablen) {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getProcessDefinitionId()).thenReturn(prozess + ":3:4711");
    IdentityLink link = mock(IdentityLink.class);
    when(link.getGroupId()).thenReturn(gruppe);
    when(task.getCandidates()).thenReturn(Set.of(link));
    variablen.forEach((name, wert) -> when(task.getVariable(name)).thenReturn(wert));
    return task;
  }

  private static final Map<String, Object> KIND = Map.of("vorname", "Amina", "nachname", "zyxwa",
      "geburtsdatum", "2017-03-04", "kommune", "SUNDERN");

  @Test
  void dieKiSiehtInitialenJahrgangUndKommune() {
    assertThat(Kartentext.text(aufgabe("kiLehrkraefte", KIND))).isEqualTo("A. Z. · Jg. 2017 · Sundern");
  }

  /** The coordination process shows names only at a few steps: its cards never carry them. */
  @Test
  void abstimmungsaufgabenNennenKeinePerson() {
    assertThat(Kartentext.text(aufgabe("Process_Abstimmung", "kiVerwaltung", KIND))).isEqualTo("Sundern");
    assertThat(Kartentext.text(aufgabe("Process_UebergangSchuleBeruf", "kiSozialarbeit", KIND))).isEqualTo("A. Z. · Jg. 2017 · Sundern");
  }

  @Test
  void dasSchulamtSiehtNurDieKommune() {
    assertThat(Kartentext.text(aufgabe("schulamt", KIND))).isEqualTo("Sundern");
  }

  @Test
  void eineEinwilligungNenntDenPartner() {
    assertThat(Kartentext.text(aufgabe("kiSozialarbeit", Map.of("vorname", "Hana", "nachname", "Test",
        "geburtsdatum", "2006-01-01", "partner", "AGENTUR_FUER_ARBEIT"))))
        .isEqualTo("H. T. · Jg. 2006 · Partner: Agentur für Arbeit");
    assertThat(Kartentext.lesbar("KAOA_TRAEGER")).isEqualTo("Kaoa träger");
    assertThat(Kartentext.lesbar("AUSLAENDERBEHOERDE")).isEqualTo("Ausländerbehörde");
  }
}
