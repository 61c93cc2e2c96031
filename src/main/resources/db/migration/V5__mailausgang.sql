-- Partner e-mails by idempotency key: a retried job sends nothing that was already delivered.
CREATE TABLE ki_mailausgang (
  schluessel    VARCHAR(64)  NOT NULL PRIMARY KEY,
  aktenzeichen  VARCHAR(32)  NOT NULL,
  vorlage       VARCHAR(64)  NOT NULL,
  empfaenger    VARCHAR(64)  NOT NULL,
  status        VARCHAR(16)  NOT NULL,
  versuche      INTEGER      NOT NULL,
  erstellt_am   TIMESTAMP    NOT NULL,
  gesendet_am   TIMESTAMP
);
