import { finishDraft, reject } from '../common/draft';
import { readInput } from '../common/input';
import { type ParseOptions, checkItemCount } from '../common/limits';
import { type ItemOutcome, type ParseOutcome, ParseRejection } from '../common/types';
import { parseXmlSafely } from '../xml/safe-xml';
import { attr, child, elementsOf, type XElement } from '../xml/tree';
import { readNewsItem } from './g2-item';

const NOT_STORIES: Record<string, string> = {
  packageItem: 'a package item (references to other items), not a story',
  conceptItem: 'a concept item (knowledge about a person, event or thing), not a story',
  planningItem: 'a planning item (coverage plans), not a story',
  knowledgeItem: 'a knowledge item (a set of concepts), not a story',
  catalogItem: 'a catalog item (controlled vocabularies), not a story',
};
const ITEM_NAMES = new Set(['newsItem', ...Object.keys(NOT_STORIES)]);

function outcomeOf(item: XElement, index: number): ItemOutcome {
  const notStory = NOT_STORIES[item.local];
  if (notStory) {
    const guid = attr(item, 'guid');
    return reject(index, 'not-a-story', `NewsML-G2 ${notStory}${guid ? ` (${guid})` : ''}`);
  }
  const { notForPublication, ...draft } = readNewsItem(item);
  if (notForPublication) {
    const guid = attr(item, 'guid');
    return reject(index, 'not-a-story', `NewsML-G2 item whose text is only a note to editors (not for publication)${guid ? ` (${guid})` : ''}`);
  }
  return finishDraft(draft, index);
}

/**
 * NewsML-G2: a newsMessage with an itemSet, or one bare item. Every item gets
 * an outcome; non-story items are rejected one by one with 'not-a-story'.
 * A document that is not a G2 item or message throws ParseRejection.
 */
export function parseNewsMlG2(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text, limits } = readInput(body, options);
  const root = parseXmlSafely(text, limits);
  let items: XElement[];
  if (root.local === 'newsMessage') {
    items = elementsOf(child(root, 'itemSet')).filter((el) => ITEM_NAMES.has(el.local));
    if (items.length === 0) throw new ParseRejection('empty', 'the newsMessage carries no items');
    checkItemCount(items.length, limits);
  } else if (ITEM_NAMES.has(root.local)) {
    items = [root];
  } else if (/^(contentSet|contentMeta|itemMeta|groupSet|group|inlineXML)$/.test(root.local)) {
    throw new ParseRejection('not-a-story', `a NewsML-G2 fragment <${root.local}>, not a complete item`);
  } else {
    throw new ParseRejection('unsupported-format', `expected a NewsML-G2 item or newsMessage, found <${root.name}>`);
  }
  return { format: 'newsml-g2', items: items.map(outcomeOf) };
}
