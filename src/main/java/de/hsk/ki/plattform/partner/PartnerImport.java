package de.hsk.ki.plattform.partner;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the partner directory from a semicolon-separated CSV file at start-up (ki.partner.import-datei).
 * Rows are upserted by key, so a restart or a re-import creates nothing twice.
 */
@Component
public class PartnerImport {

  private static final Logger LOG = LoggerFactory.getLogger(PartnerImport.class);
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final JdbcTemplate jdbc;
  private final ResourceLoader resources;
  private final String datei;

  public PartnerImport(JdbcTemplate jdbc, ResourceLoader resources, @Value("${ki.partner.import-datei:}") String datei) {
    this.jdbc = jdbc;
    this.resources = resources;
    this.datei = datei;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  @Transactional
  public void beimStart() throws IOException {
    if (datei == null || datei.isBlank()) {
      return;
    }
    var resource = resources.getResource(datei.startsWith("classpath:") ? datei : "file:" + datei);
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      int anzahl = importiere(reader);
      LOG.info("Partner directory: {} entries imported from {}", anzahl, datei);
    }
  }

  public int importiere(Reader reader) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    int anzahl = 0;
    for (CSVRecord row : format.parse(reader)) {
      String schluessel = row.get("schluessel");
      PartnerTyp typ;
      try {
        typ = PartnerTyp.valueOf(row.get("typ"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Partnerverzeichnis, Zeile " + row.getRecordNumber() + ": unbekannter Typ '" + row.get("typ") + "'");
      }
      String email = row.get("email");
      if (!EMAIL.matcher(email).matches()) {
        throw new IllegalArgumentException("Partnerverzeichnis, Zeile " + row.getRecordNumber() + ": ungültige E-Mail-Adresse");
      }
      String kommune = leerZuNull(row.get("kommune"));
      String schulform = leerZuNull(row.get("schulform"));
      String anschrift = row.isMapped("anschrift") ? leerZuNull(row.get("anschrift")) : null;
      int geaendert =
          jdbc.update(
              "UPDATE ki_partner SET typ = ?, name = ?, kommune = ?, schulform = ?, email = ?, anschrift = ?, aktiv = TRUE"
                  + " WHERE schluessel = ?",
              typ.name(), row.get("name"), kommune, schulform, email, anschrift, schluessel);
      if (geaendert == 0) {
        jdbc.update(
            "INSERT INTO ki_partner (schluessel, typ, name, kommune, schulform, email, anschrift, aktiv)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, TRUE)",
            schluessel, typ.name(), row.get("name"), kommune, schulform, email, anschrift);
      }
      anzahl++;
    }
    return anzahl;
  }

  private static String leerZuNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
