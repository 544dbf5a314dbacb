/** Languages with a trained entity model (src/data/ner/<lang>.model.json; see models.ts). */
export const MODEL_LANGUAGES: ReadonlySet<string> = new Set(['en', 'fr', 'es', 'de', 'it', 'nl', 'pt']);
