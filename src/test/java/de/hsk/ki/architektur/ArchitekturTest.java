package de.hsk.ki.architektur;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the main code (DESIGN.md): processes on top of the platform, the HTTP chain in
 * web/ beside them, operations in betrieb/; no cycles, no process reaching into another.
 */
class ArchitekturTest {

  static JavaClasses klassen;

  @BeforeAll
  static void lade() {
    klassen = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("de.hsk.ki");
  }

  @Test
  void keineZyklenZwischenDenSchichten() {
    slices().matching("de.hsk.ki.(*)..").should().beFreeOfCycles().check(klassen);
  }

  @Test
  void keineZyklenZwischenDenBausteinenDerPlattform() {
    slices().matching("de.hsk.ki.plattform.(*)..").should().beFreeOfCycles().check(klassen);
  }

  @Test
  void keinProzessGreiftInEinenAnderen() {
    slices().matching("de.hsk.ki.prozesse.(*)..").should().notDependOnEachOther().check(klassen);
  }

  @Test
  void diePlattformKenntWederProzesseNochWebNochBetrieb() {
    noClasses().that().resideInAPackage("de.hsk.ki.plattform..")
        .should().dependOnClassesThat().resideInAnyPackage("de.hsk.ki.prozesse..", "de.hsk.ki.web..", "de.hsk.ki.betrieb..")
        .check(klassen);
  }

  @Test
  void webUndBetriebKennenKeinenProzess() {
    noClasses().that().resideInAnyPackage("de.hsk.ki.web..", "de.hsk.ki.betrieb..")
        .should().dependOnClassesThat().resideInAPackage("de.hsk.ki.prozesse..").check(klassen);
  }
}
