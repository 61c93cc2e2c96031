package de.hsk.ki.testkit;

/** Names no other test uses, letters only (the duplicate check compares names across the suite's shared database). */
public final class Namen {

  private Namen() {}

  /** The prefix followed by eight random letters. */
  public static String eindeutig(String praefix) {
    StringBuilder s = new StringBuilder(praefix);
    java.util.concurrent.ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> s.append((char) c));
    return s.toString();
  }
}
