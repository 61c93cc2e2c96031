package de.hsk.ki.plattform.identitaet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/** The member of staff logged in to the Camunda webapps, for our own pages beside Tasklist. */
@Component
public class AngemeldeteBenutzer {

  public record Benutzer(String id, List<String> gruppen) {}

  /**
   * The caller of an API request: the user the REST authentication has set on the engine, or else
   * the user of the webapp session.
   */
  public Optional<Benutzer> aufrufer(HttpServletRequest request, org.camunda.bpm.engine.IdentityService identity) {
    org.camunda.bpm.engine.impl.identity.Authentication rest = identity.getCurrentAuthentication();
    if (rest != null && rest.getUserId() != null) {
      return Optional.of(new Benutzer(rest.getUserId(), rest.getGroupIds() == null ? List.of() : List.copyOf(rest.getGroupIds())));
    }
    return aus(request);
  }

  public Optional<Benutzer> aus(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Object attribut = session.getAttribute("authenticatedUser");
    if (!(attribut instanceof Authentications auths)) {
      return Optional.empty();
    }
    Authentication auth = auths.getAuthenticationForProcessEngine("default");
    if (auth instanceof UserAuthentication user && user.getIdentityId() != null) {
      return Optional.of(new Benutzer(user.getIdentityId(), List.copyOf(user.getGroupIds())));
    }
    return Optional.empty();
  }
}
