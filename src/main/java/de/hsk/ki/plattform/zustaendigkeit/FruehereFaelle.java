package de.hsk.ki.plattform.zustaendigkeit;

import java.util.List;

/**
 * The cases of the same person as a case, oldest first (the case itself included or not): where the
 * earlier caseworker comes from. Provided by the person register (issue 17); without it no earlier
 * caseworker is known.
 */
public interface FruehereFaelle {

  List<String> faelleDerselbenPerson(String aktenzeichen);
}
