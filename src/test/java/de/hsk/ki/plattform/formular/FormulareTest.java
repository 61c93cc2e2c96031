package de.hsk.ki.plattform.formular;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a deployed form may read (issue 18, points 3 and 6), for every form of the project. */
class FormulareTest {

  static List<Path> alleFormulare() throws Exception {
    try (Stream<Path> dateien = Files.walk(Path.of("forms"))) {
      return dateien.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
  }

  @Test
  void verweiseUmfassenSchluesselAusdrueckeUndVorlagen() throws Exception {
    JsonNode form = new ObjectMapper().readTree("""
        {"id":"f","components":[
          {"type":"text","text":"Kind: {{vorname}} {{if geburtsdatum = null then \\"–\\" else substring(geburtsdatum,9,2)}}"},
          {"type":"textfield","key":"nachname","readonly":true},
          {"type":"select","key":"schule","valuesKey":"schulOptionen","conditional":{"hide":"=aufnahme != \\"ABGELEHNT\\""}},
          {"type":"group","path":"adresse","components":[{"type":"textfield","key":"ort"}]}
        ]}""");
    Formular formular = Formulare.lese(form);
    assertThat(formular.verweise()).contains("vorname", "geburtsdatum", "nachname", "schule", "schulOptionen", "aufnahme",
        "adresse", "ort").doesNotContain("ABGELEHNT", "Kind");
    assertThat(formular.nurImText()).containsExactlyInAnyOrder("vorname", "geburtsdatum", "if", "then", "else", "null", "substring");
  }

  @Test
  void eineDynamischeListeWirdZeileFuerZeileGeprueft() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Formular formular = Formulare.lese(json.readTree("""
        {"id":"f","components":[
          {"type":"dynamiclist","path":"zeilen","label":"Je Stelle","isRepeating":true,"components":[
            {"type":"select","key":"partner","label":"Stelle","readonly":true,"valuesKey":"partnerOptionen"},
            {"type":"radio","key":"antwort","label":"Antwort","values":[{"value":"JA"},{"value":"NEIN"}],"properties":{"pflicht":"true"}},
            {"type":"textfield","key":"notiz","label":"Notiz","validate":{"maxLength":5}}]}
        ]}"""));
    // the columns are no variables of their own
    assertThat(formular.felder()).containsOnlyKeys("zeilen");
    java.util.function.Function<String, Set<String>> optionen = k -> "partnerOptionen".equals(k) ? Set.of("A", "B") : Set.of();
    java.util.function.Function<String, List<String>> pruefe = zeilen -> EingabePruefung.pruefe(formular,
        java.util.Map.of("zeilen", json.createObjectNode().put("type", "Object").put("value", zeilen)
            .set("valueInfo", json.createObjectNode().put("serializationDataFormat", "application/json"))),
        optionen, java.time.LocalDate.now()).stream().map(EingabePruefung.Fehler::meldung).toList();

    assertThat(pruefe.apply("[{\"partner\":\"A\",\"antwort\":\"JA\",\"notiz\":\"gut\"},{\"partner\":\"B\",\"antwort\":\"NEIN\"}]")).isEmpty();
    assertThat(pruefe.apply("[{\"partner\":\"A\",\"antwort\":\"JA\"},{\"partner\":\"C\",\"notiz\":\"<b>x\",\"iban\":\"DE\"}]"))
        .singleElement().asString()
        .contains("Je Stelle: Zeile 2: das Feld „iban“ gehört nicht zu dieser Liste.")
        .contains("Zeile 2, Stelle: ungültige Auswahl „C“.")
        .contains("Zeile 2, Antwort: Pflichtfeld, bitte ausfüllen.")
        .contains("Zeile 2, Notiz: HTML oder andere Auszeichnungen")
        .doesNotContain("Zeile 1");
    assertThat(pruefe.apply("{\"partner\":\"A\"}")).singleElement().asString().endsWith("Liste erwartet.");
    StringBuilder vieleFelder = new StringBuilder("[{\"partner\":\"A\",\"antwort\":\"JA\"");
    for (int i = 0; i < 40; i++) {
      vieleFelder.append(",\"x").append(i).append("\":1");
    }
    assertThat(pruefe.apply(vieleFelder + "}]")).singleElement().asString().endsWith("… und weitere.").contains("„x9“").doesNotContain("„x10“");
    assertThat(pruefe.apply("[" + "{\"partner\":\"A\",\"antwort\":\"JA\"},".repeat(EingabePruefung.MAX_ZEILEN) + "{\"partner\":\"A\",\"antwort\":\"JA\"}]"))
        .singleElement().asString().endsWith("höchstens 50 Zeilen erlaubt.");
    // a draft may leave a row's required field open, not break its other rules
    assertThat(EingabePruefung.pruefeEntwurf(formular, java.util.Map.of("zeilen", json.createObjectNode().put("type", "")
        .set("value", json.readTree("[{\"partner\":\"A\",\"notiz\":\"zu lang\"}]"))), optionen, java.time.LocalDate.now()))
        .singleElement().extracting(EingabePruefung.Fehler::meldung).asString().contains("Zeile 1, Notiz: höchstens 5 Zeichen");
  }

