package de.hsk.ki.plattform.identitaet;

import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.zeit.Zeit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of partner staff (ADR 0006), created by the operators from the partner directory: the
 * person gets an invitation e-mail with a link, valid for a week, on which they set their own
 * password under the staff policy. Nobody else ever knows it; until then the account has a random
 * password nobody knows. Only the SHA-256 of the link's token is stored.
 */
@Component
public class Partnerkonten {

  private static final Logger LOG = LoggerFactory.getLogger(Partnerkonten.class);
  private static final SecureRandom ZUFALL = new SecureRandom();
  public static final Duration GUELTIG = Duration.ofDays(7);
  /** A new link for an account in use replaces its password: valid one day only. */
  public static final Duration ERNEUT_GUELTIG = Duration.ofDays(1);
  /**
   * Login names of partner staff start with this: a staff member of the county's directory who has
   * never logged in has no entry here, and a local account of the same name would take theirs over (ADR 0005).
   */
  public static final String KENNUNG_PRAEFIX = "ext";
  /** Names as people write them, in any script; no digits, markup or control characters. */
  private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} .'’-]{0,59}");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");

  public record Konto(String id, String vorname, String nachname, String email, String partner) {}

  /** The outcome of a refused input, in German for the page; nothing was changed. */
  public static class Abgelehnt extends RuntimeException {
    public Abgelehnt(String meldung) {
      super(meldung);
    }
  }

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final PartnerVerzeichnis verzeichnis;
  private final JavaMailSender mail;
  private final String absender;
  private final String basisUrl;

  public Partnerkonten(ProcessEngine engine, JdbcTemplate jdbc, PartnerVerzeichnis verzeichnis, JavaMailSender mail,
      @Value("${ki.mail.absender}") String absender, @Value("${ki.basis-url}") String basisUrl) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.verzeichnis = verzeichnis;
    this.mail = mail;
    this.absender = absender;
    this.basisUrl = basisUrl;
  }

  /** Institutions that have a group, by name: the ones an account can be created for. */
  public List<Partner> institutionen() {
    IdentityService identity = engine.getIdentityService();
    List<Partner> mitGruppe = new ArrayList<>();
    for (Group g : identity.createGroupQuery().groupType(Partnergruppen.TYP).list()) {
      String id = g.getId();
      verzeichnisEintrag(id).ifPresent(mitGruppe::add);
    }
    mitGruppe.sort(java.util.Comparator.comparing(Partner::name));
    return mitGruppe;
  }

  public List<Konto> konten() {
    List<Konto> konten = new ArrayList<>();
    IdentityService identity = engine.getIdentityService();
    for (Group g : identity.createGroupQuery().groupType(Partnergruppen.TYP).orderByGroupName().asc().list()) {
      for (User u : identity.createUserQuery().memberOfGroup(g.getId()).orderByUserLastName().asc().list()) {
        konten.add(new Konto(u.getId(), u.getFirstName(), u.getLastName(), u.getEmail(), g.getName()));
      }
    }
    return konten;
  }

  /**
   * Creates the account of a person of an institution and mails the invitation; the e-mail goes
   * out before the transaction commits, so a mail server that refuses leaves no account behind.
   *
   * @return the new user id (the login name the e-mail names)
   */
  @Transactional
  public String einladen(String partnerSchluessel, String vorname, String nachname, String email, String betrieb) {
    Partner partner = partnerSchluessel == null ? null : verzeichnis.finde(partnerSchluessel).orElse(null);
    String gruppe = partner == null ? null : Partnergruppen.gruppe(partner.schluessel());
    IdentityService identity = engine.getIdentityService();
    List<String> fehler = new ArrayList<>();
    if (gruppe == null || identity.createGroupQuery().groupId(gruppe).groupType(Partnergruppen.TYP).count() == 0) {
      fehler.add("Institution: bitte eine Schule oder Dienststelle aus der Liste wählen.");
    }
    if (vorname == null || !NAME.matcher(vorname.strip()).matches()) {
      fehler.add("Vorname: bitte angeben (nur Buchstaben, Leerzeichen, Bindestrich oder Apostroph, höchstens 60 Zeichen).");
    }
    if (nachname == null || !NAME.matcher(nachname.strip()).matches()) {
      fehler.add("Nachname: bitte angeben (nur Buchstaben, Leerzeichen, Bindestrich oder Apostroph, höchstens 60 Zeichen).");
    }
    String adresse = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    if (adresse == null || !EMAIL.matcher(adresse).matches()) {
      fehler.add("E-Mail: bitte eine dienstliche Adresse angeben, z. B. sekretariat@schule.example.org.");
    } else if (identity.createUserQuery().userEmail(adresse).count() > 0) {
      fehler.add("E-Mail: für diese Adresse gibt es schon ein Konto; bitte dort „Einladung erneut senden“ wählen.");
    }
    if (!fehler.isEmpty()) {
      throw new Abgelehnt(String.join("\n", fehler));
    }
    String id = freieKennung(vorname.strip(), nachname.strip());
    User user = identity.newUser(id);
    user.setFirstName(vorname.strip());
    user.setLastName(nachname.strip());
    user.setEmail(adresse);
    // a local account from the start (a directory entry of the same id can never take it over, ADR 0005)
    user.setPassword(zufall(32) + "aA1!");
    identity.saveUser(user);
    identity.createMembership(id, gruppe);
    senden(user, partner.name(), betrieb, GUELTIG);
    LOG.info("Partner account {} for group {} created by {}", id, gruppe, betrieb);
    return id;
  }

  /** A new link for an existing partner account (lost mail, expired link, forgotten password). */
  @Transactional
  public void erneutEinladen(String benutzer, String betrieb) {
    User user = benutzer == null ? null : engine.getIdentityService().createUserQuery().userId(benutzer).singleResult();
    List<Group> gruppen = user == null ? List.of() : engine.getIdentityService().createGroupQuery().groupMember(benutzer).list();
    // only an account that is nothing but a partner's: never staff, operators or a directory mirror
    if (gruppen.isEmpty() || gruppen.stream().anyMatch(g -> !Partnergruppen.TYP.equals(g.getType())) || user.getEmail() == null) {
      throw new Abgelehnt("Zu diesem Benutzernamen gibt es kein Partnerkonto mit E-Mail-Adresse.");
    }
    senden(user, gruppen.get(0).getName(), betrieb, ERNEUT_GUELTIG);
  }

  /** The account an invitation link belongs to, while it is valid. */
  public Optional<String> benutzerDerEinladung(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.queryForList("SELECT benutzer FROM ki_einladung WHERE token_hash = ? AND gueltig_bis > ?", String.class,
        hash(token), Zeit.jetzt()).stream().findFirst();
  }

  /** Sets the password chosen on the invitation page; the link is used up. */
  @Transactional
  public String kennwortSetzen(String token, String kennwort, String wiederholung) {
    String benutzer = benutzerDerEinladung(token).orElseThrow(() -> new Abgelehnt(
        "Diese Einladung ist ungültig oder abgelaufen. Bitte bitten Sie das Kommunale Integrationszentrum um eine neue."));
    if (kennwort == null || kennwort.isEmpty()) {
      throw new Abgelehnt("Bitte ein Kennwort eingeben.");
    }
    if (!kennwort.equals(wiederholung)) {
      throw new Abgelehnt("Die beiden Kennwörter stimmen nicht überein.");
    }
    if (kennwort.length() > 128) {
      throw new Abgelehnt("Das Kennwort darf höchstens 128 Zeichen lang sein.");
    }
    IdentityService identity = engine.getIdentityService();
    User user = identity.createUserQuery().userId(benutzer).singleResult();
    PasswordPolicyResult pruefung = identity.checkPasswordAgainstPolicy(kennwort, user);
    if (!pruefung.isValid()) {
      throw new Abgelehnt("Das Kennwort erfüllt die Regeln nicht: mindestens 10 Zeichen, mit Groß- und Kleinbuchstaben, "
          + "einer Ziffer und einem Sonderzeichen; nicht Ihr Name oder Benutzername.");
    }
    // used up first, in one statement: of two submissions of the same link only one sets a password
    if (jdbc.update("DELETE FROM ki_einladung WHERE token_hash = ? AND gueltig_bis > ?", hash(token), Zeit.jetzt()) != 1) {
      throw new Abgelehnt("Diese Einladung ist schon verwendet worden. Bitte bitten Sie das Kommunale Integrationszentrum um eine neue.");
    }
    user.setPassword(kennwort);
    identity.saveUser(user);
    jdbc.update("DELETE FROM ki_einladung WHERE benutzer = ?", benutzer);
    identity.unlockUser(benutzer);
    benachrichtigen(user);
    LOG.info("Partner account {} set its password through the invitation", benutzer);
    return benutzer;
  }

  /** Expired invitations, nightly. */
  @org.springframework.scheduling.annotation.Scheduled(cron = "0 35 3 * * *")
  public int bereinigen() {
    return jdbc.update("DELETE FROM ki_einladung WHERE gueltig_bis <= ?", Zeit.jetzt());
  }

  /** The person learns of every password change, so a link read by someone else does not go unnoticed. */
  private void benachrichtigen(User user) {
    SimpleMailMessage nachricht = new SimpleMailMessage();
    nachricht.setFrom(absender);
    nachricht.setTo(user.getEmail());
    nachricht.setSubject("Ihr Kennwort für die Aufgabenliste wurde festgelegt");
    nachricht.setText("Guten Tag " + user.getFirstName() + " " + user.getLastName() + ",\n\n"
        + "für Ihren Zugang „" + user.getId() + "“ zur Aufgabenliste des Kommunalen Integrationszentrums wurde soeben\n"
        + "ein Kennwort festgelegt. Waren Sie das nicht, melden Sie sich bitte sofort beim Kommunalen Integrationszentrum.\n\n"
        + "Mit freundlichen Grüßen\nKommunales Integrationszentrum Hochsauerlandkreis\n\n--\nDiese Nachricht wurde automatisch erstellt.");
    try {
      mail.send(nachricht);
    } catch (MailException e) {
      // the password is set; the notice is a courtesy, its failure must not undo the change
      LOG.warn("Password notice for {} not sent ({})", user.getId(), e.getClass().getSimpleName());
    }
  }

  private void senden(User user, String institution, String betrieb, Duration gueltig) {
    String token = zufall(32);
    jdbc.update("DELETE FROM ki_einladung WHERE benutzer = ?", user.getId());
    jdbc.update("INSERT INTO ki_einladung (token_hash, benutzer, gueltig_bis, erstellt_von, erstellt_am) VALUES (?, ?, ?, ?, ?)",
        hash(token), user.getId(), Timestamp.from(Zeit.jetzt().toInstant().plus(gueltig)), betrieb, Zeit.jetzt());
    SimpleMailMessage nachricht = new SimpleMailMessage();
    nachricht.setFrom(absender);
    nachricht.setTo(user.getEmail());
    nachricht.setSubject("Ihr Zugang zur Aufgabenliste des Kommunalen Integrationszentrums");
    nachricht.setText("Guten Tag " + user.getFirstName() + " " + user.getLastName() + ",\n\n"
        + "für " + institution + " ist ein Zugang zur Aufgabenliste des Kommunalen Integrationszentrums\n"
        + "Hochsauerlandkreis eingerichtet. Dort sehen Sie die Fälle, die Ihre Stelle betreffen, und antworten direkt.\n\n"
        + "Ihr Benutzername: " + user.getId() + "\n\n"
        + "Bitte legen Sie " + (gueltig.toDays() == 1 ? "innerhalb eines Tages" : "innerhalb von " + gueltig.toDays() + " Tagen")
        + " Ihr Kennwort fest:\n"
        + basisUrl + "/ki/konto/einladung?t=" + token + "\n\n"
        + "Danach melden Sie sich hier an: " + basisUrl + "/camunda/app/tasklist/\n\n"
        + "Haben Sie diesen Zugang nicht erwartet, ignorieren Sie diese E-Mail; ohne Kennwort bleibt er gesperrt.\n\n"
        + "Mit freundlichen Grüßen\nKommunales Integrationszentrum Hochsauerlandkreis\n\n--\nDiese Nachricht wurde automatisch erstellt.");
    try {
      mail.send(nachricht);
    } catch (MailException e) {
      // the server's message names the address: not into the log
      LOG.warn("Invitation for {} not sent ({})", user.getId(), e.getClass().getSimpleName());
      throw new Abgelehnt("Die Einladung konnte nicht gesendet werden (E-Mail-Server nicht erreichbar). "
          + "Es wurde nichts angelegt; bitte später erneut versuchen.");
    }
  }

  private Optional<Partner> verzeichnisEintrag(String gruppe) {
    return verzeichnis.vomTyp(java.util.EnumSet.allOf(de.hsk.ki.plattform.partner.PartnerTyp.class)).stream()
        .filter(p -> Partnergruppen.gruppe(p.schluessel()).equals(gruppe)).findFirst();
  }

  /** First letter of the first name and the last name, in Latin letters and digits (the engine's id rule): {@code gsommer}, {@code gsommer2}. */
  String freieKennung(String vorname, String nachname) {
    String basis = latein(vorname).substring(0, Math.min(1, latein(vorname).length())) + latein(nachname);
    if (basis.length() < 2) {
      basis = "partner";
    }
    basis = KENNUNG_PRAEFIX + basis.substring(0, Math.min(40, basis.length()));
    String id = basis;
    IdentityService identity = engine.getIdentityService();
    for (int i = 2; identity.createUserQuery().userId(id).count() > 0; i++) {
      id = basis + i;
    }
    return id;
  }

  private static String latein(String name) {
    String ersetzt = name.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
    return Normalizer.normalize(ersetzt, Normalizer.Form.NFD).replaceAll("[^a-z0-9]", "");
  }

  private static String zufall(int bytes) {
    byte[] b = new byte[bytes];
    ZUFALL.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
