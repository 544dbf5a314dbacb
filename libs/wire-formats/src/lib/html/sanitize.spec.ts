import { htmlToText, sanitizeBodyHtml } from './sanitize';

describe('sanitizeBodyHtml', () => {
  const dirty =
    '<p style="color:red" onclick="x()">Hi <b>there</b></p><script>alert(1)</script><style>p{}</style>' +
    '<a href="javascript:alert(1)">bad</a><a href="https://example.com" onmouseover="y()">good</a>' +
    '<img src="javascript:alert(2)"><img src="https://example.com/a.jpg" onerror="z()"><iframe src="https://evil"></iframe>';
  const clean = sanitizeBodyHtml(dirty);

  it('drops scripts, styles, event handlers and iframes', () => {
    expect(clean).not.toMatch(/script|style|onclick|onmouseover|onerror|iframe|alert/i);
  });

  it('drops javascript: URLs but keeps http(s) links', () => {
    expect(clean).not.toContain('javascript:');
    expect(clean).toContain('href="https://example.com"');
    expect(clean).toContain('src="https://example.com/a.jpg"');
  });

  it('keeps the text and basic structure', () => {
    expect(clean).toContain('<p>Hi <b>there</b></p>');
  });
});

describe('htmlToText', () => {
  it('separates paragraphs, decodes entities and ignores script text', () => {
    expect(htmlToText('<p>One &amp; two&nbsp;&mdash; three</p><script>evil()</script><p>Four<br>five</p><p>Six<br><br>seven</p>')).toBe(
      'One & two\u00a0— three\n\nFour five\n\nSix\n\nseven'.replace('\u00a0', ' '),
    );
  });
});