  @Test
  void textWirdAlsTextGezeigt() {
    assertThat(BegrenzteFormulardaten.alsText("[x](https://a.de) <b>**y**</b>"))
        .isEqualTo("\\[x\\]\\(https\\:\\/\\/a\\.de\\) \\<b\\>\\*\\*y\\*\\*\\<\\/b\\>");
    // dates keep their positions: the templates cut them into day, month and year
    assertThat(BegrenzteFormulardaten.alsText("2017-11-24")).isEqualTo("2017-11-24");
  }

  /**
   * A value shown only in text is passed escaped; a condition comparing it with a text would then
   * compare the escaped value. No form of the project does that; this keeps it so.
   */
  @Test
  void nurImTextGezeigteWerteVergleichtKeinFormularMitEinemText() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (Path datei : alleFormulare()) {
      Formular formular = Formulare.lese(json.readTree(datei.toFile()));
      String inhalt = Files.readString(datei);
      for (String name : formular.nurImText()) {
        assertThat(Pattern.compile("\\b" + name + "\\s*!?=\\s*\\\\\"").matcher(inhalt).find())
            .as(datei + ": " + name + " compared with a text").isFalse();
      }
      assertThat(formular.verweise()).as(datei.toString()).containsAll(formular.felder().keySet());
    }
  }

  /**
   * A field's value is not escaped (the person edits it); a form that also showed it inside text
   * would render it as Markdown there. No form does; this keeps it so. The one exception is a link's
   * query (the invitation letter from the open form): only fields whose value cannot carry Markdown
   * (a date, a choice, a text bound to a pattern) may go there, and the letter's page checks them again.
   */
  @Test
  void keinFeldErscheintZugleichImText() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (Path datei : alleFormulare()) {
      JsonNode form = json.readTree(datei.toFile());
      List<String> schluessel = form.findValuesAsText("key");
      List<String> texte = new java.util.ArrayList<>();
      for (JsonNode k : form.findParents("type")) {
        if (Set.of("text", "html").contains(k.path("type").asText())) {
          texte.add(k.path("text").asText("") + k.path("content").asText(""));
        }
      }
      for (String name : schluessel) {
        Pattern imText = Pattern.compile("\\{\\{[^}]*\\b" + Pattern.quote(name) + "\\b|^=.*\\b" + Pattern.quote(name) + "\\b");
        JsonNode feld = form.findParents("key").stream().filter(f -> name.equals(f.path("key").asText())).findFirst().orElseThrow();
        boolean gebunden = Set.of("datetime", "select", "radio").contains(feld.path("type").asText())
            || feld.path("validate").has("pattern");
        List<String> geprueft = gebunden
            ? texte.stream().map(t -> t.replaceAll("href=\"[^\"]*\"", "href=\"\"")).toList()
            : texte;
        assertThat(geprueft).as(datei + ": field " + name + " shown in a text").noneMatch(t -> imText.matcher(t).find());
      }
    }
  }

  /**
   * form-js would show a failing pattern as "Field must match pattern ^…$."; Tasklist's script
   * formular-deutsch.js shows the field's property "musterMeldung" instead: a German sentence with
   * an example, which every field with a pattern must have (and which must not be the regex).
   */
  @Test
  void jedesMusterHatEineDeutscheMeldung() throws Exception {
    ObjectMapper json = new ObjectMapper();
    int muster = 0;
    for (Path datei : alleFormulare()) {
      for (JsonNode k : json.readTree(datei.toFile()).findParents("type")) {
        String regel = k.path("validate").path("pattern").asText("");
        if (regel.isEmpty()) {
          continue;
        }
        muster++;
        String meldung = k.path("properties").path("musterMeldung").asText("");
        assertThat(meldung).as(datei + ": field " + k.path("key").asText() + " has a pattern but no musterMeldung")
            .startsWith("Bitte ").contains("z. B.").endsWith(".").doesNotContain(regel).doesNotContain("^", "$", "[");
      }
    }
    assertThat(muster).as("forms with a pattern").isPositive();
  }
}
