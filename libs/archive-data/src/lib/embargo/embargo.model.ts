import { type Connection, type Model, Schema } from 'mongoose';
import type { AuditAction } from './decide';

/**
 * One entry of the embargo audit trail. `_id` is `<story key>#<what>`, deterministic, so a
 * redelivered message or a repeated release writes its entry once; the story key prefix lets one
 * story's trail be read as an `_id` range (FerretDB indexes nothing else).
 */
export interface EmbargoAuditDoc {
  _id: string;
  storyKey: string;
  /** The version that held, changed or lifted; for a release, the version made public. */
  articleId: string;
  version?: number;
  /** The version's rank (versionRankOf): orders the entries of one batch, written at one instant. */
  rank: string;
  action: AuditAction;
  /** The hold's instant after the action (for a lift and a release: the instant that ended). */
  embargoedUntil: Date;
  /** A change's previous instant. */
  previousUntil?: Date;
  /** The release's id (StoryReleasedV1.releaseId). */
  releaseId?: string;
  at: Date;
}

export const EmbargoAuditSchema = new Schema<EmbargoAuditDoc>(
  {
    _id: { type: String, required: true },
    storyKey: { type: String, required: true },
    articleId: { type: String, required: true },
    version: Number,
    rank: { type: String, required: true },
    action: { type: String, required: true },
    embargoedUntil: { type: Date, required: true },
    previousUntil: Date,
    releaseId: String,
    at: { type: Date, required: true },
  },
  { collection: 'embargo_audit', versionKey: false, autoIndex: false },
);

/**
 * A hold to release, one per held story (`_id` = story key): the releaser reads this small
 * collection instead of scanning the archive. Removed once the story is released.
 */
export interface EmbargoDueDoc {
  _id: string;
  dueAt: Date;
  /** `lifted` when a newer version ended the hold early; the release event says so. */
  reason: 'due' | 'lifted';
  updatedAt: Date;
}

export const EmbargoDueSchema = new Schema<EmbargoDueDoc>(
  {
    _id: { type: String, required: true },
    dueAt: { type: Date, required: true },
    reason: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'embargo_due', versionKey: false, autoIndex: false },
);

export function embargoAuditModel(connection: Connection): Model<EmbargoAuditDoc> {
  return connection.models['EmbargoAudit'] ?? connection.model<EmbargoAuditDoc>('EmbargoAudit', EmbargoAuditSchema);
}

export function embargoDueModel(connection: Connection): Model<EmbargoDueDoc> {
  return connection.models['EmbargoDue'] ?? connection.model<EmbargoDueDoc>('EmbargoDue', EmbargoDueSchema);
}

/** The audit entries of one story: its `_id` range (`#` is followed by `$` in code-point order). */
export function auditRangeOf(storyKey: string) {
  return { _id: { $gte: `${storyKey}#`, $lt: `${storyKey}$` }, storyKey };
}
