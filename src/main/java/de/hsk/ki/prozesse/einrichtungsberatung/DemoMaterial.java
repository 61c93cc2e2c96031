package de.hsk.ki.prozesse.einrichtungsberatung;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * A first-run demo catalogue (ki.prozesse.einrichtungsberatung.demo-material, set by the demo
 * profile only): loaded when the catalogue is empty, so items staff added or retired stay as they are.
 */
@Component
@ConditionalOnProperty(name = "ki.prozesse.einrichtungsberatung.demo-material")
public class DemoMaterial {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMaterial.class);

  private final Materialkatalog katalog;
  private final ResourceLoader resources;
  private final String datei;

  public DemoMaterial(Materialkatalog katalog, ResourceLoader resources,
      @Value("${ki.prozesse.einrichtungsberatung.demo-material}") String datei) {
    this.katalog = katalog;
    this.resources = resources;
    this.datei = datei;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void beimStart() throws IOException {
    if (datei.isBlank() || !katalog.leer()) {
      return;
    }
    try (Reader reader = new InputStreamReader(resources.getResource(datei).getInputStream(), StandardCharsets.UTF_8)) {
      LOG.info("Lending catalogue: {} demo items loaded from {}", importiere(reader), datei);
    }
  }

  /** Adds every item whose inventory number is not yet taken; returns how many were added. */
  int importiere(Reader reader) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    int anzahl = 0;
    for (CSVRecord zeile : format.parse(reader)) {
      if (!katalog.inventarnummerVergeben(zeile.get("inventarnummer"))) {
        String beschreibung = zeile.get("beschreibung");
        katalog.anlegen(zeile.get("inventarnummer"), zeile.get("bezeichnung"), beschreibung.isBlank() ? null : beschreibung);
        anzahl++;
      }
    }
    return anzahl;
  }
}
