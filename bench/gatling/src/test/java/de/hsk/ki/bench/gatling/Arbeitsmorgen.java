package de.hsk.ki.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * W5, a working morning (docs/benchmarks.md): each virtual staff member logs in to Tasklist and works
 * the list of their group with think times of 2–8 s between clicks, sending the requests Tasklist 7.24
 * and the county's Tasklist scripts send (scripts/ki/aufgabenliste.js): the list reloads every 10 s
 * (filter property "refresh"), the counts of all filters are fetched every 10 s. Requests are named
 * by click type; a click with several requests is a group of that name.
 *
 * <p>System properties: basis (URL of the application), nutzer (staff), rampe and dauer (s),
 * personal (CSV login,brief,formaufgabe: which login a virtual member uses, several may share one).
 */
public class Arbeitsmorgen extends Simulation {

  static final String BASIS = System.getProperty("basis", "http://127.0.0.1:8080");
  static final int NUTZER = Integer.getInteger("nutzer", 10);
  static final int RAMPE = Integer.getInteger("rampe", 10);
  static final int DAUER = Integer.getInteger("dauer", 30);
  static final String PERSONAL = System.getProperty("personal", "personal.csv");
  static final String PASSWORT = System.getProperty("passwort", "Sauerland-2026");

  static final String ENGINE = "/camunda/api/engine/engine/default";
  /** What the Tasklist SDK asks for on every call. */
  static final String HAL = "application/hal+json, application/json; q=0.5";
  static final String GRUPPENFILTER = "Aufgaben meiner Gruppe";
  /** Tasklist's list query; the county's script sorts by due date, the oldest first. */
  static final String LISTE = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"firstResult\":0,"
      + "\"maxResults\":15,\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";
  static final long AKTUALISIEREN_MS = 10_000;

  /** Camunda's CSRF token travels in the XSRF-TOKEN cookie; Tasklist copies it into the header of each change. */
  static final ChainBuilder TOKEN = exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")));

  static final ChainBuilder DENKEN = pause(Duration.ofSeconds(2), Duration.ofSeconds(8));

  static final ChainBuilder ANMELDEN = group("anmelden").on(
      exec(http("anmelden: Tasklist").get("/camunda/app/tasklist/default/").header("Accept", "text/html"))
          .exec(http("anmelden: Engines").get("/camunda/api/engine/engine/"))
          .exec(TOKEN)
          .exec(http("anmelden: Login").post("/camunda/api/admin/auth/user/default/login/tasklist")
              .header("X-XSRF-TOKEN", "#{xsrf}").header("Origin", BASIS)
              .formParam("username", "#{login}").formParam("password", PASSWORT))
          .exec(http("anmelden: Engines").get("/camunda/api/engine/engine/"))
          .exec(TOKEN));

