export { toNinjs, NINJS_VERSION, NINJS_SCHEMA_URI, type NinjsItem } from './lib/ninjs';
export { toNewsmlG2, NEWSML_G2_VERSION } from './lib/newsml-g2';
export { NINJS_MEDIA_TYPE, NEWSML_G2_MEDIA_TYPE, type ExportStory } from './lib/story';
export { conceptsOf, type ExportConcepts, type ExportEntity, type ExportSubject } from './lib/concepts';
