package de.hsk.ki.plattform.identitaet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.DN;
import java.time.Duration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/** The directory's settings from the environment: off without KI_LDAP_URL, refused when unusable or unsafe. */
class VerzeichnisEinstellungenTest {

  private static final String FILTER = "(&(objectClass=user)(sAMAccountName={0}))";
  private static final String GRUPPEN = "CN=KI-Verwaltung,OU=Gruppen,DC=hsk,DC=de=kiVerwaltung; CN=KI-Leitung,OU=Gruppen,DC=hsk,DC=de=kiLeitung";

  @Test
  void ohneUrlBleibtAllesBeimAlten() {
    assertThat(Verzeichnis.aus("", "", "", "", FILTER, "sAMAccountName", "")).isEmpty();
    Anmeldeverfahren verfahren = new Anmeldeverfahren(Kennworthash.ITERATIONEN, Duration.ofSeconds(60), "", "", "", "", FILTER, "sAMAccountName", "");
    assertThat(verfahren.mitVerzeichnis()).isFalse();
    // the engine's own provider (database) with the password hash, nothing else
    var konfiguration = new StandaloneInMemProcessEngineConfiguration();
    verfahren.preInit(konfiguration);
    var anbieter = konfiguration.getIdentityProviderSessionFactory().openSession();
    assertThat(anbieter).isInstanceOf(org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider.class);
    assertThat(konfiguration.getPasswordEncryptor()).isInstanceOf(Kennworthash.class);
  }

  @Test
  void dieGruppenzuordnungVergleichtDnsWieLdap() throws Exception {
    var zuordnung = Verzeichnis.gruppenZuordnung(GRUPPEN);

    assertThat(zuordnung).hasSize(2);
    assertThat(zuordnung.get(new DN("cn=ki-verwaltung, ou=gruppen, dc=hsk, dc=de"))).isEqualTo(KiGruppen.VERWALTUNG);
    assertThat(zuordnung.get(new DN("CN=KI-Leitung,OU=Gruppen,DC=hsk,DC=de"))).isEqualTo(KiGruppen.LEITUNG);
  }

  @Test
  void unsichereOderUnvollstaendigeEinstellungenVerhindernDenStart() {
    assertThatThrownBy(() -> Verzeichnis.aus("ldap://ad.hsk.de", "DC=hsk,DC=de", "", "", FILTER, "sAMAccountName", GRUPPEN))
        .hasMessageContaining("ldaps://");
    assertThatThrownBy(() -> Verzeichnis.aus("ldaps://ad.hsk.de", "DC=hsk,DC=de", "", "", FILTER, "sAMAccountName", ""))
        .hasMessageContaining("KI_LDAP_GRUPPEN");
    assertThatThrownBy(() -> Verzeichnis.aus("ldaps://ad.hsk.de", "", "", "", FILTER, "sAMAccountName", GRUPPEN))
        .hasMessageContaining("KI_LDAP_BASIS");
    assertThatThrownBy(() -> Verzeichnis.aus("ldaps://ad.hsk.de", "DC=hsk,DC=de", "", "", "(uid=x)", "uid", GRUPPEN))
        .hasMessageContaining("{0}");
    assertThatThrownBy(() -> Verzeichnis.gruppenZuordnung("CN=KI-Verwaltung,DC=hsk,DC=de"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Verzeichnis.aus("ldaps://ad.hsk.de:636", "DC=hsk,DC=de", "CN=svc,DC=hsk,DC=de", "x", FILTER, "sAMAccountName", GRUPPEN))
        .get().satisfies(v -> assertThat(v.zielgruppen()).containsExactly(KiGruppen.LEITUNG, KiGruppen.VERWALTUNG));
  }
}
