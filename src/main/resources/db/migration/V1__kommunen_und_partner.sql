-- Reference data: the 12 towns and municipalities of the Hochsauerlandkreis.
CREATE TABLE ki_kommune (
  schluessel VARCHAR(32)  NOT NULL PRIMARY KEY,
  name       VARCHAR(100) NOT NULL,
  art        VARCHAR(16)  NOT NULL
);

INSERT INTO ki_kommune (schluessel, name, art) VALUES
  ('ARNSBERG',      'Arnsberg',            'STADT'),
  ('BESTWIG',       'Bestwig',             'GEMEINDE'),
  ('BRILON',        'Brilon',              'STADT'),
  ('ESLOHE',        'Eslohe (Sauerland)',  'GEMEINDE'),
  ('HALLENBERG',    'Hallenberg',          'STADT'),
  ('MARSBERG',      'Marsberg',            'STADT'),
  ('MEDEBACH',      'Medebach',            'STADT'),
  ('MESCHEDE',      'Meschede',            'STADT'),
  ('OLSBERG',       'Olsberg',             'STADT'),
  ('SCHMALLENBERG', 'Schmallenberg',       'STADT'),
  ('SUNDERN',       'Sundern (Sauerland)', 'STADT'),
  ('WINTERBERG',    'Winterberg',          'STADT');

-- Partner directory: processes address partners by type (and school by key), never by e-mail address.
CREATE TABLE ki_partner (
  schluessel VARCHAR(64)  NOT NULL PRIMARY KEY,
  typ        VARCHAR(32)  NOT NULL,
  name       VARCHAR(200) NOT NULL,
  kommune    VARCHAR(32)  REFERENCES ki_kommune (schluessel),
  schulform  VARCHAR(32),
  email      VARCHAR(254) NOT NULL,
  anschrift  VARCHAR(300),
  aktiv      BOOLEAN      NOT NULL DEFAULT TRUE
);
CREATE INDEX ki_partner_typ ON ki_partner (typ, aktiv);

-- Case numbers SE-<year>-<number>: one counter per prefix and year.
CREATE TABLE ki_fallnummer (
  praefix       VARCHAR(8) NOT NULL,
  jahr          INTEGER    NOT NULL,
  letzte_nummer INTEGER    NOT NULL,
  PRIMARY KEY (praefix, jahr)
);
