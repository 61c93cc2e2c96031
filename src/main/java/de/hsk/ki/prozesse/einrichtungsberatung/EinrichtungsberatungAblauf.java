package de.hsk.ki.prozesse.einrichtungsberatung;

import static de.hsk.ki.prozesse.einrichtungsberatung.Einrichtungsberatung.*;

import de.hsk.ki.plattform.formular.Auswahloptionen;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerTyp;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.prozess.OhneBerechtigungspruefung;
import de.hsk.ki.plattform.prozess.Variable;
import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listeners and service tasks of the advice process, each a small bean the model names. */
@Configuration
public class EinrichtungsberatungAblauf {

  /** Groups whose members give sessions. */
  static final List<String> REFERENTEN = List.of(KiGruppen.LEHRKRAEFTE, KiGruppen.SOZIALARBEIT, KiGruppen.LEITUNG, KiGruppen.VERWALTUNG);
  /** The priority Tasklist sorts urgent tasks by; the engine's default is 50. */
  static final int DRINGEND = 80;

  /** Start: the institution from the partner directory (or added to it), the register row, the request in words. */
  @Bean
  ExecutionListener einrichtungsberatungAnlegen(PartnerVerzeichnis verzeichnis, Beratungsfaelle faelle, Anfragetext angaben) {
    return execution -> {
      Partner partner = verzeichnis.einrichtungFuerFall(execution.getProcessBusinessKey(), EINRICHTUNG.von(execution),
          KOMMUNE.von(execution), verzeichneteTypen(EINRICHTUNGSTYP.von(execution)), EMAIL.von(execution), ANSCHRIFT.von(execution));
      EINRICHTUNG_PARTNER.setze(execution, partner.schluessel());
      faelle.anlegen(execution.getProcessBusinessKey(), EINRICHTUNG.von(execution), EINRICHTUNGSTYP.von(execution),
          KOMMUNE.von(execution), THEMA.von(execution), FORMAT.von(execution));
      ANFRAGE_UEBERSICHT.setze(execution, angaben.uebersicht(execution));
    };
  }

  /** Institutions the county's directory lists itself (schools, youth-welfare offices); others are kept per case. */
  static java.util.Set<PartnerTyp> verzeichneteTypen(String einrichtungstyp) {
    return switch (einrichtungstyp == null ? "" : einrichtungstyp) {
      case "SCHULE_GRUND", "SCHULE_WEITERFUEHREND", "BERUFSKOLLEG" -> java.util.Set.of(PartnerTyp.SCHULE);
      case "JUGENDAMT" -> java.util.Set.of(PartnerTyp.JUGENDAMT);
      default -> java.util.Set.of();
    };
  }

