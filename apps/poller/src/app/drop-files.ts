import type { Connection, mongo } from 'mongoose';
import type { DropFileState, DropReason } from '@newswire/drop-folder';

/** A dropped file's content, per source (`drop_files`, `_id` = `<source>:<sha256>`; see file-ledger.ts for why). */
export interface DropFileDoc {
  _id: string;
  sourceId: string;
  sha256: string;
  /** The name it had when first taken (the same content may come again under another). */
  name: string;
  state: DropFileState;
  /** Stamped on its items; re-used when it is published again after a crash. */
  receivedAt: Date;
  updatedAt: Date;
  by: string;
  published?: number;
  rejected?: number;
  /** The stories refused one by one, for the reason file next to it in processed/. */
  reason?: DropReason;
}

export const DROP_FILES_COLLECTION = 'drop_files';

export class DropFileLedger {
  private readonly col: mongo.Collection<DropFileDoc>;

  constructor(connection: Connection) {
    this.col = connection.collection<DropFileDoc>(DROP_FILES_COLLECTION) as unknown as mongo.Collection<DropFileDoc>;
  }

  get(key: string): Promise<DropFileDoc | null> {
    return this.col.findOne({ _id: key });
  }

  /** Written before the first item is published. */
  async publishing(doc: Omit<DropFileDoc, 'state' | 'updatedAt'>): Promise<void> {
    await this.col.replaceOne({ _id: doc._id }, { ...doc, state: 'publishing', updatedAt: new Date() }, { upsert: true });
  }

  /** Written once the broker acknowledged every item: from here on the file is only moved. */
  async published(key: string, outcome: { published: number; rejected: number; reason?: DropReason }): Promise<void> {
    await this.col.updateOne({ _id: key }, { $set: { state: 'published', updatedAt: new Date(), ...outcome } });
  }

  /** Every story was refused at publish (none is on the topic): nothing to remember, so the same content may be dropped again. */
  async forget(key: string): Promise<void> {
    await this.col.deleteOne({ _id: key });
  }
}
