package de.hsk.ki.plattform.frist;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.Testpostfach;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The optional e-mail to a group when its tasks become overdue: counts only, only when something is new. */
@KiSpringTest
class UeberfaelligHinweisTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired UeberfaelligHinweis hinweis;

  @Test
  void eineGruppeErfaehrtVonNeuUeberfaelligenAufgabenOhneFalldaten() throws Exception {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg",
        Seiteneinstiegsfall.meldung("ARNSBERG", 9));
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(einladung.getId(), Map.of("terminDatum", LocalDate.now().toString(),
        "terminUhrzeit", "10:00", "terminOrt", "KREISHAUS_ARNSBERG", "einladungsweg", "BRIEF", "dolmetscherGebucht", false));
    Task aufgabe = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    Instant jetzt = Instant.now();
    aufgabe.setDueDate(Date.from(jetzt.minus(Duration.ofHours(2))));
    engine.getTaskService().saveTask(aufgabe);

    // nothing became overdue in that window: no e-mail
    assertThat(hinweis.senden(Map.of("kilehrkraefte", "lehrkraefte@example.org"), jetzt.minus(Duration.ofDays(400)),
        jetzt.minus(Duration.ofDays(399)))).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    assertThat(hinweis.senden(Map.of("kilehrkraefte", "lehrkraefte@example.org", "schulamt", " "), jetzt.minus(Duration.ofDays(1)), jetzt))
        .isEqualTo(1);
    // a second node running the same job that morning sends nothing
    assertThat(hinweis.senden(Map.of("kilehrkraefte", "lehrkraefte@example.org"), jetzt.minus(Duration.ofDays(1)), jetzt))
        .isZero();
    MimeMessage[] post = greenMail.getReceivedMessages();
    assertThat(post).hasSize(1);
    assertThat(post[0].getAllRecipients()[0].toString()).isEqualTo("lehrkraefte@example.org");
    assertThat(post[0].getSubject()).isEqualTo("Überfällige Aufgaben in Ihrer Gruppe");
    String text = post[0].getContent().toString();
    assertThat(text).contains("Frist überschritten").contains("Filter „Überfällig“")
        .doesNotContain(fall.getBusinessKey()).doesNotContain(Seiteneinstiegsfall.MARKER_NAME).doesNotContain("Amina");
  }

  @Test
  void dieEinstellungJeGruppeWirdGelesen() {
    StandardEnvironment umgebung = new StandardEnvironment();
    umgebung.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
        "ki.tasklist.ueberfaellig-hinweis.kiLehrkraefte", "lehrkraefte@example.org",
        "ki.tasklist.ueberfaellig-hinweis.schulamt", "schulamt@example.org")));
    Map<String, String> empfaenger = UeberfaelligHinweis.empfaenger(umgebung);
    assertThat(empfaenger).hasSize(2).containsValues("lehrkraefte@example.org", "schulamt@example.org");
    assertThat(UeberfaelligHinweis.empfaenger(new StandardEnvironment())).isEmpty();
  }
}
