package de.hsk.ki.prozesse.einrichtungsberatung;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.plattform.formular.EingabeAbgelehnt;
import de.hsk.ki.plattform.zeit.Zeit;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests from the county's online service portal: the portal's technical account (group
 * {@value #GRUPPE}, HTTP Basic) submits the same structured request staff enter in the start form,
 * checked by the same rules, and learns the case number. The account may only start this process;
 * it reads nothing.
 */
@RestController
public class OnlineAnfragen {

  static final String PFAD = "/ki/einrichtungsberatung/anfragen";
  public static final String GRUPPE = "onlinedienst";
  private static final Logger LOG = LoggerFactory.getLogger(OnlineAnfragen.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final java.util.Set<java.net.InetAddress> portalAdressen;

  public OnlineAnfragen(ProcessEngine engine,
      @org.springframework.beans.factory.annotation.Value("${ki.prozesse.einrichtungsberatung.portal-adressen:}") String portalAdressen) {
    this.engine = engine;
    this.portalAdressen = new java.util.HashSet<>();
    for (String adresse : portalAdressen.split(",")) {
      if (!adresse.isBlank()) {
        try {
          this.portalAdressen.add(java.net.InetAddress.getByName(adresse.trim()));
        } catch (java.net.UnknownHostException e) {
          throw new IllegalArgumentException("ki.prozesse.einrichtungsberatung.portal-adressen: keine IP-Adresse: " + adresse, e);
        }
      }
    }
  }

  /** Only the portal's server may knock: a stranger can neither guess passwords here nor lock the portal's account. */
  private boolean vomPortal(jakarta.servlet.http.HttpServletRequest request) {
    try {
      return portalAdressen.contains(java.net.InetAddress.getByName(request.getRemoteAddr()));
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** The portal's group and its only rights: start this process. Operators add the account in Admin. */
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
    gewaehre(Resources.PROCESS_DEFINITION, Einrichtungsberatung.SCHLUESSEL, ProcessDefinitionPermissions.CREATE_INSTANCE);
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

  @PostMapping(value = PFAD, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> anfrage(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String anmeldung,
      @RequestBody(required = false) String koerper, jakarta.servlet.http.HttpServletRequest request) {
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
    VariableMap werte;
    try {
      werte = werte(koerper);
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(Map.of("meldung", e.getMessage()));
    }
    var definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(Einrichtungsberatung.SCHLUESSEL).latestVersion().singleResult();
    if (definition == null) {
      return ResponseEntity.status(503).body(Map.of("meldung", "Das KI nimmt derzeit keine Anfragen an. Bitte später erneut versuchen."));
    }
    EingabeAbgelehnt.vergessen();
    identity.setAuthentication(benutzer, gruppen);
    try {
      ProcessInstance fall = engine.getFormService().submitStartForm(definition.getId(), werte);
      LOG.info("Online request accepted as case {}", fall.getBusinessKey());
      Map<String, Object> antwort = new LinkedHashMap<>();
      antwort.put("aktenzeichen", fall.getBusinessKey());
      antwort.put("meldung", "Ihre Anfrage ist unter dem Aktenzeichen " + fall.getBusinessKey() + " eingegangen. "
          + "Das Kommunale Integrationszentrum meldet sich bei Ihnen.");
      return ResponseEntity.status(201).body(antwort);
    } catch (ProcessEngineException e) {
      var abgelehnt = EingabeAbgelehnt.zuletztAbgelehnt();
      if (abgelehnt.isEmpty()) {
        LOG.error("Online request not accepted: {}", e.getClass().getName());
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

  /** The request's fields as the start form submits them; the channel is always the portal. */
  private static VariableMap werte(String koerper) {
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
      } else if (w.isArray()) {
        werte.putValue(feld.getKey(), w.toString()); // a checklist as Tasklist submits it: JSON text
      } else {
        throw new IllegalArgumentException("Feld „" + feld.getKey() + "“: Text, Zahl, ja/nein oder Liste erwartet.");
      }
    }
    // received today through the portal: a backdated request would start overdue
    werte.putValue(Einrichtungsberatung.EINGANGSKANAL.name(), "ONLINE");
    werte.putValue(Einrichtungsberatung.EINGANGSDATUM.name(), Zeit.heute().toString());
    return werte;
  }
}
