package de.hsk.ki.plattform.frist;

import de.hsk.ki.plattform.partnermail.MailProperties;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Optional notice to a group's shared mailbox when its tasks have become overdue: per group a
 * setting {@code ki.tasklist.ueberfaellig-hinweis.<gruppe>=<address>}, none by default. Sent on
 * working days at 07:00 if at least one of the group's tasks passed its deadline in the day before;
 * it says how many, never which case or child (the list is in Tasklist, filter "Überfällig").
 */
@Component
public class UeberfaelligHinweis {

  private static final Logger LOG = LoggerFactory.getLogger(UeberfaelligHinweis.class);
  static final String PRAEFIX = "ki.tasklist.ueberfaellig-hinweis";

  private final ProcessEngine engine;
  private final JavaMailSender mail;
  private final MailProperties absender;
  private final Environment umgebung;
  private final String basisUrl;
  private final de.hsk.ki.plattform.partnermail.Mailausgang ausgang;

  public UeberfaelligHinweis(ProcessEngine engine, JavaMailSender mail, MailProperties absender, Environment umgebung,
      @Value("${ki.basis-url}") String basisUrl, de.hsk.ki.plattform.partnermail.Mailausgang ausgang) {
    this.ausgang = ausgang;
    this.engine = engine;
    this.mail = mail;
    this.absender = absender;
    this.umgebung = umgebung;
    this.basisUrl = basisUrl;
  }

  /** Group id to address, as configured (read at each run, so a changed setting needs no restart of the job). */
  static Map<String, String> empfaenger(Environment umgebung) {
    return new LinkedHashMap<>(Binder.get(umgebung).bind(PRAEFIX, Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
  }

  @Scheduled(cron = "0 0 7 * * MON-FRI")
  public void taeglich() {
    Instant jetzt = Zeit.UHR.instant();
    // Monday also covers the weekend
    Duration zurueck = Duration.ofDays(jetzt.atZone(Zeit.UHR.getZone()).getDayOfWeek() == java.time.DayOfWeek.MONDAY ? 3 : 1);
    senden(empfaenger(umgebung), jetzt.minus(zurueck), jetzt);
  }

  /** @return the number of notices sent */
  public int senden(Map<String, String> empfaenger, Instant seit, Instant jetzt) {
    int gesendet = 0;
    for (Map.Entry<String, String> eintrag : empfaenger.entrySet()) {
      // property keys may arrive in lower case (environment variables, relaxed binding)
      String gruppe = engine.getIdentityService().createGroupQuery().list().stream().map(g -> g.getId())
          .filter(id -> id.equalsIgnoreCase(eintrag.getKey().replace("-", ""))).findFirst().orElse(eintrag.getKey());
      String adresse = eintrag.getValue();
      if (adresse == null || adresse.isBlank()) {
        continue;
      }
      long neu = engine.getTaskService().createTaskQuery().taskCandidateGroup(gruppe).includeAssignedTasks()
          .dueAfter(Date.from(seit)).dueBefore(Date.from(jetzt)).count();
      if (neu == 0) {
        continue;
      }
      long alle = engine.getTaskService().createTaskQuery().taskCandidateGroup(gruppe).includeAssignedTasks()
          .dueBefore(Date.from(jetzt)).count();
      // every node runs this job at 07:00: the mail register lets one of them send, once a day per group
      String schluessel = "ueberfaellig:" + gruppe + ":" + jetzt.atZone(Zeit.UHR.getZone()).toLocalDate();
      if (!ausgang.vorbereiten(schluessel, "UEBERFAELLIG", "UEBERFAELLIG_HINWEIS", gruppe)) {
        continue;
      }
      SimpleMailMessage nachricht = new SimpleMailMessage();
      nachricht.setFrom(absender.absender());
      nachricht.setReplyTo(absender.antwortAn());
      nachricht.setTo(adresse.strip());
      nachricht.setSubject("Überfällige Aufgaben in Ihrer Gruppe");
      nachricht.setText("Guten Tag,\n\n"
          + (neu == 1 ? "eine Aufgabe Ihrer Gruppe hat" : neu + " Aufgaben Ihrer Gruppe haben")
          + " seit dem letzten Hinweis ihre Frist überschritten; überfällig sind damit insgesamt " + alle + ".\n\n"
          + "Die Aufgaben finden Sie in der Aufgabenliste im Filter „Überfällig“:\n"
          + basisUrl + "/camunda/app/tasklist/\n\n"
          + "Diese Nachricht enthält bewusst keine Falldaten. Sie wurde automatisch versandt; "
          + "abbestellen kann sie der Betrieb (Einstellung " + PRAEFIX + ").\n");
      try {
        mail.send(nachricht);
        ausgang.gesendet(schluessel);
        gesendet++;
        LOG.info("Overdue notice sent for group {} ({} new, {} overdue)", gruppe, neu, alle);
      } catch (org.springframework.mail.MailException e) {
        LOG.warn("Overdue notice for group {} not sent: {}", gruppe, e.getMessage());
      }
    }
    return gesendet;
  }
}
