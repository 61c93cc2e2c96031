package de.hsk.ki.plattform.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.plattform.formular.EingabeAbgelehnt;
import de.hsk.ki.plattform.formular.Startvorgaben;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Submissions from the county's online service portal: the portal's technical account (group
 * {@value #GRUPPE}, HTTP Basic, only from the portal server's addresses) submits the same structured
 * input staff enter in a process's start form, checked by the same rules, and learns the case number.
 * The account may only start the processes whose controllers implement {@link Portalprozess}; it
 * reads nothing.
 */
@Component
public class Onlineeingang {

  public static final String GRUPPE = "onlinedienst";
  static final String ADRESSEN = "ki.portal.adressen";
  /** The setting of the first portal endpoint (Einrichtungsberatung); installations may still use it. */
  static final String ADRESSEN_BISHER = "ki.prozesse.einrichtungsberatung.portal-adressen";
  private static final Logger LOG = LoggerFactory.getLogger(Onlineeingang.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final Set<InetAddress> portalAdressen;
  private final ObjectProvider<Portalprozess> prozesse;

  public Onlineeingang(ProcessEngine engine, Environment umgebung, ObjectProvider<Portalprozess> prozesse) {
    this.engine = engine;
    this.portalAdressen = adressen(umgebung);
    this.prozesse = prozesse;
  }

  /** The portal server's addresses; empty switches every portal endpoint off. */
  static Set<InetAddress> adressen(Environment umgebung) {
    String name = ADRESSEN;
    String liste = umgebung.getProperty(ADRESSEN, "");
    if (liste.isBlank() && !umgebung.getProperty(ADRESSEN_BISHER, "").isBlank()) {
      name = ADRESSEN_BISHER;
      liste = umgebung.getProperty(ADRESSEN_BISHER, "");
      LOG.warn("{} is deprecated: set {} (KI_PORTAL_ADRESSEN) instead", ADRESSEN_BISHER, ADRESSEN);
    }
    Set<InetAddress> adressen = new HashSet<>();
    for (String adresse : liste.split(",")) {
      if (!adresse.isBlank()) {
        try {
          adressen.add(InetAddress.getByName(adresse.trim()));
        } catch (UnknownHostException e) {
          throw new IllegalArgumentException(name + ": keine IP-Adresse: " + adresse, e);
        }
      }
    }
    return adressen;
  }

  /** Only the portal's server may knock: a stranger can neither guess passwords here nor lock the portal's account. */
  private boolean vomPortal(HttpServletRequest request) {
    try {
      return portalAdressen.contains(InetAddress.getByName(request.getRemoteAddr()));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The portal's group and its only rights: start the portal's processes. Operators add the account in Admin. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void gruppeEinrichten() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(GRUPPE).count() == 0) {
      Group g = identity.newGroup(GRUPPE);
      g.setName("Online-Dienst des Kreises (Anfragen über das Portal)");
      g.setType("SYSTEM");
      identity.saveGroup(g);
    }
    prozesse.orderedStream().forEach(p ->
        gewaehre(Resources.PROCESS_DEFINITION, p.prozessSchluessel(), ProcessDefinitionPermissions.CREATE_INSTANCE));
    gewaehre(Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
  }

  private void gewaehre(Resource resource, String id, Permission... rechte) {
    AuthorizationService auth = engine.getAuthorizationService();
    Authorization a = auth.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(GRUPPE)
        .resourceType(resource).resourceId(id).singleResult();
    if (a == null) {
      a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(GRUPPE);
      a.setResource(resource);
      a.setResourceId(id);
    }
    for (Permission p : rechte) {
      a.addPermission(p);
    }
    auth.saveAuthorization(a);
  }

  record Fehler(String feld, String meldung) {}

  /**
   * Starts the process with the request's JSON object as its start form's values and answers in
   * German: 201 with the case number, 400 with a message per field, 401, 403, 503.
   */
  public ResponseEntity<Map<String, Object>> einreichen(Portalprozess prozess, String anmeldung, String koerper,
      HttpServletRequest request) {
    if (!vomPortal(request)) {
      return ResponseEntity.status(403).body(Map.of("meldung", "Anfragen über das Online-Portal nimmt das KI nur vom Server des Portals an."));
    }
    IdentityService identity = engine.getIdentityService();
    String benutzer = angemeldet(identity, anmeldung);
    List<String> gruppen = benutzer == null ? List.of()
        : identity.createGroupQuery().groupMember(benutzer).list().stream().map(Group::getId).toList();
    // a staff account's valid password gets the same answer as a wrong one: nothing to learn here
    if (!gruppen.contains(GRUPPE)) {
      return ResponseEntity.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"KI Online-Dienst\", charset=\"UTF-8\"")
          .body(Map.of("meldung", "Anmeldung des Online-Dienstes erforderlich."));
    }
    Map<String, Object> vorgaben = prozess.vorgaben();
    VariableMap werte;
    try {
      werte = werte(koerper);
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(Map.of("meldung", e.getMessage()));
    }
    var definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(prozess.prozessSchluessel()).latestVersion().singleResult();
    if (definition == null) {
      return ResponseEntity.status(503).body(Map.of("meldung", "Das KI nimmt derzeit keine Anfragen an. Bitte später erneut versuchen."));
    }
    EingabeAbgelehnt.vergessen();
    identity.setAuthentication(benutzer, gruppen);
    try {
      // the server's values replace the portal's: a backdated receipt date would start the case overdue
      ProcessInstance fall = Startvorgaben.mit(vorgaben, () -> engine.getFormService().submitStartForm(definition.getId(), werte));
      LOG.info("Online submission to {} accepted as case {}", prozess.prozessSchluessel(), fall.getBusinessKey());
      Map<String, Object> antwort = new LinkedHashMap<>();
      antwort.put("aktenzeichen", fall.getBusinessKey());
      antwort.put("meldung", prozess.bestaetigung(fall.getBusinessKey()));
      return ResponseEntity.status(201).body(antwort);
    } catch (ProcessEngineException e) {
      var abgelehnt = EingabeAbgelehnt.zuletztAbgelehnt();
      if (abgelehnt.isEmpty()) {
        LOG.error("Online submission to {} not accepted: {}", prozess.prozessSchluessel(), e.getClass().getName());
        return ResponseEntity.status(500).body(Map.of("meldung",
            "Die Anfrage konnte wegen eines Fehlers im KI nicht angenommen werden. Bitte später erneut versuchen."));
      }
      Map<String, Object> antwort = new LinkedHashMap<>();
      antwort.put("meldung", abgelehnt.get().getMessage());
      antwort.put("fehler", abgelehnt.get().fehler().stream().map(f -> new Fehler(f.feld(), f.meldung())).toList());
      return ResponseEntity.badRequest().body(antwort);
    } finally {
      identity.clearAuthentication();
      EingabeAbgelehnt.vergessen();
    }
  }

  /** The account of a valid Basic authorisation (the identity service counts failed attempts and locks). */
  private static String angemeldet(IdentityService identity, String anmeldung) {
    if (anmeldung == null || !anmeldung.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String klar;
    try {
      klar = new String(Base64.getDecoder().decode(anmeldung.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int trenner = klar.indexOf(':');
    if (trenner <= 0) {
      return null;
    }
    String benutzer = klar.substring(0, trenner);
    return identity.checkPassword(benutzer, klar.substring(trenner + 1)) ? benutzer : null;
  }

  /** The request's fields as Tasklist submits the start form. */
  static VariableMap werte(String koerper) {
    JsonNode anfrage;
    try {
      anfrage = koerper == null ? null : JSON.readTree(koerper);
    } catch (Exception e) {
      throw new IllegalArgumentException("Die Anfrage ist kein gültiges JSON-Objekt.");
    }
    if (anfrage == null || !anfrage.isObject()) {
      throw new IllegalArgumentException("Die Anfrage muss ein JSON-Objekt mit den Feldern des Anfrageformulars sein.");
    }
    VariableMap werte = Variables.createVariables();
    var felder = anfrage.fields();
    while (felder.hasNext()) {
      var feld = felder.next();
      JsonNode w = feld.getValue();
      if (w.isNull()) {
        continue;
      }
      if (w.isTextual()) {
        werte.putValue(feld.getKey(), w.asText());
      } else if (w.isIntegralNumber()) {
        if (!w.canConvertToLong()) {
          throw new IllegalArgumentException("Feld „" + feld.getKey() + "“: die Zahl ist zu groß.");
        }
        werte.putValue(feld.getKey(), w.asLong());
      } else if (w.isNumber()) {
        werte.putValue(feld.getKey(), w.asDouble());
      } else if (w.isBoolean()) {
        werte.putValue(feld.getKey(), w.asBoolean());
      } else if (w.isArray() && zeilen(w)) {
        // a dynamic list as Tasklist submits it: a JSON variable, so the case reads rows, not text
        werte.putValueTyped(feld.getKey(), SpinValues.jsonValue(w.toString()).create());
      } else if (w.isArray()) {
        werte.putValue(feld.getKey(), w.toString()); // a checklist as Tasklist submits it: JSON text
      } else {
        throw new IllegalArgumentException("Feld „" + feld.getKey() + "“: Text, Zahl, ja/nein oder Liste erwartet.");
      }
    }
    return werte;
  }

  /** Rows of a dynamic list: a list with an object or list in it (a checklist holds only values). */
  private static boolean zeilen(JsonNode liste) {
    for (JsonNode element : liste) {
      if (element.isContainerNode()) {
        return true;
      }
    }
    return false;
  }
}
