package de.hsk.ki.prozesse.abstimmung;

import de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung;
import de.hsk.ki.plattform.fall.Listen;
import de.hsk.ki.plattform.formular.Auswahloptionen;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.prozess.Variable;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listeners and service tasks of the coordination process, each a small bean the model names. */
@Configuration
public class AbstimmungAblauf {

  /** Groups whose members may moderate a coordination case. */
  static final List<String> MODERATION = List.of(KiGruppen.LEITUNG, KiGruppen.SOZIALARBEIT, KiGruppen.LEHRKRAEFTE, KiGruppen.VERWALTUNG);

  /** Start: the case in the register of coordination cases; no adjournment yet. */
  @Bean
  ExecutionListener abstimmungAnlegen(Abstimmungsfaelle faelle, Bedarfsangaben angaben) {
    return execution -> {
      Abstimmung.BEDARF_UEBERSICHT.setze(execution, angaben.uebersicht(execution));
      faelle.anlegen(execution.getProcessBusinessKey(), Abstimmung.TITEL.von(execution), Abstimmung.ART.von(execution),
          Abstimmung.THEMA.von(execution), Listen.alsStrings(execution.getVariable(Abstimmung.RECHTSKREISE.name())),
          Listen.alsStrings(execution.getVariable(Abstimmung.KOMMUNEN.name())));
      Abstimmung.ANZAHL_VERTAGUNGEN.setze(execution, 0L);
      Abstimmung.OHNE_RUECKMELDUNG.setze(execution, 0L);
      Abstimmung.LANDESRECHT_BETROFFEN.setze(execution, false); // an input of the escalation table before any consolidation
      Abstimmung.ANFRAGE_ANPASSEN.setze(execution, false);
    };
  }

  /** Pre-check: staff of the KI to moderate, authorities to hand the need over to. */
  @Bean
  TaskListener abstimmungOptionen(PartnerVerzeichnis verzeichnis) {
    return task -> {
      Map<String, String> moderation = new LinkedHashMap<>();
      OhneBerechtigungspruefung.ausfuehren(() -> {
        for (String gruppe : MODERATION) {
          for (User u : task.getProcessEngineServices().getIdentityService().createUserQuery().memberOfGroup(gruppe)
              .orderByUserLastName().asc().list()) {
            moderation.putIfAbsent(u.getId(), u.getFirstName() + " " + u.getLastName());
          }
        }
        return null;
      });
      Auswahloptionen.anAufgabe(task, Abstimmung.MODERATION_OPTIONEN, moderation);
      Map<String, String> stellen = new LinkedHashMap<>();
      verzeichnis.stellen().forEach(p -> stellen.put(p.schluessel(), p.name()));
      Auswahloptionen.anAufgabe(task, Abstimmung.STELLEN_OPTIONEN, stellen);
    };
  }

  /** Pre-check done: the kind as confirmed by coordination goes into the register. */
  @Bean
  TaskListener vorpruefungErfassen(Abstimmungsfaelle faelle, Bedarfsangaben angaben) {
    return task -> {
      faelle.art(task.getExecution().getProcessBusinessKey(), Abstimmung.ART.von(task));
      Abstimmung.BEDARF_UEBERSICHT.setze(task, angaben.uebersicht(task));
    };
  }

  /** Every end: the outcome for the annual figures. */
  @Bean
  ExecutionListener abstimmungAbschluss(Abstimmungsfaelle faelle) {
    return execution -> {
      String abschluss = switch (Abstimmung.Element.valueOf(execution.getCurrentActivityId())) {
        case Event_Abgegeben -> "ABGEGEBEN";
        case Event_Abgelehnt -> "ABGELEHNT";
        case Event_OhneEinigungBeendet -> "OHNE_EINIGUNG";
        case Event_Umgesetzt -> "UMGESETZT";
        case Event_WegenZeitablaufGeschlossen -> "ZEITABLAUF";
        default -> throw new IllegalStateException("Kein Abschluss: " + execution.getCurrentActivityId());
      };
      Abstimmung.ABSCHLUSS.setze(execution, abschluss);
      faelle.abschliessen(execution.getProcessBusinessKey(), abschluss);
    };
  }

  /** Case-related: without consent the discussion is anonymised and no person's data is kept. */
  @Bean
  TaskListener abstimmungPerson() {
    return task -> {
      if ("EINWILLIGUNG".equals(Abstimmung.RECHTSGRUNDLAGE.von(task))) {
        LocalDate geburtsdatum = Abstimmung.GEBURTSDATUM.von(task);
        Abstimmung.ALTER.setze(task, (long) Period.between(geburtsdatum, Zeit.heute()).getYears());
        Abstimmung.EINWILLIGUNGEN_UEBERSICHT.setze(task, "Noch keine Einwilligungen erfasst.");
      } else {
        for (Variable<?> v : List.of(Abstimmung.VORNAME, Abstimmung.NACHNAME, Abstimmung.GEBURTSDATUM)) {
          task.getExecution().removeVariable(v.name());
        }
      }
    };
  }

