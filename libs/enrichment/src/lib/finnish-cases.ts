/**
 * Finnish names are inflected in running text ("Helsingissä", "Nokian", "Suomen"), and the gazetteer
 * knows the base form. These are the base forms a word may be the case form of: its case ending off
 * (longest first), then the usual stem changes undone (a doubled vowel before -lla: "Tampereella";
 * a stem -e of an -i word: "Suomen"; the nk -> ng gradation: "Helsingin"). Only a candidate the
 * gazetteer knows is ever used, so a wrong guess costs nothing.
 */
const CASE_ENDINGS = ['ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'lle', 'aan', 'ään', 'een', 'iin', 'oon', 'uun', 'yyn', 'ksi', 'na', 'nä', 'n', 'a', 'ä'];

export function finnishBaseForms(word: string): string[] {
  const out = new Set<string>();
  for (const ending of CASE_ENDINGS) {
    if (word.length < ending.length + 3 || !word.toLowerCase().endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    // Illative -Vn repeats the stem's last vowel: "Helsinkiin" is "Helsinki" + "in".
    const stems = ending.length === 3 && /^(aa|ää|ee|ii|oo|uu|yy)n$/.test(ending) ? [stem, word.slice(0, -2)] : [stem];
    for (const s of stems) {
      out.add(s);
      out.add(s.replace(/([aeiouyäö])\1$/u, '$1'));
      out.add(s.replace(/e$/u, 'i'));
      out.add(s.replace(/ng([ie])$/u, 'nk$1').replace(/ngi$/u, 'nki'));
    }
  }
  out.delete(word);
  return [...out].filter((s) => s.length >= 3);
}
