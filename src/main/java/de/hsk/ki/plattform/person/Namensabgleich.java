package de.hsk.ki.plattform.person;

import com.ibm.icu.text.Transliterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.DaitchMokotoffSoundex;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Name matching for the duplicate check of persons whose names reach us in several spellings:
 * transliterated from Arabic, Persian, Cyrillic, Greek, Ethiopic … ("Mohammed"/"Muhammad",
 * "Oleksandr"/"Aleksandr"/"Alexander", "Мохаммед"/"محمد") or with and without diacritics
 * ("Şahin"/"Sahin", "Müller"/"Mueller"). Pure functions, no Spring, no state.
 *
 * <p>The work is done by maintained libraries: ICU transliterates every script to Latin (BGN/PCGN
 * for Cyrillic, which is what Ukrainian and Russian passports print) and folds diacritics;
 * commons-codec's Daitch-Mokotoff Soundex (built for names across Slavic, German and Semitic
 * spellings) gives the phonetic codes; commons-text's Jaro-Winkler scores the spelling. Only a
 * handful of rules are our own, because no library knows them (each is listed in
 * docs/dublettenpruefung.md): particles ("al-", "el-", "bin", "von"), the compound
 * "Abd al-…", the silent final "h" (Sarah, Fatemeh), an "h" before a consonant as "kh"
 * (Ahmed/Achmed/Akhmed, and the vowel-less Arabic script), initial "Ye"/"E" (Yelena/Elena), and
 * male/female forms (Ali/Aliya, Oleksandr/Oleksandra) that must not count as one name.
 */
public final class Namensabgleich {

  /** From this score on two names count as the same name ({@link #passt}). */
  public static final double SCHWELLE = 0.85;

  /** From this score on names count as "very similar": enough for a weak candidate with a near date. */
  public static final double SEHR_AEHNLICH = 0.92;

  /** At most this many index keys per name. */
  public static final int HOECHSTENS_SCHLUESSEL = 12;

  /** Articles and particles that one spelling writes and another leaves out. */
  private static final Set<String> PARTIKEL = Set.of(
      "al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "bint",
      "von", "van", "der", "den", "vom", "zu", "oglu", "ogly", "kyzy", "gizi");

  private static final Pattern KYRILLISCH = Pattern.compile("\\p{IsCyrillic}");
  private static final Pattern UKRAINISCH = Pattern.compile("[ІіЇїЄєҐґ]");
  private static final Pattern ARABISCH = Pattern.compile("\\p{IsArabic}");
  private static final Pattern GRIECHISCH = Pattern.compile("\\p{IsGreek}");
  private static final Pattern TRENNER = Pattern.compile("[\\s\\-‐‑–—_,.;/()]+");
  private static final Pattern ABD_MIT_ARTIKEL = Pattern.compile("^abd[aeiou]l(?=[^aeiou])");
  private static final Pattern ABD_ASSIMILIERT = Pattern.compile("^abd[aeiou]([^aeioul])\\1");
  /** A lone "h" (not in ch, kh, sh, zh, th, ph, gh, dh) that no vowel follows. */
  private static final Pattern H_VOR_KONSONANT = Pattern.compile("(?<=[^cksztpgd])h(?![aeiouy])");

