import type { ArticleDoc } from '../article.model';
import { listId, type ListField } from './keys';

/** The stored fields a story is listed under. */
export type ListedFields = Partial<
  Pick<
    ArticleDoc,
    'people' | 'organisations' | 'places' | 'subjects' | 'source' | 'provider' | 'publisher' | 'language' | 'clusterId' | 'dedupStatus' | 'searchTerms' | 'searchText'
  >
>;

/** Every list a story in this state belongs to (the same values the API's filters compare with). */
export function listsOf(doc: ListedFields): string[] {
  const lists = new Set<string>();
  const add = (field: ListField, values: (string | undefined)[] | undefined) => {
    for (const v of values ?? []) if (typeof v === 'string' && v !== '') lists.add(listId(field, v));
  };
  add('person', doc.people);
  add('organisation', doc.organisations);
  add('place', doc.places);
  add('subject', doc.subjects);
  add('source', [doc.source]);
  add('provider', [doc.provider]);
  add('publisher', [doc.publisher]);
  add('language', [doc.language]);
  add('cluster', [doc.clusterId]);
  add('status', [doc.dedupStatus]);
  // A word recurs in a text: each distinct one is hashed once.
  add('term', [...new Set(doc.searchTerms ?? doc.searchText?.split(' '))]);
  return [...lists];
}

/** The equality filters of a list query, by list field, as the stored documents spell them. */
export type ListConditions = Partial<Record<Exclude<ListField, 'term'>, string>> & { terms?: string[] };

/** The lists a query's matches must all be in. */
export function listsOfConditions(c: ListConditions): string[] {
  const lists: string[] = [];
  for (const [field, value] of Object.entries(c) as [ListField | 'terms', string | string[] | undefined][]) {
    if (value === undefined) continue;
    if (field === 'terms') lists.push(...(value as string[]).map((t) => listId('term', t)));
    else lists.push(listId(field, value as string));
  }
  return [...new Set(lists)];
}
