import { DEFAULT_DEDUP_OPTIONS as O } from './options';
import { fingerprintOf } from './fingerprint';
import { type BandClaim, type Candidate, chooseNear } from './near';
import { isNearCopy, similarity } from './similarity';
import { mayMerge } from './source-rules';
import { storyEventsOf } from './story-events';
import { newVersionVerdict, staleVersionVerdict } from './verdict';

const BODY = Array.from({ length: 12 }, (_, i) => `Sentence ${i} about the harbour bridge collapse names officer number ${i * 7} and the shipping channel.`).join(' ');
const OTHER = Array.from({ length: 12 }, (_, i) => `Markets in paragraph ${i} priced rate cuts as bond yields fell by ${i} basis points.`).join(' ');

describe('similarity', () => {
  it('scores a trimmed copy high by containment and another story low', () => {
    const full = fingerprintOf(BODY, O);
    const trimmed = fingerprintOf(BODY.split('. ').slice(0, 7).join('. '), O);
    const s = similarity(full, trimmed);
    expect(s.containment).toBeGreaterThan(0.8);
    expect(isNearCopy(s, O)).toBe(true);
    expect(isNearCopy(similarity(full, fingerprintOf(OTHER, O)), O)).toBe(false);
  });
});

describe('chooseNear', () => {
  const now = Date.parse('2024-05-20T12:00:00Z');
  const self = { articleId: 'b', source: 'x', uri: 'b', at: now, ...(() => { const f = fingerprintOf(BODY, O); return { fingerprint: f, bandKeys: f.bandKeys }; })() };
  const peerFp = fingerprintOf(`${BODY} Follow us for updates.`, O);
  const peer: Candidate = { articleId: 'a', source: 'y', uri: 'a', fingerprint: peerFp, bandKeys: peerFp.bandKeys, at: now - 1000 };
  const shared = self.bandKeys.filter((k) => peer.bandKeys.includes(k));

  it('joins the cluster of the owner of the lowest shared band', () => {
    const claims: BandClaim[] = shared.map((key) => ({ key, articleId: 'a', clusterId: 'c-a', at: now - 1000 }));
    expect(chooseNear(self, claims, new Map([['a', peer]]), O, now)).toMatchObject({ kind: 'match', of: 'a', clusterId: 'c-a' });
  });

  it('stays the anchor when it owns the lowest shared band, whoever owns the others', () => {
    const claims: BandClaim[] = shared.map((key, i) => ({ key, articleId: i === 0 ? 'b' : 'a', clusterId: i === 0 ? 'b' : 'a', at: now }));
    expect(chooseNear(self, claims, new Map([['a', peer]]), O, now).kind).toBe('anchor');
  });

  it('matches an earlier copy found only as a further holder of keys unrelated articles own', () => {
    const claims: BandClaim[] = shared.flatMap((key) => [
      { key, articleId: 'u', clusterId: 'u', at: now - 5000 },
      { key, articleId: 'a', clusterId: 'c-a', at: now - 1000 },
    ]);
    expect(chooseNear(self, claims, new Map([['a', peer]]), O, now)).toMatchObject({ kind: 'match', of: 'a', clusterId: 'c-a' });
    // Of two such copies, the one first seen, in whichever order they come.
    const older: Candidate = { ...peer, articleId: 'o', at: now - 3000 };
    const both = [...claims, ...shared.map((key) => ({ key, articleId: 'o', clusterId: 'c-o', at: now - 3000 }))];
    for (const order of [[peer, older], [older, peer]]) {
      expect(chooseNear(self, both, new Map(order.map((c) => [c.articleId, c])), O, now)).toMatchObject({ kind: 'match', of: 'o', clusterId: 'c-o' });
    }
  });

  it('ignores candidates outside the window and items a source says are distinct', () => {
    const claims: BandClaim[] = shared.map((key) => ({ key, articleId: 'a', clusterId: 'a', at: now }));
    expect(chooseNear(self, claims, new Map([['a', { ...peer, at: now - O.windowMs - 1 }]]), O, now).kind).toBe('none');
    const rules = { ...O, sourceRules: [{ source: 'x', distinctIds: true }] };
    expect(chooseNear(self, claims, new Map([['a', { ...peer, source: 'x' }]]), rules, now).kind).toBe('none');
  });
});

describe('source rules', () => {
  it('never merges two ids of an agency whose ids are authoritative', () => {
    const rules = [{ source: 'reuters', distinctIds: true }];
    expect(mayMerge({ source: 'reuters', uri: '1' }, { source: 'reuters', uri: '2' }, rules)).toBe(false);
    expect(mayMerge({ source: 'reuters', uri: '1' }, { source: 'ap', uri: '2' }, rules)).toBe(true);
    expect(mayMerge({ source: 'afp', uri: '1' }, { source: 'afp', uri: '2' }, rules)).toBe(true);
  });
});

describe('version verdicts and story events', () => {
  const ctx = { articleId: 'v2', contentHash: 'h', storyKey: 'reuters|u1', now: new Date('2024-05-20T12:00:00Z') };
  const article = { id: 'v2', uri: 'u1', headline: 'H', signals: ['correction'], pubStatus: 'usable', version: 2 } as never;

  it('explains a new version and announces its correction', () => {
    const v = newVersionVerdict(ctx, { articleId: 'v1', clusterId: 'c' }, 'version 2');
    expect(v).toMatchObject({ status: 'new-version', method: 'identity', duplicateOf: 'v1', clusterId: 'c', score: 1 });
    expect(v.explanation).toContain('supersedes v1');
    expect(storyEventsOf(article, v).corrected).toMatchObject({ previousArticleId: 'v1', signals: ['correction'] });
  });

  it('does not announce a stale correction, but always a kill', () => {
    const v = staleVersionVerdict(ctx, { articleId: 'v3', clusterId: 'c' }, 'version 2');
    expect(storyEventsOf(article, v).corrected).toBeUndefined();
    expect(storyEventsOf({ ...(article as object), pubStatus: 'canceled' } as never, v).killed).toMatchObject({ storyKey: 'reuters|u1', clusterId: 'c' });
  });
});
