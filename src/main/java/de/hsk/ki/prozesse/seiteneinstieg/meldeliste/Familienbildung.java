package de.hsk.ki.prozesse.seiteneinstieg.meldeliste;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which rows of a list are one family (pure, for the preview and its tests). */
final class Familienbildung {

  private Familienbildung() {}

  /**
   * The families the list implies: rows with the same guardians and address, or the same surname and
   * address, are one family (transitively). Returns the group number (1…) of each row.
   */
  static int[] gruppen(List<Meldezeile> zeilen) {
    int n = zeilen.size();
    int[] eltern = new int[n];
    for (int i = 0; i < n; i++) {
      eltern[i] = i;
    }
    Map<String, Integer> erste = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Meldezeile z = zeilen.get(i);
      String anschrift = Meldezeile.anschriftNormal(z.text("anschrift"));
      if (anschrift.isEmpty()) {
        continue;
      }
      for (String art : List.of("e|" + Meldezeile.normal(z.text("erziehungsberechtigte")), "n|" + Meldezeile.normal(z.text("nachname")))) {
        if (art.length() <= 2) {
          continue;
        }
        Integer j = erste.putIfAbsent(art + "|" + anschrift, i);
        if (j != null) {
          vereinige(eltern, i, j);
        }
      }
    }
    int[] gruppe = new int[n];
    Map<Integer, Integer> nummer = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int wurzel = wurzel(eltern, i);
      gruppe[i] = nummer.computeIfAbsent(wurzel, w -> nummer.size() + 1);
    }
    return gruppe;
  }

  private static int wurzel(int[] eltern, int i) {
    while (eltern[i] != i) {
      eltern[i] = eltern[eltern[i]];
      i = eltern[i];
    }
    return i;
  }

  private static void vereinige(int[] eltern, int a, int b) {
    int x = wurzel(eltern, a);
    int y = wurzel(eltern, b);
    if (x != y) {
      eltern[Math.max(x, y)] = Math.min(x, y);
    }
  }

}
