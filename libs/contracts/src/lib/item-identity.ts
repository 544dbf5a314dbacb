import type { CanonicalArticle } from './article.schema';

type ItemIdentitySource = Pick<CanonicalArticle, 'uri' | 'provider' | 'publisher'> & { source?: { id?: string } };

/** Names agencies go by, lower-case and without punctuation, to the short name they use in their ids. */
const PROVIDER_ALIASES: Record<string, string> = {
  'agence france presse': 'afp',
  'agence francepresse': 'afp',
  'associated press': 'ap',
  'the associated press': 'ap',
  'thomson reuters': 'reuters',
  'reuters news': 'reuters',
  'deutsche presse agentur': 'dpa',
  'deutsche presseagentur': 'dpa',
  'australian associated press': 'aap',
  'press association': 'pa',
  'pa media': 'pa',
  'agenzia ansa': 'ansa',
  'agenzia nazionale stampa associata': 'ansa',
  'agencia efe': 'efe',
  'norsk telegrambyra': 'ntb',
  'tidningarnas telegrambyra': 'tt',
  'kyodo news': 'kyodo',
  'xinhua news agency': 'xinhua',
};

/**
 * One name per provider across formats: "Agence France-Presse", "AFP",
 * "afp.com" and a NewsML-G2 qcode "nprov:AFP" are one provider. Case,
 * accents, punctuation, a leading "the", a scheme prefix and a domain
 * suffix do not make another provider.
 */
export function normaliseProvider(name: string | undefined): string | undefined {
  if (!name) return undefined;
  let n = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
  n = n.replace(/^[a-z]+prov:/, '').replace(/^(https?:\/\/)?(www\.)?/, '');
  n = n.replace(/\.(com|org|net|it|de|fr|media|co\.uk|com\.au|se|no|es)(\/.*)?$/, '');
  n = n.replace(/-/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const alias = PROVIDER_ALIASES[n] ?? PROVIDER_ALIASES[n.replace(/^the /, '')];
  return alias ?? (n.replace(/^the /, '').replace(/ /g, '') || undefined);
}

/**
 * The provider's own item id, whatever the format wraps it in: the last
 * segment of a urn, tag URI or URL, without query, fragment or revision
 * (":2", "/v2", "_version_2"), lower-case. Undefined when what is left is
 * too short to name one item (an "en" path segment, a bare "1").
 */
export function normaliseItemId(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  let u = uri.trim().toLowerCase().replace(/[?#].*$/, '').replace(/\/+$/, '');
  for (let i = 0; i < 2; i++) u = u.replace(/(:|\/|_version_|\/v|:v)\d{1,3}$/, ''); // revisions: small numbers
  const segments = u.split(/[:/,]/).filter(Boolean);
  // The last segment names the item (a trailing language segment aside); never an earlier one, which names the site or the day.
  const last = segments.length > 1 && /^[a-z]{2}$/.test(segments.at(-1) as string) ? segments.at(-2) : segments.at(-1);
  // Ids carry digits: a segment without any ("article", a slug) does not name one item, nor does a date.
  if (!last || last.length < 6 || !/\d/.test(last) || /^(\d{4}(-\d\d(-\d\d)?)?|(19|20)\d{6})$/.test(last)) return undefined;
  return last.replace(/^newsml_/, '');
}

/**
 * A story's item identity across formats: the sender, then the provider's
 * item id normalised. The authenticated source id comes first, as in the
 * story key: only a signed sender's own deliveries share an identity, so a
 * body naming another provider cannot reach that provider's items. Without
 * one (unsigned development-mode deliveries) the normalised provider name
 * stands in, in a namespace of its own, so an unsigned body naming "AFP"
 * never shares an identity with a signed source whose id is "afp".
 * Undefined when the item carries no usable id or no sender.
 */
export function itemIdentityOf(article: ItemIdentitySource): string | undefined {
  const named = normaliseProvider(article.provider ?? article.publisher);
  const sender = article.source?.id ? `source:${article.source.id}` : named ? `named:${named}` : undefined;
  const item = normaliseItemId(article.uri);
  return sender && item ? `${sender}|${item}` : undefined;
}