  /** Decision_EB_Triage: its outputs as variables of the case, the first-contact deadline as a day. */
  @Bean
  ExecutionListener triageUebernehmen(Beratungsfaelle faelle, Beratungstermine termine, Anfragetext angaben) {
    return execution -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> ergebnis = (Map<String, Object>) execution.getVariable(TRIAGE.name());
      TEAM.setze(execution, (String) ergebnis.get(TEAM.name()));
      ANGEBOTSTYP.setze(execution, (String) ergebnis.get(ANGEBOTSTYP.name()));
      VERWEIS_STELLE.setze(execution, (String) ergebnis.get(VERWEIS_STELLE.name()));
      String frist = (String) ergebnis.get(FRIST_ERSTKONTAKT.name());
      FRIST_ERSTKONTAKT.setze(execution, frist);
      LocalDate eingang = EINGANGSDATUM.von(execution);
      FRIST_ERSTKONTAKT_BIS.setze(execution, termine.erstkontaktBis(eingang == null ? Zeit.heute() : eingang, frist));
      execution.removeVariable(TRIAGE.name());
      ANFRAGE_UEBERSICHT.setze(execution, angaben.uebersicht(execution));
      faelle.zugeordnet(execution.getProcessBusinessKey(), TEAM.von(execution), ANGEBOTSTYP.von(execution));
    };
  }

  @Bean
  TaskListener bedarfGeklaert(Beratungsfaelle faelle) {
    return task -> faelle.erstkontakt(task.getExecution().getProcessBusinessKey(), GESPRAECH_AM.von(task));
  }

  /** Off the waiting list: the first contact is due again within the triage's period. */
  @Bean
  ExecutionListener wartelisteBeendet(Beratungstermine termine) {
    return execution -> FRIST_ERSTKONTAKT_BIS.setze(execution, termine.erstkontaktBis(Zeit.heute(), FRIST_ERSTKONTAKT.von(execution)));
  }

  /** The deadline day of the first contact: the team's task moves up and says why. */
  @Bean
  JavaDelegate erstkontaktErinnern() {
    return execution -> {
      var tasks = execution.getProcessEngineServices().getTaskService();
      for (Task t : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(Element.Task_BedarfKlaeren.name()).list()) {
        tasks.setPriority(t.getId(), DRINGEND);
        tasks.createComment(t.getId(), execution.getProcessInstanceId(),
            "Die Frist für den Erstkontakt endet heute. Ohne Kontakt wird die Leitung nach der Nachfrist einbezogen.");
      }
    };
  }

  /** Agree the offer: KI staff who can give the session. */
  @Bean
  TaskListener referentenAnbieten() {
    return task -> {
      Map<String, String> personen = new LinkedHashMap<>();
      OhneBerechtigungspruefung.ausfuehren(() -> {
        for (String gruppe : REFERENTEN) {
          for (User u : task.getProcessEngineServices().getIdentityService().createUserQuery().memberOfGroup(gruppe)
              .orderByUserLastName().asc().list()) {
            personen.putIfAbsent(u.getId(), u.getFirstName() + " " + u.getLastName() + " (" + KiGruppen.name(gruppe) + ")");
          }
        }
        return null;
      });
      Auswahloptionen.anAufgabe(task, REFERENT_OPTIONEN, personen);
    };
  }

  /**
   * A session documented: its counts into the register; the next session, if one is agreed, becomes
   * the case's date. The session's fields are local to its task, so the next form starts empty.
   */
  @Bean
  TaskListener terminDokumentiert(Beratungsfaelle faelle) {
    return task -> {
      String aktenzeichen = task.getExecution().getProcessBusinessKey();
      if ("JA".equals(STATTGEFUNDEN.von(task))) {
        faelle.termin(aktenzeichen, DURCHGEFUEHRT_AM.von(task), DAUER_MINUTEN.von(task), TEILNEHMENDE_GESAMT.von(task));
      }
      if (Boolean.TRUE.equals(WEITERER_TERMIN.von(task))) {
        TERMIN.setze(task.getExecution(), NAECHSTER_TERMIN.von(task));
        UHRZEIT.setze(task.getExecution(), NAECHSTE_UHRZEIT.von(task));
      }
      // the gateway after the task reads the decisions in the case's scope; the task's own copies end with it
      var fall = task.getExecution().getProcessInstance();
      fall.setVariable(WEITERER_TERMIN.name(), Boolean.TRUE.equals(WEITERER_TERMIN.von(task)) && !"ABGESAGT".equals(STATTGEFUNDEN.von(task)));
      fall.setVariable(ANGEBOT_ABGESAGT.name(), "ABGESAGT".equals(STATTGEFUNDEN.von(task)));
    };
  }

  @Bean
  TaskListener evaluationErfasst(Beratungsfaelle faelle) {
    return task -> {
      EVALUATION.setze(task, "EINGEGANGEN");
      faelle.evaluation(task.getExecution().getProcessBusinessKey(), Integer.valueOf(ZUFRIEDENHEIT.von(task)), Integer.valueOf(NUTZEN.von(task)));
    };
  }

  @Bean
  JavaDelegate keineRueckmeldung() {
    return execution -> {
      EVALUATION.setze(execution, "KEINE_RUECKMELDUNG");
      FOLGEBEDARF.setze(execution, false);
    };
  }

  /** Follow-up need: a new request with the institution's data, linked by this case number. */
  @Bean
  JavaDelegate folgeanfrageAnlegen() {
    return execution -> {
      VariableMap v = Variables.createVariables();
      for (Variable<?> feld : List.of(EINRICHTUNG, EINRICHTUNGSTYP, SCHULFORM, TRAEGER, KOMMUNE, ANSCHRIFT, ANSPRECHPERSON, FUNKTION,
          TELEFON, EMAIL)) {
        Object wert = execution.getVariable(feld.name());
        if (wert != null) {
          v.putValue(feld.name(), wert);
        }
      }
      v.putValue(ZIELGRUPPE.name(), execution.getVariableTyped(ZIELGRUPPE.name()));
      v.putValue(EINGANGSKANAL.name(), "EMAIL");
      v.putValue(EINGANGSDATUM.name(), Zeit.heute().toString());
      v.putValue(THEMA.name(), FOLGE_THEMA.von(execution));
      v.putValue(FORMAT.name(), FOLGE_FORMAT.von(execution));
      v.putValue(ANLIEGEN.name(), "Folgebedarf aus der Evaluation der Anfrage " + execution.getProcessBusinessKey() + ".");
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      var folge = runtime.createProcessInstanceByKey(SCHLUESSEL).setVariables(v).execute();
      runtime.setVariable(folge.getId(), VORGAENGER.name(), execution.getProcessBusinessKey());
    };
  }

  /** Every end: the outcome for the annual figures; the participants' names go (they served the certificates only). */
  @Bean
  ExecutionListener einrichtungsberatungAbschluss(Beratungsfaelle faelle, Materialkatalog katalog) {
    return execution -> {
      String abschluss = switch (Element.valueOf(execution.getCurrentActivityId())) {
        case Event_Verwiesen -> "VERWIESEN";
        case Event_ZurFoerderung -> "FOERDERUNG";
        case Event_MaterialZurueck -> "STORNIERT".equals(AUSGABE.von(execution)) ? "ABGESAGT" : "MATERIAL";
        case Event_KeinBedarf -> "KEIN_BEDARF";
        case Event_Abgelehnt -> "ABGELEHNT";
        case Event_Abgesagt -> "ABGESAGT";
        case Event_Durchgefuehrt -> "DURCHGEFUEHRT";
        case Event_WegenZeitablaufGeschlossen -> "ZEITABLAUF";
        default -> throw new IllegalStateException("Kein Abschluss: " + execution.getCurrentActivityId());
      };
      ABSCHLUSS.setze(execution, abschluss);
      faelle.abschliessen(execution.getProcessBusinessKey(), abschluss);
      katalog.stornieren(execution.getProcessBusinessKey());
    };
  }

  /**
   * Whenever the case ends (also cancelled by an operator): the participants' names served the
   * certificates only and go from the case and its history – the variable's history and the form
   * submissions the engine records beside it. After the commit, so that rows written by this very
   * transaction (a last form submitted as the case ends) are gone too.
   */
  @Bean
  ExecutionListener teilnehmendeNamenLoeschen(org.springframework.jdbc.core.JdbcTemplate jdbc) {
    return execution -> {
      String fall = execution.getProcessInstanceId();
      Runnable loeschen = () -> {
        jdbc.update("DELETE FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ? AND NAME_ = ?", fall, TEILNEHMENDE_NAMEN.name());
        jdbc.update("DELETE FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ = ?", fall, TEILNEHMENDE_NAMEN.name());
      };
      if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
            new org.springframework.transaction.support.TransactionSynchronization() {
              @Override
              public void afterCommit() {
                loeschen.run();
              }
            });
      } else {
        loeschen.run();
      }
    };
  }

  @Bean
  TaskListener materialAnbieten(Materialkatalog katalog) {
    return task -> Auswahloptionen.anAufgabe(task, MATERIAL_OPTIONEN, katalog.optionen());
  }

  @Bean
  TaskListener materialReservieren(Materialkatalog katalog) {
    return task -> {
      String aktenzeichen = task.getExecution().getProcessBusinessKey();
      katalog.reservieren(aktenzeichen, Long.parseLong(MATERIAL.von(task)), AUSLEIHE_VON.von(task), AUSLEIHE_BIS.von(task));
      katalog.ausleihe(aktenzeichen).ifPresent(a ->
          MATERIAL_TEXT.setze(task.getExecution(), a.bezeichnung() + " (Inv.-Nr. " + a.inventarnummer() + ")"));
    };
  }

  @Bean
  TaskListener materialAusgegeben(Materialkatalog katalog) {
    return task -> {
      String aktenzeichen = task.getExecution().getProcessBusinessKey();
      if ("AUSGEGEBEN".equals(AUSGABE.von(task))) {
        katalog.ausgeben(aktenzeichen, AUSGEGEBEN_AM.von(task));
      } else {
        katalog.stornieren(aktenzeichen);
      }
    };
  }

  @Bean
  TaskListener materialZurueck(Materialkatalog katalog) {
    return task -> katalog.zuruecknehmen(task.getExecution().getProcessBusinessKey(), ZURUECK_AM.von(task), ZUSTAND.von(task));
  }

}
