/** The loaded source registry, or null in development mode without SOURCES_FILE. */
export const SOURCE_REGISTRY = Symbol('SOURCE_REGISTRY');
/** The delivery ledger, or null when signed ingest is off (development mode without SOURCES_FILE). */
export const DELIVERY_LEDGER = Symbol('DELIVERY_LEDGER');
