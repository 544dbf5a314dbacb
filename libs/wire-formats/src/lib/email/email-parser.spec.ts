import * as iconv from 'iconv-lite';
import { parseDocument } from '../dispatch/parse-document';
import { sniffFormat, sniffPlainText } from '../dispatch/sniff';
import { looksLikeEmail, parseEmail } from './email-parser';

const CRLF = (lines: string[]) => lines.join('\r\n');

/** A stringer's story as a desktop client sends it: alternative text and HTML, quoted-printable windows-1252. */
const STRINGER = Buffer.concat([
  Buffer.from(
    CRLF([
      'Return-Path: <ben.everill@example.com>',
      'Received: from mail.example.com (mail.example.com [192.0.2.1])',
      '\tby mx.example.net with ESMTP id 42; Tue, 10 Mar 2015 14:17:14 -0700',
      'From: Ben Everill <ben.everill@example.com>',
      'To: desk@example.net',
      'Subject: Fwd: =?utf-8?Q?Scott_is_favourite_at_Innisbrook=E2=80=99s_course?=',
      'Date: Tue, 10 Mar 2015 14:17:01 -0700',
      'Message-Id: <7173E056-46C9@example.com>',
      'Mime-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      'This is a multi-part message in MIME format.',
      '--b1',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Type: text/plain; charset="Windows-1252"',
      '',
      'LOS ANGELES, March 10 AAP =96 Adam Scott is hoping to live up to his favour=',
      'ite tag as he searches for competitive rounds before the Masters.',
      '',
      'Scott lines up this week at Innisbrook Resort=92s Copperhead course in Tampa.',
      '',
      '-- ',
      'Ben Everill | Golf writer | +1 555 0100',
      '--b1',
      'Content-Type: text/html; charset="windows-1252"',
      '',
      '<p>HTML copy of the same text</p>',
      '--b1--',
      '',
    ]),
  ),
]);

