package de.hsk.ki.modell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hsk.ki.plattform.prozess.Variable;
import de.hsk.ki.prozesse.seiteneinstieg.Seiteneinstieg;
import de.hsk.ki.prozesse.uebergang.Uebergang;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Each process class declares what its model and forms use: a form field, a form text or an
 * expression that names a variable the class does not declare (and no bean of that name exists)
 * fails here, and so does an element id the class's enum does not list, or one it lists in vain.
 */
class ProzessklassenTest {

  static final Map<String, Class<?>> KLASSEN = Map.of("seiteneinstieg", Seiteneinstieg.class, "uebergang", Uebergang.class,
      "einrichtungsberatung", de.hsk.ki.prozesse.einrichtungsberatung.Einrichtungsberatung.class,
      "foerderung", de.hsk.ki.prozesse.foerderung.Foerderung.class);
  static final Set<String> EL = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge",
      "div", "mod", "instanceof", "execution", "task", "authenticatedUserId", "currentUser", "currentUserGroups", "now", "dateTime");
  static final Set<String> FEEL = Set.of("if", "then", "else", "null", "substring", "and", "or", "not", "true", "false", "string",
      "number", "date", "length");
  static final Pattern AUSDRUCK = Pattern.compile("[$#]\\{([^}]*)}");
  static final Pattern WURZEL = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
  static final ObjectMapper JSON = new ObjectMapper();

  static Set<String> variablen(Class<?> klasse) throws IllegalAccessException {
    Set<String> namen = new TreeSet<>();
    for (Field f : klasse.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Variable.class) {
        namen.add(((Variable<?>) f.get(null)).name());
      }
    }
    return namen;
  }

  static Set<String> beans() throws ClassNotFoundException {
    Set<String> namen = new TreeSet<>();
    var suche = new ClassPathScanningCandidateComponentProvider(false);
    suche.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    for (BeanDefinition kandidat : suche.findCandidateComponents("de.hsk.ki")) {
      Class<?> klasse = Class.forName(kandidat.getBeanClassName());
      Component c = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(klasse, Component.class);
      namen.add(c != null && !c.value().isEmpty() ? c.value() : java.beans.Introspector.decapitalize(ClassUtils.getShortName(klasse)));
      for (Method m : klasse.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Bean.class)) {
          namen.add(m.getName());
        }
      }
    }
    return namen;
  }

  @ParameterizedTest
  @ValueSource(strings = {"seiteneinstieg", "uebergang", "einrichtungsberatung", "foerderung"})
  void modellUndFormulareNennenNurDeklarierteVariablen(String prozess) throws Exception {
    Class<?> klasse = KLASSEN.get(prozess);
    Set<String> deklariert = variablen(klasse);
    Set<String> beans = beans();
    Set<String> unbekannt = new TreeSet<>();
    String modell = modell(prozess);

    // the forms the model refers to, and what they name
    Map<String, JsonNode> formulare = formulare();
    Matcher ref = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(modell);
    while (ref.find()) {
      JsonNode formular = formulare.get(ref.group(1));
      if (formular != null && !ref.group(1).startsWith("form_baustein_")) {
        sammle(formular.path("components"), unbekannt, deklariert);
      }
    }
    // expressions: every root identifier is a declared variable or a bean
    Matcher ausdruck = AUSDRUCK.matcher(modell.replace("&#39;", "'"));
    while (ausdruck.find()) {
      Matcher wurzel = WURZEL.matcher(ausdruck.group(1).replaceAll("'[^']*'", "''"));
      while (wurzel.find()) {
        String name = wurzel.group(1);
        if (!EL.contains(name) && !deklariert.contains(name) && !beans.contains(name)) {
          unbekannt.add("${" + name + "}");
        }
      }
    }
    // what call activities take from and give back to the case
    Matcher mapping = Pattern.compile("<camunda:(?:in source|out source=\"[^\"]+\" target)=\"([^\"]+)\"").matcher(modell);
    while (mapping.find()) {
      if (!deklariert.contains(mapping.group(1))) {
        unbekannt.add("in/out " + mapping.group(1));
      }
    }
    assertThat(unbekannt).as(klasse.getSimpleName() + " declares every variable its model and forms use").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"seiteneinstieg", "uebergang", "einrichtungsberatung", "foerderung"})
  void dieElementIdsDerKlasseSindDieDesModells(String prozess) throws Exception {
    Class<?> aufzaehlung = Arrays.stream(KLASSEN.get(prozess).getClasses()).filter(c -> c.getSimpleName().equals("Element")).findFirst()
        .orElseThrow();
    Set<String> imEnum = Arrays.stream(aufzaehlung.getEnumConstants()).map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
    String modell = modell(prozess);
    // every process of the folder (a process may have a helper model beside it), without the diagrams
    Set<String> imModell = new TreeSet<>();
    Matcher prozessTeil = Pattern.compile("<bpmn:process.*?</bpmn:process>", Pattern.DOTALL).matcher(modell);
    while (prozessTeil.find()) {
      Matcher id = Pattern.compile("<bpmn:\\w+ id=\"((?:Task|Event|Gateway|SubProcess|Call)_\\w+)\"").matcher(prozessTeil.group());
      while (id.find()) {
        imModell.add(id.group(1));
      }
    }
    assertThat(imEnum).isEqualTo(imModell);
  }

  private static void sammle(JsonNode komponenten, Set<String> unbekannt, Set<String> deklariert) {
    for (JsonNode k : komponenten) {
      if (k.hasNonNull("key") && !deklariert.contains(k.get("key").asText())) {
        unbekannt.add("Feld " + k.get("key").asText());
      }
      if (k.hasNonNull("valuesKey") && !deklariert.contains(k.get("valuesKey").asText())) {
        unbekannt.add("Optionen " + k.get("valuesKey").asText());
      }
      Matcher text = Pattern.compile("\\{\\{([^}]*)}}").matcher(k.path("text").asText());
      while (text.find()) {
        Matcher name = WURZEL.matcher(text.group(1).replaceAll("\"[^\"]*\"", "\"\""));
        while (name.find()) {
          if (!FEEL.contains(name.group(1)) && !deklariert.contains(name.group(1))) {
            unbekannt.add("{{" + name.group(1) + "}}");
          }
        }
      }
      if ("dynamiclist".equals(k.path("type").asText())) {
        // a dynamic list is one variable (its path); its fields are the columns of its rows
        if (!deklariert.contains(k.path("path").asText())) {
          unbekannt.add("Liste " + k.path("path").asText());
        }
        continue;
      }
      sammle(k.path("components"), unbekannt, deklariert);
    }
  }

  private static String modell(String prozess) throws IOException {
    try (Stream<Path> dateien = Files.list(Path.of("processes", prozess))) {
      return dateien.filter(p -> p.toString().endsWith(".bpmn")).map(p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.joining("\n"));
    }
  }

  private static Map<String, JsonNode> formulare() throws IOException {
    Map<String, JsonNode> formulare = new HashMap<>();
    try (Stream<Path> dateien = Files.walk(Path.of("forms"))) {
      for (Path p : dateien.filter(d -> d.toString().endsWith(".form")).toList()) {
        JsonNode formular = JSON.readTree(p.toFile());
        formulare.put(formular.path("id").asText(), formular);
      }
    }
    return formulare;
  }
}
