package de.hsk.ki.prozesse.foerderung;

import de.hsk.ki.plattform.zeit.Zeit;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** What an application needs of its funding year: the local deadline, if the year is run in the engine. */
@Component
public class Programmjahre {

  private final RuntimeService laufzeit;

  public Programmjahre(@Lazy RuntimeService laufzeit) {
    this.laufzeit = laufzeit;
  }

  /** Whether the county runs this programme's year in the engine (budget, call, distribution). */
  public boolean laeuft(String programm, Long foerderjahr) {
    return programm != null && foerderjahr != null && laufzeit.createProcessInstanceQuery().processDefinitionKey(Foerderung.PROGRAMMJAHR)
        .variableValueEquals(Foerderung.PROGRAMM.name(), programm).variableValueEquals(Foerderung.FOERDERJAHR.name(), foerderjahr).count() > 0;
  }

  public Optional<LocalDate> lokaleAntragsfrist(String programm, Long foerderjahr) {
    if (programm == null || foerderjahr == null) {
      return Optional.empty();
    }
    return laufzeit.createProcessInstanceQuery().processDefinitionKey(Foerderung.PROGRAMMJAHR)
        .variableValueEquals(Foerderung.PROGRAMM.name(), programm).variableValueEquals(Foerderung.FOERDERJAHR.name(), foerderjahr)
        .list().stream().findFirst()
        .map(jahr -> Zeit.datum(laufzeit.getVariable(jahr.getId(), Foerderung.LOKALE_ANTRAGSFRIST.name())));
  }
}
