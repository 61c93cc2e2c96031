package de.hsk.ki.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers of both engine APIs carry case data: never stored by a browser or proxy, never sniffed. */
public class ApiKopfzeilen extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    // the engine's REST resources set "no-cache" themselves; no-store stays
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void setHeader(String name, String value) {
        super.setHeader(name, "Cache-Control".equalsIgnoreCase(name) ? "no-store" : value);
      }

      @Override
      public void addHeader(String name, String value) {
        if (!"Cache-Control".equalsIgnoreCase(name)) {
          super.addHeader(name, value);
        }
      }
    });
  }
}
