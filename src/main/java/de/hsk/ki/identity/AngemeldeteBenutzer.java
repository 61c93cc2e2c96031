package de.hsk.ki.identity;

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
