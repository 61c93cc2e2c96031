package de.hsk.ki.architektur;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the main code (DESIGN.md): no cycles between packages, no process package
 * reaching into another, and the HTTP helpers in web/ depending on nothing of ours.
 */
class ArchitekturTest {

  static final String[] PROZESSE = {"de.hsk.ki.seiteneinstieg..", "de.hsk.ki.uebergang.."};
  static JavaClasses klassen;

  @BeforeAll
  static void lade() {
    klassen = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("de.hsk.ki");
  }

  @Test
  void keineZyklenZwischenPaketen() {
    slices().matching("de.hsk.ki.(*)..").should().beFreeOfCycles().check(klassen);
  }

  @Test
  void keinProzessGreiftInEinenAnderen() {
    for (String prozess : PROZESSE) {
      for (String anderer : PROZESSE) {
        if (!prozess.equals(anderer)) {
          noClasses().that().resideInAPackage(prozess).should().dependOnClassesThat().resideInAPackage(anderer)
              .check(klassen);
        }
      }
    }
  }

  @Test
  void gemeinsameBausteineKennenKeinenProzess() {
    noClasses().that().resideInAnyPackage("de.hsk.ki.web..", "de.hsk.ki.plattform..", "de.hsk.ki.fall..", "de.hsk.ki.partner..",
            "de.hsk.ki.identity..", "de.hsk.ki.notification..", "de.hsk.ki.eingabe..", "de.hsk.ki.security..",
            "de.hsk.ki.retention..", "de.hsk.ki.betrieb..")
        .should().dependOnClassesThat().resideInAnyPackage(PROZESSE).check(klassen);
  }

  @Test
  void webHaengtVonNichtsEigenemAb() {
    noClasses().that().resideInAPackage("de.hsk.ki.web..").should()
        .dependOnClassesThat(resideInAPackage("de.hsk.ki..").and(not(resideInAPackage("de.hsk.ki.web.."))))
        .check(klassen);
  }
}
