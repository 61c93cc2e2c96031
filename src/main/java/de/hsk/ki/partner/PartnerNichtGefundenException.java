package de.hsk.ki.partner;

public class PartnerNichtGefundenException extends RuntimeException {
  public PartnerNichtGefundenException(String message) {
    super(message);
  }
}
