import { itemIdentityOf, normaliseItemId, normaliseProvider } from './item-identity';

describe('normaliseProvider', () => {
  it.each([
    ['AFP', 'afp'], ['Agence France-Presse', 'afp'], ['agence france presse', 'afp'], ['afp.com', 'afp'], ['nprov:AFP', 'afp'],
    ['The Associated Press', 'ap'], ['ap.org', 'ap'], ['Thomson Reuters', 'reuters'], ['reuters.com', 'reuters'],
    ['Deutsche Presse-Agentur', 'dpa'], ['DPA', 'dpa'], ['PA Media', 'pa'], ['Agenzia ANSA', 'ansa'], ['Tidningarnas Telegrambyrå', 'tt'],
  ])('%s is %s', (name, expected) => expect(normaliseProvider(name)).toBe(expected));

  it('keeps other providers apart and has nothing for no name', () => {
    expect(normaliseProvider('Bloomberg')).toBe('bloomberg');
    expect(normaliseProvider('AP')).not.toBe(normaliseProvider('AFP'));
    expect(normaliseProvider('  ')).toBeUndefined();
    expect(normaliseProvider(undefined)).toBeUndefined();
  });
});

describe('normaliseItemId', () => {
  it('reads one id through urn, tag URI and URL forms, without revision, query or case', () => {
    const afp = ['urn:newsml:afp.com:20240520:TX-PAR-ABC12', 'urn:newsml:afp.com:20240520:TX-PAR-ABC12:2', 'urn:afp:TX-PAR-ABC12'].map(normaliseItemId);
    expect(new Set(afp)).toEqual(new Set(['tx-par-abc12']));
    expect(normaliseItemId('tag:reuters.com,2024:newsml_LXN3ABC12:3')).toBe(normaliseItemId('tag:reuters.com,2024:newsml_LXN3ABC12'));
    expect(normaliseItemId('https://api.ap.org/media/v/content/8c9f92e2a4414c709a295b449f459a74?qt=H1&et=0')).toBe(normaliseItemId('urn:publicid:ap.org:8c9f92e2a4414c709a295b449f459a74'));
    expect(normaliseItemId('http://www.businesswire.com/news/home/20130515006361/en')).toBe('20130515006361');
  });

  it('gives no id where the last segment cannot name one item: a word, a slug, a date, a number too short, a page with a query id', () => {
    for (const uri of ['urn:x:1', 'https://example.com/news/flood-hits-town', 'urn:newsml:afp.com:20240520', 'https://example24.com/article?id=5', 'https://example.com/2024']) {
      expect(normaliseItemId(uri)).toBeUndefined();
    }
    expect(normaliseItemId('urn:x:item-1234')).not.toBe(normaliseItemId('urn:x:item-1235'));
  });
});

describe('itemIdentityOf', () => {
  it('is the same for one provider item across formats, and the authenticated source comes first', () => {
    const json = itemIdentityOf({ provider: 'AFP', uri: 'urn:afp:TX-PAR-ABC12' });
    expect(itemIdentityOf({ provider: 'Agence France-Presse', uri: 'urn:newsml:afp.com:20240520:TX-PAR-ABC12:2' })).toBe(json);
    const signed = itemIdentityOf({ provider: 'AFP', uri: 'urn:afp:TX-PAR-ABC12', source: { id: 'afp-feed' } });
    expect(signed).toBe('source:afp-feed|tx-par-abc12');
    expect(itemIdentityOf({ provider: 'AFP', uri: 'urn:afp:TX-PAR-ABC12', source: { id: 'afp' } })).not.toBe(json);
    // A body that names the provider does not reach the signed sender's items.
    expect(json).not.toBe(signed);
    expect(itemIdentityOf({ uri: 'urn:afp:TX-PAR-ABC12' })).toBeUndefined();
  });
});
