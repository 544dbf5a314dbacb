import { enrich } from './enrich';
import { chooseLanguage, DECLARED_LANGUAGE_CONFIRMED, detectLanguage, FUNCTION_WORDS_DETECTOR, LANGUAGE_DETECTOR, letterRuns } from './language';

const ENGLISH = 'Prime Minister said on Monday that the government would not change its plans for the budget, which has been criticised by the opposition and by business groups who say it will cost jobs in the region.';
const GERMAN = 'Die Bundesregierung hat am Mittwoch in Berlin neue Maßnahmen gegen die Inflation beschlossen. Der Finanzminister sagte, die Entlastung komme schnell bei den Bürgern an. Die Opposition kritisierte das Paket als unzureichend und forderte weitere Schritte.';
const SWEDISH = 'Regeringen presenterade på onsdagen nya åtgärder mot inflationen. Finansministern sade att hushållen snabbt skulle märka skillnaden, medan oppositionen kritiserade paketet som otillräckligt och krävde fler steg från regeringen.';

describe('chooseLanguage', () => {
  it('keeps the source tag when the text agrees', () => {
    expect(chooseLanguage('en-GB', detectLanguage(ENGLISH))).toEqual({ language: 'en-GB', from: 'source' });
    expect(chooseLanguage('de', detectLanguage(GERMAN))).toEqual({ language: 'de', from: 'source' });
  });

  it('overrules a tag that names an unrelated language when detection is sure', () => {
    expect(chooseLanguage('it', detectLanguage(ENGLISH))).toEqual({ language: 'en', from: 'overruled' });
    expect(chooseLanguage('kn', detectLanguage(ENGLISH))).toEqual({ language: 'en', from: 'overruled' });
    expect(chooseLanguage('en', detectLanguage(GERMAN))).toEqual({ language: 'de', from: 'overruled' });
  });

  it('never overrules within languages detectors confuse (Norwegian tagged, Swedish detected)', () => {
    const detected = detectLanguage(SWEDISH);
    expect(detected.language).toBe('sv');
    expect(chooseLanguage('nb', detected)).toEqual({ language: 'nb', from: 'source' });
  });

  it('keeps the tag when the text is too short to be sure', () => {
    const detected = detectLanguage('Berlin (dpa) - Neue Regeln.');
    expect(detected.sure).toBe(false);
    expect(chooseLanguage('en', detected)).toEqual({ language: 'en', from: 'source' });
  });

  it('treats tags that say nothing as absent', () => {
    expect(chooseLanguage('und', detectLanguage(GERMAN))).toEqual({ language: 'de', from: 'detected' });
    expect(chooseLanguage(undefined, detectLanguage(GERMAN))).toEqual({ language: 'de', from: 'detected' });
  });

  it('enriches a mis-tagged English story as English, with detection in its provenance', () => {
    const e = enrich({ headline: 'Budget row', bodyText: `${ENGLISH} Angela Merkel met Emmanuel Macron in Paris.`, language: 'it' });
    expect(e.language).toBe('en');
    expect(e.languageConfidence).toBeLessThan(1);
    expect(e.provenance.find((p) => p.annotation === 'language')?.extractor).not.toBe('source');
    expect(e.people.map((p) => p.name)).toContain('Angela Merkel');
  });
});

describe('detectLanguage with the source tag', () => {
  const FRENCH = "Le gouvernement a présenté mercredi à Paris un plan contre l'inflation. Le ministre des Finances a déclaré que les ménages verraient vite la différence, mais l'opposition a jugé le paquet insuffisant et a demandé d'autres mesures pour les familles.";
  const SPANISH = 'El Gobierno presentó el miércoles en Madrid un plan contra la inflación. El ministro de Hacienda dijo que los hogares notarían pronto la diferencia, pero la oposición consideró el paquete insuficiente y pidió más medidas para las familias.';

  it('takes text that plainly reads as the tagged language as it, without the statistical detector', () => {
    expect(detectLanguage(FRENCH, 'fr-FR')).toMatchObject({ language: 'fr', detector: DECLARED_LANGUAGE_CONFIRMED });
    expect(detectLanguage(GERMAN, 'de')).toMatchObject({ language: 'de', detector: DECLARED_LANGUAGE_CONFIRMED });
    expect(detectLanguage(SWEDISH, 'sv')).toMatchObject({ language: 'sv', detector: DECLARED_LANGUAGE_CONFIRMED });
    expect(chooseLanguage('fr-FR', detectLanguage(FRENCH, 'fr-FR'))).toEqual({ language: 'fr-FR', from: 'source' });
  });

  it('still asks the detector where the tag names another language, so a wrong tag is overruled', () => {
    for (const [text, wrongTag, language] of [[SPANISH, 'pt', 'es'], [SPANISH, 'it', 'es'], [GERMAN, 'nl', 'de'], [FRENCH, 'es', 'fr']]) {
      const detected = detectLanguage(text, wrongTag);
      expect(detected.detector).not.toEqual(DECLARED_LANGUAGE_CONFIRMED);
      expect(chooseLanguage(wrongTag, detected)).toEqual({ language, from: 'overruled' });
    }
  });

  it('names an untagged text by its function words where one language clearly leads, as the detector would', () => {
    expect(detectLanguage(GERMAN)).toMatchObject({ language: 'de', detector: FUNCTION_WORDS_DETECTOR, sure: true });
    expect(detectLanguage(SPANISH)).toMatchObject({ language: 'es', detector: FUNCTION_WORDS_DETECTOR, sure: true });
    expect(chooseLanguage(undefined, detectLanguage(GERMAN))).toEqual({ language: 'de', from: 'detected' });
    // Norwegian, Danish and Swedish share their function words: the detector tells them apart.
    expect(detectLanguage(SWEDISH)).toMatchObject({ language: 'sv', detector: LANGUAGE_DETECTOR });
  });

  it('asks the detector where the tag is a language without a word list, or the text too short', () => {
    // Galician has no list: its tag is not confirmed, and a Spanish reading stays with the tag (kin languages).
    expect(detectLanguage(SPANISH, 'gl').detector).not.toEqual(DECLARED_LANGUAGE_CONFIRMED);
    expect(chooseLanguage('gl', detectLanguage(SPANISH, 'gl'))).toEqual({ language: 'gl', from: 'source' });
    expect(detectLanguage('Berlin (dpa) - Neue Regeln für die Bahn.', 'de').detector).toEqual(LANGUAGE_DETECTOR);
  });
});

describe('letterRuns', () => {
  it('finds exactly the runs of letters the pattern matches, however the characters are written', () => {
    const pool = ['a', 'Z', 'é', 'ß', 'İ', '\u0301', '7', ' ', '\n', "'", '-', '𝒜', '😀', '\ud800', '\udc00', '香', 'ก', '\u0e31', 'Ω', '_'];
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % pool.length;
    const texts = Array.from({ length: 400 }, (_, n) => Array.from({ length: 1 + (n % 30) }, () => pool[next()]).join(''));
    for (const text of texts) expect(letterRuns(text)).toEqual(text.match(/\p{L}+/gu) ?? []);
  });
});
