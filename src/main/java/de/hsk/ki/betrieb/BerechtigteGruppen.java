package de.hsk.ki.betrieb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Before every authorization check the engine asks for all groups that hold any authorization
 * ("SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION"), once per command. Every open task
 * carries grants of its own, so with a large backlog this read the whole table for each click
 * (docs/benchmarks.md, W2). The answer only narrows the caller's groups; we keep it for ten seconds
 * and always add the caller's own groups, so no group of the caller is ever dropped and the checks
 * find exactly what they found before.
 */
@Component
public class BerechtigteGruppen extends AbstractProcessEnginePlugin {

  static final long GUELTIG_MS = 10_000;

  @Override
  public void postInit(ProcessEngineConfigurationImpl konfiguration) {
    konfiguration.getSqlSessionFactory().getConfiguration().addInterceptor(new Zwischenspeicher());
  }

  @Intercepts(@Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
  static final class Zwischenspeicher implements Interceptor {

    private volatile List<Object> gruppen;
    private volatile long geladenAm;

    @Override
    public Object intercept(Invocation aufruf) throws Throwable {
      MappedStatement anweisung = (MappedStatement) aufruf.getArgs()[0];
      if (!anweisung.getId().endsWith("selectAuthorizedGroupIds")) {
        return aufruf.proceed();
      }
      long jetzt = System.currentTimeMillis();
      if (gruppen == null || jetzt - geladenAm > GUELTIG_MS) {
        @SuppressWarnings("unchecked")
        List<Object> frisch = (List<Object>) aufruf.proceed();
        gruppen = List.copyOf(frisch.stream().filter(java.util.Objects::nonNull).toList());
        geladenAm = jetzt;
      }
      Set<Object> antwort = new LinkedHashSet<>(gruppen);
      var kontext = Context.getCommandContext();
      Authentication angemeldet = kontext == null ? null : kontext.getAuthentication();
      if (angemeldet != null && angemeldet.getGroupIds() != null) {
        antwort.addAll(angemeldet.getGroupIds());
      }
      return new ArrayList<>(antwort);
    }

    @Override
    public Object plugin(Object ziel) {
      return Plugin.wrap(ziel, this);
    }

    @Override
    public void setProperties(Properties properties) {
      // none
    }
  }
}
