package de.hsk.ki.plattform.partnermail;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "ki.mail")
public record MailProperties(String absender, String antwortAn) {}
