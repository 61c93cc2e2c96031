package de.hsk.ki.web;

import de.hsk.ki.plattform.identitaet.AngemeldeteBenutzer;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.web.Fehlerantwort;
import de.hsk.ki.web.Pfade;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The allow-list of the engine API (REST and the webapps' copy): staff may call exactly what
 * Tasklist and our own pages call ({@code ki/freigaben.txt}, recorded from the browser tests);
 * everything else is 403 for everyone but operators, so an endpoint a later engine release adds is
 * refused until someone lists it.
 */
public class Freigabeliste extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(Freigabeliste.class);
  public static final String TABELLE = "ki/freigaben.txt";
  /** The engine list of the webapps and of REST, then the engine-scoped prefixes. */
  private static final Pattern PRAEFIX = Pattern.compile(
      "^(?:/camunda/api/engine/engine/?$|/engine-rest/engine/?$|/camunda/api/engine/engine/[^/]+|/engine-rest/engine/[^/]+|/engine-rest)(.*)$");

  /** A row of the table: who, which method, which path ({} one segment). */
  public record Freigabe(String rolle, String methode, String vorlage, Pattern muster) {
    boolean erlaubt(String methode, String rest, Optional<AngemeldeteBenutzer.Benutzer> benutzer) {
      if (!this.methode.equals(methode) || !muster.matcher(rest).matches()) {
        return false;
      }
      return switch (rolle) {
        case "alle" -> true;
        case "angemeldet" -> benutzer.isPresent();
        default -> benutzer.map(b -> b.gruppen().contains(rolle)).orElse(false);
      };
    }
  }

  private final ProcessEngine engine;
  private final AngemeldeteBenutzer angemeldet;
  private final List<Freigabe> freigaben;
  private final Deque<String> abgelehnt = new ArrayDeque<>();

  public Freigabeliste(ProcessEngine engine, AngemeldeteBenutzer angemeldet, List<Freigabe> freigaben) {
    this.engine = engine;
    this.angemeldet = angemeldet;
    this.freigaben = List.copyOf(freigaben);
  }

  public static List<Freigabe> lese(InputStream tabelle) throws IOException {
    List<Freigabe> freigaben = new ArrayList<>();
    Set<String> rollen = Set.of("alle", "angemeldet");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(tabelle, StandardCharsets.UTF_8))) {
      String zeile;
      while ((zeile = in.readLine()) != null) {
        zeile = zeile.strip();
        if (zeile.isEmpty() || zeile.startsWith("#")) {
          continue;
        }
        String[] teile = zeile.split("\\s+");
        if (teile.length != 3 || !teile[2].startsWith("/")) {
          throw new IllegalStateException("Freigabeliste: Zeile unverständlich: " + zeile);
        }
        for (String rolle : teile[0].split(",")) {
          if (!rollen.contains(rolle) && KiGruppen.ALLE.stream().noneMatch(g -> g.id().equals(rolle))) {
            throw new IllegalStateException("Freigabeliste: unbekannte Rolle " + rolle);
          }
          String regex = "^" + Pattern.quote(teile[2]).replace("{}", "\\E[^/]+\\Q").replace("/**", "\\E(?:/.*)?\\Q") + "/?$";
          freigaben.add(new Freigabe(rolle, teile[1], teile[2], Pattern.compile(regex)));
        }
      }
    }
    return freigaben;
  }

  public List<Freigabe> freigaben() {
    return freigaben;
  }

  /** The most recent refused calls (method and path, no query), newest last: what a new release or page would need. */
  public synchronized List<String> abgelehnt() {
    return List.copyOf(abgelehnt);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = PRAEFIX.matcher(Pfade.von(request));
    String rest = m.matches() ? (m.group(1) == null || m.group(1).isEmpty() ? "/engine" : m.group(1)) : null;
    var benutzer = angemeldet.aufrufer(request, engine.getIdentityService());
    if (benutzer.map(b -> b.gruppen().contains(KiGruppen.BETRIEB)).orElse(false)) {
      chain.doFilter(request, response);
      return;
    }
    String methode = request.getMethod();
    if (rest != null && freigaben.stream().anyMatch(f -> f.erlaubt(methode, rest, benutzer))) {
      LOG.debug("API call allowed: {} {}", methode, rest);
      chain.doFilter(request, response);
      return;
    }
    String aufruf = methode + " " + (rest == null ? Pfade.von(request) : rest);
    LOG.warn("API call outside the allow-list refused: {}", Pfade.fuerProtokoll(aufruf));
    synchronized (this) {
      abgelehnt.addLast(aufruf);
      while (abgelehnt.size() > 200) {
        abgelehnt.removeFirst();
      }
    }
    Fehlerantwort.schreiben(response, 403, "Zugriffsfehler",
        "Diese Funktion ist für Ihre Rolle nicht freigegeben. Bitte wenden Sie sich an den Betrieb, wenn Sie sie brauchen.",
        Map.of());
  }
}
