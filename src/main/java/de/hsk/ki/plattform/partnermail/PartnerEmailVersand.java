package de.hsk.ki.plattform.partnermail;

import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerNichtGefundenException;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;

/** Renders a German e-mail template and sends it to a partner of the directory. */
@Service
public class PartnerEmailVersand {

  private static final Logger LOG = LoggerFactory.getLogger(PartnerEmailVersand.class);

  private final JavaMailSender mailSender;
  private final PartnerVerzeichnis verzeichnis;
  private final MailProperties properties;
  private final SpringTemplateEngine vorlagen = new SpringTemplateEngine();
  private final Mailausgang ausgang;

  public PartnerEmailVersand(JavaMailSender mailSender, PartnerVerzeichnis verzeichnis, MailProperties properties, Mailausgang ausgang) {
    this.ausgang = ausgang;
    this.mailSender = mailSender;
    this.verzeichnis = verzeichnis;
    this.properties = properties;
    // the template text itself is passed in: templates live beside their process (Mailvorlagen)
    org.thymeleaf.templateresolver.StringTemplateResolver resolver = new org.thymeleaf.templateresolver.StringTemplateResolver();
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCacheable(true);
    vorlagen.setTemplateResolver(resolver);
  }

  /**
   * Sends once per idempotency key: a key already marked as sent is skipped, so a retried job
   * (after a rollback, a lost lock or an operator's retry) delivers nothing twice.
   *
   * @param schluessel idempotency key of this e-mail, the same for every retry of one send
   * @param partnerSchluessel key of the recipient in the partner directory
   * @param werte values the template may show: case number, links, labels; no personal data
   */
  public void sende(String schluessel, Mailvorlage vorlage, String partnerSchluessel, String aktenzeichen, Map<String, Object> werte) {
    if (!ausgang.vorbereiten(schluessel, aktenzeichen, vorlage.id(), partnerSchluessel)) {
      LOG.info("E-mail '{}' for case {} to partner {} was already sent: skipped", vorlage.id(), aktenzeichen, partnerSchluessel);
      return;
    }
    sendeJetzt(schluessel, vorlage, partnerSchluessel, aktenzeichen, werte);
    ausgang.gesendet(schluessel);
  }

  private void sendeJetzt(String schluessel, Mailvorlage vorlage, String partnerSchluessel, String aktenzeichen, Map<String, Object> werte) {
    Partner partner =
        verzeichnis
            .finde(partnerSchluessel)
            .orElseThrow(() -> new PartnerNichtGefundenException(
                "Partner '" + partnerSchluessel + "' ist im Partnerverzeichnis nicht (mehr) aktiv."));
    Context context = new Context(java.util.Locale.GERMANY);
    context.setVariables(werte);
    context.setVariable("aktenzeichen", aktenzeichen);
    context.setVariable("partnerName", partner.name());
    String text = vorlagen.process(vorlage.text(), context);
    try {
      MimeMessage nachricht = mailSender.createMimeMessage();
      // the same for every attempt (Spring keeps an explicit Message-ID): receivers can drop a duplicate
      nachricht.setHeader("Message-ID", "<" + schluessel + "@ki-prozesse>");
      MimeMessageHelper helper = new MimeMessageHelper(nachricht, false, "UTF-8");
      helper.setFrom(properties.absender());
      helper.setReplyTo(properties.antwortAn());
      helper.setTo(partner.email());
      helper.setSubject(vorlage.betreff(aktenzeichen));
      helper.setText(text, false);
      mailSender.send(nachricht);
    } catch (MessagingException e) {
      throw new IllegalStateException("E-Mail konnte nicht erstellt werden", e);
    }
    LOG.info("E-mail '{}' for case {} sent to partner {}", vorlage.id(), aktenzeichen, partner.schluessel());
  }
}
