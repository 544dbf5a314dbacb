import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDraft, ItemOutcome } from '../common/types';
import { ParseRejection } from '../common/types';
import { parseNewsMl1 } from './newsml1-parser';

const fixture = (path: string) => readFileSync(join(__dirname, '../../fixtures', path));
const article = (item: ItemOutcome): ArticleDraft => {
  if (!item.ok) throw new Error(`rejected: ${item.reason}`);
  return item.article;
};

describe('parseNewsMl1 on a text item with a photo (AFP layout)', () => {
  const outcome = parseNewsMl1(fixture('newsml-1/text-item.xml'));
  const a = article(outcome.items[0]);

  it('reads the NewsLines', () => {
    expect(outcome.format).toBe('newsml-1');
    expect(a).toMatchObject({
      headline: 'Incendie dans un entrepôt du port de Strasbourg, pas de blessé',
      subheadline: 'Une colonne de fumée visible dans toute la ville',
      byline: 'Marie Exemple',
      dateline: 'STRASBOURG, 10 juil 2024 (EXP)',
      located: 'Strasbourg',
      language: 'fr',
      provider: 'EXP',
    });
  });

  it('names the story without its revision, which is the version', () => {
    expect(a.uri).toBe('urn:newsml:example.com:20240710:240710125902.x7k2m9');
    expect(a.version).toBe(2);
    expect(a.signals).toEqual(['update']);
  });

  it('reads FirstCreated and ThisRevisionCreated (compact ISO with offset) as UTC, and the urgency', () => {
    expect(a.firstCreated).toBe('2024-07-10T12:59:02.000Z');
    expect(a.versionCreated).toBe('2024-07-10T13:15:02.000Z');
    expect(a.urgency).toBe(3);
    expect(a.pubStatus).toBe('usable');
  });

  it('takes the body from the Main text component, without the desk sign-off', () => {
    expect(a.bodyText.split('\n\n')).toEqual([
      'Un incendie a ravagé lundi un entrepôt du port autonome de Strasbourg, sans faire de blessé, ont indiqué les pompiers.',
      '"Le feu a été maîtrisé en fin d\'après-midi", a précisé une porte-parole des pompiers & de la préfecture.',
      "Les causes de l'incendie ne sont pas encore connues.",
    ]);
    expect(a.bodyHtml).toContain('<p>Un incendie');
  });

  it('reads IPTC subject codes, keywords and the photo as a rendition', () => {
    expect(a.subjects).toEqual([
      { scheme: 'subj', code: '03000000' },
      { scheme: 'subj', code: '03005000' },
    ]);
    expect(a.keywords).toEqual(['port', 'incendie']);
    expect(a.renditions).toEqual([{ href: 'https://photos.example.com/2024/07/10/port.jpg', contentType: 'image/jpeg', title: 'Photo' }]);
  });
});

describe('parseNewsMl1 on a bare embargoed NewsItem with NITF', () => {
  const a = article(parseNewsMl1(fixture('newsml-1/embargoed-nitf.xml')).items[0]);

  it('reads the embargo from StatusWillChange and keeps the instruction out of the body', () => {
    expect(a.embargoed).toBe('2024-11-25T09:00:00.000Z');
    expect(a.embargoNote).toBe('EMBARGOED until 0900 GMT November 25, 2024');
    expect(a.pubStatus).toBeUndefined();
  });

  it('leaves the headline repeated at the top of the body out', () => {
    expect(a.headline).toBe('Coalition agrees budget outline');
    expect(a.bodyText.startsWith('BERLIN (EXP) - The coalition agreed')).toBe(true);
    expect(a.bodyText).not.toMatch(/EMBARGOED|^Coalition agrees/);
    expect(a.byline).toBe('Anna Example');
    expect(a).toMatchObject({ uri: 'urn:newsml:example.com:20241124:BUD-0042', version: 1, language: 'en' });
  });
});

describe('parseNewsMl1 on a message with a correction and a partial update', () => {
  const outcome = parseNewsMl1(fixture('newsml-1/correction-and-update.xml'));

  it('reads the correction from its XHTML body, without the head title, and drops an account byline', () => {
    const a = article(outcome.items[0]);
    expect(a.signals).toEqual(['correction', 'update']);
    expect(a.version).toBe(3);
    expect(a.byline).toBeUndefined();
    expect(a.bodyText.split('\n\n')).toHaveLength(2);
    expect(a.bodyText.startsWith('PORTO (EXP) - The Douro burst its banks')).toBe(true);
  });

  it('refuses the partial update as not a story, with its id', () => {
    expect(outcome.items[1]).toMatchObject({ ok: false, index: 1, code: 'not-a-story', reason: expect.stringContaining('urn:newsml:example.com:20240301:FLOOD-6:2U') });
  });
});

describe('parseNewsMl1 refusals', () => {
  it('refuses a NewsML document without items, and XML of another kind', () => {
    expect(() => parseNewsMl1('<NewsML><NewsEnvelope/></NewsML>')).toThrow(expect.objectContaining({ code: 'empty' }));
    expect(() => parseNewsMl1('<nitf/>')).toThrow(ParseRejection);
  });

  it('refuses entity declarations as unsafe', () => {
    expect(() => parseNewsMl1('<!DOCTYPE NewsML [<!ENTITY x "y">]><NewsML/>')).toThrow(expect.objectContaining({ code: 'unsafe' }));
  });
});
