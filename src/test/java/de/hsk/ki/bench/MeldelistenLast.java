package de.hsk.ki.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hsk.ki.plattform.zeit.Zeit;
import de.hsk.ki.prozesse.seiteneinstieg.meldeliste.Meldelistendatei;
import de.hsk.ki.prozesse.seiteneinstieg.meldeliste.Meldelisten;
import de.hsk.ki.prozesse.seiteneinstieg.meldeliste.Meldelistenstart;
import de.hsk.ki.prozesse.seiteneinstieg.meldeliste.Testlisten;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The wave (issue 17): a municipality's list of 1 000 children in about 330 families – preview (every
 * row by the report form's rules, duplicate candidates, families) and start of all cases in the
 * background job – then a second list of 1 000 other children previewed against a register that
 * now holds the first thousand. Seconds, from the clerk's click to the answer.
 */
final class MeldelistenLast {

  private MeldelistenLast() {}

  static void messen(Bench b, ObjectNode ergebnis) throws Exception {
    int anzahl = Bench.zahl("BENCH_MELDELISTE", 1000);
    Meldelisten listen = b.app.getBean(Meldelisten.class);
    Meldelistenstart start = b.app.getBean(Meldelistenstart.class);
    ObjectNode m = ergebnis.putObject("meldeliste");
    m.put("kinder", anzahl);

    byte[] erste = liste(anzahl, "A");
    long t0 = System.nanoTime();
    Meldelisten.Liste liste = listen.hochladen(Meldelistendatei.lese(erste, "welle.csv"), "ARNSBERG", "EINWOHNERMELDEAMT", "welle.csv",
        "pschneider").liste();
    long t1 = System.nanoTime();
    Meldelisten.Vorschau v = listen.vorschau(liste);
    long t2 = System.nanoTime();
    b.log("Meldeliste: " + v.gute() + " gute Zeilen, " + v.familien().size() + " Familien");
    listen.bestaetigen(liste, Map.of(), true, "pschneider");
    long t3 = System.nanoTime();
    start.imHintergrund(liste.id());
    while (!listen.stand(liste).fertig()) {
      Thread.sleep(200);
    }
    long t4 = System.nanoTime();
    m.put("hochladenS", (t1 - t0) / 1e9);
    m.put("vorschauS", (t2 - t1) / 1e9);
    m.put("bestaetigenS", (t3 - t2) / 1e9);
    m.put("startS", (t4 - t3) / 1e9);
    m.put("gestartet", listen.stand(liste).gestartet());
    m.put("familien", v.familien().size());

    byte[] zweite = liste(anzahl, "B");
    long u0 = System.nanoTime();
    Meldelisten.Liste liste2 = listen.hochladen(Meldelistendatei.lese(zweite, "welle2.csv"), "ARNSBERG", "EINWOHNERMELDEAMT", "welle2.csv",
        "pschneider").liste();
    Meldelisten.Vorschau v2 = listen.vorschau(liste2);
    long u1 = System.nanoTime();
    m.put("vorschauMitRegisterS", (u1 - u0) / 1e9);
    m.put("zeilenMitKandidaten", v2.mitKandidaten().size());
    b.log(String.format("Meldeliste %d Kinder: Vorschau %.1f s, Anlage %.1f s (%d Fälle), zweite Vorschau %.1f s", anzahl, (t2 - t1) / 1e9,
        (t4 - t3) / 1e9, listen.stand(liste).gestartet(), (u1 - u0) / 1e9));
  }

  /** Families of three with names from a small stock, as a wave of arrivals from a few countries looks. */
  static byte[] liste(int anzahl, String welle) {
    String[] nachnamen = {"Petrenko", "Haddad", "Kovalenko", "Al-Hassan", "Shevchenko", "Nasser", "Bondarenko", "Rahimi", "Hussein",
        "Melnyk", "Yilmaz", "Popescu"};
    String[] vornamen = {"Olena", "Taras", "Mila", "Yusuf", "Lina", "Omar", "Ivan", "Sofia", "Ali", "Maryam", "Dmytro", "Aisha"};
    LocalDate heute = Zeit.heute();
    List<List<String>> zeilen = new ArrayList<>();
    for (int i = 0; i < anzahl; i++) {
      int familie = i / 3;
      String nachname = nachnamen[familie % nachnamen.length] + welle + familie;
      zeilen.add(Testlisten.kind(nachname, vornamen[(i * 7) % vornamen.length], 6 + (i % 10), "Eltern " + nachname,
          "Straße " + welle + " " + familie, heute));
    }
    return Testlisten.csvBytes(Testlisten.KOPF, zeilen, ';', StandardCharsets.UTF_8);
  }
}
