/** The per-article deduplicator of main at 5a38cb0, frozen: the baseline the dedup benchmark runs beside the chunked path. */
export * from './dedup.service';
export * from './story.repository';
export * from './band.repository';
export * from './content-hash.repository';
export * from './fingerprint.repository';
export * from './verdict.repository';
export * from './near-index';
