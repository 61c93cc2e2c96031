package de.hsk.ki.zuverlaessigkeit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Figures of the fault tests, appended to target/zuverlaessigkeit/messwerte.md for docs/reliability.md. */
final class Messwerte {

  private Messwerte() {}

  static void schreibe(String zeile) {
    System.out.println("[Messwert] " + zeile);
    try {
      Path datei = Path.of("target", "zuverlaessigkeit", "messwerte.md");
      Files.createDirectories(datei.getParent());
      Files.writeString(datei, LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + " " + zeile + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
