export { enrich, SUPPORTED_LANGUAGES, WORDS_PER_MINUTE, ENRICHMENT_MAX_BYTES, MAX_ENTITIES_PER_TYPE, type EnrichInput } from './lib/enrich';
export { detectLanguage, LANGUAGE_DETECTOR, ENGLISH_FAST_PATH, type DetectedLanguage } from './lib/language';
export { extractEntities, ENTITY_EXTRACTOR, type EntityType, type ExtractedEntities, type ExtractOptions } from './lib/entities';
export { buildGazetteer, seedData, DEFAULT_GAZETTEER, type Gazetteer, type GazetteerData, type PlaceEntry, type OrgEntry } from './lib/gazetteer';
export { parseDateline, DATELINE_EXTRACTOR, type Dateline } from './lib/dateline';
export { classifySubjects, SUBJECT_CLASSIFIER, type SubjectScore } from './lib/subjects';
export { trainSubjectModel, type SubjectModel, type TrainingSet } from './lib/subjects-train';
export { extractKeywords, KEYWORD_EXTRACTOR, type Keyword } from './lib/keywords';
export { leadSummary, SUMMARY_EXTRACTOR } from './lib/summary';
