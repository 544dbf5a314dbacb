import { finishDraft, reject } from '../common/draft';
import { readInput } from '../common/input';
import { type ParseOptions, checkItemCount } from '../common/limits';
import { type ItemOutcome, type ParseOutcome, ParseRejection } from '../common/types';
import { parseXmlSafely } from '../xml/safe-xml';
import { child, childrenNamed, cleanText, path, type XElement } from '../xml/tree';
import { readNewsMl1Item } from './newsml1-item';

function outcomeOf(item: XElement, envelope: XElement | undefined, index: number): ItemOutcome {
  if (!child(item, 'NewsComponent')) {
    const id = cleanText(path(item, 'Identification', 'NewsIdentifier', 'PublicIdentifier'));
    const what = child(item, 'Update') ? 'an update to part of an earlier item' : 'an item without a NewsComponent';
    return reject(index, 'not-a-story', `NewsML 1 ${what}, not a complete story${id ? ` (${id})` : ''}`);
  }
  return finishDraft(readNewsMl1Item(item, envelope), index);
}

/**
 * NewsML 1.x: a <NewsML> document with one or more NewsItems, or a bare
 * <NewsItem>. Every item gets an outcome.
 */
export function parseNewsMl1(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text, limits } = readInput(body, options);
  const root = parseXmlSafely(text, limits);
  let items: XElement[];
  let envelope: XElement | undefined;
  if (root.local === 'NewsML') {
    envelope = child(root, 'NewsEnvelope');
    items = childrenNamed(root, 'NewsItem');
    if (items.length === 0) throw new ParseRejection('empty', 'the NewsML document carries no NewsItem');
    checkItemCount(items.length, limits);
  } else if (root.local === 'NewsItem') {
    items = [root];
  } else {
    throw new ParseRejection('unsupported-format', `expected a NewsML 1 <NewsML> or <NewsItem>, found <${root.name}>`);
  }
  return { format: 'newsml-1', items: items.map((item, i) => outcomeOf(item, envelope, i)) };
}
