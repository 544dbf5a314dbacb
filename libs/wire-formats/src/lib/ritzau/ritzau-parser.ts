import { personalByline } from '../common/byline';
import { cleanInline, finishDraft, fromHtml, type PartialDraft, toUrgency, toVersion } from '../common/draft';
import { readEmbargo } from '../common/editorial';
import { readInput } from '../common/input';
import { type ParseOptions, checkItemCount } from '../common/limits';
import { type ParseOutcome, ParseRejection } from '../common/types';
import { parseXmlSafely } from '../xml/safe-xml';
import { child, childrenNamed, cleanText, descendants, path, textOf, type XElement } from '../xml/tree';

/*
 * Ritzau's XML (the Danish agency's news service): one <RBNews> per story, or
 * a queue answer <XMLNewsQueuedResponse> listing them. Fields as Ritzau names
 * them: NewsID, PublishDate (Copenhagen local time, no zone), strapline (the
 * slug), headline, subtitle, town, content (escaped HTML), byLine, Priority,
 * IPTCList (IPTC subject codes), Korrektion / NyVersion / Annuleret
 * (correction, new version, cancelled) and TilRedaktionen (a note to editors,
 * kept out of the story).
 */

const RITZAU_ZONE = 'Europe/Copenhagen';

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** A zone-less "2018-01-30T17:32:18.397" read as the agency's local time; a time with a zone is kept as sent. */
export function localTimeToIso(value: string | undefined, timeZone = RITZAU_ZONE): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '0', fraction = '0', zone] = match;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  // Date.UTC would roll "month 13, day 40" over into a real but wrong date.
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  if (zone) {
    const parsed = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s.padStart(2, '0')}.${String(ms).padStart(3, '0')}${zone === 'Z' ? 'Z' : zone}`);
    return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
  }
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(wall)) return undefined;
  // The offset at the wall time read as UTC is right except within an hour of a change; asking again at the result settles it.
  const first = wall - zoneOffsetMs(wall, timeZone);
  const instant = wall - zoneOffsetMs(first, timeZone);
  const year = new Date(instant).getUTCFullYear();
  return year >= 1900 && year <= 2200 ? new Date(instant).toISOString() : undefined;
}

function flag(item: XElement, name: string): boolean {
  return cleanText(child(item, name))?.toLowerCase() === 'true';
}

export function readRitzauItem(item: XElement): PartialDraft {
  const published = localTimeToIso(cleanText(child(item, 'PublishDate')));
  const town = cleanText(child(item, 'town'));
  const origin = cleanText(child(item, 'origin'));
  const note = cleanInline(fromHtml(textOf(child(item, 'TilRedaktionen'))).bodyText);
  const embargo = note ? readEmbargo(note, published) : undefined;
  const slug = cleanText(child(item, 'strapline'));
  const section = cleanText(child(item, 'section'));
  const codes = descendants(child(item, 'IPTCList'), 'int', 50).map((el) => cleanText(el)).filter((c): c is string => !!c && /^\d{8}$/.test(c));
  const correction = flag(item, 'Korrektion');
  const id = cleanText(child(item, 'NewsID'));
  return {
    uri: id ? `urn:ritzau:${id}` : undefined,
    version: toVersion(cleanText(child(item, 'version'))),
    pubStatus: flag(item, 'Annuleret') ? 'canceled' : 'usable',
    signals: correction ? ['correction'] : flag(item, 'NyVersion') ? ['update'] : [],
    firstCreated: published,
    versionCreated: published,
    embargoed: embargo?.until,
    embargoNote: embargo?.note,
    urgency: toUrgency(cleanText(child(item, 'Priority'))),
    headline: cleanInline(textOf(child(item, 'headline'))),
    subheadline: cleanInline(textOf(child(item, 'subtitle'))),
    // Flashes are signed "Ritzau": the agency, not a writer.
    byline: personalByline(cleanText(child(item, 'byLine'))?.replace(/^ritzau$/i, '')),
    located: town,
    dateline: town,
    ...fromHtml(textOf(child(item, 'content'))),
    subjects: codes.map((code) => ({ scheme: 'subj', code })),
    keywords: [slug, section].filter((k): k is string => !!k),
    // "/ritzau/" on Ritzau's own copy; "Via Ritzau" on press releases it distributes.
    provider: origin && /via ritzau/i.test(origin) ? undefined : 'Ritzau',
  };
}

/** Ritzau's <RBNews> story, or the <XMLNewsQueuedResponse> that lists several. */
export function parseRitzau(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text, limits } = readInput(body, options);
  const root = parseXmlSafely(text, limits);
  let items: XElement[];
  if (root.local === 'RBNews') items = [root];
  else if (root.local === 'XMLNewsQueuedResponse') {
    items = childrenNamed(path(root, 'XMLNewsQueuedResult', 'ListOfRBNews'), 'RBNews');
    if (items.length === 0) throw new ParseRejection('empty', 'the Ritzau queue answer lists no RBNews item');
  } else throw new ParseRejection('unsupported-format', `expected Ritzau <RBNews> or <XMLNewsQueuedResponse>, found <${root.name}>`);
  checkItemCount(items.length, limits);
  return { format: 'ritzau-xml', items: items.map((item, i) => finishDraft(readRitzauItem(item), i)) };
}
