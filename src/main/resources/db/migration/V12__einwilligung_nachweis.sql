-- What makes a consent valid beyond who and when (review U6): whether a 14- to 17-year-old was found
-- capable of understanding it, whether the person was told purpose, recipients and the right to
-- withdraw (Art. 7(3), Art. 13 GDPR), the language of the conversation (with interpreting, if any)
-- and whether a copy was handed over. Empty for consents recorded before.
ALTER TABLE ki_einwilligung ADD COLUMN einsichtsfaehig BOOLEAN;
ALTER TABLE ki_einwilligung ADD COLUMN informiert BOOLEAN;
ALTER TABLE ki_einwilligung ADD COLUMN sprache VARCHAR(100);
ALTER TABLE ki_einwilligung ADD COLUMN kopie_ausgehaendigt BOOLEAN;
