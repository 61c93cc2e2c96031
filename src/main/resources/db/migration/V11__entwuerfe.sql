-- Drafts of task forms ("Speichern" in Tasklist): per user and task, the values as typed, until the
-- task ends (plattform/entwurf). Held on the server instead of the browser's localStorage, so a
-- shared office PC keeps nothing; erased with the case (aktenzeichen) and when the task completes.
CREATE TABLE ki_entwurf (
  benutzer      VARCHAR(64)   NOT NULL,
  aufgabe       VARCHAR(64)   NOT NULL,
  aktenzeichen  VARCHAR(64),
  inhalt        TEXT          NOT NULL,
  gespeichert   TIMESTAMP     NOT NULL,
  PRIMARY KEY (benutzer, aufgabe)
);
CREATE INDEX ki_entwurf_aufgabe ON ki_entwurf (aufgabe);
CREATE INDEX ki_entwurf_fall ON ki_entwurf (aktenzeichen);