  /** Decision_AB_Akteure for every legal domain and municipality; only authorities the directory knows. */
  @Bean
  JavaDelegate akteureVorschlagen(PartnerVerzeichnis verzeichnis) {
    return execution -> {
      Set<String> vorschlag = new LinkedHashSet<>();
      List<String> kommunen = Listen.alsStrings(execution.getVariable(Abstimmung.KOMMUNEN.name()));
      for (String rechtskreis : Listen.alsStrings(execution.getVariable(Abstimmung.RECHTSKREISE.name()))) {
        for (String kommune : kommunen) {
          List<Object> akteure = OhneBerechtigungspruefung.ausfuehren(() -> execution.getProcessEngineServices().getDecisionService()
              .evaluateDecisionTableByKey(Abstimmung.ENTSCHEIDUNG_AKTEURE)
              .variables(Variables.createVariables().putValue("rechtskreis", rechtskreis).putValue("kommune", kommune))
              .evaluate().collectEntries("akteur"));
          akteure.forEach(a -> vorschlag.add(String.valueOf(a)));
        }
      }
      List<String> bekannt = vorschlag.stream().filter(s -> verzeichnis.finde(s).isPresent()).toList();
      execution.setVariable(Abstimmung.BETEILIGTE.name(), json(new ArrayList<>(bekannt)));
    };
  }

  /** Participants' form: the proposal first, then every other office of the directory. */
  @Bean
  TaskListener stellenAnbieten(PartnerVerzeichnis verzeichnis) {
    return task -> {
      Map<String, String> stellen = new LinkedHashMap<>();
      for (String s : Listen.alsStrings(task.getVariable(Abstimmung.BETEILIGTE.name()))) {
        stellen.put(s, verzeichnis.finde(s).map(Partner::name).orElse(s) + " (vorgeschlagen)");
      }
      verzeichnis.stellen().forEach(p -> stellen.putIfAbsent(p.schluessel(), p.name()));
      Auswahloptionen.anAufgabe(task, Abstimmung.STELLEN_OPTIONEN, stellen);
    };
  }

  /** Participants fixed: one participation each, with the deadline of the form. */
  @Bean
  TaskListener beteiligungenAnlegen(Beteiligungen beteiligungen) {
    return task -> {
      List<String> stellen = Listen.alsStrings(task.getVariable(Abstimmung.BETEILIGTE.name()));
      beteiligungen.anlegen(task.getExecution().getProcessBusinessKey(), stellen, Abstimmung.STELLUNGNAHME_BIS.von(task));
      // the loop reads a plain list, whatever the form submitted
      task.setVariable(Abstimmung.BETEILIGTE.name(), json(new ArrayList<>(stellen)));
    };
  }

  /**
   * One authority's turn: its request (questions, deadline) lives in its own scope, a copy of the
   * common one, so that adapting it for this authority changes no other.
   */
  @Bean
  ExecutionListener anfrageVorbereiten(Beteiligungen beteiligungen) {
    return execution -> {
      String stelle = Abstimmung.BETEILIGTER.von(execution);
      execution.setVariableLocal(Abstimmung.FRAGEN.name(), Abstimmung.FRAGEN.von(execution));
      execution.setVariableLocal(Abstimmung.STELLUNGNAHME_BIS.name(), execution.getVariable(Abstimmung.STELLUNGNAHME_BIS.name()));
      execution.setVariableLocal(Abstimmung.BETEILIGTER_NAME.name(), beteiligungen.name(stelle));
      // what the building blocks hand back stays with this authority, not the whole case
      execution.setVariableLocal(Abstimmung.ESKALATIONSMASSNAHME.name(), null);
    };
  }

  /** Adapted request: its deadline is the one reminders, the overview and the task use. */
  @Bean
  TaskListener anfrageAngepasst(Beteiligungen beteiligungen) {
    return task -> beteiligungen.frist(task.getExecution().getProcessBusinessKey(), Abstimmung.BETEILIGTER.von(task),
        Abstimmung.STELLUNGNAHME_BIS.von(task));
  }

  /** A statement recorded (by staff from the reply, or by the Schulamt itself). */
  @Bean
  TaskListener stellungnahmeErfassen(Beteiligungen beteiligungen) {
    return task -> beteiligungen.stellungnahme(task.getExecution().getProcessBusinessKey(), Abstimmung.BETEILIGTER.von(task),
        Abstimmung.EINGANG_AM.von(task), Abstimmung.ZUSTIMMUNG.von(task), Abstimmung.POSITION.von(task),
        Abstimmung.BEITRAEGE.von(task), benutzer(task));
  }

