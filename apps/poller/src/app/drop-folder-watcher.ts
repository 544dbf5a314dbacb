import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { contentHash, contentTypeForFile, type DropReason, dropFileKey, dropItemId, FAILED_FOLDER, observeFolder, PROCESSED_FOLDER, type ReadItem, stepFor, verdictOf, type WatchedFile } from '@newswire/drop-folder';
import { classifyPublishFailure, type ReceivedPublisher } from '@newswire/kafka';
import type { KeyedLease } from '@newswire/mongo';
import type { ServiceMetrics } from '@newswire/observability';
import type { DropTarget } from '@newswire/sources';
import { readSubmission, SubmissionRefusal, type SubmittedItem } from '@newswire/wire-formats';
import type { DropFileLedger } from './drop-files';
import { fileAway, listDropFolder, readCapped } from './drop-folder-files';
import type { SourceFailures } from './feed-health/source-failures';

export interface DropFolderOptions {
  scanMs: number;
  maxItems: number;
  articleBytes: number;
}

type Outcome = 'taken' | 'processed' | 'failed' | 'publish_failed';

/**
 * Watches every registered drop folder by scanning it on a tick (a polling
 * scan, not fs.watch/inotify: those miss changes made by other machines on
 * NFS and SMB shares). A folder is scanned by one instance at a time, the
 * holder of its lease (`poll_leases`, `_id` = `drop:<source>`: a source id
 * never holds `:`). Complete files (`observeFolder`) are read, parsed
 * exactly as a push (`readSubmission`, attributed to the source), published
 * to the received topic and moved to processed/, or moved to failed/ with a
 * reason file. The `drop_files` ledger makes a restart at any point publish
 * nothing twice (see file-ledger.ts for every crash point).
 */
export class DropFolderWatcher {
  private readonly logger = new Logger('drop-folder');
  private readonly watched = new Map<string, Map<string, WatchedFile>>();
  private readonly running = new Map<string, Promise<void>>();
  /** The last problem logged per folder, so a folder that stays unreadable is logged once, not every scan. */
  private readonly problems = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly stopping = new AbortController();

  constructor(
    private readonly targets: readonly DropTarget[],
    private readonly ledger: DropFileLedger,
    private readonly lease: KeyedLease,
    private readonly publisher: ReceivedPublisher,
    private readonly metrics: ServiceMetrics,
    private readonly o: DropFolderOptions,
    private readonly failures?: SourceFailures,
  ) {}

  start(): void {
    if (this.targets.length === 0) return;
    // Jittered, as the feed poller's ticks, so instances do not look in step.
    const next = () => {
      this.timer = setTimeout(() => {
        this.tick();
        if (!this.stopping.signal.aborted) next();
      }, this.o.scanMs * (0.5 + Math.random()));
    };
    this.tick();
    next();
  }

