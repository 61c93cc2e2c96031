-- Invitations of partner accounts (ADR 0006): the person sets their own password through a link
-- mailed to them. Only the SHA-256 of the link's random token is kept; the row goes when the
-- password is set, when a newer invitation replaces it, or when it has expired (Partnerkonten).
CREATE TABLE ki_einladung (
  token_hash    VARCHAR(64)   NOT NULL PRIMARY KEY,
  benutzer      VARCHAR(64)   NOT NULL,
  gueltig_bis   TIMESTAMP     NOT NULL,
  erstellt_von  VARCHAR(64)   NOT NULL,
  erstellt_am   TIMESTAMP     NOT NULL
);
CREATE INDEX ki_einladung_benutzer ON ki_einladung (benutzer);
