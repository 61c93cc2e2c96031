-- How a consent was declared (SCHRIFTLICH or MUENDLICH), so that partner e-mails state only what
-- was recorded. Empty for consents recorded before the field existed.
ALTER TABLE ki_einwilligung ADD COLUMN erklaerungsform VARCHAR(16);