  /** Stops scanning and waits for the files in hand (a file is never left half filed by a clean stop). */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.stopping.abort();
    await Promise.allSettled(this.running.values());
  }

  /** Starts a scan of every folder not being scanned by this instance. */
  tick(): void {
    if (this.stopping.signal.aborted) return;
    for (const target of this.targets) {
      if (this.running.has(target.sourceId)) continue;
      const run = this.lease
        .holdIfFree(`drop:${target.sourceId}`, (lost) => this.scan(target, AbortSignal.any([lost, this.stopping.signal])))
        .then(
          // Only a scan this instance made says the folder is readable again.
          (held) => {
            if (held.held) this.problemSolved(target);
          },
          (err: unknown) => this.problem(target, (err as Error).message),
        )
        .finally(() => this.running.delete(target.sourceId));
      this.running.set(target.sourceId, run);
    }
  }

  private async scan(target: DropTarget, stop: AbortSignal): Promise<void> {
    const { path, quietSeconds } = target.dropFolder;
    const listing = await listDropFolder(path);
    const { watched, complete } = observeFolder(this.watched.get(target.sourceId) ?? new Map(), listing, Date.now(), quietSeconds * 1000);
    this.watched.set(target.sourceId, watched);
    for (const name of complete) {
      // Stopping, or the lease was taken over: the next holder takes it from here (every step is safe to repeat).
      if (stop.aborted) return;
      try {
        await this.take(target, name, stop);
      } catch (err) {
        // One file that cannot be read or filed (permissions, the store away) does not hold up the others: it is tried again next scan.
        this.metrics.dropFolderErrors.inc({ source: target.sourceId });
        this.logger.warn(`${target.sourceId}: ${name}: ${(err as Error).message}`);
      }
      watched.delete(name);
    }
  }

  private async take(target: DropTarget, name: string, stop: AbortSignal): Promise<void> {
    const { path, maxBytes } = target.dropFolder;
    const body = await readCapped(join(path, name), maxBytes);
    if (body === 'gone' || body === 'changed') return;
    this.count(target, 'taken');
    if (body === 'too_large') return this.fail(target, name, { code: 'payload_too_large', message: `the file exceeds the limit of ${maxBytes} bytes` });
    const sha256 = contentHash(body);
    const key = dropFileKey(target.sourceId, sha256);
    const record = await this.ledger.get(key);
    const step = stepFor(record, new Date());
    if (step.step === 'move') {
      this.logger.log(`${target.sourceId}: ${name} was published before (a restart before it was moved, or the same content dropped again): filed without publishing`);
      return this.processed(target, name, step.reason);
    }
    const read = this.read(target, name, body, sha256, step.receivedAt);
    if ('refused' in read) return this.fail(target, name, read.refused);
    const first = verdictOf(read.items);
    if (first.to === 'failed') return this.fail(target, name, first.reason);
    if (stop.aborted) return;
    if (!record) await this.ledger.publishing({ _id: key, sourceId: target.sourceId, sha256, name, receivedAt: step.receivedAt, by: this.lease.owner });
    if (stop.aborted) return;
    const items = await this.publish(target, name, read.items, step.receivedAt);
    if (!items) return;
    const verdict = verdictOf(items);
    if (verdict.to === 'failed') {
      await this.ledger.forget(key);
      return this.fail(target, name, verdict.reason);
    }
    const published = items.filter((i) => i.status === 'accepted').length;
    await this.ledger.published(key, { published, rejected: items.length - published, ...(verdict.reason ? { reason: verdict.reason } : {}) });
    this.logger.log(`${target.sourceId}: ${name}: ${published} of ${items.length} stories published`);
    return this.processed(target, name, verdict.reason);
  }

  /** The intake path of a push, with the stories' ids made from the file's content (so a re-publish is the same story). */
  private read(target: DropTarget, name: string, body: Buffer, sha256: string, receivedAt: Date): { items: SubmittedItem[] } | { refused: DropReason } {
    const contentType = contentTypeForFile(name, target.format);
    if (!contentType) return { refused: { code: 'unsupported_media_type', message: `the source registers no format and the extension of ${name} names none (.xml, .json, .txt, .rss, .atom, .nitf)` } };
    try {
      const { items } = readSubmission(body, contentType, {
        maxItems: this.o.maxItems,
        articleBytes: this.o.articleBytes,
        receivedAt,
        attribution: { sourceId: target.sourceId, ...(target.provider ? { provider: target.provider } : {}), ...(target.language ? { language: target.language } : {}) },
        articleId: (index) => dropItemId(target.sourceId, sha256, index),
      });
      return { items };
    } catch (err) {
      if (err instanceof SubmissionRefusal) return { refused: { code: err.code, message: err.message } };
      throw err;
    }
  }

  /**
   * Publishes the accepted stories. A story the broker refuses for what it
   * is becomes `story_too_large`, as a push answers; any other failure (the
   * broker away, a timeout) leaves the file where it is, to be published
   * again next scan: returns undefined.
   */
  private async publish(target: DropTarget, name: string, items: SubmittedItem[], receivedAt: Date): Promise<ReadItem[] | undefined> {
    const results = await Promise.allSettled(items.map((i) => (i.status === 'accepted' ? this.publisher.publish(i.article, receivedAt) : Promise.resolve())));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [classifyPublishFailure(r.reason)] : []));
    const transient = failures.find((f) => f.kind === 'transient');
    if (transient) {
      this.count(target, 'publish_failed');
      this.logger.warn(`${target.sourceId}: ${name}: not published, left in place to retry: ${transient.reason}`);
      return undefined;
    }
    return items.map((item, i): ReadItem => {
      const r = results[i];
      if (item.status === 'rejected') return item;
      return r.status === 'rejected' ? { index: item.index, status: 'rejected', code: 'story_too_large', reason: classifyPublishFailure(r.reason).reason } : { index: item.index, status: 'accepted' };
    });
  }

  private async processed(target: DropTarget, name: string, reason: DropReason | undefined): Promise<void> {
    const filed = await fileAway(target.dropFolder.path, PROCESSED_FOLDER, name, reason ? { ...reason, at: new Date().toISOString() } : undefined);
    if (filed !== undefined) this.count(target, 'processed');
  }

  private async fail(target: DropTarget, name: string, reason: DropReason): Promise<void> {
    const filed = await fileAway(target.dropFolder.path, FAILED_FOLDER, name, { ...reason, at: new Date().toISOString() });
    if (filed === undefined) return;
    this.count(target, 'failed');
    this.failures?.failed(target.sourceId, `${name}: ${reason.code}`);
    this.logger.warn(`${target.sourceId}: ${name} moved to ${FAILED_FOLDER}/${filed}: ${reason.code}: ${reason.message}`);
  }

  private count(target: DropTarget, outcome: Outcome): void {
    this.metrics.dropFiles.inc({ source: target.sourceId, outcome });
  }

  /** An unreadable folder (unmounted share, permissions) is counted every scan and logged when the problem changes; readiness is not affected. */
  private problem(target: DropTarget, message: string): void {
    this.metrics.dropFolderErrors.inc({ source: target.sourceId });
    if (this.problems.get(target.sourceId) === message) return;
    this.problems.set(target.sourceId, message);
    this.logger.warn(`${target.sourceId}: drop folder ${target.dropFolder.path}: ${message}`);
  }

  private problemSolved(target: DropTarget): void {
    if (!this.problems.delete(target.sourceId)) return;
    this.logger.log(`${target.sourceId}: drop folder ${target.dropFolder.path} is readable again`);
  }
}
