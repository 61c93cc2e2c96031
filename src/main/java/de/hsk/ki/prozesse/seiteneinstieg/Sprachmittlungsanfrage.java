package de.hsk.ki.prozesse.seiteneinstieg;

import com.fasterxml.jackson.databind.JsonNode;
import de.hsk.ki.plattform.formular.EingabePruefung;
import de.hsk.ki.plattform.formular.Formularregel;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * A case of a model before 1.4.0 has no request to the interpreter pool: its invitation shows the
 * newest form, so "Pool anfragen" would be accepted and then nothing sent. The server says so and
 * asks the clerk to book directly.
 */
@Component
public class Sprachmittlungsanfrage implements Formularregel {

  static final String EINLADUNG = "form_se_einladung";

  @Override
  public boolean gilt(String formularId) {
    return EINLADUNG.equals(formularId);
  }

  @Override
  public List<EingabePruefung.Fehler> pruefe(Map<String, JsonNode> eingaben, VariableScope fall) {
    if ("POOL".equals(Formularregel.text(eingaben, Seiteneinstieg.SPRACHMITTLUNG_UEBER.name())) && fall != null
        && !Boolean.TRUE.equals(fall.getVariable(Seiteneinstieg.POOLANFRAGE_MOEGLICH.name()))) {
      return List.of(new EingabePruefung.Fehler(Seiteneinstieg.SPRACHMITTLUNG_UEBER.name(),
          "Sprachmittlung über: in diesem älteren Fall fragt die Anwendung den Pool nicht an. Bitte den Pool selbst "
              + "anfragen und „anderweitig gebucht“ wählen."));
    }
    return List.of();
  }
}
