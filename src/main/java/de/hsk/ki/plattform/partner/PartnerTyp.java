package de.hsk.ki.plattform.partner;

public enum PartnerTyp {
  SCHULAMT,
  BEZIRKSREGIERUNG,
  GESUNDHEITSAMT,
  SCHULE,
  JOBCENTER,
  AGENTUR_FUER_ARBEIT,
  IHK,
  HWK,
  JUGENDMIGRATIONSDIENST,
  KAOA_TRAEGER,
  // public bodies the coordination process asks for statements
  JUGENDAMT,
  SCHULTRAEGER,
  SOZIALAMT,
  AUSLAENDERBEHOERDE,
  // schools, Kitas, providers and offices the KI advises (Einrichtungsberatung); added from requests
  EINRICHTUNG
}
