/**
 * One sortable string per version: the version number first, the version
 * time second, both zero-padded, so the store can compare ranks in a filter
 * (`rank: {$lt: ...}`) inside one atomic update.
 */
export function versionRank(article: { version?: number; versionCreated?: string }): string {
  const v = article.version ?? 0;
  const t = article.versionCreated ? Date.parse(article.versionCreated) : 0;
  return `${String(v).padStart(10, '0')}:${String(Number.isFinite(t) ? Math.max(0, t) : 0).padStart(15, '0')}`;
}

export function describeVersion(article: { version?: number; versionCreated?: string }): string {
  if (article.version !== undefined) return `version ${article.version}`;
  return article.versionCreated ? `version of ${article.versionCreated}` : 'unversioned';
}
