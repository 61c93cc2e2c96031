package de.hsk.ki.prozesse.einrichtungsberatung;

/** A reservation the catalogue refuses (item held by another case, unknown, retired, period not allowed); German message. */
public class Ausleihkonflikt extends RuntimeException {

  public Ausleihkonflikt(String meldung) {
    super(meldung);
  }
}
