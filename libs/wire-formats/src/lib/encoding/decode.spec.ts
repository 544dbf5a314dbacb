import * as iconv from 'iconv-lite';
import { decodeBuffer } from './decode';

const text = 'Café “quoted” — naïve';

describe('decodeBuffer', () => {
  it.each([
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])],
    ['utf-32le', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode(text, 'utf-32le')])],
    ['utf-32be', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), iconv.encode(text, 'utf-32be')])],
  ])('reads a %s byte-order mark first', (encoding, bytes) => {
    const decoded = decodeBuffer(bytes, 'text/plain; charset=iso-8859-1');
    expect(decoded).toMatchObject({ text, encoding, source: 'bom' });
  });

  it('recognises UTF-16 XML without a BOM by its zero bytes', () => {
    const decoded = decodeBuffer(iconv.encode('<?xml version="1.0"?><a>é</a>', 'utf-16le'));
    expect(decoded.text).toBe('<?xml version="1.0"?><a>é</a>');
  });

  it.each(['utf-32le', 'utf-32be'])('recognises %s XML without a BOM by its zero bytes', (encoding) => {
    const decoded = decodeBuffer(iconv.encode('<?xml version="1.0"?><a>é</a>', encoding));
    expect(decoded).toMatchObject({ text: '<?xml version="1.0"?><a>é</a>', encoding });
  });

  it('honours a declared single-byte charset', () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="ISO-8859-1"?><a>Café</a>', 'latin1');
    expect(decodeBuffer(bytes)).toMatchObject({ text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>Café</a>', source: 'declaration' });
  });

  it('reads windows-1252 quotes in a file declared ISO-8859-1', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), Buffer.from([0x93, 0x68, 0x69, 0x94]), Buffer.from('</a>')]);
    expect(decodeBuffer(bytes).text).toContain('“hi”');
  });

  it('keeps UTF-8 that is declared ISO-8859-1 (a common mislabel)', () => {
    const bytes = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><a>${text}</a>`, 'utf8');
    const decoded = decodeBuffer(bytes);
    expect(decoded.text).toContain(text);
    expect(decoded).toMatchObject({ encoding: 'utf-8', source: 'detected', declared: 'iso-8859-1' });
  });

  it('re-detects bytes declared UTF-8 that are not UTF-8', () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="UTF-8"?><a>Il était une fois à Paris, déjà.</a>', 'latin1');
    expect(decodeBuffer(bytes).text).toContain('Il était une fois à Paris, déjà.');
  });

  it('detects Latin-1 text with no declaration at all', () => {
    const bytes = iconv.encode('Le président a annoncé la réforme des retraites à Marseille. Les syndicats ont réagi très vite.', 'latin1');
    const decoded = decodeBuffer(bytes);
    expect(decoded.text).toContain('président a annoncé la réforme');
    expect(decoded.source).toBe('detected');
  });

  it('prefers the transport charset over the document declaration', () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="UTF-8"?><a>ü</a>', 'windows-1252');
    expect(decodeBuffer(bytes, 'application/xml; charset=windows-1252')).toMatchObject({ source: 'content-type' });
    expect(decodeBuffer(bytes, 'application/xml; charset=windows-1252').text).toContain('<a>ü</a>');
  });
});

describe('decodeBuffer with a declared UTF-16 or UTF-32 charset and no BOM', () => {
  const cyrillic = 'Рынки растут: акции выросли в понедельник';

  it.each([
    ['utf-16le', 'utf-16le'],
    ['UTF-16LE', 'utf-16le'],
    ['utf-16be', 'utf-16be'],
    ['utf-32le', 'utf-32le'],
    ['utf-32be', 'utf-32be'],
  ])('honours charset=%s from the content type', (label, encoding) => {
    const decoded = decodeBuffer(iconv.encode(cyrillic, encoding), `text/plain; charset=${label}`);
    expect(decoded).toMatchObject({ text: cyrillic, encoding, source: 'content-type' });
  });

  it('reads charset=utf-16 without a BOM as big-endian (RFC 2781) unless the zero bytes say little-endian', () => {
    expect(decodeBuffer(iconv.encode('新闻 报道', 'utf-16be'), 'text/plain; charset=utf-16').text).toBe('新闻 报道');
    expect(decodeBuffer(iconv.encode(' Markets rally', 'utf-16le'), 'text/plain; charset=utf-16').text).toBe(' Markets rally');
  });

  it('recognises BOM-less UTF-16 plain text and JSON by their zero bytes, not only XML', () => {
    expect(decodeBuffer(iconv.encode('Markets rally', 'utf-16le')).text).toBe('Markets rally');
    expect(decodeBuffer(iconv.encode('{"headline":"x"}', 'utf-16be')).text).toBe('{"headline":"x"}');
  });

  it('does not turn UTF-8 mislabelled UTF-16 into garbage', () => {
    expect(decodeBuffer(Buffer.from('Markets rally.', 'utf8'), 'text/plain; charset=utf-16').text).toBe('Markets rally.');
    expect(decodeBuffer(Buffer.from('Odd', 'utf8'), 'text/plain; charset=utf-16le').text).toBe('Odd');
  });
});
