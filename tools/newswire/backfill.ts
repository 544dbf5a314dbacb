import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { secretBytes, signRequest } from '@newswire/sources';
import { decodeBuffer, detectFormat } from '@newswire/wire-formats';
import { type ArchiveEntry, readArchive } from './archive-entries';
import { defaultStatePath, type FileOutcome, loadState, saveState } from './backfill-state';
import { type CliContext, UsageError } from './context';
import { progressBar, table } from './render';

export interface BackfillOptions {
  url?: string;
  rate?: number;
  state?: string;
  restart?: boolean;
  source?: string;
  secretEnv?: string;
  secretFile?: string;
}

export interface BackfillSummary {
  archive: string;
  stateFile: string;
  files: number;
  /** Done by an earlier, interrupted run (read from the state file). */
  resumed: number;
  byStatus: Record<FileOutcome['status'], number>;
  /** Stories in all files: accepted by the ingester, and refused with their reasons. */
  items: { accepted: number; refused: number; reasons: Record<string, number> };
  refusedFiles: { name: string; http: number; reason: string }[];
}

/** The specific media type of what the file is (as the conformance run detects it), so the ingester reads it as that. */
const MEDIA_TYPES: Record<string, string> = {
  plaintext: 'text/plain',
  ninjs: 'application/ninjs+json',
  'newsml-g2': 'application/vnd.iptc.g2.newsitem+xml',
  nitf: 'application/nitf+xml',
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  'newsml-1': 'application/vnd.iptc.newsml+xml',
  'anpa-1312': 'application/x-anpa-1312',
  'iptc-7901': 'application/x-iptc-7901',
  xml: 'application/xml',
};

export function contentTypeOf(entry: ArchiveEntry): string {
  const format = detectFormat({ body: entry.body, filename: entry.name }, decodeBuffer(entry.body).text);
  return MEDIA_TYPES[format] ?? 'application/octet-stream';
}

/** The same file from the same archive is the same delivery: a re-sent file gets the ingester's first answer, never a second story. */
export function deliveryIdOf(source: string, entry: ArchiveEntry): string {
  const h = createHash('sha256').update(source).update('\0').update(entry.name).update('\0').update(entry.body).digest('hex');
  return `backfill-${h.slice(0, 32)}`;
}

interface IngestAnswer {
  status?: string;
  error?: string;
  message?: string;
  items?: { status: string; code?: string }[];
  details?: { items?: { status: string; code?: string }[] };
}

/** Reads the ingester's answer (202 report or JSON error) into a file outcome. */
export function outcomeOf(http: number, body: IngestAnswer, replayed: boolean): FileOutcome {
  const items = body.items ?? body.details?.items ?? [];
  const reasons: Record<string, number> = {};
  let accepted = 0;
  for (const item of items) {
    if (item.status === 'accepted') accepted += 1;
    else reasons[item.code ?? 'unknown'] = (reasons[item.code ?? 'unknown'] ?? 0) + 1;
  }
  // A whole-document refusal without an item list (unsafe XML, an empty body) counts as one refused item.
  if (!items.length && http >= 400) reasons[body.error ?? `http_${http}`] = 1;
  const refused = Object.values(reasons).reduce((a, b) => a + b, 0);
  const status: FileOutcome['status'] = replayed ? 'duplicate' : accepted === 0 ? 'refused' : refused ? 'partial' : 'accepted';
  return { status, http, accepted, refused, reasons, ...(accepted === 0 && body.message ? { message: body.message } : {}) };
}

/** Answers worth waiting for: the ingester or Kafka is busy, or the same delivery is in flight. */
const RETRY_STATUSES = new Set([409, 429, 502, 503, 504]);
const MAX_ATTEMPTS = 8;

/**
 * `backfill <folder|.zip|.tar.gz>`: posts every wire file to the ingester's
 * HTTP API, one at a time at most `--rate` per second, signed when a source
 * is given. Each file's outcome goes into the state file as soon as it is
 * known, so an interrupted run resumes where it stopped.
 */
