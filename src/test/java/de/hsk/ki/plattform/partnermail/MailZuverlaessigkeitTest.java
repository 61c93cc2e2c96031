package de.hsk.ki.plattform.partnermail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.hsk.ki.KiSpringTest;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstiegsfall;
import de.hsk.ki.testkit.Testpostfach;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** No lost and no duplicated partner e-mail, and no thread held by a mail server that hangs. */
@KiSpringTest
class MailZuverlaessigkeitTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(Testpostfach.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired PartnerEmailVersand versand;
  @Autowired Mailvorlagen vorlagen;
  @Autowired PlatformTransactionManager transaktionen;
  @Autowired MailProperties mailEinstellungen;

  private Job gesundheitsamtJob() {
    ProcessInstance fall = engine.getRuntimeService().startProcessInstanceByKey("Process_Seiteneinstieg", Seiteneinstiegsfall.meldung("ARNSBERG", 7));
    Task einladung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(einladung.getId(), Seiteneinstiegsfall.einladung());
    Task beratung = engine.getTaskService().createTaskQuery().processInstanceId(fall.getId()).singleResult();
    engine.getTaskService().complete(beratung.getId(), Seiteneinstiegsfall.erstberatung("GRUNDSCHULE", true));
    return engine.getManagementService().createJobQuery().processInstanceId(fall.getId())
        .activityId("Task_GesundheitsamtBenachrichtigen").singleResult();
  }

  @Test
  void mailserverAusDannWiederDaJedeEMailGenauEinmal() {
    Job job = gesundheitsamtJob();
    greenMail.stop();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()));
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()));
    assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(1);

    greenMail.start();
    engine.getManagementService().executeJob(job.getId());
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).count()).isZero();
  }

  @Test
  void einWiederholterVersandNachRollbackSendetNichtsDoppelt() throws Exception {
    TransactionTemplate jobTransaktion = new TransactionTemplate(transaktionen);
    String schluessel = "test-" + System.nanoTime();
    // the job sends, then its own transaction fails (e.g. an optimistic-locking conflict at commit)
    assertThatThrownBy(() -> jobTransaktion.executeWithoutResult(s -> {
      versand.sende(schluessel, vorlagen.vorlage("GESUNDHEITSAMT_UNTERSUCHUNG"), "GESUNDHEITSAMT", "SE-2026-0999", Map.of());
      throw new IllegalStateException("Rollback nach dem Versand");
    })).hasMessageContaining("Rollback");
    // the engine retries the job: same key
    jobTransaktion.executeWithoutResult(s ->
        versand.sende(schluessel, vorlagen.vorlage("GESUNDHEITSAMT_UNTERSUCHUNG"), "GESUNDHEITSAMT", "SE-2026-0999", Map.of()));
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(greenMail.getReceivedMessages()[0].getMessageID()).isEqualTo("<" + schluessel + "@ki-prozesse>");
  }

  @Test
  void einMailserverDerNichtAntwortetBlockiertKeinenThread() throws Exception {
    List<Socket> verbindungen = new ArrayList<>();
    try (ServerSocket stumm = new ServerSocket(0)) {
      Thread annehmen = new Thread(() -> {
        try {
          while (true) {
            verbindungen.add(stumm.accept()); // accepts, never greets
          }
        } catch (Exception e) {
          // socket closed at the end of the test
        }
      });
      annehmen.setDaemon(true);
      annehmen.start();

      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("localhost");
      sender.setPort(stumm.getLocalPort());
      Properties eigenschaften = new Properties();
      eigenschaften.putAll(mailEinstellungen.getProperties());
      sender.setJavaMailProperties(eigenschaften);
      assertThat(eigenschaften).containsKeys("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout");

      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
        var nachricht = sender.createMimeMessage();
        nachricht.setText("x");
        nachricht.setFrom("a@example.org");
        nachricht.setRecipients(jakarta.mail.Message.RecipientType.TO, "b@example.org");
        assertThatThrownBy(() -> sender.send(nachricht)).isInstanceOf(MailException.class);
      });
    } finally {
      for (Socket s : verbindungen) {
        s.close();
      }
    }
  }
}
