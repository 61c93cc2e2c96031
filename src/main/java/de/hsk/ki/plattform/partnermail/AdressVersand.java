package de.hsk.ki.plattform.partnermail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * E-mail with attachments to an address that is not in the partner directory (an applicant of a
 * funding case), through the same idempotent register as partner e-mails: a retried job sends
 * nothing that was delivered. The register keeps a role for the recipient ({@code ANTRAGSTELLER}),
 * not the address. Text and subject come finished from the caller.
 */
@Service
public class AdressVersand {

  private static final Logger LOG = LoggerFactory.getLogger(AdressVersand.class);

  private final JavaMailSender mailSender;
  private final MailProperties properties;
  private final Mailausgang ausgang;

  public AdressVersand(JavaMailSender mailSender, MailProperties properties, Mailausgang ausgang) {
    this.mailSender = mailSender;
    this.properties = properties;
    this.ausgang = ausgang;
  }

  /** One e-mail: what the register stores and what goes out. */
  public record Nachricht(String aktenzeichen, String vorlage, String empfaengerRolle, String adresse, String betreff, String text,
      List<Anhang> anhaenge) {}

  /**
   * Sends once per idempotency key.
   *
   * @return false if this key was already sent (nothing went out now)
   */
  public boolean sende(String schluessel, Nachricht n) {
    if (!ausgang.vorbereiten(schluessel, n.aktenzeichen(), n.vorlage(), n.empfaengerRolle())) {
      LOG.info("E-mail '{}' for case {} to {} was already sent: skipped", n.vorlage(), n.aktenzeichen(), n.empfaengerRolle());
      return false;
    }
    try {
      MimeMessage nachricht = mailSender.createMimeMessage();
      // the same for every attempt: receivers can drop a duplicate
      nachricht.setHeader("Message-ID", "<" + schluessel + "@ki-prozesse>");
      MimeMessageHelper helper = new MimeMessageHelper(nachricht, !n.anhaenge().isEmpty(), "UTF-8");
      helper.setFrom(properties.absender());
      helper.setReplyTo(properties.antwortAn());
      helper.setTo(n.adresse());
      helper.setSubject(n.betreff());
      helper.setText(n.text(), false);
      for (Anhang anhang : n.anhaenge()) {
        helper.addAttachment(anhang.dateiname(), new ByteArrayResource(anhang.inhalt()), anhang.typ());
      }
      mailSender.send(nachricht);
    } catch (MessagingException e) {
      throw new IllegalStateException("E-Mail konnte nicht erstellt werden", e);
    }
    ausgang.gesendet(schluessel);
    LOG.info("E-mail '{}' for case {} sent to {}", n.vorlage(), n.aktenzeichen(), n.empfaengerRolle());
    return true;
  }
}
