package de.hsk.ki.plattform.partner;

/** One entry of the partner directory: an office or a school the KI writes to. */
public record Partner(
    String schluessel, PartnerTyp typ, String name, String kommune, String schulform, String email, String anschrift) {}
