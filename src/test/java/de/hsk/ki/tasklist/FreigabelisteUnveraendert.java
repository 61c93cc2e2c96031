package de.hsk.ki.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import de.hsk.ki.web.Freigabeliste;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.ResolvableType;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every call a browser test made is on the allow-list: the calls the list refused are the same after
 * the test as before (the list is capped, so it is compared as a whole). Runs after the test's own
 * {@code @AfterEach}, when the browser is closed.
 */
class FreigabelisteUnveraendert implements BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace ABLAGE = ExtensionContext.Namespace.create(FreigabelisteUnveraendert.class);

  private static Freigabeliste liste(ExtensionContext context) {
    @SuppressWarnings("unchecked")
    FilterRegistrationBean<Freigabeliste> bean = (FilterRegistrationBean<Freigabeliste>) SpringExtension.getApplicationContext(context)
        .getBeanProvider(ResolvableType.forClassWithGenerics(FilterRegistrationBean.class, Freigabeliste.class)).getObject();
    return bean.getFilter();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(ABLAGE).put("vorher", liste(context).abgelehnt());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void afterEach(ExtensionContext context) {
    List<String> vorher = (List<String>) context.getStore(ABLAGE).get("vorher");
    assertThat(liste(context).abgelehnt()).as("calls refused by the allow-list").isEqualTo(vorher);
  }
}