export async function backfill(ctx: CliContext, path: string, o: BackfillOptions): Promise<BackfillSummary> {
  const url = `${(o.url ?? 'http://127.0.0.1:3000').replace(/\/$/, '')}/v1/articles`;
  const secret = o.source ? readSecret(ctx, o) : undefined;
  const entries = await readArchive(path);
  const stateFile = o.state ?? defaultStatePath(path);
  const state = loadState(stateFile, path, Boolean(o.restart));
  const resumed = entries.filter((e) => state.files[e.name]).length;
  const minIntervalMs = 1000 / (o.rate ?? 20);
  const bar = progressBar(ctx, 'backfill', entries.length);
  let lastStart = 0;
  try {
    for (const [i, entry] of entries.entries()) {
      if (state.files[entry.name]) continue;
      const headers: Record<string, string> = { 'content-type': contentTypeOf(entry) };
      if (o.source && secret) Object.assign(headers, signRequest({ sourceId: o.source, secrets: secret, body: entry.body, deliveryId: deliveryIdOf(o.source, entry) }));
      let outcome: FileOutcome | undefined;
      for (let attempt = 1; !outcome; attempt++) {
        const wait = lastStart + minIntervalMs - Date.now();
        if (wait > 0) await delay(wait);
        lastStart = Date.now();
        const res = await fetch(url, { method: 'POST', headers, body: new Uint8Array(entry.body) });
        const body = (await res.json().catch(() => ({}))) as IngestAnswer;
        if (RETRY_STATUSES.has(res.status) && attempt < MAX_ATTEMPTS) {
          await delay(Math.min(30, Number(res.headers.get('retry-after')) || attempt) * 1000);
          continue;
        }
        if (res.status >= 500 || res.status === 401 || (res.status === 403 && body.error !== 'source_disabled')) {
          // Not the file's fault: stop here, so the rest is sent once the cause is fixed (the state file keeps what is done).
          throw new Error(`${entry.name}: HTTP ${res.status} ${body.error ?? ''} ${body.message ?? ''}`.trim());
        }
        outcome = outcomeOf(res.status, body, res.headers.get('x-newswire-replay') === 'true');
      }
      state.files[entry.name] = outcome;
      saveState(stateFile, state);
      bar.update(i + 1, { note: entry.name.slice(-40) });
    }
  } finally {
    bar.stop();
  }
  return summarise(path, stateFile, entries, state.files, resumed);
}

function readSecret(ctx: CliContext, o: BackfillOptions): Uint8Array {
  if (o.secretFile) return secretBytes(readFileSync(o.secretFile, 'utf8'));
  const name = o.secretEnv ?? 'NEWSWIRE_SOURCE_SECRET';
  const value = ctx.env[name];
  if (!value) throw new UsageError(`--source needs a secret: set ${name} or give --secret-file (never the secret itself as an argument)`);
  return secretBytes(value);
}

function summarise(archive: string, stateFile: string, entries: ArchiveEntry[], files: Record<string, FileOutcome>, resumed: number): BackfillSummary {
  const summary: BackfillSummary = {
    archive,
    stateFile,
    files: entries.length,
    resumed,
    byStatus: { accepted: 0, partial: 0, refused: 0, duplicate: 0 },
    items: { accepted: 0, refused: 0, reasons: {} },
    refusedFiles: [],
  };
  for (const entry of entries) {
    const f = files[entry.name];
    if (!f) continue;
    summary.byStatus[f.status] += 1;
    summary.items.accepted += f.accepted;
    summary.items.refused += f.refused;
    for (const [code, n] of Object.entries(f.reasons)) summary.items.reasons[code] = (summary.items.reasons[code] ?? 0) + n;
    if (f.status === 'refused') summary.refusedFiles.push({ name: entry.name, http: f.http, reason: f.message ?? Object.keys(f.reasons).join(', ') });
  }
  return summary;
}

export function renderBackfill(s: BackfillSummary): string {
  const files = table(
    ['files', 'count'],
    [
      ['accepted (every story)', s.byStatus.accepted],
      ['partial (some stories refused)', s.byStatus.partial],
      ['refused (no story accepted)', s.byStatus.refused],
      ['duplicate (delivery already taken)', s.byStatus.duplicate],
      ['total', s.files],
    ],
  );
  const reasons = table(
    ['refused stories by reason', 'count'],
    Object.entries(s.items.reasons).sort((a, b) => b[1] - a[1]),
  );
  const resumed = s.resumed ? ` (${s.resumed} files done by an earlier run)` : '';
  return `${files}\n${reasons}\nbackfill: ${s.items.accepted} stories accepted, ${s.items.refused} refused, in ${s.files} files${resumed}; state in ${s.stateFile}`;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
