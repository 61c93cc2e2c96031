package de.hsk.ki.bench.peers.gemeinsam;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** The partner e-mail of the async step: one small plain-text message over SMTP, no personal data. */
public final class PartnerMail {

  /** Header that ties a message to its case, so the driver can count per measurement phase. */
  public static final String HEADER = "X-Bench-Vorgang";

  private final Session session;

  public PartnerMail(String host, int port) {
    Properties p = new Properties();
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", String.valueOf(port));
    // bounded waits: a stuck catcher must not hang executor threads forever
    p.put("mail.smtp.connectiontimeout", "5000");
    p.put("mail.smtp.timeout", "5000");
    p.put("mail.smtp.writetimeout", "5000");
    session = Session.getInstance(p); // one session, reused by every send
  }

  public void send(String businessKey) {
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress("bench@localhost"));
      m.setRecipient(Message.RecipientType.TO, new InternetAddress("gesundheitsamt@localhost"));
      m.setSubject("Schuleingangsuntersuchung erbeten", "UTF-8");
      m.setText("Bitte um eine Schuleingangsuntersuchung. Vorgang " + businessKey + ".", "UTF-8");
      m.setHeader(HEADER, businessKey);
      Transport.send(m); // a connection per message is fine here
    } catch (MessagingException e) {
      throw new IllegalStateException("E-Mail an den Partner nicht versandt: " + e.getMessage(), e);
    }
  }
}
