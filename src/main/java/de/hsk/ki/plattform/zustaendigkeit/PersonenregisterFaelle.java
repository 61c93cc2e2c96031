package de.hsk.ki.plattform.zustaendigkeit;

import de.hsk.ki.plattform.person.Personenregister;
import java.util.List;
import org.springframework.stereotype.Component;

/** The earlier cases of a case's person, from the person register. */
@Component
class PersonenregisterFaelle implements FruehereFaelle {

  private final Personenregister register;

  PersonenregisterFaelle(Personenregister register) {
    this.register = register;
  }

  @Override
  public List<String> faelleDerselbenPerson(String aktenzeichen) {
    return register.personZumFall(aktenzeichen).map(register::faelleDerPerson).orElse(List.of());
  }
}
