package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.identitaet.Filterbeitrag;
import de.hsk.ki.plattform.identitaet.KiGruppen;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The funding group's shared Tasklist filters: deadlines of the coming days and the steps of the second signature. */
@Configuration
public class Foerderfilter {

  public static final String FRISTEN = "Fristen diese Woche";
  public static final String GEGENZEICHNUNG = "Zur Gegenzeichnung";
  /** How far "diese Woche" looks ahead: today and the next seven days, to their end. */
  public static final int TAGE = 7;

  /** Steps a second person signs after the first (four-eyes rule of both models). */
  public static final Set<Foerderung.Element> ZWEITE_UNTERSCHRIFT = Set.of(
      Foerderung.Element.Task_BewilligungEntscheiden, Foerderung.Element.Task_AuszahlungAnordnen,
      Foerderung.Element.Task_PruefvermerkGegenzeichnen, Foerderung.Element.Task_RueckforderungEntscheiden,
      Foerderung.Element.Task_AenderungFreigeben,
      Foerderung.Element.Task_LandesantragZeichnen, Foerderung.Element.Task_VerteilungBeschliessen,
      Foerderung.Element.Task_SammelnachweisZeichnen);

  @Bean
  Filterbeitrag fristenDieseWoche() {
    TaskQueryImpl abfrage = new TaskQueryImpl();
    abfrage.processDefinitionKeyIn(Foerderung.ANTRAG, Foerderung.PROGRAMMJAHR);
    // the group's tasks including those already held: no expression inside an or-query (DESIGN.md,
    // known traps), and a task goes only to a member of its groups (Zuweisungsregel), so her own are among them
    abfrage.taskCandidateGroup(KiGruppen.FOERDERUNG);
    abfrage.includeAssignedTasks();
    // evaluated at each query, so the window moves with the day; overdue tasks stay in it
    abfrage.dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(" + (TAGE + 1) + ").toDate()}");
    abfrage.orderByDueDate().asc();
    return new Filterbeitrag(FRISTEN, "Förderanträge und Programmjahre: Fristen bis in " + TAGE + " Tagen, auch überfällige, "
        + "die nächste zuerst", 1, "#b36b00", abfrage, Set.of(KiGruppen.FOERDERUNG));
  }

  @Bean
  Filterbeitrag zurGegenzeichnung() {
    TaskQueryImpl abfrage = new TaskQueryImpl();
    abfrage.processDefinitionKeyIn(Foerderung.ANTRAG, Foerderung.PROGRAMMJAHR);
    abfrage.taskDefinitionKeyIn(ZWEITE_UNTERSCHRIFT.stream().map(Enum::name).sorted().toArray(String[]::new));
    // no group condition: each person sees the steps the engine lets her read (her group's, the management all)
    abfrage.orderByDueDate().asc();
    return new Filterbeitrag(GEGENZEICHNUNG, "Bewilligungen, Anordnungen, Prüfvermerke, Rückforderungen, Änderungsfreigaben und Zeichnungen "
        + "des Programmjahres, die eine zweite Person zeichnet", 2, "#5a3f8f", abfrage,
        Set.of(KiGruppen.FOERDERUNG, KiGruppen.LEITUNG));
  }
}
