/** Languages with a trained entity model (src/data/ner/<lang>.model.json; see models.ts). */
export const MODEL_LANGUAGES: ReadonlySet<string> = new Set(['en', 'fr', 'es', 'de', 'it', 'nl', 'pt', 'nb', 'sv']);

/**
 * Languages whose entities are found with a kin language's model and word lists. Nynorsk and
 * "no" are Norwegian; Danish is written almost as Bokmål is (the same capitalisation, most
 * function words, the same names), and without it Danish copy got no entities at all. Not
 * measured for Danish: no Danish labelled set is reachable here.
 */
const ENTITY_KIN: Readonly<Record<string, string>> = { no: 'nb', nn: 'nb', da: 'nb' };

/** The language whose entity rules and model serve `base` (a lower-case primary subtag). */
export function entityLanguageOf(base: string): string {
  return ENTITY_KIN[base] ?? base;
}
