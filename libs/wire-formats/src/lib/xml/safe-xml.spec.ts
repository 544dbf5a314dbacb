import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../common/limits';
import { ParseRejection } from '../common/types';
import { parseXmlSafely } from './safe-xml';
import { child, textOf } from './tree';

const maliciousDir = join(__dirname, '../../fixtures/malicious');

function rejectionOf(fn: () => unknown): ParseRejection {
  try {
    fn();
  } catch (error) {
    if (error instanceof ParseRejection) return error;
    throw error;
  }
  throw new Error('expected a ParseRejection');
}

describe('parseXmlSafely', () => {
  it('decodes only the predefined entities and character references', () => {
    const root = parseXmlSafely('<a t="x &amp; &#65;">&lt;b&gt; &#x263A; &#0; &nbsp; &quot;q&apos;</a>');
    expect(root.attrs['t']).toBe('x & A');
    expect(textOf(root)).toBe('<b> ☺ \ufffd &nbsp; "q\'');
  });

  it('keeps CDATA as written', () => {
    expect(textOf(parseXmlSafely('<a><![CDATA[<p>&amp;</p>]]></a>'))).toBe('<p>&amp;</p>');
  });

  it('resolves namespaces', () => {
    const root = parseXmlSafely('<r xmlns="urn:d" xmlns:dc="urn:dc"><dc:creator>x</dc:creator></r>');
    expect(child(root, 'creator', 'urn:dc')?.ns).toBe('urn:dc');
    expect(root.ns).toBe('urn:d');
  });

  it('tolerates an external DTD reference without fetching it', () => {
    const root = parseXmlSafely('<!DOCTYPE nitf SYSTEM "http://example.invalid/nitf.dtd"><nitf><body/></nitf>');
    expect(root.local).toBe('nitf');
  });

  it('refuses a DOCTYPE with an internal subset as unsafe', () => {
    expect(rejectionOf(() => parseXmlSafely('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')).code).toBe('unsafe');
  });

  it('enforces size, depth and element limits', () => {
    const limits = { ...DEFAULT_LIMITS, maxBytes: 100, maxDepth: 5, maxElements: 10 };
    expect(rejectionOf(() => parseXmlSafely(`<a>${'x'.repeat(200)}</a>`, limits)).code).toBe('too-large');
    expect(rejectionOf(() => parseXmlSafely('<a><a><a><a><a><a>deep</a></a></a></a></a></a>', limits)).code).toBe('too-large');
    expect(rejectionOf(() => parseXmlSafely(`<r>${'<b/>'.repeat(11)}</r>`, limits)).code).toBe('too-large');
  });

  it('refuses deep nesting fast with the default limits', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    const started = Date.now();
    expect(rejectionOf(() => parseXmlSafely(deep)).code).toBe('too-large');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports broken XML as malformed', () => {
    expect(rejectionOf(() => parseXmlSafely('<a><b')).code).toBe('malformed');
    expect(rejectionOf(() => parseXmlSafely('just text')).code).toBe('malformed');
  });

  it.each(readdirSync(maliciousDir))('refuses malicious/%s in well under a second', (name) => {
    const xml = readFileSync(join(maliciousDir, name), 'utf8');
    const started = performance.now();
    const rejection = rejectionOf(() => parseXmlSafely(xml));
    expect(performance.now() - started).toBeLessThan(250);
    expect(['unsafe', 'too-large']).toContain(rejection.code);
  });
});
