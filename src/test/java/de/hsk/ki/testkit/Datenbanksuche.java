package de.hsk.ki.testkit;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Searches every table and column of the (H2) database for a marker: where does a child's name still stand? */
public final class Datenbanksuche {

  private Datenbanksuche() {}

  /** Every table, every column (text, numbers, serialized bytes): table.column of each hit. */
  public static List<String> fundstellen(JdbcTemplate jdbc, String marker) {
    List<String> funde = new ArrayList<>();
    for (String tabelle : jdbc.queryForList(
        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'", String.class)) {
      jdbc.query("SELECT * FROM \"" + tabelle + "\"", rs -> {
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object wert = rs.getObject(i);
          String text;
          if (wert == null) {
            text = "";
          } else if (wert instanceof byte[] bytes) {
            text = new String(bytes, StandardCharsets.UTF_8);
          } else if (wert instanceof Blob blob) {
            text = new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
          } else if (wert instanceof Clob clob) {
            text = clob.getSubString(1, (int) clob.length());
          } else {
            text = wert.toString();
          }
          if (text.contains(marker)) {
            funde.add(tabelle + "." + meta.getColumnName(i));
          }
        }
      });
    }
    return funde;
  }
}
