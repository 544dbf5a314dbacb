import { checkAddress, hostOf, isIpLiteral } from './address-policy';
import { conditionalHeaders, validatorsOf } from './conditional';
import { followRedirect, sameOrigin } from './redirects';
import { nextPollDelayMs, retryAfterSeconds } from './schedule';
import { itemFingerprint, selectNewItems } from './seen-items';

describe('address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['192.0.2.10', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:a9fe:a9fe', 'linkLocal'],
    ['::7f00:1', 'ipv4Compatible'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:7f00:1::', '6to4'],
    ['2001:db8::1', 'reserved'],
  ])('refuses %s (%s)', (address, range) => {
    const verdict = checkAddress(address);
    expect(verdict).toEqual({ allowed: false, reason: expect.stringContaining(`a ${range} address`) });
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8', '172.32.0.1', '100.128.0.1'])('allows the public address %s', (address) => {
    expect(checkAddress(address)).toEqual({ allowed: true });
  });

  it('allows internal addresses to a source allowed all of them, or those in its ranges only', () => {
    expect(checkAddress('127.0.0.1', true)).toEqual({ allowed: true });
    expect(checkAddress('10.9.8.7', ['10.0.0.0/8'])).toEqual({ allowed: true });
    expect(checkAddress('127.0.0.2', ['127.0.0.2'])).toEqual({ allowed: true });
    expect(checkAddress('::ffff:127.0.0.2', ['127.0.0.2'])).toEqual({ allowed: true });
    expect(checkAddress('127.0.0.1', ['127.0.0.2'])).toMatchObject({ allowed: false });
    expect(checkAddress('::1', ['127.0.0.0/8'])).toMatchObject({ allowed: false });
    expect(checkAddress('fd00::5', ['fd00::/8'])).toEqual({ allowed: true });
    expect(checkAddress('not-an-ip', true)).toEqual({ allowed: false, reason: 'not-an-ip is not an IP address' });
  });

  it('tells IP literals from names, brackets removed', () => {
    expect(hostOf(new URL('http://[::1]:8080/x'))).toBe('::1');
    expect(isIpLiteral(hostOf(new URL('http://[::1]:8080/x')))).toBe(true);
    expect(isIpLiteral(hostOf(new URL('http://127.0.0.1/')))).toBe(true);
    expect(isIpLiteral(hostOf(new URL('http://localhost/')))).toBe(false);
    // WHATWG URL parsing normalises odd IPv4 spellings to the address itself.
    expect(hostOf(new URL('http://0x7f.1/'))).toBe('127.0.0.1');
  });
});