  /** Tasklist's filter sidebar after loading. */
  static final ChainBuilder FILTER = group("filter").on(
      exec(http("filter: Anzahl").get(ENGINE + "/filter/count?itemCount=false&resourceType=Task"))
          .exec(http("filter: Liste").get(ENGINE + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task")
              .check(jsonPath("$[?(@.name == '" + GRUPPENFILTER + "')].id").saveAs("gruppenfilter"))));

  /**
   * The first page of the group's list; the unclaimed tasks on it are the ones a person would take.
   * If the filters did not load (an overloaded server), the person reloads the page first.
   */
  static final ChainBuilder LISTE_LADEN = doIf(s -> !s.contains("gruppenfilter")).then(FILTER).exec(TOKEN).group("liste").on(
      exec(http("liste").post(ENGINE + "/filter/#{gruppenfilter}/list?firstResult=0&maxResults=15")
          .header("X-XSRF-TOKEN", "#{xsrf}").header("Origin", BASIS).header("Content-Type", "application/json")
          .body(StringBody(LISTE))
          .check(jmesPath("_embedded.task[?assignee==null].id").ofList().optional().saveAs("frei"))));

  /** The county's script: the count of every filter the person sees, one after the other. */
  static final ChainBuilder ANZAHLEN = exec(TOKEN).group("anzahl-runde").on(
      exec(http("anzahl: Filter").get(ENGINE + "/filter?resourceType=Task").header("Accept", "application/json")
          .check(jsonPath("$[*].id").findAll().saveAs("filterIds")))
          .foreach("#{filterIds}", "filterId").on(
              exec(http("anzahl").post(ENGINE + "/filter/#{filterId}/count")
                  .header("X-XSRF-TOKEN", "#{xsrf}").header("Origin", BASIS).header("Accept", "application/json")
                  .header("Content-Type", "application/json").body(StringBody("{\"active\":true}")))));

  /** Every 10 s Tasklist reloads the list and the script counts; checked between clicks. */
  static final ChainBuilder TIMER = doIf(s -> System.currentTimeMillis() - s.getLong("aktualisiert") >= AKTUALISIEREN_MS).then(
      exec(LISTE_LADEN).exec(ANZAHLEN).exec(s -> s.set("aktualisiert", System.currentTimeMillis())));

  static final ChainBuilder AUFGABE = group("aufgabe").on(
      exec(http("aufgabe").get(ENGINE + "/task/#{aufgabe}")));

  /**
   * The form tab: the form reference; a Camunda Form is fetched as deployed form and filled from the
   * form variables, and the county's scripts ask for the case line and a saved draft. A task without
   * a form gets Tasklist's generic form, which asks for nothing more.
   */
  static final ChainBuilder FORMULAR = group("formular").on(
      exec(s -> s.remove("formRef"))
          .exec(http("formular: form").get(ENGINE + "/task/#{aufgabe}/form")
              .check(jsonPath("$.camundaFormRef.key").optional().saveAs("formRef")))
          .doIf(s -> s.contains("formRef")).then(
              exec(http("formular: deployed-form").get(ENGINE + "/task/#{aufgabe}/deployed-form"))
                  .exec(http("formular: form-variables").get(ENGINE + "/task/#{aufgabe}/form-variables?deserializeValues=false"))
                  .exec(http("formular: Fallzeile").get("/ki/aufgabe/#{aufgabe}/fall").header("Accept", "application/json"))
                  .exec(http("formular: Entwurf").get("/ki/entwuerfe/aufgabe/#{aufgabe}").header("Accept", "application/json")
                      .check(status().in(200, 204, 404)))));

  /** Take the task over and submit the form (the bench task has none: no variables); then the list reloads. */
  static final ChainBuilder ABSENDEN = exec(TOKEN).group("absenden").on(
      exec(http("absenden: übernehmen").post(ENGINE + "/task/#{aufgabe}/claim")
          .header("X-XSRF-TOKEN", "#{xsrf}").header("Origin", BASIS).header("Content-Type", "application/json")
          .body(StringBody("{\"userId\":\"#{login}\"}"))
          // another member of the group took it a moment earlier: Tasklist says so, the person picks another
          .check(status().in(204, 400, 409, 500).saveAs("uebernahme")))
          .doIf(s -> s.getInt("uebernahme") == 204).then(
              exec(http("absenden").post(ENGINE + "/task/#{aufgabe}/submit-form")
                  .header("X-XSRF-TOKEN", "#{xsrf}").header("Origin", BASIS).header("Content-Type", "application/json")
                  .body(StringBody("{\"variables\":{}}")).check(status().is(204)))))
      .exec(LISTE_LADEN);

  static final ChainBuilder BRIEF = group("brief").on(
      exec(http("brief").get("#{brief}").header("Accept", "text/html")));

  static Session freieAufgabe(Session s) {
    List<Object> frei = s.contains("frei") ? s.getList("frei") : List.of();
    return frei.isEmpty() ? s.remove("aufgabe") : s.set("aufgabe", frei.get(ThreadLocalRandom.current().nextInt(frei.size())));
  }

  /** A form task of a real case: open it, look at its letter, leave it for later. */
  static final ChainBuilder ECHTER_FALL = exec(s -> s.set("aufgabe", s.getString("formaufgabe")))
      .exec(AUFGABE).exec(DENKEN).exec(TIMER)
      .exec(FORMULAR).exec(DENKEN).exec(TIMER)
      .doIf(s -> !s.getString("brief").isEmpty()).then(exec(BRIEF).exec(DENKEN).exec(TIMER));

  /**
   * A bench task from the list: open it, its form, submit it. If a colleague completed it since the
   * list was loaded, Tasklist shows an error (counted as such) and the person goes back to the list.
   */
  static final ChainBuilder BESTANDSFALL = exec(Arbeitsmorgen::freieAufgabe)
      .doIfOrElse(s -> s.contains("aufgabe")).then(
          exitBlockOnFail().on(
              exec(AUFGABE).exec(DENKEN).exec(TIMER)
                  .exec(FORMULAR).exec(DENKEN).exec(TIMER)
                  .exec(ABSENDEN))
              .exec(DENKEN).exec(TIMER))
      .orElse(exec(DENKEN).exec(TIMER));

  final ScenarioBuilder morgen = scenario("Arbeitsmorgen")
      .feed(csv(PERSONAL).circular())
      .exec(ANMELDEN).exec(FILTER).exec(LISTE_LADEN).exec(ANZAHLEN)
      .exec(s -> s.set("aktualisiert", System.currentTimeMillis()))
      .exec(DENKEN)
      .forever().on(
          randomSwitchOrElse().on(
              percent(40.0).then(doIfOrElse(s -> !s.getString("formaufgabe").isEmpty()).then(ECHTER_FALL).orElse(BESTANDSFALL)))
              .orElse(BESTANDSFALL));

  final HttpProtocolBuilder protokoll = http.baseUrl(BASIS).acceptHeader(HAL).acceptLanguageHeader("de-DE,de;q=0.9")
      .userAgentHeader("Gatling W5 (Tasklist-Nachbildung)");

  {
    setUp(morgen.injectOpen(rampUsers(NUTZER).during(Duration.ofSeconds(RAMPE))))
        .protocols(protokoll)
        .maxDuration(Duration.ofSeconds(RAMPE + DAUER));
  }
}
