package de.hsk.ki.plattform.identitaet;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** One demo user per role, only where ki.demo.benutzer-anlegen is set (the demo profile). */
@Component
@ConditionalOnProperty(name = "ki.demo.benutzer-anlegen", havingValue = "true")
public class DemoBenutzer {

  private static final Logger LOG = LoggerFactory.getLogger(DemoBenutzer.class);

  public record Demo(String id, String vorname, String nachname, String gruppe) {}

  public static final List<Demo> BENUTZER =
      List.of(
          new Demo("pschneider", "Petra", "Schneider", KiGruppen.VERWALTUNG),
          new Demo("tbecker", "Thomas", "Becker", KiGruppen.LEHRKRAEFTE),
          // a second teacher: the stand-in while a colleague is absent (issue 17)
          new Demo("nkaya", "Nina", "Kaya", KiGruppen.LEHRKRAEFTE),
          new Demo("ademir", "Aylin", "Demir", KiGruppen.SOZIALARBEIT),
          new Demo("mhoffmann", "Martina", "Hoffmann", KiGruppen.LEITUNG),
          new Demo("fyilmaz", "Fatma", "Yilmaz", KiGruppen.FOERDERUNG),
          // a second funding clerk: proofs of use are counter-signed by another person of the group
          new Demo("kwolf", "Katrin", "Wolf", KiGruppen.FOERDERUNG),
          new Demo("dfischer", "Dirk", "Fischer", "fachdienstleitung"),
          new Demo("jklein", "Jürgen", "Klein", KiGruppen.SCHULAMT),
          // partners who answer in Tasklist (ADR 0006), from the demo partner directory
          new Demo("gsommer", "Gabriele", "Sommer", Partnergruppen.gruppe("SCHULE-GR-ARNSBERG-1")),
          new Demo("rkoch", "Ralf", "Koch", Partnergruppen.gruppe("BEZIRKSREGIERUNG")),
          new Demo("lwagner", "Lena", "Wagner", Partnergruppen.gruppe("GESUNDHEITSAMT")),
          new Demo("bschmitt", "Bernd", "Schmitt", Partnergruppen.gruppe("SCHULTRAEGER_ARNSBERG")));

  private final IdentityService identity;
  private final String passwort;

  public DemoBenutzer(ProcessEngine engine, @Value("${ki.demo.passwort}") String passwort) {
    this.identity = engine.getIdentityService();
    this.passwort = passwort;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void anlegen() {
    for (Demo d : BENUTZER) {
      if (identity.createUserQuery().userId(d.id()).count() == 0) {
        User user = identity.newUser(d.id());
        user.setFirstName(d.vorname());
        user.setLastName(d.nachname());
        user.setEmail(d.id() + "@example.org");
        user.setPassword(passwort);
        identity.saveUser(user);
        LOG.info("Demo user {} created", d.id());
      }
      // a partner's group exists only while the directory has the institution
      if (identity.createGroupQuery().groupId(d.gruppe()).count() > 0
          && identity.createUserQuery().userId(d.id()).memberOfGroup(d.gruppe()).count() == 0) {
        identity.createMembership(d.id(), d.gruppe());
      }
    }
  }
}
