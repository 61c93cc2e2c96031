package de.hsk.ki.prozesse.seiteneinstieg;

import de.hsk.ki.plattform.partner.Partner;
import de.hsk.ki.plattform.partner.PartnerVerzeichnis;
import de.hsk.ki.plattform.partner.Schulform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Offers the schools of the partner directory in the assignment form (select with valuesKey
 * "schulOptionen", a process variable; the bean has another name, since a variable would shadow it so that later forms can show the chosen school by name): schools of the recommended school form in the child's municipality first.
 */
@Component("schulOptionenAnbieten")
public class SchulOptionen implements TaskListener {

  private final PartnerVerzeichnis verzeichnis;

  public SchulOptionen(PartnerVerzeichnis verzeichnis) {
    this.verzeichnis = verzeichnis;
  }

  @Override
  public void notify(DelegateTask task) {
    String schulform = Schulform.schulformDerSchule(Seiteneinstieg.EMPFOHLENE_SCHULFORM.von(task));
    String kommune = Seiteneinstieg.KOMMUNE.von(task);
    List<Map<String, String>> optionen = new ArrayList<>();
    verzeichnis.schulen().stream()
        .sorted(Comparator.comparing((Partner p) -> !p.schulform().equals(schulform))
            .thenComparing(p -> !p.kommune().equals(kommune))
            .thenComparing(Partner::name))
        .forEach(p -> {
          Map<String, String> option = new LinkedHashMap<>();
          option.put("label", p.name());
          option.put("value", p.schluessel());
          optionen.add(option);
        });
    task.setVariable(Seiteneinstieg.SCHUL_OPTIONEN.name(), Variables.objectValue(optionen)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }
}
