import { parseNewsMl1 } from '../newsml-1/newsml1-parser';
import { isSignOff } from './sign-off';

describe('isSignOff', () => {
  it.each(['hh/ph/ts/hd', 'mex/ab/cd', 'dpa wsz jln npr', 'ففف/ح س/كام', 'او/كام/ص ك', 'بور-ايم/جص', 'ا ف ب/جص'])('reads %s as a desk sign-off', (line) => {
    expect(isSignOff(line)).toBe(true);
  });

  it.each(['The harbour reopened on Tuesday.', 'ماكرون يعرب عن تصميمه على تأمين إطلاق سراح رهائن', 'Kim Lee / Example Press', '24/7 coverage'])('reads %s as text', (line) => {
    expect(isSignOff(line)).toBe(false);
  });
});

describe('a flash with a sign-off and no headline (AFP Arabic, NewsML 1.2)', () => {
  const flash = `<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20231124T192141Z</DateId><NewsItemId>TX-PAR-EWE94</NewsItemId><RevisionId>1</RevisionId><PublicIdentifier>urn:newsml:afp.com:20231124T192141Z:TX-PAR-EWE94:1</PublicIdentifier></NewsIdentifier></Identification>
    <NewsComponent><ContentItem><MediaType FormalName="Text"/><DataContent><nitf><body><body.content><p>ماكرون يعرب عن "تصميمه" على تأمين إطلاق سراح رهائن فرنسيين محتجزين في غزة</p><p>ففف/ح س/كام</p><p/></body.content></body></nitf></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>`;

  it('keeps the sign-off out of the body, before a trailing empty paragraph too, and out of the headline made from the text', () => {
    const [item] = parseNewsMl1(flash).items;
    expect(item).toMatchObject({ ok: true, article: { headline: 'ماكرون يعرب عن "تصميمه" على تأمين إطلاق سراح رهائن فرنسيين محتجزين في غزة', bodyText: 'ماكرون يعرب عن "تصميمه" على تأمين إطلاق سراح رهائن فرنسيين محتجزين في غزة' } });
  });
});
