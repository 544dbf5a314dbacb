import { storyKeyOf } from './story-key';

describe('storyKeyOf', () => {
  it('puts the authenticated source id first, whatever provider or publisher the body names', () => {
    expect(storyKeyOf({ uri: 'urn:x:1', provider: 'Other Wire', publisher: 'Someone', source: { id: 'acme' } })).toBe('acme|urn:x:1');
    // Two senders naming the same provider and uri address two different stories.
    expect(storyKeyOf({ uri: 'urn:x:1', provider: 'ACME', source: { id: 'acme' } })).not.toBe(
      storyKeyOf({ uri: 'urn:x:1', provider: 'ACME', source: { id: 'mallory' } }),
    );
  });

  it('falls back to provider, then publisher, lower-cased, for unsigned stories', () => {
    expect(storyKeyOf({ uri: 'urn:x:1', provider: ' ACME Wire ', publisher: 'P', source: {} })).toBe('acme wire|urn:x:1');
    expect(storyKeyOf({ uri: 'urn:x:1', publisher: 'Daily' })).toBe('daily|urn:x:1');
    expect(storyKeyOf({ uri: 'urn:x:1' })).toBe('urn:x:1');
  });
});
