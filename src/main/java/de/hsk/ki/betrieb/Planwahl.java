package de.hsk.ki.betrieb;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.Statement;
import java.util.Properties;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.DefaultReflectorFactory;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.springframework.stereotype.Component;

/**
 * Which statements PostgreSQL plans with their values every time, and which once.
 *
 * <p>A task list or count over a group's tasks checks the grants of every task; its best plan
 * depends on the bound permission bits and the group's size (statistics of V7), and a plan made
 * once without the values joined all pairs (11 s, docs/benchmarks.md, W2). The job acquisition
 * depends on how many jobs are due. These go to the server as one-shot statements, planned with
 * their values each time. Every other statement (lookups by id, inserts, updates, the single
 * grant checks) keeps the plan PostgreSQL caches after a few executions: planning them anew each
 * time cost more than running them (11.9 ms planning against 8.1 ms execution per W1 case,
 * docs/benchmarks.md). PostgreSQL only; other databases are left as they are.
 */
@Component
public class Planwahl extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl konfiguration) {
    if ("postgres".equals(konfiguration.getDatabaseType())) {
      konfiguration.getSqlSessionFactory().getConfiguration().addInterceptor(new MitWertenPlanen());
    }
  }

  /** Statements whose plan depends on their values: broad task lists and counts, the job acquisition. */
  static boolean mitWerten(String anweisung, Object parameter) {
    if (anweisung.endsWith("selectNextJobsToExecute")) {
      return true;
    }
    if (!anweisung.endsWith("selectTaskByQueryCriteria") && !anweisung.endsWith("selectTaskCountByQueryCriteria")) {
      return false;
    }
    // the engine passes the query itself (a ListQueryParameterObject), other callers may wrap it
    Object abfrage = parameter instanceof ListQueryParameterObject l && !(parameter instanceof TaskQueryImpl) ? l.getParameter() : parameter;
    // a query narrowed to one case or one task finds a handful of rows with any plan
    return !(abfrage instanceof TaskQueryImpl t) || (t.getProcessInstanceId() == null && t.getTaskId() == null);
  }

  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {java.sql.Connection.class, Integer.class}))
  static final class MitWertenPlanen implements Interceptor {

    private static final Class<?> PG_STATEMENT;
    private static final MethodHandle SCHWELLE;
    private static final DefaultReflectorFactory REFLEKTOREN = new DefaultReflectorFactory();

    static {
      Class<?> klasse = null;
      MethodHandle schwelle = null;
      try {
        klasse = Class.forName("org.postgresql.PGStatement");
        schwelle = MethodHandles.publicLookup().findVirtual(klasse, "setPrepareThreshold", MethodType.methodType(void.class, int.class));
      } catch (ReflectiveOperationException e) {
        // no PostgreSQL driver: nothing to choose
      }
      PG_STATEMENT = klasse;
      SCHWELLE = schwelle;
    }

    @Override
    public Object intercept(Invocation aufruf) throws Throwable {
      Statement anweisung = (Statement) aufruf.proceed();
      if (PG_STATEMENT != null && anweisung.isWrapperFor(PG_STATEMENT)) {
        // a reflector factory of our own: SystemMetaObject builds a new one, so reflects the class anew, on every call
        var meta = MetaObject.forObject(aufruf.getTarget(), SystemMetaObject.DEFAULT_OBJECT_FACTORY,
            SystemMetaObject.DEFAULT_OBJECT_WRAPPER_FACTORY, REFLEKTOREN);
        Object zuordnung = meta.hasGetter("delegate.mappedStatement") ? meta.getValue("delegate.mappedStatement") : null;
        if (zuordnung instanceof MappedStatement ms
            && mitWerten(ms.getId(), ((StatementHandler) aufruf.getTarget()).getBoundSql().getParameterObject())) {
          // threshold 0: never a named server-side statement, so planned with the values each time
          SCHWELLE.invoke(anweisung.unwrap(PG_STATEMENT), 0);
        }
      }
      return anweisung;
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
