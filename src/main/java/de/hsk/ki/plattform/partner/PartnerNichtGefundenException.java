package de.hsk.ki.plattform.partner;

public class PartnerNichtGefundenException extends RuntimeException {
  public PartnerNichtGefundenException(String message) {
    super(message);
  }
}
