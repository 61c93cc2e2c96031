package de.hsk.ki.plattform.identitaet;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The county's directory (Active Directory, or any LDAP server): checks a member of staff's
 * password by binding as that person and reads name, e-mail and the directory groups, mapped to
 * the KI's groups ({@code KI_LDAP_GRUPPEN}). Groups without a mapping are not seen by the engine.
 */
public final class Verzeichnis {

  private static final Logger LOG = LoggerFactory.getLogger("ki.anmeldung");
  /** What the engine can take as a user id; AD's sAMAccountName stays within it. */
  private static final Pattern KENNUNG = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public record Person(String id, String vorname, String nachname, String email, Set<String> gruppen) {}

  private final LDAPURL url;
  private final String basis;
  private final String filter;
  private final String idAttribut;
  private final String dienstkonto;
  private final String dienstkennwort;
  private final Map<DN, String> gruppen;
  private LDAPConnectionPool pool;

  private Verzeichnis(LDAPURL url, String basis, String filter, String idAttribut, String dienstkonto,
      String dienstkennwort, Map<DN, String> gruppen) {
    this.url = url;
    this.basis = basis;
    this.filter = filter;
    this.idAttribut = idAttribut;
    this.dienstkonto = dienstkonto;
    this.dienstkennwort = dienstkennwort;
    this.gruppen = gruppen;
  }

  /** The directory, if {@code url} is set; refuses a setting that cannot work or would send passwords in clear. */
  public static Optional<Verzeichnis> aus(String url, String basis, String dienstkonto, String dienstkennwort,
      String filter, String idAttribut, String gruppen) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    LDAPURL adresse;
    try {
      adresse = new LDAPURL(url.strip());
    } catch (LDAPException e) {
      throw new IllegalStateException("KI_LDAP_URL ist keine LDAP-Adresse: " + url);
    }
    String host = adresse.getHost();
    boolean lokal = "localhost".equals(host) || "127.0.0.1".equals(host) || "::1".equals(host);
    if (!"ldaps".equals(adresse.getScheme()) && !lokal) {
      throw new IllegalStateException("KI_LDAP_URL: nur ldaps:// (Kennwörter gingen sonst unverschlüsselt durchs Netz), ldap:// nur auf dem eigenen Rechner");
    }
    if (basis == null || basis.isBlank()) {
      throw new IllegalStateException("KI_LDAP_BASIS fehlt (Suchbasis der Benutzer, z. B. OU=Mitarbeitende,DC=hsk,DC=de)");
    }
    if (filter == null || !filter.contains("{0}")) {
      throw new IllegalStateException("KI_LDAP_BENUTZERFILTER muss {0} für die Kennung enthalten: " + filter);
    }
    Map<DN, String> zuordnung = gruppenZuordnung(gruppen);
    if (zuordnung.isEmpty()) {
      throw new IllegalStateException("KI_LDAP_GRUPPEN fehlt: ohne Zuordnung der Verzeichnisgruppen zu den KI-Gruppen könnte niemand arbeiten");
    }
    boolean ohneDienstkonto = dienstkonto == null || dienstkonto.isBlank();
    return Optional.of(new Verzeichnis(adresse, basis.strip(), filter.strip(), idAttribut.strip(),
        ohneDienstkonto ? null : dienstkonto.strip(), ohneDienstkonto ? null : dienstkennwort, zuordnung));
  }

  /** {@code CN=KI-Verwaltung,OU=Gruppen,DC=hsk,DC=de=kiVerwaltung;…}: the group id after the last '='. */
  static Map<DN, String> gruppenZuordnung(String text) {
    Map<DN, String> zuordnung = new LinkedHashMap<>();
    if (text == null) {
      return zuordnung;
    }
    for (String eintrag : text.split(";")) {
      if (eintrag.isBlank()) {
        continue;
      }
      int trenner = eintrag.lastIndexOf('=');
      String gruppe = trenner < 0 ? "" : eintrag.substring(trenner + 1).strip();
      if (gruppe.isEmpty() || !KENNUNG.matcher(gruppe).matches()) {
        throw new IllegalStateException("KI_LDAP_GRUPPEN: Eintrag ohne KI-Gruppe: " + eintrag.strip());
      }
      try {
        zuordnung.put(new DN(eintrag.substring(0, trenner).strip()), gruppe);
      } catch (LDAPException e) {
        throw new IllegalStateException("KI_LDAP_GRUPPEN: kein gültiger DN: " + eintrag.strip());
      }
    }
    return zuordnung;
  }

  /** Every KI group the directory decides about. */
  public Collection<String> zielgruppen() {
    return new TreeSet<>(gruppen.values());
  }

  /** The person, if the password is theirs; empty for an unknown id, a wrong password or an unreachable directory. */
  public Optional<Person> anmelden(String id, String passwort) {
    // an empty password would be an anonymous bind, which LDAP servers accept
    if (passwort == null || passwort.isEmpty() || !KENNUNG.matcher(id).matches()) {
      return Optional.empty();
    }
    try {
      LDAPConnectionPool verbindung = pool();
      SearchResultEntry eintrag = verbindung.searchForEntry(basis, SearchScope.SUB,
          Filter.create(filter.replace("{0}", Filter.encodeValue(id))), idAttribut, "givenName", "sn", "mail", "memberOf");
      // the id exactly as the directory spells it: the engine compares ids case-sensitively
      if (eintrag == null || !id.equals(eintrag.getAttributeValue(idAttribut))) {
        return Optional.empty();
      }
      verbindung.bindAndRevertAuthentication(new SimpleBindRequest(eintrag.getDN(), passwort));
      Set<String> kiGruppen = new TreeSet<>();
      String[] mitglied = eintrag.getAttributeValues("memberOf");
      for (String dn : mitglied == null ? new String[0] : mitglied) {
        try {
          String gruppe = gruppen.get(new DN(dn));
          if (gruppe != null) {
            kiGruppen.add(gruppe);
          }
        } catch (LDAPException e) {
          LOG.debug("memberOf ohne gültigen DN übergangen");
        }
      }
      return Optional.of(new Person(id, eintrag.getAttributeValue("givenName"), eintrag.getAttributeValue("sn"),
          eintrag.getAttributeValue("mail"), kiGruppen));
    } catch (LDAPException e) {
      if (e.getResultCode() != ResultCode.INVALID_CREDENTIALS) {
        LOG.warn("Verzeichnis {} nicht nutzbar: {}", url.getHost(), e.getResultCode());
      }
      return Optional.empty();
    }
  }

  private synchronized LDAPConnectionPool pool() throws LDAPException {
    if (pool == null) {
      LDAPConnectionOptions optionen = new LDAPConnectionOptions();
      optionen.setConnectTimeoutMillis(5_000);
      optionen.setResponseTimeoutMillis(10_000);
      javax.net.SocketFactory sockets = null;
      if ("ldaps".equals(url.getScheme())) {
        try {
          sockets = new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
          throw new LDAPException(ResultCode.CONNECT_ERROR, e);
        }
        optionen.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
      }
      SimpleBindRequest dienst = dienstkonto == null ? null : new SimpleBindRequest(dienstkonto, dienstkennwort);
      pool = new LDAPConnectionPool(new SingleServerSet(url.getHost(), url.getPort(), sockets, optionen), dienst, 1, 4);
    }
    return pool;
  }
}
