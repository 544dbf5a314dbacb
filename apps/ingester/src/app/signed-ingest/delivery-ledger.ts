import { randomUUID } from 'node:crypto';
import { withDeadline } from '@newswire/errors';
import { type Connection, type Model, Schema } from 'mongoose';

/** How long an unfinished claim holds: Node's own request timeout (300 s), after which the sender has given up on it. */
export const CLAIM_LEASE_MS = 300_000;

interface DeliveryDoc {
  /** `<sourceId>|<deliveryId>`: the unique `_id` makes the first insert win, across instances. */
  _id: string;
  state: 'pending' | 'done';
  /** The attempt holding the claim: only it may complete or release it. */
  owner: string;
  claimedAt: Date;
  /** Purged after this. */
  expiresAt: Date;
  status?: number;
  /** The answer as JSON text: stored bodies may hold keys the store would refuse as field names. */
  body?: string;
}

const DeliverySchema = new Schema<DeliveryDoc>(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    owner: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    status: Number,
    body: String,
  },
  { collection: 'ingest_deliveries', versionKey: false, autoIndex: false },
);
DeliverySchema.index({ expiresAt: 1 });

export type Claim =
  | { kind: 'claimed'; id: string; owner: string }
  | { kind: 'answered'; status: number; body: object }
  | { kind: 'in-progress'; retryAfterSeconds: number };

const DUPLICATE_KEY = 11000;
const isDuplicateKey = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: number }).code === DUPLICATE_KEY;

/**
 * Which deliveries were accepted, and what they were answered. A periodic
 * deleteMany purges old records (FerretDB has no TTL indexes; this works on
 * both it and MongoDB).
 */
export class DeliveryLedger {
  private readonly model: Model<DeliveryDoc>;

  constructor(
    private readonly connection: Connection,
    private readonly retentionMs: number,
    private readonly leaseMs = CLAIM_LEASE_MS,
  ) {
    this.model = connection.models['IngestDelivery'] ?? connection.model<DeliveryDoc>('IngestDelivery', DeliverySchema);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  /**
   * Claims a delivery with one atomic insert. If it exists: its recorded
   * answer, or "in progress"; a claim whose holder vanished (older than the
   * lease) is taken over by a conditional update, again atomically.
   */
  async claim(sourceId: string, deliveryId: string, now = new Date()): Promise<Claim> {
    const id = `${sourceId}|${deliveryId}`;
    const owner = randomUUID();
    const expiresAt = new Date(now.getTime() + this.retentionMs);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.model.create({ _id: id, state: 'pending', owner, claimedAt: now, expiresAt });
        return { kind: 'claimed', id, owner };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const existing = await this.model.findById(id).lean().exec();
      if (!existing) continue; // released or purged in between: try the insert again
      if (existing.state === 'done') return { kind: 'answered', status: existing.status ?? 500, body: JSON.parse(existing.body ?? '{}') };
      const leaseEnds = existing.claimedAt.getTime() + this.leaseMs;
      if (leaseEnds > now.getTime()) return { kind: 'in-progress', retryAfterSeconds: Math.min(5, Math.ceil((leaseEnds - now.getTime()) / 1000)) };
      const taken = await this.model
        .updateOne({ _id: id, state: 'pending', owner: existing.owner }, { $set: { owner, claimedAt: now, expiresAt } })
        .exec();
      if (taken.matchedCount === 1) return { kind: 'claimed', id, owner };
    }
    throw new Error(`delivery ${id}: the claim kept changing hands`);
  }

  /** Records the answer, so a repeat of this delivery gets it again instead of a second story. */
  async complete(claim: { id: string; owner: string }, status: number, body: unknown): Promise<void> {
    await this.model.updateOne({ _id: claim.id, owner: claim.owner, state: 'pending' }, { $set: { state: 'done', status, body: JSON.stringify(body) } }).exec();
  }

  /** Forgets a claim whose attempt failed on our side, so the sender's retry is processed. */
  async release(claim: { id: string; owner: string }): Promise<void> {
    await this.model.deleteOne({ _id: claim.id, owner: claim.owner, state: 'pending' }).exec();
  }

  async purge(now = new Date()): Promise<number> {
    const { deletedCount } = await this.model.deleteMany({ expiresAt: { $lt: now } }).exec();
    return deletedCount;
  }

  /** Whether the store answers a ping within `timeoutMs` (readiness must not hang on a dead store). */
  async reachable(timeoutMs = 2_000): Promise<boolean> {
    const db = this.connection.db;
    if (!db || this.connection.readyState !== 1) return false;
    try {
      await withDeadline(db.command({ ping: 1 }), timeoutMs, 'store ping');
      return true;
    } catch {
      return false;
    }
  }
}