  private static final ThreadLocal<Transliterator> UKRAINISCH_LATEIN = ThreadLocal.withInitial(
      () -> Transliterator.getInstance("Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII"));
  private static final ThreadLocal<Transliterator> RUSSISCH_LATEIN = ThreadLocal.withInitial(
      () -> Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII"));
  /** Modern Greek as spoken and as passports spell it (Ελένη = Eleni, not Elene). */
  private static final ThreadLocal<Transliterator> GRIECHISCH_LATEIN = ThreadLocal.withInitial(
      () -> Transliterator.getInstance("Greek-Latin/BGN; Any-Latin; Latin-ASCII"));
  private static final ThreadLocal<Transliterator> LATEIN = ThreadLocal.withInitial(
      () -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

  private static final DaitchMokotoffSoundex DAITCH_MOKOTOFF = new DaitchMokotoffSoundex();
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private Namensabgleich() {}

  /**
   * How similar two names are, 0 (nothing alike) to 1 (same name). A name may be one part
   * ("Muhammad") or several ("Mohammed Ali", "Ali Mohammed"): the parts are paired in the best
   * order; a part only one side has lowers the score a little.
   */
  public static double aehnlichkeit(String nameA, String nameB) {
    Name a = Name.aus(nameA);
    Name b = Name.aus(nameB);
    if (a.teile.isEmpty() || b.teile.isEmpty()) {
      return 0;
    }
    double paarweise = paarweise(a.teile, b.teile);
    // "Abdul Rahman"/"Abdulrahman", "Al-Hassan"/"Alhassan": the whole name as one word
    double amStueck = Math.max(teil(a.amStueck, b.amStueck), teil(a.amStueckMitPartikeln, b.amStueckMitPartikeln));
    return runde(Math.max(paarweise, amStueck));
  }

  /** True if the two names count as the same name: {@link #aehnlichkeit} at least {@link #SCHWELLE}. */
  public static boolean passt(String nameA, String nameB) {
    return aehnlichkeit(nameA, nameB) >= SCHWELLE;
  }

  /**
   * Index keys of a name (short ASCII, at most {@value #HOECHSTENS_SCHLUESSEL}): two names that
   * {@link #passt} share at least one key, so candidates can be looked up by key instead of
   * comparing with every person. The keys are Daitch-Mokotoff codes of the name's parts (six
   * digits); given names and surnames have keys of the same kind, so a caller that stores both
   * should prefix them (e.g. "v:" and "n:").
   */
  public static Set<String> schluessel(String name) {
    Name n = Name.aus(name);
    Set<String> schluessel = new LinkedHashSet<>();
    List<Teil> quellen = new ArrayList<>(n.teile);
    // "Al-Hassan" shares a key with "Alhassan", "Abdul Rahman" with "Abdulrahman"
    quellen.add(n.amStueckMitPartikeln);
    for (Teil t : quellen) {
      for (String s : t.schreibweisen) {
        for (String code : codes(s)) {
          if (schluessel.size() < HOECHSTENS_SCHLUESSEL) {
            schluessel.add(code);
          }
        }
      }
    }
    return schluessel;
  }

  /** How strong a suspicion of a duplicate is. */
  public enum Stufe { STARK, SCHWACH }

  /** A duplicate suspicion: its strength, the name score (0..1) and a German reason for staff. */
  public record Verdacht(Stufe stufe, double aehnlichkeit, String grund) {}

  /**
   * Whether two persons may be one, from given name, surname, date of birth and municipality
   * (any of them may be null). Strong: same date of birth, given name and surname alike. Weak:
   * very similar names and a date with day and month swapped or one year apart; or the same
   * names, another date, same municipality. Siblings (same surname, another given name, another
   * date) are never a candidate.
   */
  public static Optional<Verdacht> verdacht(String vornameA, String nachnameA, LocalDate geburtsdatumA, String kommuneA,
      String vornameB, String nachnameB, LocalDate geburtsdatumB, String kommuneB) {
    double vorname = aehnlichkeit(vornameA, vornameB);
    double nachname = aehnlichkeit(nachnameA, nachnameB);
    if (vorname < SCHWELLE || nachname < SCHWELLE) {
      // given name and surname swapped (a frequent slip with unfamiliar names)
      double vertauscht = Math.min(aehnlichkeit(vornameA, nachnameB), aehnlichkeit(nachnameA, vornameB));
      if (vertauscht >= SEHR_AEHNLICH && gleich(geburtsdatumA, geburtsdatumB)) {
        return Optional.of(new Verdacht(Stufe.SCHWACH, runde(vertauscht), "Vor- und Nachname vertauscht, gleiches Geburtsdatum"));
      }
      return Optional.empty();
    }
    double name = runde(Math.min(vorname, nachname));
    String namen = gleichGeschrieben(vornameA, vornameB) && gleichGeschrieben(nachnameA, nachnameB)
        ? "gleicher Name" : "ähnlicher Name";
    if (gleich(geburtsdatumA, geburtsdatumB)) {
      return Optional.of(new Verdacht(Stufe.STARK, name, namen + ", gleiches Geburtsdatum"));
    }
    if (name >= SEHR_AEHNLICH && geburtsdatumA != null && geburtsdatumB != null) {
      if (tagUndMonatVertauscht(geburtsdatumA, geburtsdatumB)) {
        return Optional.of(new Verdacht(Stufe.SCHWACH, name, namen + ", Tag und Monat des Geburtsdatums vertauscht"));
      }
      if (geburtsdatumA.getMonthValue() == geburtsdatumB.getMonthValue()
          && geburtsdatumA.getDayOfMonth() == geburtsdatumB.getDayOfMonth()
          && Math.abs(geburtsdatumA.getYear() - geburtsdatumB.getYear()) == 1) {
        return Optional.of(new Verdacht(Stufe.SCHWACH, name, namen + ", Geburtsjahr um ein Jahr verschieden"));
      }
    }
    if (name >= SEHR_AEHNLICH && kommuneA != null && kommuneB != null
        && !kommuneA.isBlank() && kommuneA.strip().equalsIgnoreCase(kommuneB.strip())) {
      return Optional.of(new Verdacht(Stufe.SCHWACH, name, namen + ", gleiche Kommune, anderes Geburtsdatum"));
    }
    return Optional.empty();
  }

  private static boolean gleichGeschrieben(String a, String b) {
    return a != null && b != null
        && a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
  }

  private static boolean gleich(LocalDate a, LocalDate b) {
    return a != null && a.equals(b);
  }

  private static boolean tagUndMonatVertauscht(LocalDate a, LocalDate b) {
    return a.getYear() == b.getYear() && a.getDayOfMonth() == b.getMonthValue()
        && a.getMonthValue() == b.getDayOfMonth() && !a.equals(b);
  }

  // --- scoring ---------------------------------------------------------------------------------

  /** Best one-to-one pairing of the parts (greedy on the highest score; names have few parts). */
  private static double paarweise(List<Teil> a, List<Teil> b) {
    int n = a.size();
    int m = b.size();
    double[][] werte = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        werte[i][j] = teil(a.get(i), b.get(j));
      }
    }
    boolean[] vergebenA = new boolean[n];
    boolean[] vergebenB = new boolean[m];
    double summe = 0;
    int paare = Math.min(n, m);
    for (int k = 0; k < paare; k++) {
      int bi = -1;
      int bj = -1;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          if (!vergebenA[i] && !vergebenB[j] && (bi < 0 || werte[i][j] > werte[bi][bj])) {
            bi = i;
            bj = j;
          }
        }
      }
      vergebenA[bi] = true;
      vergebenB[bj] = true;
      summe += werte[bi][bj];
    }
    double schnitt = summe / paare;
    // a middle name or second surname only one side wrote: still a candidate, a little weaker
    return n == m ? schnitt : schnitt * 0.95;
  }

  /** Score of two name parts: the best over their spellings. */
  private static double teil(Teil a, Teil b) {
    double beste = 0;
    for (String x : a.schreibweisen) {
      for (String y : b.schreibweisen) {
        beste = Math.max(beste, schreibweise(x, y));
      }
    }
    return beste;
  }

  /**
   * Score of two normalised spellings: Jaro-Winkler, lifted when they sound alike
   * (a Daitch-Mokotoff code in common) and lowered when they do not; a male and a female
   * form of one name (Ali/Aliya, Yevhenii/Yevheniia) never reach the threshold.
   */
  static double schreibweise(String x, String y) {
    if (x.equals(y)) {
      return 1;
    }
    double jw = JARO_WINKLER.apply(x, y);
    boolean klingtGleich = !disjunkt(codes(x), codes(y));
    double wert;
    if (klingtGleich) {
      // vowels are where transliterations differ most (Mohammed/Muhammad, Meryem/Maryam)
      double vokaleGleich = Math.max(jw, JARO_WINKLER.apply(vokalklassen(x), vokalklassen(y)));
      wert = 0.3 + 0.7 * vokaleGleich;
    } else {
      wert = 0.75 * jw;
    }
    if (weiblich(x) != weiblich(y)) {
      wert = Math.min(wert, 0.6);
    }
    return wert;
  }

  /**
   * The short vowels as Arabic, Persian and Turkish spellings interchange them: e for a (Ahmed/Ahmad,
   * Meryem/Maryam), o for u (Omar/Umar), y for i.
   */
  private static String vokalklassen(String s) {
    return ohneDoppelte(s.replace('e', 'a').replace('o', 'u').replace('y', 'i'));
  }

  /** Feminine forms end in a vowel a or e (Aliya, Oleksandra, Emine, Fatemeh after the silent h). */
  private static boolean weiblich(String s) {
    char letzter = s.charAt(s.length() - 1);
    return letzter == 'a' || letzter == 'e';
  }

  private static boolean disjunkt(Set<String> a, Set<String> b) {
    for (String s : a) {
      if (b.contains(s)) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> codes(String schreibweise) {
    Set<String> codes = new LinkedHashSet<>();
    for (String c : DAITCH_MOKOTOFF.soundex(schreibweise).split("\\|")) {
      if (!c.isBlank()) {
        codes.add(c);
      }
    }
    return codes;
  }

  private static double runde(double wert) {
    return Math.round(wert * 1000) / 1000.0;
  }

  // --- normalisation ---------------------------------------------------------------------------

  /** A name part with its normalised Latin spellings (one, or a few where scripts allow several). */
  private record Teil(List<String> schreibweisen) {}

  private record Name(List<Teil> teile, Teil amStueck, Teil amStueckMitPartikeln) {

    static Name aus(String name) {
      List<List<String>> alle = new ArrayList<>();
      List<List<String>> ohnePartikel = new ArrayList<>();
      if (name != null) {
        for (String wort : TRENNER.split(name.strip())) {
          List<String> latein = latein(wort);
          if (latein.isEmpty()) {
            continue;
          }
          alle.add(latein);
          if (!PARTIKEL.contains(latein.get(0))) {
            ohnePartikel.add(latein);
          }
        }
      }
      if (ohnePartikel.isEmpty()) {
        ohnePartikel = alle;
      }
      List<List<String>> verbunden = abdVerbinden(ohnePartikel);
      List<Teil> teile = verbunden.stream().map(Namensabgleich::teil).toList();
      return new Name(teile, teil(zusammen(verbunden)), teil(zusammen(alle)));
    }
  }

  /** "Abd al-Rahman", "Abdul Rahman": the servant-of compound is one name. */
  private static List<List<String>> abdVerbinden(List<List<String>> woerter) {
    List<List<String>> ergebnis = new ArrayList<>();
    for (int i = 0; i < woerter.size(); i++) {
      List<String> wort = woerter.get(i);
      String erstes = ABD_MIT_ARTIKEL.matcher(wort.get(0) + "x").replaceFirst("abd");
      if ((wort.get(0).equals("abd") || erstes.equals("abdx")) && i + 1 < woerter.size()) {
        List<String> verbunden = new ArrayList<>();
        for (String folgend : woerter.get(i + 1)) {
          verbunden.add("abd" + folgend);
        }
        ergebnis.add(verbunden);
        i++;
      } else {
        ergebnis.add(wort);
      }
    }
    return ergebnis;
  }

  /** All words as one: each spelling of each word, joined (first spellings plus the variants of one word). */
  private static List<String> zusammen(List<List<String>> woerter) {
    if (woerter.isEmpty()) {
      return List.of();
    }
    Set<String> ergebnis = new LinkedHashSet<>();
    StringBuilder erste = new StringBuilder();
    woerter.forEach(w -> erste.append(w.get(0)));
    ergebnis.add(erste.toString());
    for (int i = 0; i < woerter.size() && ergebnis.size() < 4; i++) {
      for (String variante : woerter.get(i).subList(1, woerter.get(i).size())) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < woerter.size(); j++) {
          s.append(j == i ? variante : woerter.get(j).get(0));
        }
        ergebnis.add(s.toString());
      }
    }
    return new ArrayList<>(ergebnis);
  }

  private static Teil teil(List<String> woerter) {
    Set<String> schreibweisen = new LinkedHashSet<>();
    for (String wort : woerter) {
      schreibweisen.addAll(schreibweisen(wort));
    }
    return new Teil(List.copyOf(schreibweisen).subList(0, Math.min(6, schreibweisen.size())));
  }

  /**
   * One word in Latin letters a-z, lower case: Cyrillic as Ukrainian and as Russian passports
   * spell it (BGN/PCGN), Arabic with its long vowels as vowels, everything else by ICU's
   * Any-Latin. Empty if nothing remains.
   */
  private static List<String> latein(String wort) {
    Set<String> ergebnis = new LinkedHashSet<>();
    if (KYRILLISCH.matcher(wort).find()) {
      ergebnis.add(buchstaben(UKRAINISCH_LATEIN.get().transliterate(wort)));
      if (!UKRAINISCH.matcher(wort).find()) {
        ergebnis.add(buchstaben(RUSSISCH_LATEIN.get().transliterate(wort)));
      }
    } else if (GRIECHISCH.matcher(wort).find()) {
      ergebnis.add(buchstaben(GRIECHISCH_LATEIN.get().transliterate(wort)));
    } else if (ARABISCH.matcher(wort).find()) {
      // ta marbuta is a final "a"; an initial ain is heard as a vowel (علي = Ali)
      String vorbereitet = wort.replace('ة', 'ا').replaceFirst("^ع", "ا");
      String latein = buchstaben(LATEIN.get().transliterate(vorbereitet));
      // waw and yeh inside a word are mostly the long vowels u and i (يوسف = Yusuf, محمود = Mahmud)
      if (latein.length() > 1) {
        latein = latein.charAt(0) + latein.substring(1).replace('w', 'u').replace('y', 'i');
      }
      ergebnis.add(latein);
    } else {
      ergebnis.add(buchstaben(LATEIN.get().transliterate(wort)));
    }
    ergebnis.remove("");
    return new ArrayList<>(ergebnis);
  }

  private static String buchstaben(String latein) {
    return latein.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }

  /** The comparable spellings of one Latin word (the rules of docs/dublettenpruefung.md). */
  private static List<String> schreibweisen(String wort) {
    Set<String> ergebnis = new LinkedHashSet<>();
    // x is ks in every language concerned (Alexander/Oleksandr, Maxim/Maksym)
    String s = ABD_MIT_ARTIKEL.matcher(wort.replace("x", "ks")).replaceFirst("abd");
    s = ABD_ASSIMILIERT.matcher(s).replaceFirst("abd$1");
    // a final "ah" is silent (Sarah, Fatimah, Abdullah); a final "eh" too in Persian (Fatemeh), not in Oleh
    s = s.replaceFirst("(?<=.)ah$", "a");
    List<String> grundformen = new ArrayList<>();
    if (s.length() > 3 && s.endsWith("eh")) {
      grundformen.add(s.substring(0, s.length() - 1));
    }
    grundformen.add(s);
    for (String g : grundformen) {
      // "ya" after a consonant is "ia" in other spellings (Yahya/Yahia, Mariya/Maria, Natalya/Natalia)
      g = g.replaceAll("(?<=[^aeiouy])y(?=[aeiou])", "i");
      // an "h" before a consonant or at the end is the "ch"/"kh" of other spellings (Ahmed/Achmed, محمد)
      String mitKh = H_VOR_KONSONANT.matcher(g).replaceAll("kh");
      ergebnis.add(ohneDoppelte(mitKh));
      // Yelena/Jelena/Elena, Yevhen/Evgeny
      if (mitKh.matches("^[yj]e.{2,}")) {
        ergebnis.add(ohneDoppelte(mitKh.substring(1)));
      }
    }
    return new ArrayList<>(ergebnis);
  }

  /** Doubled letters are a matter of spelling (Mohammed/Mohamed, Youssef/Yusef). */
  private static String ohneDoppelte(String s) {
    return s.replaceAll("(.)\\1+", "$1");
  }
}