describe('parseEmail', () => {
  it('reads the subject as the headline and the text part as the body, with its transfer encoding and charset undone', () => {
    const [item] = parseEmail(STRINGER).items;
    expect(item).toMatchObject({
      ok: true,
      article: {
        uri: 'mid:7173E056-46C9@example.com',
        headline: 'Scott is favourite at Innisbrook’s course',
        byline: 'Ben Everill',
        firstCreated: '2015-03-10T21:17:01.000Z',
        versionCreated: '2015-03-10T21:17:01.000Z',
      },
    });
    const article = item.ok ? item.article : undefined;
    expect(article?.bodyText).toBe(
      'LOS ANGELES, March 10 AAP – Adam Scott is hoping to live up to his favourite tag as he searches for competitive rounds before the Masters.\n\nScott lines up this week at Innisbrook Resort’s Copperhead course in Tampa.',
    );
  });

  it('is recognised from its header block whatever it is sent as, and from message/rfc822', () => {
    expect(sniffFormat(STRINGER.toString('latin1'))).toBe('email');
    expect(sniffPlainText(STRINGER.toString('latin1'))).toBe('email');
    for (const input of [{ body: STRINGER, contentType: 'text/plain' }, { body: STRINGER, contentType: 'message/rfc822' }, { body: STRINGER, filename: 'story.eml' }, { body: STRINGER }]) {
      expect(parseDocument(input)).toMatchObject({ format: 'email', items: [{ ok: true, article: { uri: 'mid:7173E056-46C9@example.com' } }] });
    }
  });

  it('reads the HTML part when there is no text part, a base64 body in its charset, and ignores attachments', () => {
    const html = CRLF([
      'From: Desk <desk@example.com>',
      'Subject: Storm closes ports',
      'Date: Mon, 2 Mar 2015 16:27:38 -0800',
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      '--outer',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<div><p>Ports in the north closed on Monday.</p><p>Ferries were cancelled.</p></div>').toString('base64'),
      '--outer',
      'Content-Type: image/jpeg; name="port.jpg"',
      'Content-Disposition: attachment; filename="port.jpg"',
      'Content-Transfer-Encoding: base64',
      '',
      '/9j/4AAQSkZJRgABAQEAYABgAAD/2wBDAAIBAQIBAQICAgIC',
      '--outer--',
    ]);
    const [item] = parseEmail(html).items;
    expect(item).toMatchObject({ ok: true, article: { headline: 'Storm closes ports', bodyText: 'Ports in the north closed on Monday.\n\nFerries were cancelled.' } });
    // "Desk" labels a mailbox, not a person.
    expect(item.ok && item.article.byline).toBeFalsy();

    const latin = Buffer.concat([
      Buffer.from(CRLF(['From: a@example.com', 'Subject: =?iso-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?=', 'Date: Mon, 2 Mar 2015 16:27:38 +0100', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: base64', '', ''])),
      Buffer.from(iconv.encode('Köln (dpa) - Der Rhein führt Hochwasser.', 'latin1').toString('base64')),
    ]);
    expect(parseEmail(latin).items[0]).toMatchObject({ ok: true, article: { headline: 'Grüße aus Köln', bodyText: 'Köln (dpa) - Der Rhein führt Hochwasser.' } });
  });

  it('reads a web form mailed as JSON, even with a line wrapped inside a string by format=flowed', () => {
    const form = CRLF([
      'From: forms@example.com',
      'To: desk@example.com',
      'Subject: Formatted Editorial Story',
      'Date: Sun, 13 Sep 2015 19:06:01 -0700',
      'Content-Type: text/plain; charset=ISO-8859-1; format=flowed; delsp=yes',
      '',
      '{"Headline":["Roar unbeaten in maroon"],"Abstract":["Brisbane wear one-off jerseys."],"Timestamp":["9/14/2015',
      '12:06:00"],"Slugline":["SOC Roar"],"Body":["Brisbane Roar will wear maroon on Saturday.\\n\\nThe club said so."]}',
    ]);
    expect(parseEmail(form).items[0]).toMatchObject({
      ok: true,
      article: { headline: 'Roar unbeaten in maroon', description: 'Brisbane wear one-off jerseys.', bodyText: 'Brisbane Roar will wear maroon on Saturday.\n\nThe club said so.', keywords: ['SOC Roar'] },
    });
  });

  it('reads a story attached to a mail that has no text of its own, by type or file name, and names it by the mail', () => {
    const nitf = '<nitf><head><title>Harbour reopens</title></head><body><body.head><hedline><hl1>Harbour reopens after storm</hl1></hedline></body.head><body.content><p>PORT EXAMPLE - The harbour reopened on Tuesday.</p></body.content></body></nitf>';
    const mail = (attachment: string[]) =>
      CRLF(['From: Desk <desk@example.com>', 'To: wire@example.net', 'Subject: story attached', 'Date: Tue, 10 Mar 2015 14:17:01 -0700', 'Message-ID: <att-1@example.com>', 'Content-Type: multipart/mixed; boundary=m', '', '--m', 'Content-Type: text/plain; charset=utf-8', '', '-- ', 'Desk | Example Press', '--m', ...attachment, '--m--']);
    const asNitf = parseDocument({ body: mail(['Content-Type: application/nitf+xml', 'Content-Disposition: attachment; filename="story.xml"', 'Content-Transfer-Encoding: base64', '', Buffer.from(nitf).toString('base64')]) });
    expect(asNitf).toMatchObject({ format: 'email', items: [{ ok: true, article: { headline: 'Harbour reopens after storm', bodyText: 'PORT EXAMPLE - The harbour reopened on Tuesday.', uri: 'mid:att-1@example.com', firstCreated: '2015-03-10T21:17:01.000Z' } }] });
    const asText = parseDocument({ body: mail(['Content-Type: application/octet-stream', 'Content-Disposition: attachment; filename="copy.txt"', '', 'Ferries run again', '', 'Ferries to the islands ran again on Wednesday, the operator said.']) });
    expect(asText.items[0]).toMatchObject({ ok: true, article: { headline: 'Ferries run again', bodyText: 'Ferries to the islands ran again on Wednesday, the operator said.' } });
    // A mail attached to a mail is not read: no nesting.
    const nested = parseDocument({ body: mail(['Content-Type: message/rfc822', 'Content-Disposition: attachment; filename="fwd.eml"', '', 'From: a@example.com', 'To: b@example.com', 'Subject: Inner', '', 'Inner text.']) });
    expect(nested.items[0]).toMatchObject({ ok: true, article: { headline: 'story attached' } });
  });

  it('reads an attached NITF, NewsML or ninjs story beside a short cover note, but not a text file, and not beside a story', () => {
    const nitf = '<nitf><head><title>Harbour reopens</title></head><body><body.head><hedline><hl1>Harbour reopens after storm</hl1></hedline></body.head><body.content><p>PORT EXAMPLE - The harbour reopened on Tuesday.</p></body.content></body></nitf>';
    const mail = (text: string[], attachment: string[]) =>
      CRLF(['From: Desk <desk@example.com>', 'To: wire@example.net', 'Subject: harbour', 'Date: Tue, 10 Mar 2015 14:17:01 -0700', 'Message-ID: <att-2@example.com>', 'Content-Type: multipart/mixed; boundary=m', '', '--m', 'Content-Type: text/plain; charset=utf-8', '', ...text, '--m', ...attachment, '--m--']);
    const asNitf = ['Content-Type: application/xml', 'Content-Disposition: attachment; filename="harbour.xml"', '', nitf];
    const note = ['Hi desk, story attached, please use. Thanks, Sam'];
    expect(parseDocument({ body: mail(note, asNitf) }).items[0]).toMatchObject({ ok: true, article: { headline: 'Harbour reopens after storm', uri: 'mid:att-2@example.com' } });
    // A plain-text attachment beside a note: the note may be the story, so the mail is read as written.
    const asText = ['Content-Type: text/plain', 'Content-Disposition: attachment; filename="copy.txt"', '', 'Ferries run again', '', 'Ferries ran again on Wednesday.'];
    expect(parseDocument({ body: mail(note, asText) }).items[0]).toMatchObject({ ok: true, article: { headline: 'harbour' } });
    // A mail that is a story of its own keeps its text, whatever is attached.
    const story = Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1} of the mailed story says what happened at the harbour on Tuesday and who said so.`);
    expect(parseDocument({ body: mail(story, asNitf) }).items[0]).toMatchObject({ ok: true, article: { headline: 'harbour' } });
  });

  it('takes labelled fields at the top of the text over the subject', () => {
    const labelled = CRLF([
      'From: Ben Everill <ben@example.com>',
      'To: desk@example.com',
      'Subject: copy',
      'Date: Tue, 10 Mar 2015 14:17:01 -0700',
      '',
      'Headline: Senden defends his title',
      '',
      'Abstract: John Senden defends his championship this week.',
      '',
      'TAMPA, March 10 AAP - John Senden defends the title he won last year.',
    ]);
    expect(parseEmail(labelled).items[0]).toMatchObject({
      ok: true,
      article: { headline: 'Senden defends his title', description: 'John Senden defends his championship this week.', bodyText: 'TAMPA, March 10 AAP - John Senden defends the title he won last year.' },
    });
  });

  it('tells a story that only begins like a header from a message', () => {
    expect(looksLikeEmail('Subject: budget talks stall\n\nTalks on the budget stalled on Monday.')).toBe(false);
    expect(looksLikeEmail('From: Reuters\nDate: Monday\n\nThe story.')).toBe(false);
    expect(sniffPlainText('Markets rally\n\nStocks rose on Monday.')).toBe('plaintext');
    expect(looksLikeEmail('\r\n  \r\nFrom: a@example.com\r\nTo: b@example.com\r\nSubject: S\r\n\r\nBody.')).toBe(true);
  });

  it('reads a hostile message within its bounds: thousands of parts, nesting past the bound, a boundary never closed', () => {
    const many = CRLF(['From: a@example.com', 'To: b@example.com', 'Subject: Many parts', 'Content-Type: multipart/mixed; boundary=x', '', ...Array.from({ length: 20_000 }, () => '--x\r\nContent-Type: text/plain\r\n\r\nfiller text.'), '']);
    let nested = 'Content-Type: text/plain\r\n\r\nDeep text.';
    for (let i = 0; i < 500; i++) nested = `Content-Type: multipart/mixed; boundary=n${i}\r\n\r\n--n${i}\r\n${nested}\r\n--n${i}--`;
    const deep = `From: a@example.com\r\nTo: b@example.com\r\nSubject: Deep\r\n${nested}`;
    expect(parseEmail(many).items[0]).toMatchObject({ ok: true, article: { headline: 'Many parts', bodyText: 'filler text.' } });
    // Past the depth bound the innermost text is not reached: the subject alone stands in.
    expect(parseEmail(deep).items[0]).toMatchObject({ ok: true, article: { headline: 'Deep' } });
    expect(parseEmail(CRLF(['From: a@example.com', 'To: b@example.com', 'Subject: Open', 'Content-Type: multipart/mixed; boundary=z', '', '--z', '', 'Never closed.'])).items[0]).toMatchObject({ ok: true, article: { bodyText: 'Never closed.' } });
  });
});
