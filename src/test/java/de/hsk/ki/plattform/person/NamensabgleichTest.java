package de.hsk.ki.plattform.person;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.plattform.person.Namensabgleich.Stufe;
import de.hsk.ki.plattform.person.Namensabgleich.Verdacht;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamensabgleichTest {

  private static final LocalDate GEBOREN = LocalDate.of(2014, 3, 7);

  /** Spellings of one name that the duplicate check must bring together. */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Mohammed           | Muhammad
      Mohammed           | Mohamad
      Mohamed            | Muhammed
      Мохаммед           | Mohammed
      محمد               | Muhammad
      Oleksandr          | Aleksandr
      Oleksandr          | Alexander
      Олександр          | Oleksandr
      Александр          | Alexander
      Yusuf              | Jusuf
      Yusuf              | Youssef
      يوسف               | Yusuf
      Ahmed              | Achmed
      Ahmed              | Akhmed
      أحمد               | Ahmad
      Ahmet              | Ahmad
      Olena              | Elena
      Олена              | Olena
      Şahin              | Sahin
      Müller             | Mueller
      Mahmud             | Mahmoud
      محمود              | Mahmoud
      Fatima             | Fatma
      فاطمة              | Fatima
      Fatemeh            | Fatima
      Sarah              | Sara
      Юлія               | Yuliia
      Yulia              | Julia
      Михайло            | Mykhailo
      Олег               | Oleh
      Oleg               | Oleh
      Yevhen             | Evgeny
      Yelena             | Elena
      Sergei             | Serhii
      Hussein            | Husain
      Aisha              | Ayşe
      Khalid             | Chalid
      Halid              | Khalid
      Mustafa            | Mustapha
      Maryam             | Meryem
      Zainab             | Zeynep
      Amina              | Emine
      Ibrahim            | Ebrahim
      Said               | Saeed
      Omar               | Umar
      Dmytro             | Dmitri
      Tetiana            | Tatjana
      Yahya              | Yahia
      Maksym             | Maxim
      Ilya               | Illia
      Tariq              | Tarek
      علي                | Ali
      Abdul Rahman       | Abdulrahman
      Abd al-Rahman      | Abdurrahman
      Abdallah           | Abdullah
      Al-Hassan          | Alhassan
      Mohammed Ali       | Ali Mohammed
      Mohammed Ali       | Muhammad
      Kovalenko          | Kowalenko
      Коваленко          | Kovalenko
      Schmidt            | Schmitt
      Çelik              | Celik
      Öztürk             | Oeztuerk
      Mohammed Al-Hassan | Muhammad Alhassan
      Олександр Шевченко | Oleksandr Shevchenko
      Ελένη              | Eleni
      ዮሴፍ               | Yosef
      ዮሴፍ               | Yusuf
      """)
  void schreibweisenEinesNamensPassen(String a, String b) {
    assertThat(Namensabgleich.aehnlichkeit(a, b)).as("%s / %s", a, b).isGreaterThanOrEqualTo(Namensabgleich.SCHWELLE);
    assertThat(Namensabgleich.passt(b, a)).isTrue();
  }

  /** Index property: whatever passt shares a key, so the lookup by key finds it. */
  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Mohammed           | Muhammad
      محمد               | Muhammad
      Мохаммед           | Mohammed
      Oleksandr          | Alexander
      Александр          | Alexander
      Yusuf              | Jusuf
      يوسف               | Yusuf
      Ahmed              | Achmed
      أحمد               | Ahmad
      Olena              | Elena
      Şahin              | Sahin
      Müller             | Mueller
      محمود              | Mahmoud
      فاطمة              | Fatima
      Fatemeh            | Fatima
      Юлія               | Yuliia
      Михайло            | Mykhailo
      Oleg               | Oleh
      Yevhen             | Evgeny
      Yelena             | Elena
      Sergei             | Serhii
      Aisha              | Ayşe
      Khalid             | Chalid
      Maryam             | Meryem
      Zainab             | Zeynep
      Amina              | Emine
      Yahya              | Yahia
      Maksym             | Maxim
      علي                | Ali
      Abdul Rahman       | Abdulrahman
      Abd al-Rahman      | Abdurrahman
      Al-Hassan          | Alhassan
      Mohammed Ali       | Ali Mohammed
      Mohammed Ali       | Muhammad
      Коваленко          | Kovalenko
      Öztürk             | Oeztuerk
      Олександр Шевченко | Oleksandr Shevchenko
      Ελένη              | Eleni
      ዮሴፍ               | Yusuf
      """)
  void passendeNamenTeilenEinenSchluessel(String a, String b) {
    assertThat(Namensabgleich.passt(a, b)).isTrue();
    assertThat(Namensabgleich.schluessel(a)).as("%s / %s", a, b)
        .containsAnyElementsOf(Namensabgleich.schluessel(b));
  }

  /** Different names, mostly of siblings: the duplicate check must keep them apart. */
  @ParameterizedTest(name = "{0} ≠ {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Ahmad              | Mahmoud
      Mohammed           | Mahmoud
      Hassan             | Hussein
      Ali                | Aliya
      Ali                | Alia
      علي                | Aliya
      Olena              | Oleh
      Олена              | Олег
      Oleksandr          | Oleksandra
      Amin               | Amina
      Hamid              | Hamida
      Yevhenii           | Yevheniia
      Ivan               | Ivanna
      Ivanov             | Ivanova
      Omar               | Amir
      Yusuf              | Yunus
      Ahmed              | Hamed
      Sara               | Samira
      Adam               | Aram
      Leila              | Lina
      Jamal              | Kamal
      Anna               | Hanna
      Artem              | Artur
      Bogdan             | Borys
      Yana               | Yuliia
      Sofiia             | Sabina
      Mia                | Maya
      Lea                | Lena
      Roman              | Roma
      Ali                | Omar
      Mohammed Ali       | Mohammed Omar
      Müller             | Meyer
      Schmidt            | Schneider
      Kovalenko          | Kovalchuk
      Yilmaz             | Yildiz
      Hassan             | Hasanovic
      Mehmet             | Mohammed
      """)
  void verschiedeneNamenPassenNicht(String a, String b) {
    assertThat(Namensabgleich.aehnlichkeit(a, b)).as("%s / %s", a, b).isLessThan(Namensabgleich.SCHWELLE);
    assertThat(Namensabgleich.passt(b, a)).isFalse();
  }

  @Test
  void schluesselSindWenigeKurzeAsciiZeichenketten() {
    for (String name : new String[] {"Mohammed Abdul Rahman Al-Hassan bin Yusuf Ibrahim", "Юлія", "محمد", "Oleksandr"}) {
      Set<String> schluessel = Namensabgleich.schluessel(name);
      assertThat(schluessel).isNotEmpty().hasSizeLessThanOrEqualTo(Namensabgleich.HOECHSTENS_SCHLUESSEL);
      assertThat(schluessel).allMatch(s -> s.length() <= 40 && s.matches("[ -~]+"));
    }
  }

  @Test
  void leereNamenGleichenNichts() {
    assertThat(Namensabgleich.aehnlichkeit(null, "Ali")).isZero();
    assertThat(Namensabgleich.aehnlichkeit(" ", " ")).isZero();
    assertThat(Namensabgleich.aehnlichkeit("-", "Ali")).isZero();
    assertThat(Namensabgleich.schluessel(null)).isEmpty();
  }

  @Test
  void aehnlichkeitIstSymmetrischUndGleicheNamenSindEins() {
    assertThat(Namensabgleich.aehnlichkeit("Oleksandr", "Alexander"))
        .isEqualTo(Namensabgleich.aehnlichkeit("Alexander", "Oleksandr"));
    assertThat(Namensabgleich.aehnlichkeit("Ahmad", "ahmad")).isEqualTo(1.0);
  }

  @Test
  void gleichesGeburtsdatumUndAehnlicherNameIstStarkerVerdacht() {
    Optional<Verdacht> verdacht = Namensabgleich.verdacht(
        "Mohammed", "Al-Hassan", GEBOREN, "Meschede",
        "Muhammad", "Alhassan", GEBOREN, "Arnsberg");

    assertThat(verdacht).get().extracting(Verdacht::stufe).isEqualTo(Stufe.STARK);
    assertThat(verdacht.get().grund()).isEqualTo("ähnlicher Name, gleiches Geburtsdatum");
  }

  @Test
  void kyrillischeUndLateinischeSchreibweiseMitGleichemDatumIstStarkerVerdacht() {
    assertThat(Namensabgleich.verdacht(
        "Олександр", "Шевченко", GEBOREN, null,
        "Oleksandr", "Shevchenko", GEBOREN, null))
        .get().extracting(Verdacht::stufe).isEqualTo(Stufe.STARK);
  }

  @Test
  void vertauschterTagUndMonatIstSchwacherVerdacht() {
    Optional<Verdacht> verdacht = Namensabgleich.verdacht(
        "Yusuf", "Öztürk", LocalDate.of(2014, 3, 7), null,
        "Yusuf", "Oztürk", LocalDate.of(2014, 7, 3), null);

    assertThat(verdacht).get().extracting(Verdacht::stufe).isEqualTo(Stufe.SCHWACH);
    assertThat(verdacht.get().grund()).contains("Tag und Monat");
  }

  @Test
  void geburtsjahrUmEinsVerschiedenIstSchwacherVerdacht() {
    assertThat(Namensabgleich.verdacht(
        "Olena", "Kovalenko", LocalDate.of(2014, 3, 7), null,
        "Olena", "Kovalenko", LocalDate.of(2015, 3, 7), null))
        .get().extracting(Verdacht::grund).isEqualTo("gleicher Name, Geburtsjahr um ein Jahr verschieden");
  }

  @Test
  void gleicherNameInDerselbenKommuneMitAnderemDatumIstSchwacherVerdacht() {
    assertThat(Namensabgleich.verdacht(
        "Ahmad", "Haddad", LocalDate.of(2012, 1, 15), "Brilon",
        "Ahmed", "Haddad", LocalDate.of(2013, 6, 2), "Brilon"))
        .get().extracting(Verdacht::stufe).isEqualTo(Stufe.SCHWACH);
    assertThat(Namensabgleich.verdacht(
        "Ahmad", "Haddad", LocalDate.of(2012, 1, 15), "Brilon",
        "Ahmad", "Haddad", LocalDate.of(2013, 6, 2), "Winterberg")).isEmpty();
  }

  @Test
  void geschwisterSindKeinVerdacht() {
    // same surname, other given name, other date: a brother
    assertThat(Namensabgleich.verdacht(
        "Ahmad", "Haddad", LocalDate.of(2012, 1, 15), "Brilon",
        "Mahmoud", "Haddad", LocalDate.of(2014, 9, 30), "Brilon")).isEmpty();
    // twins: same date, same surname, brother and sister
    assertThat(Namensabgleich.verdacht(
        "Ali", "Haddad", GEBOREN, "Brilon",
        "Aliya", "Haddad", GEBOREN, "Brilon")).isEmpty();
    assertThat(Namensabgleich.verdacht(
        "Hassan", "Haddad", GEBOREN, "Brilon",
        "Hussein", "Haddad", GEBOREN, "Brilon")).isEmpty();
  }

  @Test
  void andereFamilieMitHaeufigemNachnamenIstKeinVerdacht() {
    assertThat(Namensabgleich.verdacht(
        "Mohammed", "Ahmadi", LocalDate.of(2011, 4, 2), "Meschede",
        "Mohammed", "Ahmadi", LocalDate.of(2015, 11, 20), "Sundern")).isEmpty();
  }

  @Test
  void vertauschteVorUndNachnamenMitGleichemDatumIstSchwacherVerdacht() {
    assertThat(Namensabgleich.verdacht(
        "Haddad", "Ahmad", GEBOREN, null,
        "Ahmad", "Haddad", GEBOREN, null))
        .get().extracting(Verdacht::stufe).isEqualTo(Stufe.SCHWACH);
  }
}
