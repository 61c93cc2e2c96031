package de.hsk.ki.partner;

public enum PartnerTyp {
  SCHULAMT,
  BEZIRKSREGIERUNG,
  GESUNDHEITSAMT,
  SCHULE
}