describe('schedule', () => {
  const every = { everySeconds: 60, maxBackoffSeconds: 3600 };

  it('polls on the interval while the feed answers', () => {
    expect(nextPollDelayMs({ ...every, failures: 0 }, () => 0.99)).toBe(60_000);
  });

  it('backs off exponentially with jitter between half and all of the step, capped, never under the interval', () => {
    const at = (failures: number, r: number) => nextPollDelayMs({ ...every, failures }, () => r);
    expect([1, 2, 3, 4].map((f) => at(f, 0))).toEqual([60_000, 60_000, 120_000, 240_000]);
    expect([1, 2, 3, 4].map((f) => at(f, 1))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(at(50, 1)).toBe(3_600_000);
    expect(at(50, 0)).toBe(1_800_000);
    const spread = new Set(Array.from({ length: 20 }, (_, i) => at(4, i / 20)));
    expect(spread.size).toBe(20);
  });

  it('honours Retry-After, even past the cap', () => {
    expect(nextPollDelayMs({ ...every, failures: 1, retryAfterSeconds: 600 }, () => 0)).toBe(600_000);
    expect(nextPollDelayMs({ ...every, failures: 1, retryAfterSeconds: 7200 }, () => 0)).toBe(7_200_000);
    expect(retryAfterSeconds('120')).toBe(120);
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:00 GMT', new Date('2015-10-21T07:27:00Z'))).toBe(60);
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(retryAfterSeconds(undefined)).toBeUndefined();
  });
});

describe('conditional requests', () => {
  it('asks with the validators of the last 200, and with none the first time', () => {
    expect(conditionalHeaders(undefined)).toEqual({});
    const v = validatorsOf({ etag: 'W/"abc"', 'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT' });
    expect(conditionalHeaders(v)).toEqual({ 'if-none-match': 'W/"abc"', 'if-modified-since': 'Wed, 21 Oct 2015 07:28:00 GMT' });
  });

  it('drops validators it could not send back', () => {
    expect(validatorsOf({ etag: 'x'.repeat(2000), 'last-modified': 'yesterday' })).toEqual({});
    expect(validatorsOf({ etag: ['"a"', '"b"'] })).toEqual({ etag: '"a"' });
  });
});

describe('redirects', () => {
  const from = new URL('https://feeds.example/a/feed.xml');

  it('follows relative and absolute http(s) locations up to the limit', () => {
    expect(followRedirect(from, '../b.xml', 0, 5)).toEqual({ follow: new URL('https://feeds.example/b.xml') });
    expect(followRedirect(from, 'http://127.0.0.1:9/x', 4, 5)).toEqual({ follow: new URL('http://127.0.0.1:9/x') });
    expect(followRedirect(from, '/c', 5, 5)).toMatchObject({ refuse: 'too_many_redirects' });
  });

  it('refuses a missing location, other schemes and credentials in the target', () => {
    expect(followRedirect(from, undefined, 0, 5)).toMatchObject({ refuse: 'bad_redirect' });
    expect(followRedirect(from, 'file:///etc/passwd', 0, 5)).toMatchObject({ refuse: 'bad_redirect', reason: 'a redirect to a file: URL' });
    expect(followRedirect(from, 'https://u:p@evil.example/', 0, 5)).toMatchObject({ refuse: 'bad_redirect' });
    expect(followRedirect(from, 'http://[::1', 0, 5)).toMatchObject({ refuse: 'bad_redirect' });
  });

  it('keeps credentials to the registered origin', () => {
    expect(sameOrigin(from, new URL('https://feeds.example/other'))).toBe(true);
    expect(sameOrigin(from, new URL('http://feeds.example/a/feed.xml'))).toBe(false);
    expect(sameOrigin(from, new URL('https://cdn.example/a'))).toBe(false);
  });
});

describe('items seen before', () => {
  const item = (uri: string, headline = 'H') => ({ uri, headline, fingerprint: itemFingerprint({ uri, headline }) });

  it('publishes new and changed items only, once each, and remembers a bounded window newest first', () => {
    const first = selectNewItems([], [item('a'), item('b'), item('b')], 3);
    expect(first.fresh.map((i) => i.uri)).toEqual(['a', 'b']);
    const again = selectNewItems(first.remember, [item('a'), item('b')], 3);
    expect(again.fresh).toEqual([]);
    const changed = selectNewItems(again.remember, [item('c'), item('a', 'H2'), item('b')], 3);
    expect(changed.fresh.map((i) => [i.uri, i.headline])).toEqual([
      ['c', 'H'],
      ['a', 'H2'],
    ]);
    expect(changed.remember).toEqual([item('c').fingerprint, item('a', 'H2').fingerprint, item('b').fingerprint]);
  });

  it('fingerprints id and content, nothing else', () => {
    expect(itemFingerprint({ uri: 'u', headline: 'h' })).toBe(itemFingerprint({ uri: 'u', headline: 'h' }));
    expect(itemFingerprint({ uri: 'u', headline: 'h' })).not.toBe(itemFingerprint({ uri: 'v', headline: 'h' }));
    expect(itemFingerprint({ uri: 'u', version: 1 })).not.toBe(itemFingerprint({ uri: 'u', version: 2 }));
  });
});
