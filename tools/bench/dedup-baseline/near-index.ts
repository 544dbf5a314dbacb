import type { ArticleFingerprint, BandClaim, DedupOptions, NearChoice, NearSelf } from '@newswire/dedup';
import { chooseNear, isExpired } from '@newswire/dedup';
import type { BandRepository } from './band.repository';
import type { FingerprintRepository } from './fingerprint.repository';

export type NearDecision = { clusterId: string; choice: NearChoice };

/** Bounded: each retry follows a lost insert race, and every loss means someone else progressed. */
const MAX_ROUNDS = 5;

/**
 * Optimistic protocol over the band index: read the claims on our keys,
 * decide, then insert the keys nobody held. If any insert loses, our read was
 * stale, so read and decide again. The fingerprint is saved first, so anyone
 * who sees one of our claims can verify it.
 */
export class NearIndex {
  constructor(
    private readonly bands: BandRepository,
    private readonly fingerprints: FingerprintRepository,
    private readonly o: DedupOptions,
  ) {}

  async decide(self: NearSelf & { fingerprint: ArticleFingerprint }, now: Date): Promise<NearDecision> {
    await this.saveFingerprint(self, now);
    let decision: NearDecision = { clusterId: self.articleId, choice: { kind: 'none' } };
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const claims = await this.bands.lookup(self.bandKeys);
      const others = claims.filter((c) => c.articleId !== self.articleId && !isExpired(c.at, now.getTime(), this.o));
      const candidates = await this.fingerprints.candidates(others.map((c) => c.articleId));
      const choice = chooseNear(self, claims, candidates, this.o, now.getTime());
      decision = { clusterId: choice.kind === 'match' ? choice.clusterId : self.articleId, choice };
      if (await this.settle(self, claims, decision.clusterId, now)) return decision;
    }
    return decision;
  }

  private saveFingerprint(self: NearSelf & { fingerprint: ArticleFingerprint }, now: Date) {
    const { fingerprint } = self;
    return this.fingerprints.save({
      _id: self.articleId,
      sig: fingerprint.encoded,
      size: fingerprint.size,
      bands: fingerprint.bandKeys,
      source: self.source,
      uri: self.uri,
      at: now,
    });
  }

  /** Same claims, no decision: a new version joins its story's cluster whatever the index says. */
  async index(self: NearSelf & { fingerprint: ArticleFingerprint }, clusterId: string, now: Date): Promise<void> {
    await this.saveFingerprint(self, now);
    const claims = await this.bands.lookup(self.bandKeys);
    await this.settle(self, claims, clusterId, now);
  }

  private async settle(self: NearSelf, claims: readonly BandClaim[], clusterId: string, now: Date): Promise<boolean> {
    const held = new Set(claims.map((c) => c.key));
    const absent = self.bandKeys.filter((k) => !held.has(k));
    const expired = claims.filter((c) => c.articleId !== self.articleId && isExpired(c.at, now.getTime(), this.o)).map((c) => c.key);
    const cutoff = new Date(now.getTime() - this.o.windowMs);
    const { lost } = await this.bands.claim(absent, expired, { articleId: self.articleId, clusterId, at: now }, cutoff);
    const stale = claims.filter((c) => c.articleId === self.articleId && c.clusterId !== clusterId).map((c) => c.key);
    if (stale.length > 0) await this.bands.reassign(stale, self.articleId, clusterId);
    return lost.length === 0;
  }
}
