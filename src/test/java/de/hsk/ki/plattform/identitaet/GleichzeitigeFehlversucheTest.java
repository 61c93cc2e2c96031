package de.hsk.ki.plattform.identitaet;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.KiSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Review of issue 18: failed logins at the same moment each count towards the lock. */
@KiSpringTest
class GleichzeitigeFehlversucheTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void gleichzeitigeFehlversucheSperrenDasKonto() throws Exception {
    var identity = engine.getIdentityService();
    de.hsk.ki.testkit.Testkonto.anlegen(identity, "parallelgast", "Parallel", "Gast");
    var konfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    int verzoegerung = konfiguration.getLoginDelayBase();
    // no delay between attempts: every attempt of the burst reaches the password check
    konfiguration.setLoginDelayBase(0);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      CyclicBarrier start = new CyclicBarrier(8);
      List<Future<Boolean>> versuche = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String falsch = "Falsch-" + i;
        versuche.add(threads.submit(() -> {
          start.await();
          return identity.checkPassword("parallelgast", falsch);
        }));
      }
      for (Future<Boolean> v : versuche) {
        assertThat(v.get()).isFalse();
      }
      assertThat(jdbc.queryForObject("SELECT attempts_ FROM act_id_user WHERE id_ = 'parallelgast'", Integer.class))
          .as("eight failures at once count eight times").isEqualTo(8);
    } finally {
      konfiguration.setLoginDelayBase(verzoegerung);
      threads.shutdownNow();
      identity.deleteUser("parallelgast");
    }
  }
}