  @Bean
  JavaDelegate keineRueckmeldungVermerken(Beteiligungen beteiligungen) {
    return execution -> beteiligungen.status(execution.getProcessBusinessKey(), Abstimmung.BETEILIGTER.von(execution),
        Beteiligungen.KEINE_RUECKMELDUNG);
  }

  @Bean
  JavaDelegate ohneEinwilligungVermerken(Beteiligungen beteiligungen) {
    return execution -> beteiligungen.status(execution.getProcessBusinessKey(), Abstimmung.BETEILIGTER.von(execution),
        Beteiligungen.OHNE_EINWILLIGUNG);
  }

  /** Consolidation: the statements as read, and how many authorities stayed silent (for the escalation table). */
  @Bean
  TaskListener stellungnahmenZusammenstellen(Beteiligungen beteiligungen) {
    return task -> {
      String aktenzeichen = task.getExecution().getProcessBusinessKey();
      // on the task only: later tasks (a measure owner's, say) do not carry the authorities' positions
      task.setVariableLocal(Abstimmung.STELLUNGNAHMEN_UEBERSICHT.name(), beteiligungen.uebersicht(aktenzeichen));
      Abstimmung.OHNE_RUECKMELDUNG.setze(task, beteiligungen.ohneRueckmeldung(aktenzeichen));
    };
  }

  @Bean
  TaskListener vertagungenZaehlen() {
    return task -> {
      if ("VERTAGT".equals(Abstimmung.TERMIN_ERGEBNIS.von(task))) {
        Long bisher = Abstimmung.ANZAHL_VERTAGUNGEN.von(task);
        Abstimmung.ANZAHL_VERTAGUNGEN.setze(task, (bisher == null ? 0 : bisher) + 1);
      }
    };
  }

  /** Owners of a measure: a KI group or one of the participating authorities. */
  @Bean
  TaskListener verantwortlicheAnbieten(Beteiligungen beteiligungen, Massnahmen massnahmen) {
    return task -> {
      task.setVariableLocal(Abstimmung.MASSNAHMEN_UEBERSICHT.name(), massnahmen.uebersicht(task.getExecution().getProcessBusinessKey()));
      Map<String, String> optionen = new LinkedHashMap<>();
      List<String> gruppen = new ArrayList<>();
      if ("FALLBEZOGEN".equals(Abstimmung.ART.von(task))) {
        // a measure task carries the case's variables, the person's among them: only the moderator's team and coordination
        gruppen.add(beteiligungen.gruppeDer(Abstimmung.MODERATION.von(task)));
        if (!gruppen.contains(KiGruppen.LEITUNG)) {
          gruppen.add(KiGruppen.LEITUNG);
        }
      } else {
        gruppen.addAll(List.of(KiGruppen.VERWALTUNG, KiGruppen.LEHRKRAEFTE, KiGruppen.SOZIALARBEIT, KiGruppen.LEITUNG, KiGruppen.FOERDERUNG));
      }
      for (String gruppe : gruppen) {
        optionen.put(Massnahmen.KI + gruppe, Massnahmen.gruppen().get(gruppe));
      }
      for (String stelle : beteiligungen.einzuladen(task.getExecution())) {
        optionen.put(Massnahmen.PARTNER + stelle, beteiligungen.name(stelle));
      }
      Auswahloptionen.anAufgabe(task, Abstimmung.VERANTWORTLICH_OPTIONEN, optionen);
    };
  }

  @Bean
  TaskListener massnahmeErfassen(Massnahmen massnahmen) {
    return task -> {
      massnahmen.erfasse(task.getExecution().getProcessBusinessKey(), Abstimmung.MASSNAHME_WAS.von(task),
          Abstimmung.MASSNAHME_WER.von(task), Abstimmung.MASSNAHME_BIS.von(task), Abstimmung.MASSNAHME_FINANZIERUNG.von(task),
          Abstimmung.ERFOLGSKRITERIUM.von(task), benutzer(task));
    };
  }

  @Bean
  TaskListener massnahmenstandErfassen(Massnahmen massnahmen) {
    return task -> massnahmen.stand(Long.parseLong(Abstimmung.MASSNAHME.von(task)), Abstimmung.STAND.von(task),
        Abstimmung.NEUES_DATUM.von(task), Abstimmung.STAND_NOTIZ.von(task), benutzer(task));
  }

  @Bean
  TaskListener massnahmenZusammenstellen(Massnahmen massnahmen) {
    return task -> task.setVariableLocal(Abstimmung.MASSNAHMEN_UEBERSICHT.name(), massnahmen.uebersicht(task.getExecution().getProcessBusinessKey()));
  }

  /** Options of a select or checklist, on the task only: they are for this form, not for the case. */


  private static Object json(Object wert) {
    return Variables.objectValue(wert).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }

  private static String benutzer(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null ? auth.getUserId() : task.getAssignee();
  }
}
