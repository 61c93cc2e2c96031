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
  // the Kommunale Koordinierung KAoA, the KI's lay interpreter pool and the county treasury (review §1.3)
  KOKO_KAOA,
  SPRACHMITTLER_POOL,
  KREISKASSE,
  // schools, Kitas, providers and offices the KI advises (Einrichtungsberatung); added from requests
  EINRICHTUNG
}
